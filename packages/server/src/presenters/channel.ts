/** API shape of a connected channel: rules and where the platform must call us; no secrets. */
import { type ChannelKind, normalizeChannelRules } from '@parley/domain';
import { META_KINDS } from '../channels/meta/envelope.js';
import { APP_PROXY_PREFIX } from '../routes/shopify/app-proxy.js';
import { META_WEBHOOK_PATH } from '../routes/webhooks/meta.js';
import type { ChannelRow } from '../store/schema.js';

/** Channels the visitor's browser talks to directly need no credentials. */
const CREDENTIAL_FREE: ChannelKind[] = ['website_widget', 'share_link'];

/** The address to enter in the platform's settings (Meta callback URL, Pub/Sub push
 * endpoint without its secret token, Shopify app proxy URL). */
function webhookPath(row: ChannelRow): string | null {
  const kind = row.kind as ChannelKind;
  if ((META_KINDS as readonly ChannelKind[]).includes(kind)) return META_WEBHOOK_PATH;
  if (kind === 'gmail') return row.config.pubsubTopic ? `/webhooks/gmail/${row.id}` : null;
  if (kind === 'shopify_widget') return APP_PROXY_PREFIX;
  return null;
}

export function presentChannel(row: ChannelRow, publicOrigin: string | null) {
  const path = webhookPath(row);
  const kind = row.kind as ChannelKind;
  return {
    id: row.id,
    kind,
    name: row.name,
    assistantId: row.assistant_id,
    externalAccountId: row.external_account_id,
    rules: normalizeChannelRules(row.rules),
    connected:
      CREDENTIAL_FREE.includes(kind) ||
      (row.secrets_encrypted !== null && row.config.uninstalled !== true),
    ...(path ? { webhookUrl: `${publicOrigin ?? ''}${path}` } : {}),
    createdAt: row.created_at.toISOString(),
  };
}
