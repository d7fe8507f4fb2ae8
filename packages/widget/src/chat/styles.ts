/**
 * Styles of the chat panel. They live in a shadow root, so the host page's CSS cannot reach
 * them and they cannot leak out. Sizes are in px because rem follows the host page's root.
 */
export const CHAT_STYLES = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus { outline: none; }
:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; box-shadow: 0 0 0 2px #fff; }
button { font: inherit; color: inherit; cursor: pointer; }
svg { width: 22px; height: 22px; display: block; }

.chat {
  --parley-accent: #4f46e5; --parley-on-accent: #fff;
  display: flex; flex-direction: column; height: 100%; min-height: 0;
  background: #fff; color: #18181b; text-align: left;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
}
.header {
  display: flex; align-items: center; gap: 10px; padding: 12px 12px 12px 16px;
  background: var(--parley-accent); color: var(--parley-on-accent);
}
.avatar {
  flex: none; display: grid; place-items: center; width: 32px; height: 32px;
  border: 2px solid currentColor; border-radius: 50%; font-weight: 600; font-size: 14px;
}
.title {
  flex: 1; min-width: 0; margin: 0; font-size: 16px; font-weight: 600;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.icon-button {
  flex: none; display: grid; place-items: center; width: 36px; height: 36px; padding: 0;
  border: 0; border-radius: 50%; background: transparent;
}
.icon-button:hover { background: rgba(127, 127, 127, 0.25); }

.body {
  flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain;
  display: flex; flex-direction: column; gap: 8px; padding: 16px;
}
.messages { display: flex; flex-direction: column; gap: 8px; margin: 0; padding: 0; list-style: none; }
.row { display: flex; flex-direction: column; align-items: flex-start; max-width: 85%; }
.row[data-author='contact'] { align-self: flex-end; align-items: flex-end; }
.greeting, .bubble {
  margin: 0; padding: 8px 12px; border-radius: 16px; background: #f1f1f4;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.greeting { align-self: flex-start; max-width: 85%; }
.row[data-author='contact'] .bubble { background: var(--parley-accent); color: var(--parley-on-accent); }
.row[data-status='sending'] .bubble { opacity: 0.65; }
.row[data-status='failed'] .bubble { box-shadow: 0 0 0 2px #dc2626; }
.attachment { display: block; margin-top: 4px; color: inherit; text-decoration: underline; }
.meta { display: flex; gap: 6px; font-size: 12px; color: #52525b; }
.meta:not(:empty) { margin-top: 2px; }
.failed { color: #b91c1c; }
.link-button { padding: 0; border: 0; background: none; font-weight: 600; text-decoration: underline; }

.suggestions { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 16px 10px; }
.chip {
  padding: 6px 12px; border: 1px solid #d4d4d8; border-radius: 999px; background: #fff;
  font-size: 14px; text-align: left;
}
.chip:hover { background: #f4f4f5; }
.banner:not(:empty) {
  margin: 0 16px 10px; padding: 8px 12px; border-radius: 8px;
  background: #fef2f2; color: #991b1b; font-size: 14px;
}

.composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid #e4e4e7; }
.input {
  flex: 1; min-width: 0; max-height: 120px; margin: 0; padding: 9px 12px; resize: none;
  border: 1px solid #a1a1aa; border-radius: 12px; background: #fff; color: inherit; font: inherit;
  font-size: 16px; /* below 16px, iOS Safari zooms the page when the input gets focus */
}
.input::placeholder { color: #71717a; }
.send {
  flex: none; display: grid; place-items: center; width: 40px; height: 40px; padding: 0;
  border: 0; border-radius: 50%; background: var(--parley-accent); color: var(--parley-on-accent);
}
`;
