/** The addresses an admin copies into other places: the embed snippet, the share link, and the
 * webhook URL a platform must call. */

export function embedSnippet(origin: string, publicKey: string): string {
  return `<script src="${origin}/widget.js" data-key="${publicKey}" async></script>`;
}

export function shareLink(origin: string, shareUrl: string): string {
  return `${origin}${shareUrl}`;
}

/** The server may report a webhook URL as a path; platforms need it absolute. */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).href;
}
