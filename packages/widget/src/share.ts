/**
 * The hosted share-link chat page (`/c/:slug`): the same chat as the widget, full page.
 * The server injects the assistant's public key (and optionally the API base) as meta tags.
 */
import { adoptStyles } from './chat/adopt-styles.js';
import { createChat } from './chat/create-chat.js';
import { h } from './chat/dom.js';
import { CHAT_STYLES } from './chat/styles.js';
import { createChatView } from './chat/view.js';
import { PAGE_STYLES } from './share/page-styles.js';
import { parseShareConfig } from './share/share-config.js';

function readMeta(name: string): string | null {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? null;
}

function start(): void {
  const mount = document.getElementById('parley-chat') ?? document.body;
  const root = mount.attachShadow({ mode: 'open' });
  adoptStyles(root, CHAT_STYLES + PAGE_STYLES);
  const config = parseShareConfig(readMeta, location.href);
  if (!config) {
    root.append(h('p', { class: 'unavailable' }, 'This chat link is not available.'));
    return;
  }
  const chat = createChat({ ...config, channel: 'share_link' });
  root.append(h('div', { class: 'page' }, createChatView(chat).element));
  chat.subscribe(({ config: loaded }) => {
    if (loaded) document.title = `Chat with ${loaded.assistant.name}`;
  });
  void chat.loadConfig();
  // The session opens once the visitor engages (input focus, a suggestion, a send), so merely
  // visiting the link creates no empty conversation; a returning visitor reconnects at once.
  chat.resume();
}

start();
