/**
 * The embed script: `<script src="https://parley.example/widget.js" data-key="pk_..." async>`.
 * Adds a chat bubble to the page and exposes `window.Parley.open()` / `.close()`.
 */
import { createChat } from './chat/create-chat.js';
import { CHAT_STYLES } from './chat/styles.js';
import { type Launcher, mountLauncher } from './embed/launcher.js';
import { LAUNCHER_STYLES } from './embed/launcher-styles.js';
import { parseScriptConfig } from './embed/script-config.js';
import { createShadowHost } from './embed/shadow-host.js';

interface ParleyApi {
  open(): void;
  close(): void;
}

declare global {
  interface Window {
    Parley?: ParleyApi;
  }
}

/** `currentScript` is only set while the script first runs, and not for every loader. */
function findOwnScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[data-key][src*="widget.js"]');
}

function whenBodyReady(): Promise<void> {
  if (document.body) return Promise.resolve();
  return new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
  });
}

function start(): void {
  // Pasting the snippet twice must not give the page two bubbles.
  if (window.Parley) return;
  const script = findOwnScript();
  const config = script && parseScriptConfig(script, location.href);
  if (!config) {
    console.warn('[parley] widget.js needs a data-key attribute on its <script> tag.');
    return;
  }
  const chat = createChat(config);
  const launcher: Promise<Launcher> = whenBodyReady().then(() => {
    const mounted = mountLauncher(createShadowHost(CHAT_STYLES + LAUNCHER_STYLES), chat);
    void chat.loadConfig();
    chat.resume();
    return mounted;
  });
  window.Parley = {
    open: () => void launcher.then((mounted) => mounted.open()),
    close: () => void launcher.then((mounted) => mounted.close()),
  };
}

start();
