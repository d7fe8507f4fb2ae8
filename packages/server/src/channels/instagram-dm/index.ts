/** Instagram DMs: an Instagram professional account's inbox, with Meta's reply windows. */
import { DAY_MS, HOUR_MS } from '@parley/domain';
import type { MetaConnector } from '../meta/meta-connector.js';
import { verifyMetaSignature } from '../meta/signature.js';
import { parseInstagramDmWebhook } from './parse.js';
import { sendInstagramDmReply } from './send.js';

export const instagramDmConnector: MetaConnector = {
  kind: 'instagram_dm',
  capabilities: {
    replyWindowMs: 24 * HOUR_MS,
    humanAgentWindowMs: 7 * DAY_MS,
    // Instagram's limit for a text message (Messenger allows 2000).
    maxTextLength: 1000,
    attachments: false,
  },
  verify: verifyMetaSignature,
  parseBatch: parseInstagramDmWebhook,
  parse: (body) => parseInstagramDmWebhook(body).events,
  send: sendInstagramDmReply,
};
