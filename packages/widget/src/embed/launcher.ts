import type { ChatController } from '../chat/controller.js';
import { h, ICONS, icon } from '../chat/dom.js';
import { applyPalette, paletteFor } from '../chat/theme.js';
import { createChatView } from '../chat/view.js';
import { takeNewReplies } from './unread.js';

export interface Launcher {
  open(): void;
  close(): void;
}

/** The floating chat bubble and the panel it opens, rendered into the widget's shadow root. */
export function mountLauncher(root: ShadowRoot, controller: ChatController): Launcher {
  const openIcon = icon(ICONS.chat);
  const closeIcon = icon(ICONS.close);
  openIcon.classList.add('when-closed');
  closeIcon.classList.add('when-open');
  const badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: true });
  const bubble = h(
    'button',
    {
      type: 'button',
      class: 'launcher',
      'aria-label': 'Open chat',
      'aria-haspopup': 'dialog',
      'aria-expanded': 'false',
      'aria-controls': 'parley-panel',
      'data-testid': 'parley-bubble',
    },
    openIcon,
    closeIcon,
    badge,
  );
  const view = createChatView(controller, { onClose: () => close() });
  const panel = h('div', { class: 'panel', id: 'parley-panel', role: 'dialog', hidden: true });
  panel.append(view.element);
  const container = h('div', { class: 'parley' }, bubble, panel);
  root.append(container);

  let isOpen = false;
  let unread = 0;

  function open(): void {
    if (!isOpen) {
      isOpen = true;
      panel.hidden = false;
      bubble.setAttribute('aria-expanded', 'true');
      unread = 0;
      badge.hidden = true;
      controller.connect();
    }
    view.reveal();
  }

  function close(): void {
    if (!isOpen) return;
    const focusWasInside = panel.contains(root.activeElement);
    isOpen = false;
    panel.hidden = true;
    bubble.setAttribute('aria-expanded', 'false');
    // Hand focus back to where the visitor came from, unless it was already elsewhere.
    if (focusWasInside) bubble.focus();
  }

  bubble.addEventListener('click', () => (isOpen ? close() : open()));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });

  // Replies that arrive while the panel is closed are counted on the bubble. What a restored
  // conversation already held is not news, so counting starts once the session is up.
  let seen: Set<string> | null = null;
  controller.subscribe(({ config, connection, entries }) => {
    const name = config?.assistant.name ?? 'Assistant';
    panel.setAttribute('aria-label', `Chat with ${name}`);
    applyPalette(container, paletteFor(config?.themeColor ?? null));
    if (connection !== 'connected') return;
    if (!seen) seen = new Set(entries.map((entry) => entry.key));
    const replies = takeNewReplies(seen, entries);
    if (isOpen || replies === 0) return;
    unread += replies;
    badge.textContent = String(unread);
    badge.hidden = false;
  });

  return { open, close };
}
