/** Facebook page comments: each top-level comment thread on the Page's posts is a conversation. */
import type { MetaConnector } from '../meta/meta-connector.js';
import { verifyMetaSignature } from '../meta/signature.js';
import { parseFacebookCommentWebhook } from './parse.js';
import { sendFacebookCommentReply } from './send.js';

export const facebookCommentConnector: MetaConnector = {
  kind: 'facebook_comment',
  // Public comments have no reply window. Facebook caps a comment at 8000 characters.
  capabilities: { maxTextLength: 8000, attachments: false },
  verify: verifyMetaSignature,
  parseBatch: parseFacebookCommentWebhook,
  parse: (body) => parseFacebookCommentWebhook(body).events,
  send: sendFacebookCommentReply,
};
