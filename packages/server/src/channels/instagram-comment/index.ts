/** Instagram comments: each top-level comment thread on the account's media is a conversation. */
import type { MetaConnector } from '../meta/meta-connector.js';
import { verifyMetaSignature } from '../meta/signature.js';
import { parseInstagramCommentWebhook } from './parse.js';
import { sendInstagramCommentReply } from './send.js';

export const instagramCommentConnector: MetaConnector = {
  kind: 'instagram_comment',
  // Public comments have no reply window. Instagram caps a comment at 2200 characters.
  capabilities: { maxTextLength: 2200, attachments: false },
  verify: verifyMetaSignature,
  parseBatch: parseInstagramCommentWebhook,
  parse: (body) => parseInstagramCommentWebhook(body).events,
  send: sendInstagramCommentReply,
};
