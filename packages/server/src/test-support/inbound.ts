/** Builders of normalized inbound messages for tests of ingest and the inbox. */
import type { InboundMessage } from '@parley/domain';

let sequence = 0;

export function inboundMessage(overrides: Partial<InboundMessage> = {}): InboundMessage {
  sequence += 1;
  return {
    type: 'message',
    externalId: `ext-${process.pid}-${sequence}`,
    threadKey: 'thread-1',
    contact: { externalId: 'user-1', displayName: 'Ada Lovelace' },
    author: 'contact',
    text: `Message number ${sequence}`,
    sentAt: new Date(),
    ...overrides,
  };
}
