/**
 * The subscription check Meta runs when a webhook URL is saved: a GET with `hub.mode`,
 * `hub.verify_token` and `hub.challenge`. We echo the challenge only for a token one of our
 * Meta channels holds.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ChannelRecord } from '../connector.js';

export type HandshakeResult =
  | { ok: true; challenge: string; channel: ChannelRecord }
  | { ok: false; status: 400 | 403; reason: string };

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function answerHandshake(
  query: Record<string, string | undefined>,
  channels: readonly ChannelRecord[],
): HandshakeResult {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || !token || !challenge) {
    return {
      ok: false,
      status: 400,
      reason: 'Expected hub.mode=subscribe with hub.verify_token and hub.challenge.',
    };
  }
  const channel = channels.find(
    (candidate) => candidate.secrets.verifyToken && sameToken(candidate.secrets.verifyToken, token),
  );
  if (!channel) return { ok: false, status: 403, reason: 'No Meta channel has this verify token.' };
  return { ok: true, challenge, channel };
}
