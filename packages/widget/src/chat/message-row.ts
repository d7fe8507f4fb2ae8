import type { Attachment, MessageAuthor } from '@parley/domain';
import { h } from './dom.js';
import type { ChatEntry } from './message-list.js';
import { safeLinkUrl } from './safe-url.js';

/** A rendered message. Rows are updated in place, so the live region announces only news. */
export interface MessageRow {
  readonly node: HTMLLIElement;
  readonly bubble: HTMLDivElement;
  readonly meta: HTMLDivElement;
  entry: ChatEntry | null;
}

export type RetryHandler = (clientMessageId: string) => void;

/** Spoken before each message, so a screen reader user knows who wrote it. */
const SPEAKERS: Record<MessageAuthor, string> = {
  contact: 'You:',
  assistant: 'Assistant:',
  operator: 'Support:',
  business: 'Support:',
};

export function createRow(entry: ChatEntry, onRetry: RetryHandler): MessageRow {
  const bubble = h('div', {
    class: 'bubble',
    'data-testid': 'parley-message',
    'data-author': entry.author,
  });
  const meta = h('div', { class: 'meta' });
  const speaker = h('span', { class: 'visually-hidden' }, SPEAKERS[entry.author] ?? '');
  const node = h('li', { class: 'row', 'data-author': entry.author }, speaker, bubble, meta);
  const row: MessageRow = { node, bubble, meta, entry: null };
  updateRow(row, entry, onRetry);
  return row;
}

export function updateRow(row: MessageRow, entry: ChatEntry, onRetry: RetryHandler): void {
  const previous = row.entry;
  row.entry = entry;
  row.node.dataset.status = entry.delivery;
  if (!previous || contentChanged(previous, entry)) {
    row.bubble.replaceChildren(...bubbleContent(entry));
  }
  if (!previous || previous.delivery !== entry.delivery || previous.edited !== entry.edited) {
    row.meta.replaceChildren(...metaContent(entry, onRetry));
  }
}

function contentChanged(previous: ChatEntry, next: ChatEntry): boolean {
  return (
    previous.text !== next.text ||
    previous.removed !== next.removed ||
    JSON.stringify(previous.attachments) !== JSON.stringify(next.attachments)
  );
}

function bubbleContent(entry: ChatEntry): (Node | string)[] {
  if (entry.removed) return [h('em', {}, 'This message was removed.')];
  return [entry.text, ...entry.attachments.map(attachmentLink)];
}

function attachmentLink(attachment: Attachment): HTMLElement {
  const label = attachment.name || `${attachment.type} attachment`;
  const href = safeLinkUrl(attachment.url);
  if (!href) return h('span', { class: 'attachment' }, label);
  return h('a', { class: 'attachment', href, target: '_blank', rel: 'noopener noreferrer' }, label);
}

function metaContent(entry: ChatEntry, onRetry: RetryHandler): (Node | string)[] {
  const { clientMessageId } = entry;
  if (entry.delivery === 'failed' && clientMessageId) {
    const retry = h(
      'button',
      { type: 'button', class: 'link-button', 'aria-label': 'Retry sending message' },
      'Retry',
    );
    retry.addEventListener('click', () => onRetry(clientMessageId));
    return [h('span', { class: 'failed' }, 'Not sent.'), retry];
  }
  return entry.edited && !entry.removed ? ['Edited'] : [];
}
