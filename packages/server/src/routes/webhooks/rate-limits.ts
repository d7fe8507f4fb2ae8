/**
 * Per-address limits on the webhook routes (anyone can call them; the platforms sign, but a
 * signature is checked only after some work). Meta, Shopify and Pub/Sub deliver from many
 * addresses each, so a generous ceiling per address leaves their real traffic alone while
 * bounding what one address can make us do. Counted before the body is read.
 */
export const WEBHOOK_RATE_LIMIT = { max: 1200, timeWindow: '1 minute' };

/** Meta's subscription handshake runs once when an admin saves the callback URL; a few tries
 * cover typos, and it checks the verify token against every Meta channel. */
export const HANDSHAKE_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
