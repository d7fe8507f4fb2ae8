import type { MessageView } from '@parley/domain';

/** Checks the fields the chat relies on, so a malformed payload is dropped instead of rendered. */
export function isMessageView(value: unknown): value is MessageView {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof MessageView, unknown>>;
  return (
    typeof candidate.id === 'string' &&
    typeof candidate.conversationId === 'string' &&
    typeof candidate.author === 'string' &&
    typeof candidate.text === 'string'
  );
}

/** The id the widget attached to a send, when the server echoes it back in the metadata. */
export function clientMessageIdOf(view: MessageView): string | null {
  const value = view.metadata?.clientMessageId;
  return typeof value === 'string' ? value : null;
}
