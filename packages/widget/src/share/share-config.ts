export interface ShareConfig {
  publicKey: string;
  apiBase: string;
}

/**
 * The server serves `/c/:slug` with `<meta name="parley-key">` and, optionally,
 * `<meta name="parley-api">` (default: the page's own origin). Null when the key is missing.
 */
export function parseShareConfig(
  readMeta: (name: string) => string | null,
  pageUrl: string,
): ShareConfig | null {
  const publicKey = readMeta('parley-key')?.trim();
  if (!publicKey) return null;
  try {
    const api = new URL(readMeta('parley-api')?.trim() || '/', pageUrl);
    return { publicKey, apiBase: `${api.origin}${api.pathname.replace(/\/+$/, '')}` };
  } catch {
    return null;
  }
}
