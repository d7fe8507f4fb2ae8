import type { MessageView } from '@parley/domain';

/** A server message for tests; override what the test is about. */
export function messageView(
  overrides: Partial<MessageView> & Pick<MessageView, 'id'>,
): MessageView {
  return {
    conversationId: 'conv-1',
    author: 'assistant',
    direction: overrides.author === 'contact' ? 'inbound' : 'outbound',
    text: 'Hello',
    attachments: [],
    status: 'sent',
    error: null,
    parentId: null,
    edited: false,
    removed: false,
    createdAt: '2025-01-01T10:00:00.000Z',
    metadata: {},
    answeredFrom: [],
    unansweredQuestion: null,
    ...overrides,
  };
}
