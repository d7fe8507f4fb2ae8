/** API shapes of conversations and messages: only these leave the server. */
import {
  ANALYSIS_VERSION,
  type AnswerSource,
  type Attachment,
  type ChannelKind,
  type ConversationCard,
  type MessageView,
} from '@parley/domain';
import { isAiOnly, isHandoverTrigger } from '../insights/rollup.js';
import type { ContactRow, ConversationRow, MessageRow } from '../store/schema.js';

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentConversation(row: ConversationRow, contact: ContactRow): ConversationCard {
  return {
    id: row.id,
    channelId: row.channel_id,
    channelKind: row.channel_kind as ChannelKind,
    assistantId: row.assistant_id,
    contact: {
      id: contact.id,
      displayName: contact.display_name,
      email: contact.email,
      username: contact.username,
      externalId: contact.external_id,
      attributes: contact.attributes,
    },
    subject: row.subject,
    preview: row.preview,
    lastActivityAt: iso(row.last_activity_at),
    lastInboundAt: row.last_inbound_at ? iso(row.last_inbound_at) : null,
    aiPaused: row.ai_paused,
    aiPausedReason: row.ai_paused_reason,
    unreadCount: row.unread_count,
    summary: row.summary,
    // An analysis of an older shape is hidden until it is analyzed again.
    analysis: row.analysis_version === ANALYSIS_VERSION ? row.analysis : null,
    metadata: row.metadata,
    createdAt: iso(row.created_at),
    outcome: row.handover_trigger ? 'handed_over' : isAiOnly(row) ? 'ai_only' : null,
    handoverTrigger: isHandoverTrigger(row.handover_trigger) ? row.handover_trigger : null,
  };
}

/** `answeredFrom`: the cited passages that still exist (see store/answer-sources.ts). */
export function presentMessage(row: MessageRow, answeredFrom: AnswerSource[] = []): MessageView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    author: row.author,
    direction: row.direction,
    text: row.removed_at ? '' : row.text,
    attachments: row.removed_at ? [] : (row.attachments as Attachment[]),
    status: row.status as MessageView['status'],
    error: row.error,
    parentId: row.parent_id,
    edited: row.edited_at !== null,
    removed: row.removed_at !== null,
    createdAt: iso(row.created_at),
    metadata: row.metadata,
    answeredFrom: row.removed_at ? [] : answeredFrom,
    unansweredQuestion: row.unanswered_question,
  };
}

/** Preview text for cards: one line, attachments named when there is no text. */
export function previewOf(text: string, attachments: readonly Attachment[] = []): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine) return oneLine.slice(0, 280);
  const first = attachments[0];
  // Never empty: an empty preview marks a widget conversation the visitor has not written in.
  return first ? `[${first.type}]` : '(no text)';
}
