/**
 * The Gmail connector. Inbound mail does not arrive in webhooks (a push only says "the
 * mailbox changed"), so receiving lives in sync.ts / sync-job.ts; this connector sends:
 * an operator's or assistant's answer goes out through users.messages.send as an RFC 2822
 * reply in the same Gmail thread.
 */
import type {
  ChannelCapabilities,
  ChannelConnector,
  OutboundContext,
  OutboundMessage,
  SendResult,
} from '../connector.js';
import { SINGLE_ADDRESS } from './addresses.js';
import { type GmailClientDeps, gmailClientFor } from './client.js';
import { failedSend } from './errors.js';
import { readReplyContext } from './inbound.js';
import { sharedGoogleAccessTokens } from './oauth.js';
import { buildReplyMessage, encodeRawMessage } from './rfc2822.js';

export const GMAIL_CAPABILITIES: ChannelCapabilities = {
  // Email has no reply window: a business may answer whenever it likes.
  maxTextLength: 100_000,
  attachments: false,
};

export function createGmailConnector(
  deps: GmailClientDeps & { now?: () => Date },
): ChannelConnector {
  const now = deps.now ?? (() => new Date());
  return {
    kind: 'gmail',
    capabilities: GMAIL_CAPABILITIES,
    async send(message: OutboundMessage, context: OutboundContext): Promise<SendResult> {
      try {
        const { api, settings } = gmailClientFor(context.channel, deps);
        const reply = readReplyContext(context.conversation.metadata);
        const to = reply?.replyTo ?? context.contact.email ?? context.contact.externalId;
        const toName = reply ? reply.replyToName : context.contact.displayName;
        if (!SINGLE_ADDRESS.test(to)) {
          return {
            ok: false,
            kind: 'recipient_unavailable',
            message: 'This conversation has no email address to reply to.',
            retryable: false,
          };
        }
        const from = settings.emailAddress ?? (await api.getProfile()).emailAddress;
        const raw = buildReplyMessage({
          from: { email: from, name: settings.fromName },
          to: { email: to, name: toName },
          subject: context.conversation.subject,
          inReplyTo: reply?.messageId ?? null,
          references: reply?.references ?? [],
          text: message.text,
          date: now(),
          parleyMessageId: message.id,
          automatic: message.author === 'assistant',
        });
        const sent = await api.sendMessage({
          raw: encodeRawMessage(raw),
          threadId: context.conversation.threadKey,
        });
        return { ok: true, externalId: sent.id };
      } catch (error) {
        return failedSend(error);
      }
    },
  };
}

/** The connector the registry serves for kind 'gmail'. */
export const gmailConnector = createGmailConnector({ tokens: sharedGoogleAccessTokens });
