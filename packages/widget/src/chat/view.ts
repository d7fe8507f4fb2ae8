import type { WidgetConfig } from './api.js';
import type { ChatController, ChatState, Connection } from './controller.js';
import { h, ICONS, icon } from './dom.js';
import type { ChatEntry } from './message-list.js';
import { createRow, type MessageRow, updateRow } from './message-row.js';
import { applyPalette, paletteFor } from './theme.js';

export interface ChatViewOptions {
  /** Shows a close button in the header (the floating widget has one, the share page not). */
  onClose?: () => void;
}

export interface ChatView {
  readonly element: HTMLElement;
  /** Scrolls to the newest message and puts the cursor in the input. */
  reveal(): void;
}

/** Below this many pixels from the bottom, new messages keep the list scrolled down. */
const STICKY_SCROLL_PX = 80;
const MAX_INPUT_HEIGHT_PX = 120;
const MAX_MESSAGE_LENGTH = 4000;

/** The chat panel: header, greeting, messages, suggested questions and the composer. */
export function createChatView(
  controller: ChatController,
  options: ChatViewOptions = {},
): ChatView {
  const title = h('h2', { class: 'title', id: 'parley-title' });
  const avatar = h('span', { class: 'avatar', 'aria-hidden': 'true' });
  const header = h('header', { class: 'header' }, avatar, title);
  if (options.onClose) {
    const close = h(
      'button',
      { type: 'button', class: 'icon-button', 'aria-label': 'Close chat' },
      icon(ICONS.close),
    );
    close.addEventListener('click', options.onClose);
    header.append(close);
  }

  const greeting = h('p', { class: 'greeting', hidden: true });
  const list = h('ol', { class: 'messages', 'aria-live': 'polite', 'aria-label': 'Messages' });
  const body = h('div', { class: 'body' }, greeting, list);
  const suggestions = h('div', {
    class: 'suggestions',
    role: 'group',
    'aria-label': 'Suggested questions',
    hidden: true,
  });
  const banner = h('div', { class: 'banner', role: 'status' });

  const input = h('textarea', {
    id: 'parley-input',
    class: 'input',
    rows: '1',
    placeholder: 'Type your message…',
    // The server refuses longer messages; stopping here keeps a send from failing for good.
    maxlength: String(MAX_MESSAGE_LENGTH),
    'data-testid': 'parley-input',
  });
  const send = h(
    'button',
    { type: 'submit', class: 'send', 'aria-label': 'Send message', 'data-testid': 'parley-send' },
    icon(ICONS.send),
  );
  const label = h('label', { for: 'parley-input', class: 'visually-hidden' }, 'Message');
  const composer = h('form', { class: 'composer' }, label, input, send);
  const element = h(
    'section',
    { class: 'chat', 'aria-labelledby': 'parley-title' },
    header,
    body,
    suggestions,
    banner,
    composer,
  );

  function submit(text: string): void {
    if (!text.trim()) return;
    void controller.send(text);
    input.focus();
  }

  function resizeInput(): void {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, MAX_INPUT_HEIGHT_PX)}px`;
  }

  function sendDraft(): void {
    const text = input.value;
    input.value = '';
    resizeInput();
    submit(text);
  }

  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    sendDraft();
  });
  input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter breaks the line; an IME composition's Enter picks a candidate.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    sendDraft();
  });
  input.addEventListener('input', resizeInput);
  // Starting to type is the moment to open the session, so the first send does not wait for it.
  input.addEventListener('focus', () => controller.connect());

  const rows = new Map<string, MessageRow>();
  const retry = (clientMessageId: string) => {
    void controller.retry(clientMessageId);
    input.focus();
  };

  function renderEntries(entries: readonly ChatEntry[]): void {
    const stickToBottom = body.scrollHeight - body.scrollTop - body.clientHeight < STICKY_SCROLL_PX;
    const keys = new Set(entries.map((entry) => entry.key));
    for (const [key, row] of rows) {
      if (keys.has(key)) continue;
      row.node.remove();
      rows.delete(key);
    }
    let sentByVisitor = false;
    let cursor = list.firstChild;
    for (const entry of entries) {
      let row = rows.get(entry.key);
      if (!row) {
        row = createRow(entry, retry);
        rows.set(entry.key, row);
        sentByVisitor ||= entry.author === 'contact';
      } else if (row.entry !== entry) {
        updateRow(row, entry, retry);
      }
      if (row.node === cursor) cursor = cursor.nextSibling;
      else list.insertBefore(row.node, cursor);
    }
    if (stickToBottom || sentByVisitor) body.scrollTop = body.scrollHeight;
  }

  // `undefined` until the first state arrives, so that one always renders.
  let renderedConfig: WidgetConfig | null | undefined;
  function renderConfig(config: WidgetConfig | null): void {
    renderedConfig = config;
    const name = config?.assistant.name ?? 'Assistant';
    title.textContent = name;
    avatar.textContent = Array.from(name)[0]?.toUpperCase() ?? '';
    greeting.textContent = config?.assistant.greeting ?? '';
    greeting.hidden = !greeting.textContent;
    applyPalette(element, paletteFor(config?.themeColor ?? null));
    suggestions.replaceChildren(
      ...(config?.assistant.suggestedQuestions ?? []).map((question) => {
        const chip = h('button', { type: 'button', class: 'chip' }, question);
        chip.addEventListener('click', () => submit(question));
        return chip;
      }),
    );
  }

  let renderedConnection: Connection | undefined;
  function renderConnection(connection: Connection): void {
    renderedConnection = connection;
    if (connection !== 'failed') {
      banner.replaceChildren();
      return;
    }
    const again = h('button', { type: 'button', class: 'link-button' }, 'Try again');
    again.addEventListener('click', () => controller.connect());
    banner.replaceChildren("We couldn't connect to the chat. ", again);
  }

  controller.subscribe((state: ChatState) => {
    if (state.config !== renderedConfig) renderConfig(state.config);
    if (state.connection !== renderedConnection) renderConnection(state.connection);
    // Suggestions are for starting a conversation; they step aside once the visitor has spoken.
    suggestions.hidden =
      suggestions.childElementCount === 0 ||
      state.entries.some((entry) => entry.author === 'contact');
    renderEntries(state.entries);
  });

  return {
    element,
    reveal() {
      body.scrollTop = body.scrollHeight;
      input.focus();
    },
  };
}
