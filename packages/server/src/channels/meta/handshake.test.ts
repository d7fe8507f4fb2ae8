import { describe, expect, it } from 'vitest';
import type { ChannelRecord } from '../connector.js';
import { answerHandshake } from './handshake.js';

function channel(id: string, secrets: Record<string, string>): ChannelRecord {
  return {
    id,
    workspaceId: 'w',
    kind: 'messenger',
    name: id,
    assistantId: null,
    config: {},
    secrets,
  };
}

const channels = [channel('no-token', {}), channel('page', { verifyToken: 'open-sesame-42' })];

describe('webhook subscription handshake', () => {
  it('echoes the challenge when a channel holds the verify token', () => {
    const result = answerHandshake(
      {
        'hub.mode': 'subscribe',
        'hub.verify_token': 'open-sesame-42',
        'hub.challenge': '1158201444',
      },
      channels,
    );
    expect(result).toMatchObject({ ok: true, challenge: '1158201444', channel: { id: 'page' } });
  });

  it('answers 403 for a token no channel holds', () => {
    const result = answerHandshake(
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'open-sesame-43', 'hub.challenge': '1' },
      channels,
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('answers 400 when the mode or challenge is missing', () => {
    expect(
      answerHandshake(
        { 'hub.mode': 'unsubscribe', 'hub.verify_token': 'open-sesame-42', 'hub.challenge': '1' },
        channels,
      ),
    ).toMatchObject({ ok: false, status: 400 });
    expect(
      answerHandshake({ 'hub.mode': 'subscribe', 'hub.verify_token': 'open-sesame-42' }, channels),
    ).toMatchObject({ ok: false, status: 400 });
  });

  it('answers 403 when no channel is connected', () => {
    const result = answerHandshake(
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'anything', 'hub.challenge': '1' },
      [],
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
  });
});
