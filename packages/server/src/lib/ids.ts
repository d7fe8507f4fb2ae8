/** Random, URL-safe identifiers for public keys, slugs and tokens. */
import { randomBytes } from 'node:crypto';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const publicKey = () => `pk_${randomBytes(12).toString('hex')}`;
export const shareSlug = (name: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24) || 'chat'
  }-${randomBytes(3).toString('hex')}`;
