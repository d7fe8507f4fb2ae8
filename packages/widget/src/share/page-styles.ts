/** The share page is the chat itself: full height on phones, a centred card on wide screens. */
export const PAGE_STYLES = `
:host { display: block; height: 100%; }
.page { height: 100%; }
.unavailable {
  display: grid; place-items: center; height: 100%; margin: 0; padding: 24px;
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #3f3f46;
}
@media (min-width: 760px) {
  .page { max-width: 720px; height: calc(100% - 48px); margin: 24px auto; }
  .page .chat { border-radius: 16px; overflow: hidden; box-shadow: 0 8px 32px rgba(0, 0, 0, 0.12); }
}
`;
