/** The period of an Insights request: UTC days, inclusive, 30 days up to today by default. */
const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_DAYS = 30;

export interface DayWindow {
  from: string;
  to: string;
  /** Start of `from`. */
  start: Date;
  /** Start of the day after `to` (exclusive). */
  end: Date;
}

export function dayWindow(now: Date, from?: string, to?: string): DayWindow {
  const last = to ?? now.toISOString().slice(0, 10);
  const end = new Date(new Date(`${last}T00:00:00Z`).getTime() + DAY_MS);
  const first = from ?? new Date(end.getTime() - DEFAULT_DAYS * DAY_MS).toISOString().slice(0, 10);
  return { from: first, to: last, start: new Date(`${first}T00:00:00Z`), end };
}
