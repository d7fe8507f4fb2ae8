/** Minimal conversation cards and messages for unit tests; each test overrides what it checks. */
import type { ConversationAnalysis, ConversationCard, MessageView } from '@parley/domain';

export function testCard(overrides: Partial<ConversationCard> = {}): ConversationCard {
  return {
    id: 'c1',
    channelId: 'ch1',
    channelKind: 'messenger',
    assistantId: null,
    contact: {
      id: 'p1',
      displayName: 'Amy Alpine',
      email: null,
      username: null,
      externalId: '1',
      attributes: {},
    },
    subject: null,
    preview: '',
    lastActivityAt: '2026-01-01T00:00:00.000Z',
    lastInboundAt: null,
    aiPaused: false,
    aiPausedReason: null,
    unreadCount: 0,
    summary: null,
    analysis: null,
    metadata: {},
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function testMessage(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: 'm1',
    conversationId: 'c1',
    author: 'contact',
    direction: 'inbound',
    text: 'Hello',
    attachments: [],
    status: 'received',
    error: null,
    parentId: null,
    edited: false,
    removed: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    metadata: {},
    answeredFrom: [],
    unansweredQuestion: null,
    ...overrides,
  };
}

export function testAnalysis(overrides: Partial<ConversationAnalysis> = {}): ConversationAnalysis {
  return {
    version: 1,
    summary: 'Customer asks about delivery to Canada.',
    topics: ['shipping'],
    keyphrases: [],
    sentiment: { label: 'neutral', score: 0, trend: 'steady' },
    frustrated: false,
    frustratedBy: null,
    humanRequested: false,
    humanRequestedBy: null,
    unansweredQuestions: [],
    actionItems: [],
    language: 'en',
    analyzer: 'offline',
    analyzedAt: '2026-01-01T00:00:00.000Z',
    lastMessageId: 'm1',
    ...overrides,
  };
}
