/** One line of terminal progress: `[█████░░░░░]  50%  120/240  8.1/s`. */
export function progressLine(done: number, total: number, perSecond: number, width = 30): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `[${bar}] ${percent}  ${done}/${total}  ${perSecond.toFixed(1)}/s`;
}
