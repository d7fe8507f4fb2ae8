/**
 * What the four Meta connectors add to the webhook connector contract: a parse that also says
 * which events it left out, so the webhook route can log them instead of failing the batch.
 */
import type { ChannelRecord, WebhookConnector } from '../connector.js';
import type { ParsedBatch } from './parse-result.js';

export interface MetaConnector extends WebhookConnector {
  parseBatch(body: unknown, channel: ChannelRecord): ParsedBatch;
}
