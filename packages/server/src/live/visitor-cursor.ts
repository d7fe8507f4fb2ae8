/**
 * A visitor's position in the live stream. The workspace event sequence counts every event of
 * the business, so handing it to visitors would tell them how busy it is; they get it sealed
 * instead (AES-GCM, a fresh nonce each time), which only the server can read back. Resuming
 * stays exact: the sealed value is the workspace sequence number.
 */
import type { SecretBox } from '../lib/secrets.js';

export function sealVisitorCursor(box: SecretBox, workspaceId: string, seq: number): string {
  return box.seal({ cursor: String(seq), workspace: workspaceId });
}

/** The sequence number of a cursor sealed for this workspace, or null for anything else. */
export function openVisitorCursor(
  box: SecretBox,
  workspaceId: string,
  cursor: string,
): number | null {
  try {
    const opened = box.open(cursor);
    const seq = Number(opened.cursor);
    if (opened.workspace !== workspaceId || !Number.isSafeInteger(seq) || seq < 0) return null;
    return seq;
  } catch {
    return null;
  }
}
