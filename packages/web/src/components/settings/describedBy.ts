/** Ids for a field's hint and error, and the aria-describedby that links them to the control
 * (the error first, so screen readers say what is wrong before how it works). */
export function describedBy(id: string, hint: unknown, error: unknown) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ids = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return { hintId, errorId, describedBy: ids || undefined };
}
