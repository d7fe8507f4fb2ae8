import type { ChatChannel } from '../chat/api.js';

/** What the embedding `<script>` tag says about itself. `DOMStringMap` fits `dataset`. */
export interface ScriptTag {
  src: string;
  dataset: Record<string, string | undefined>;
}

export interface ScriptConfig {
  publicKey: string;
  apiBase: string;
  channel: ChatChannel;
  sessionFields: { shop?: string; customerId?: string };
}

const EMBED_CHANNELS: readonly ChatChannel[] = ['website_widget', 'shopify_widget'];

/**
 * Reads `data-key`, `data-api`, `data-channel`, `data-shop` and `data-customer-id`.
 * The API lives where the script came from unless `data-api` says otherwise.
 * Returns null when the tag cannot work (no key, unusable URLs).
 */
export function parseScriptConfig(tag: ScriptTag, pageUrl: string): ScriptConfig | null {
  const publicKey = tag.dataset.key?.trim();
  if (!publicKey) return null;
  const apiBase = apiBaseFrom(tag, pageUrl);
  if (!apiBase) return null;
  const channel = EMBED_CHANNELS.find((kind) => kind === tag.dataset.channel) ?? 'website_widget';
  const sessionFields: ScriptConfig['sessionFields'] = {};
  const shop = tag.dataset.shop?.trim();
  const customerId = tag.dataset.customerId?.trim();
  if (shop) sessionFields.shop = shop;
  if (customerId) sessionFields.customerId = customerId;
  return { publicKey, apiBase, channel, sessionFields };
}

function apiBaseFrom(tag: ScriptTag, pageUrl: string): string | null {
  try {
    const override = tag.dataset.api?.trim();
    if (!override) return new URL(tag.src, pageUrl).origin;
    const url = new URL(override, pageUrl);
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}
