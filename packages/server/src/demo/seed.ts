/**
 * Demo data for a first `npm start`: one workspace, one login, and realistic conversations on
 * all eight channel kinds at different ages (active, recent, idle, paused), stored through the
 * same ingest path real webhooks use, on top of six weeks of history (see history.ts) for
 * Insights. Today's analysis runs at once, as a backfill job, so the first look at the inbox
 * shows summaries, topics and sentiment.
 */
import type {
  Attachment,
  ChannelKind,
  InboundMessage,
  MessageAuthor,
  SafetyNetTrigger,
} from '@parley/domain';
import { startBackfill } from '../commands/analysis-backfill.js';
import { ingest } from '../commands/ingest.js';
import { regroupQuestions } from '../commands/question-groups.js';
import { createAssistant, createChannel, createWorkspace } from '../commands/workspaces.js';
import type { Context } from '../context.js';
import { rebuildInsights } from '../store/insights.js';
import { HISTORY_DAYS, type HistoryChannel, seedHistory } from './history.js';
import { DEMO_SUGGESTED_QUESTIONS, seedDemoKnowledge } from './knowledge.js';

export const DEMO_LOGIN = { email: 'demo@parley.local', password: 'parley-demo' };

interface DemoThread {
  kind: ChannelKind;
  contact: InboundMessage['contact'];
  minutesAgo: number;
  subject?: string;
  metadata?: Record<string, unknown>;
  /** Paused by the safety net after the last message. */
  paused?: { trigger: SafetyNetTrigger; reason: string };
  /** Comment threads: every later line answers the first comment. */
  nested?: boolean;
  lines: [MessageAuthor, string, DemoExtras?][];
}

interface DemoExtras {
  attachments?: Attachment[];
  metadata?: Record<string, unknown>;
}

const THREADS: DemoThread[] = [
  {
    kind: 'website_widget',
    contact: { externalId: 'v-8f3a2c1d9e7b4a60' },
    minutesAgo: 2,
    lines: [
      ['contact', 'Hi! Do you ship to Canada?'],
      ['assistant', 'We do! Standard shipping to Canada takes 5–8 business days.'],
      ['contact', 'Great, and are duties included?'],
    ],
  },
  {
    kind: 'instagram_dm',
    contact: {
      externalId: '17841400000000001',
      username: 'trailrunner.jess',
      displayName: 'Jess Moreau',
    },
    minutesAgo: 7,
    lines: [
      ['contact', 'Is the Ridge 40L pack back in stock in green?'],
      ['assistant', 'Yes — the green Ridge 40L came back yesterday. Want a link?'],
      ['contact', 'Yes please!'],
    ],
  },
  {
    kind: 'messenger',
    contact: { externalId: '6120000000000002', displayName: 'Marco Rossi' },
    minutesAgo: 25,
    paused: {
      trigger: 'human_requested',
      reason: 'Customer asked for a person: "I want to talk to a real person please."',
    },
    lines: [
      ['contact', 'My order #4417 arrived with a broken zipper.'],
      ['assistant', "I'm sorry about that! I can start a replacement. Could you send a photo?"],
      ['contact', 'I want to talk to a real person please.'],
    ],
  },
  {
    kind: 'gmail',
    contact: {
      externalId: 'priya.shah@example.com',
      email: 'priya.shah@example.com',
      displayName: 'Priya Shah',
    },
    minutesAgo: 48,
    subject: 'Wholesale pricing for 200 units',
    lines: [
      [
        'contact',
        'Hello, we run a climbing gym in Leeds and would like wholesale pricing for 200 chalk bags. Do you offer volume discounts?',
        {
          attachments: [
            {
              type: 'file',
              name: 'gym-floor-plan.pdf',
              mimeType: 'application/pdf',
              size: 245_760,
            },
          ],
          metadata: {
            html: '<p>Hello,</p><p>we run a climbing gym in <strong>Leeds</strong> and would like wholesale pricing for <strong>200 chalk bags</strong>. Do you offer volume discounts?</p><p>Best,<br>Priya</p>',
            fullText:
              'Hello, we run a climbing gym in Leeds and would like wholesale pricing for 200 chalk bags. Do you offer volume discounts?\n\nOn Mon, 23 Nov 2026, Acme Outdoor <hello@acme-outdoor.example> wrote:\n> Thanks for visiting our stand at the Leeds climbing fair!',
          },
        },
      ],
      [
        'assistant',
        'Hi Priya, thanks for reaching out! We offer tiered discounts from 50 units. I have passed this on to our wholesale team.',
      ],
    ],
  },
  {
    kind: 'shopify_widget',
    contact: {
      externalId: 'v-2b9d7e4f1a3c5e80',
      displayName: 'Sam Lee',
      attributes: { shop: 'acme-outdoor.myshopify.com', shopifyCustomerId: '7012345678' },
    },
    minutesAgo: 90,
    lines: [
      ['contact', 'Can I change the size on my order before it ships?'],
      [
        'assistant',
        'Orders can be changed within 2 hours of purchase. What size would you like instead?',
      ],
      ['contact', 'Medium instead of large, thanks'],
    ],
  },
  {
    kind: 'instagram_comment',
    contact: { externalId: '17841400000000003', username: 'alpine.amy' },
    minutesAgo: 180,
    metadata: {
      post: {
        platform: 'instagram',
        id: '18000000000000001',
        permalink: 'https://www.instagram.com/p/C0SummitJacket/',
      },
      caption: 'Meet the new Summit jacket 🏔️',
    },
    nested: true,
    lines: [
      ['contact', 'Does this come in petite sizes?'],
      ['assistant', 'It does! Petite XS–L is available on our site.'],
    ],
  },
  {
    kind: 'facebook_comment',
    contact: { externalId: '6120000000000004', displayName: 'Tom Becker' },
    minutesAgo: 60 * 26,
    metadata: {
      post: {
        platform: 'facebook',
        id: '102000000000001_555000000000001',
        permalink: 'https://www.facebook.com/102000000000001/posts/555000000000001',
      },
      caption: 'Spring sale: 20% off all tents',
    },
    nested: true,
    lines: [
      ['contact', 'Is the sale valid in store too?'],
      ['assistant', 'The spring sale is online only, sorry Tom!'],
      ['contact', 'That is ridiculous, the ad said everywhere'],
    ],
    paused: {
      trigger: 'frustration',
      reason: 'Customer seems frustrated: "That is ridiculous, the ad said everywhere"',
    },
  },
  {
    kind: 'share_link',
    contact: { externalId: 'v-5c1e9a7b3d2f4e10' },
    minutesAgo: 60 * 50,
    lines: [
      ['contact', 'What is your return policy?'],
      ['assistant', 'You can return unused items within 30 days for a full refund.'],
    ],
  },
];

const ACCOUNT_IDS: Partial<Record<ChannelKind, string>> = {
  instagram_dm: 'demo-ig-account',
  instagram_comment: 'demo-ig-account',
  messenger: 'demo-page',
  facebook_comment: 'demo-page',
  gmail: 'support@acme-outdoor.example',
};

export async function seedDemo(ctx: Context) {
  // The demo's login is printed and documented; a strong password would protect nothing.
  const { workspace, user } = await createWorkspace(
    ctx.db,
    { name: 'Acme Outdoor (demo)', admin: { ...DEMO_LOGIN, name: 'Demo Operator' } },
    { checkPassword: false },
  );
  const assistant = await createAssistant(ctx.db, workspace.id, {
    name: 'Ava',
    instructions: 'You are Ava, the friendly support assistant of Acme Outdoor.',
    greeting: "Hi! I'm Ava from Acme Outdoor.",
    suggestedQuestions: DEMO_SUGGESTED_QUESTIONS,
    allowedOrigins: ['*'],
  });
  await seedDemoKnowledge(ctx, workspace.id, assistant.id);
  const now = ctx.now().getTime();
  const channels: HistoryChannel[] = [];
  for (const thread of THREADS) {
    const channel = await createChannel(ctx.db, ctx.secretBox, workspace.id, {
      kind: thread.kind,
      name: `Demo ${thread.kind.replace('_', ' ')}`,
      assistantId: assistant.id,
      externalAccountId: ACCOUNT_IDS[thread.kind]
        ? `${ACCOUNT_IDS[thread.kind]}-${thread.kind}`
        : null,
    });
    channels.push({ id: channel.id, kind: thread.kind });
    const start = now - thread.minutesAgo * 60_000 - thread.lines.length * 60_000;
    const events: InboundMessage[] = thread.lines.map(([author, text, extras], index) => ({
      type: 'message',
      externalId: `demo-${thread.kind}-${index}`,
      ...(thread.nested && index > 0 ? { parentExternalId: `demo-${thread.kind}-0` } : {}),
      ...(extras?.attachments ? { attachments: extras.attachments } : {}),
      ...(extras?.metadata ? { metadata: extras.metadata } : {}),
      threadKey: thread.contact.externalId,
      contact: thread.contact,
      author,
      text,
      sentAt: new Date(start + (index + 1) * 60_000),
      conversation: {
        ...(thread.subject ? { subject: thread.subject } : {}),
        ...(thread.metadata ? { metadata: thread.metadata } : {}),
      },
    }));
    const channelRecord = {
      id: channel.id,
      workspaceId: workspace.id,
      kind: thread.kind,
      assistantId: assistant.id,
    };
    const [first] = await ingest(ctx.db, channelRecord, events);
    if (thread.paused && first && first.status === 'created') {
      await ctx.db
        .updateTable('conversations')
        .set({
          ai_paused: true,
          ai_paused_reason: thread.paused.reason,
          handover_trigger: thread.paused.trigger,
          handover_at: events.at(-1)?.sentAt ?? null,
        })
        .where('id', '=', first.conversationId)
        .execute();
    }
  }
  await seedHistory(ctx.db, workspace.id, assistant.id, channels, user, ctx.now());
  await rebuildInsights(ctx.db, { workspaceId: workspace.id, recountFacts: true });
  await regroupQuestions(ctx, workspace.id, {
    from: new Date(now - (HISTORY_DAYS + 1) * 86_400_000),
    to: new Date(now),
  });
  // Only today's conversations are left to analyze: the history is analyzed as it is written.
  await startBackfill(ctx.db, workspace.id);
  return { workspace, assistant };
}
