/**
 * Connecting a Shopify store: its myshopify domain routes app proxy requests to the channel,
 * and the app's shared secret verifies them.
 */
import { z } from 'zod';

export const shopifyChannelInputSchema = z.object({
  shopDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/,
      'The shop domain looks like your-store.myshopify.com.',
    ),
  appSecret: z.string().trim().min(16, "The app's client secret looks too short."),
});

export type ShopifyChannelInputResult =
  | {
      ok: true;
      settings: {
        externalAccountId: string;
        config: Record<string, unknown>;
        secrets: Record<string, string>;
      };
    }
  | { ok: false; errors: { field: string; message: string }[] };

export function shopifyChannelInput(input: unknown): ShopifyChannelInputResult {
  const parsed = shopifyChannelInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.'),
        message: issue.message,
      })),
    };
  }
  return {
    ok: true,
    settings: {
      externalAccountId: parsed.data.shopDomain,
      config: { shopDomain: parsed.data.shopDomain },
      secrets: { appSecret: parsed.data.appSecret },
    },
  };
}
