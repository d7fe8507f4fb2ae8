/** Meta mixes clocks: messaging timestamps are milliseconds, feed `created_time` is seconds. */

/** Below this a number cannot be milliseconds of any date Meta sends (it would be 1970). */
const SMALLEST_MILLISECOND_TIMESTAMP = 100_000_000_000;

export function fromMetaTime(value: number): Date {
  return new Date(value < SMALLEST_MILLISECOND_TIMESTAMP ? value * 1000 : value);
}
