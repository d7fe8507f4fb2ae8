/** A connected Meta channel pointed at the Graph API stand-in, and the context of a reply. */
import type { ChannelRecord, OutboundContext, OutboundMessage } from '../channels/connector.js';
import type { MetaChannelKind } from '../channels/meta/envelope.js';
import type { GraphApiStandIn } from './graph-api-stand-in.js';
import { APP_SECRET } from './meta-fixtures.js';

export const ACCESS_TOKEN = 'EAAGm0PX4ZCpsBAStandInPageAccessToken';
export const GRAPH_VERSION = 'v21.0';

export function metaChannelRecord(kind: MetaChannelKind, standIn: GraphApiStandIn): ChannelRecord {
  return {
    id: `channel-${kind}`,
    workspaceId: 'workspace-1',
    kind,
    name: kind,
    assistantId: null,
    config: { graphApiBaseUrl: standIn.baseUrl, graphApiVersion: GRAPH_VERSION },
    secrets: { accessToken: ACCESS_TOKEN, appSecret: APP_SECRET, verifyToken: 'open-sesame-42' },
  };
}

export function replyContext(channel: ChannelRecord, threadKey: string): OutboundContext {
  return {
    channel,
    conversation: {
      id: 'conversation-1',
      threadKey,
      subject: null,
      metadata: {},
      lastInboundAt: new Date(),
    },
    contact: { externalId: threadKey, displayName: null, email: null },
  };
}

export function outboundMessage(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: 'message-1',
    text: 'Thanks, we will ship it today.',
    author: 'operator',
    replyToExternalId: null,
    humanAgentTag: false,
    ...overrides,
  };
}
