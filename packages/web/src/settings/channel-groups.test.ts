import { DEFAULT_CHANNEL_RULES } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../api';
import { groupChannelsByKind } from './channel-groups';

const channel = (id: string, kind: Channel['kind']): Channel => ({
  id,
  kind,
  name: id,
  assistantId: null,
  externalAccountId: null,
  rules: DEFAULT_CHANNEL_RULES,
  connected: true,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('groupChannelsByKind', () => {
  it('groups in the canonical kind order and skips kinds without channels', () => {
    const groups = groupChannelsByKind([
      channel('g1', 'gmail'),
      channel('w1', 'website_widget'),
      channel('g2', 'gmail'),
    ]);
    expect(groups.map((group) => [group.kind, group.channels.map((item) => item.id)])).toEqual([
      ['website_widget', ['w1']],
      ['gmail', ['g1', 'g2']],
    ]);
  });
});
