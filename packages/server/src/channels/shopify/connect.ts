/**
 * Connecting a Shopify store: its myshopify domain routes app proxy requests to the channel,
 * and the app's shared secret verifies them.
 */
import { z } from 'zod';
import { type ConnectionInputResult, parseConnectionInput } from '../connection-input.js';

/** `{shop}.myshopify.com`: what routes Shopify's requests to a channel. */
export const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export const shopifyChannelInputSchema = z.object({
  shopDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(SHOP_DOMAIN, 'The shop domain looks like your-store.myshopify.com.'),
  appSecret: z.string().trim().min(16, "The app's client secret looks too short."),
});

export function shopifyChannelInput(input: unknown): ConnectionInputResult {
  return parseConnectionInput(shopifyChannelInputSchema, input, (value) => ({
    externalAccountId: value.shopDomain,
    config: { shopDomain: value.shopDomain },
    secrets: { appSecret: value.appSecret },
  }));
}
