import { adoptStyles } from '../chat/adopt-styles.js';

/**
 * Creates the element the widget lives in and its shadow root, so the host page's CSS and the
 * widget's CSS cannot touch each other. The root is open so automated tests can look inside.
 */
export function createShadowHost(css: string): ShadowRoot {
  const host = document.createElement('parley-widget');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, css);
  document.body.append(host);
  return root;
}
