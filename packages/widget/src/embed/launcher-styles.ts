/**
 * The floating bubble and panel. `!important` on `:host` is what beats the host page: for
 * important declarations the shadow tree wins over the page, so even
 * `* { all: unset !important }` or `parley-widget { display: none !important }` cannot hide it.
 */
export const LAUNCHER_STYLES = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  right: 0 !important;
  bottom: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483000 !important;
}
.parley { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
.launcher {
  position: fixed; right: 20px; bottom: 20px; display: grid; place-items: center;
  width: 56px; height: 56px; padding: 0; border: 0; border-radius: 50%;
  background: var(--parley-accent, #4f46e5); color: var(--parley-on-accent, #fff);
  box-shadow: 0 6px 20px rgba(0, 0, 0, 0.25);
}
.launcher svg { width: 28px; height: 28px; }
.launcher[aria-expanded='true'] .when-closed,
.launcher[aria-expanded='false'] .when-open { display: none; }
.badge {
  position: absolute; top: -4px; right: -4px; display: grid; place-items: center;
  min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px;
  background: #dc2626; color: #fff; font-size: 12px; font-weight: 700;
}
.panel {
  position: fixed; right: 20px; bottom: 88px; width: 380px; max-width: calc(100vw - 40px);
  height: 620px; max-height: calc(100vh - 108px); overflow: hidden; border-radius: 16px;
  background: #fff; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.25);
}
@media (max-width: 480px), (max-height: 520px) {
  .panel { inset: 0; width: auto; max-width: none; height: auto; max-height: none; border-radius: 0; }
}
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: parley-rise 160ms ease-out; }
  @keyframes parley-rise { from { opacity: 0; transform: translateY(12px); } }
}
`;
