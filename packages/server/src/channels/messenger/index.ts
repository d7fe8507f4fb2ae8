/** Facebook Messenger: a Page's conversations, with Meta's 24-hour and 7-day reply windows. */
import { DAY_MS, HOUR_MS } from '@parley/domain';
import type { MetaConnector } from '../meta/meta-connector.js';
import { verifyMetaSignature } from '../meta/signature.js';
import { parseMessengerWebhook } from './parse.js';
import { sendMessengerReply } from './send.js';

export const messengerConnector: MetaConnector = {
  kind: 'messenger',
  capabilities: {
    replyWindowMs: 24 * HOUR_MS,
    humanAgentWindowMs: 7 * DAY_MS,
    // The Send API's limit for a text message.
    maxTextLength: 2000,
    attachments: false,
  },
  verify: verifyMetaSignature,
  parseBatch: parseMessengerWebhook,
  parse: (body) => parseMessengerWebhook(body).events,
  send: sendMessengerReply,
};
