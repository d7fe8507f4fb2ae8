/** Channels grouped by kind, in the same order as everywhere else in the app. */
import { CHANNEL_KINDS, type ChannelKind } from '@parley/domain';
import type { Channel } from '../api';

export interface ChannelGroup {
  kind: ChannelKind;
  channels: Channel[];
}

export function groupChannelsByKind(channels: Channel[]): ChannelGroup[] {
  return CHANNEL_KINDS.map((kind) => ({
    kind,
    channels: channels.filter((channel) => channel.kind === kind),
  })).filter((group) => group.channels.length > 0);
}
