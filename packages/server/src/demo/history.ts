/**
 * Six weeks of demo history on every channel, so Insights has something to show on a first
 * `npm start`: questions the assistant answered and ones it could not (the same few unanswered
 * questions in other words and languages, so they group), frustrated customers, requests for a
 * person, pauses by each trigger and teammates replying after them. Written in bulk (the ingest
 * path would take many seconds) and analyzed at once with the offline analyzer; deterministic,
 * so every start shows the same story.
 */
import { randomUUID } from 'node:crypto';
import {
  ANALYSIS_VERSION,
  CHANNEL_KINDS,
  type ChannelKind,
  type ConversationAnalysis,
  DEFAULT_TOPICS,
  type HandoverTrigger,
  type MessageQuote,
} from '@parley/domain';
import { type Insertable, sql } from 'kysely';
import type { AnalysisMessage, AnalysisResult } from '../ai/analysis/analyzer.js';
import { OfflineAnalyzer } from '../ai/analysis/offline-analyzer.js';
import { passOnMessage } from '../ai/responders/hand-off.js';
import { analysisToStore } from '../commands/analyze-conversation.js';
import type {
  AnswerRatingsTable,
  ContactsTable,
  ConversationsTable,
  MessagesTable,
} from '../store/schema.js';
import type { Db } from '../store/store.js';

export const HISTORY_DAYS = 56;

type Language = 'en' | 'de' | 'es' | 'fr' | 'it' | 'nl';
type Author = 'contact' | 'assistant' | 'operator';

/** Questions the knowledge base answers, with the assistant's answer. */
const ANSWERED: [string, string][] = [
  [
    'Where is my order? I ordered last Tuesday.',
    'You can follow your parcel with the tracking link in your shipping confirmation email, or under My account → Orders.',
  ],
  [
    'What is your return policy?',
    'You can return unworn items in their original packaging within 30 days of delivery for a full refund.',
  ],
  [
    'Do you ship to Austria?',
    'Yes, we ship to all EU countries. Delivery to the rest of the EU takes 3 to 6 working days.',
  ],
  [
    'Which payment methods do you accept?',
    'We accept these payment methods: Visa, Mastercard, PayPal, Klarna (invoice and instalments) and Apple Pay.',
  ],
  [
    'What size jacket should I get with a 98 cm chest?',
    'For a 98 cm chest, size M (95-101 cm) fits. Choose L if you wear layers underneath.',
  ],
  [
    'When is the Munich store open on Saturday?',
    'Our Munich store is open Monday to Saturday, 10 am to 8 pm.',
  ],
  [
    'How much is shipping for a small order?',
    'Shipping is free over 50 euros; below that it costs 4.90 euros in Germany and 9.90 euros abroad.',
  ],
  [
    'Can I exchange my boots for another size?',
    'Yes: return the item within 30 days and place a new order for the size you need; the return is free.',
  ],
];

const THANKS: [string, string] = [
  'Great, thanks a lot!',
  "You're welcome! Is there anything else I can help with?",
];

/** Questions nobody taught the assistant: paraphrases in several languages, and what a
 * teammate answered when they stepped in. The first group is the one the browser test fixes. */
export const UNANSWERED_GROUPS: { questions: [Language, string][]; teammate: string }[] = [
  {
    questions: [
      ['en', 'Do you sell gift cards?'],
      ['en', 'Can I buy a gift card for my brother?'],
      ['en', 'Do you sell gift cards online?'],
      ['en', 'Are gift cards available in your shop?'],
      ['de', 'Gibt es bei euch Geschenkgutscheine?'],
      ['es', '¿Venden tarjetas de regalo en su tienda?'],
      ['fr', 'Est-ce que vous vendez des cartes cadeaux ?'],
    ],
    teammate:
      'Yes! We sell gift cards from 10 to 200 euros. They are valid for three years and work online and in the Munich store.',
  },
  {
    questions: [
      ['en', 'Can I pick up my order at the Munich store?'],
      ['en', 'Is in-store pickup possible for online orders?'],
      ['de', 'Kann ich meine Bestellung im Laden in München abholen?'],
      ['it', 'Posso ritirare il mio ordine nel negozio di Monaco?'],
    ],
    teammate:
      'Yes, choose "Pick up in Munich" at checkout and we will email you when your order is ready, usually the next day.',
  },
  {
    questions: [
      ['en', 'Do you have a student discount?'],
      ['en', 'Is there a discount for students?'],
      ['de', 'Gibt es bei euch einen Rabatt für Studenten?'],
      ['nl', 'Hebben jullie korting voor studenten?'],
    ],
    teammate: 'Students get 10% off with a valid student ID via our partner UNiDAYS.',
  },
  {
    questions: [
      ['en', 'Do you repair broken zippers on jackets?'],
      ['en', 'Can you fix the zipper of my jacket?'],
      ['de', 'Repariert ihr auch kaputte Reißverschlüsse an Jacken?'],
    ],
    teammate:
      'We do: send the jacket in with a note, zipper repairs cost 15 euros and take about two weeks.',
  },
  {
    questions: [
      ['en', 'How long is the warranty on hiking boots?'],
      ['en', 'What guarantee do I get on the boots?'],
      ['fr', 'Quelle est la garantie sur les chaussures de randonnée ?'],
    ],
    teammate: 'Our hiking boots have a two-year warranty on materials and stitching.',
  },
];

const HUMAN_REQUESTS = [
  'Can I talk to a real person please?',
  'I would like to speak to a human, not a bot.',
  'Please put me through to someone from your team.',
  'Ich möchte bitte mit einem Mitarbeiter sprechen.',
];

const FRUSTRATED = [
  'This is ridiculous, I have asked three times already and nobody helps!',
  'Worst service ever. My parcel is two weeks late and nobody answers.',
  'I am really annoyed, the jacket arrived torn and this is unacceptable.',
  'Seriously? This is the second broken zipper. Terrible quality.',
];

/** Messages with words an admin might list as safety keywords. */
const KEYWORD_MESSAGES = [
  'If this is not sorted today I will file a chargeback with my bank.',
  'My lawyer will contact you about the damaged tent.',
];

const OPENERS_BEFORE_TROUBLE = [
  'My order #5521 has not arrived yet.',
  'The tent I bought has a broken pole.',
  'I returned my boots three weeks ago and still have no refund.',
  'The jacket I got is the wrong colour.',
];

const OPERATOR_REPLIES = [
  'Hi, this is Dana from Acme. I am so sorry about this — I have checked your order and will sort it out today.',
  'Hello, Chris here from the Acme team. I have sent you a prepaid label and a replacement is on its way.',
  'Hi! Dana from Acme. Your refund was issued this morning, it should show within 3 working days.',
];

const FIRST_NAMES = [
  'Lena',
  'Noah',
  'Mia',
  'Elias',
  'Sofia',
  'Jonas',
  'Emma',
  'Luca',
  'Hannah',
  'Felix',
  'Clara',
  'Ben',
  'Marie',
  'Paul',
  'Ines',
  'Tariq',
  'Yuki',
  'Omar',
  'Zoe',
  'Mateo',
];
const LAST_NAMES = [
  'Weber',
  'Martin',
  'Rossi',
  'Dubois',
  'García',
  'Jansen',
  'Novak',
  'Berg',
  'Silva',
  'Okafor',
];

/** How many conversations a channel sees on a weekday, on average. */
const DAILY_RATE: Record<ChannelKind, number> = {
  website_widget: 1.5,
  instagram_dm: 1.1,
  messenger: 0.9,
  gmail: 0.8,
  shopify_widget: 1,
  instagram_comment: 0.5,
  facebook_comment: 0.45,
  share_link: 0.35,
};

type Scenario =
  | 'answered'
  | 'unanswered'
  | 'unanswered_then_person'
  | 'failed_answers'
  | 'human_requested'
  | 'frustrated'
  | 'keyword'
  | 'operator';

const SCENARIOS: [Scenario, number][] = [
  ['answered', 44],
  ['unanswered', 14],
  ['unanswered_then_person', 8],
  ['failed_answers', 4],
  ['human_requested', 10],
  ['frustrated', 8],
  ['keyword', 4],
  ['operator', 8],
];

/** mulberry32: a tiny seeded generator, so the demo is the same on every start. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One of `items`, each as likely as its weight. */
function weighted<T>(rand: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rand() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

interface Line {
  author: Author;
  text: string;
  /** Seconds after the conversation started. */
  at: number;
  unansweredQuestion?: string;
  /** Assistant answers: how sure retrieval was (0–1). */
  confidence?: number;
}

interface Handover {
  trigger: HandoverTrigger;
  /** Seconds after the conversation started. */
  at: number;
}

interface PlannedConversation {
  kind: ChannelKind;
  start: Date;
  lines: Line[];
  handover: Handover | null;
}

function plan(
  rand: () => number,
  scenario: Scenario,
  serial: number,
): Omit<PlannedConversation, 'kind' | 'start'> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const aiDelay = () => 2 + Math.floor(rand() * 25);
  const personDelay = () => 240 + Math.floor(rand() * 3 * 3600);
  const lines: Line[] = [];
  let at = 0;
  const say = (author: Author, text: string, after: number, unansweredQuestion?: string) => {
    at += after;
    lines.push({ author, text, at, ...(unansweredQuestion ? { unansweredQuestion } : {}) });
  };
  // Later groups are asked less often, so the list has a clear top.
  const group = () =>
    weighted(
      rand,
      UNANSWERED_GROUPS.map((item, index) => [item, 1 / (index + 1)] as const),
    );
  const unanswered = (then: 'none' | 'person' | 'again') => {
    const chosen = group();
    const [language, question] = pick(chosen.questions);
    say('contact', question, 0);
    say('assistant', passOnMessage(language), aiDelay(), question);
    if (then === 'again') {
      const again = `${question} Anyone?`;
      say('contact', again, 60 + Math.floor(rand() * 240));
      say('assistant', passOnMessage(language), aiDelay(), again);
      return;
    }
    if (then === 'person') say('operator', chosen.teammate, personDelay());
  };

  /** An answer from the knowledge base; now and then a shaky one, for the review queue. */
  const answer = (text: string) => {
    say('assistant', text, aiDelay());
    const line = lines.at(-1) as Line;
    line.confidence = rand() < 0.18 ? 0.2 + rand() * 0.12 : 0.55 + rand() * 0.4;
  };

  let handover: Handover | null = null;
  /** The safety net pauses the AI right after the customer's last message. */
  const pausedNow = (trigger: HandoverTrigger) => {
    handover = { trigger, at: at + 1 };
  };
  switch (scenario) {
    case 'answered': {
      const [question, reply] = pick(ANSWERED);
      say('contact', question, 0);
      answer(reply);
      if (rand() < 0.5) {
        say('contact', THANKS[0], 60 + Math.floor(rand() * 300));
        say('assistant', THANKS[1], aiDelay());
      }
      break;
    }
    case 'unanswered':
      unanswered('none');
      break;
    case 'unanswered_then_person':
      // A teammate answers in the thread: the AI counts as taken over by a person.
      unanswered('person');
      handover = { trigger: 'operator', at };
      break;
    case 'failed_answers':
      unanswered('again');
      pausedNow('failed_answers');
      if (rand() < 0.7) say('operator', OPERATOR_REPLIES[0] as string, personDelay());
      break;
    case 'human_requested':
    case 'frustrated':
    case 'keyword': {
      // Each opener goes with one follow-up, so the history repeats a few dozen texts.
      const variant = Math.floor(rand() * OPENERS_BEFORE_TROUBLE.length);
      say('contact', OPENERS_BEFORE_TROUBLE[variant] as string, 0);
      say(
        'assistant',
        "I'm sorry to hear that! Could you send me your order number so I can look into it?",
        aiDelay(),
      );
      const text =
        scenario === 'human_requested'
          ? HUMAN_REQUESTS[variant]
          : scenario === 'frustrated'
            ? FRUSTRATED[variant]
            : KEYWORD_MESSAGES[variant % KEYWORD_MESSAGES.length];
      say('contact', text as string, 60 + Math.floor(rand() * 600));
      pausedNow(
        scenario === 'human_requested'
          ? 'human_requested'
          : scenario === 'frustrated'
            ? 'frustration'
            : 'keyword',
      );
      // Most get a reply; the rest show up as waiting for a person.
      if (serial % 4 !== 0) {
        say(
          'operator',
          OPERATOR_REPLIES[variant % OPERATOR_REPLIES.length] as string,
          personDelay(),
        );
      }
      break;
    }
    case 'operator': {
      const [question, reply] = pick(ANSWERED);
      say('contact', question, 0);
      answer(reply);
      say('contact', 'Thanks. One more thing about my order, it is a bit complicated.', 120);
      say('operator', OPERATOR_REPLIES[1] as string, 300 + Math.floor(rand() * 1800));
      handover = { trigger: 'operator', at };
      break;
    }
  }
  return { lines, handover };
}

/** Every conversation of the history, oldest day first. */
export function planHistory(now: Date): PlannedConversation[] {
  const rand = random(20_260_101);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const planned: PlannedConversation[] = [];
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 1; daysAgo--) {
    const dayStart = today - daysAgo * 86_400_000;
    const weekday = new Date(dayStart).getUTCDay();
    // Busier on weekdays, and growing over the weeks, as a shop's chat does.
    const load =
      (weekday === 0 || weekday === 6 ? 0.6 : 1) *
      (0.75 + (0.5 * (HISTORY_DAYS - daysAgo)) / HISTORY_DAYS);
    for (const kind of CHANNEL_KINDS) {
      const count = Math.floor(DAILY_RATE[kind] * load + rand());
      for (let index = 0; index < count; index++) {
        const scenario = weighted(rand, SCENARIOS);
        const start = new Date(dayStart + (7 + rand() * 14) * 3_600_000);
        planned.push({ kind, start, ...plan(rand, scenario, planned.length) });
      }
    }
  }
  return planned;
}

function chunks<T>(rows: T[], size = 400): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size)
    result.push(rows.slice(start, start + size));
  return result;
}

interface ToAnalyze {
  kind: ChannelKind;
  subject: string | null;
  messages: AnalysisMessage[];
}

/** The history repeats a few dozen conversation texts; the offline analyzer reads only the
 * texts (and whether it is email), so each distinct one is analyzed once and its message
 * references pointed at each copy's own messages. */
function memoizedAnalysis(analyzer: OfflineAnalyzer) {
  const placeholder = (index: number) => `message-${index}`;
  const cache = new Map<string, Promise<AnalysisResult>>();
  return async (conversation: ToAnalyze): Promise<AnalysisResult> => {
    const key = JSON.stringify([
      conversation.kind === 'gmail',
      conversation.subject,
      conversation.messages.map((message) => [message.author, message.text]),
    ]);
    let analyzed = cache.get(key);
    if (!analyzed) {
      analyzed = analyzer.analyze({
        channelKind: conversation.kind,
        subject: conversation.subject,
        messages: conversation.messages.map((message, index) => ({
          ...message,
          id: placeholder(index),
        })),
        topics: [...DEFAULT_TOPICS],
        previous: null,
      });
      cache.set(key, analyzed);
    }
    const result = await analyzed;
    const ids = new Map(
      conversation.messages.map((message, index) => [placeholder(index), message.id]),
    );
    const own = (quote: MessageQuote | null) =>
      quote && { ...quote, messageId: ids.get(quote.messageId) ?? quote.messageId };
    return {
      ...result,
      frustratedBy: own(result.frustratedBy),
      humanRequestedBy: own(result.humanRequestedBy),
      unansweredQuestions: result.unansweredQuestions.map((quote) => own(quote) ?? quote),
    };
  };
}

export interface HistoryChannel {
  id: string;
  kind: ChannelKind;
}

/** Writes the history for the workspace's channels (one per kind) and stores its analysis. */
export async function seedHistory(
  db: Db,
  workspaceId: string,
  assistantId: string,
  channels: HistoryChannel[],
  rater: { id: string; name: string },
  now: Date,
): Promise<number> {
  const channelOf = new Map(channels.map((channel) => [channel.kind, channel.id]));
  const planned = planHistory(now).filter((conversation) => channelOf.has(conversation.kind));
  const contacts: Insertable<ContactsTable>[] = [];
  const conversations: Insertable<ConversationsTable>[] = [];
  const messages: Insertable<MessagesTable>[] = [];
  const ratings: Insertable<AnswerRatingsTable>[] = [];
  let rated = 0;
  const toAnalyze: (ToAnalyze & { id: string })[] = [];

  planned.forEach((conversation, serial) => {
    const channelId = channelOf.get(conversation.kind) as string;
    const first = FIRST_NAMES[serial % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(serial * 7) % LAST_NAMES.length] as string;
    const externalId = `demo-history-${serial}`;
    const contactId = randomUUID();
    contacts.push({
      id: contactId,
      workspace_id: workspaceId,
      channel_id: channelId,
      external_id: externalId,
      display_name:
        conversation.kind.endsWith('widget') || conversation.kind === 'share_link'
          ? null
          : `${first} ${last}`,
      username: conversation.kind.startsWith('instagram') ? `${first}.${last}`.toLowerCase() : null,
      email: conversation.kind === 'gmail' ? `${first}.${last}@example.com`.toLowerCase() : null,
      attributes: JSON.stringify({}),
      created_at: conversation.start,
    });
    const conversationId = randomUUID();
    const comment = conversation.kind.endsWith('comment');
    const subject =
      conversation.kind === 'gmail' ? (conversation.lines[0]?.text.slice(0, 60) ?? null) : null;
    const rows = conversation.lines.map((line, index) => ({
      id: randomUUID(),
      at: new Date(conversation.start.getTime() + line.at * 1000),
      line,
      index,
    }));
    const firstId = rows[0]?.id ?? null;
    const lastRow = rows.at(-1);
    for (const { id, at, line, index } of rows) {
      // A teammate rated about a quarter of the answers, the shaky ones bad.
      if (line.confidence !== undefined && rated++ % 4 === 0) {
        const bad = line.confidence < 0.35;
        ratings.push({
          workspace_id: workspaceId,
          message_id: id,
          assistant_id: assistantId,
          verdict: bad ? 'bad' : 'good',
          note: bad ? 'Guessed: the article does not say this.' : '',
          rated_by: rater.id,
          rated_by_name: rater.name,
          rated_at: new Date(at.getTime() + 86_400_000),
          answered_at: at,
        });
      }
      messages.push({
        id,
        workspace_id: workspaceId,
        conversation_id: conversationId,
        channel_id: channelId,
        external_id: line.author === 'contact' ? `${externalId}-${index}` : null,
        author: line.author,
        direction: line.author === 'contact' ? 'inbound' : 'outbound',
        text: line.text,
        attachments: JSON.stringify([]),
        status: line.author === 'contact' ? 'received' : 'delivered',
        parent_id: comment && index > 0 ? firstId : null,
        metadata: JSON.stringify({}),
        created_at: at,
        unanswered_question: line.unansweredQuestion ?? null,
        answer_confidence: line.unansweredQuestion ? 0 : (line.confidence ?? null),
      });
    }
    const lastInbound = [...rows].reverse().find((row) => row.line.author === 'contact');
    conversations.push({
      id: conversationId,
      workspace_id: workspaceId,
      channel_id: channelId,
      channel_kind: conversation.kind,
      assistant_id: assistantId,
      contact_id: contactId,
      thread_key: externalId,
      subject,
      metadata: JSON.stringify(
        comment
          ? {
              post: {
                platform: conversation.kind.startsWith('instagram') ? 'instagram' : 'facebook',
                id: `demo-post-${conversation.kind}`,
              },
              caption: 'Our new Summit collection is here',
            }
          : {},
      ),
      preview: lastRow?.line.text.slice(0, 140) ?? '',
      last_activity_at: lastRow?.at ?? conversation.start,
      last_inbound_at: lastInbound?.at ?? null,
      // Weeks later, the pauses of old conversations have been lifted again.
      unread_count: 0,
      created_at: conversation.start,
      // The rest of the facts are recounted from the messages; a pause leaves no message.
      handover_trigger: conversation.handover?.trigger ?? null,
      handover_at: conversation.handover
        ? new Date(conversation.start.getTime() + conversation.handover.at * 1000)
        : null,
    });
    toAnalyze.push({
      id: conversationId,
      kind: conversation.kind,
      subject,
      messages: rows.map(({ id, at, line }) => ({
        id,
        author: line.author,
        text: line.text,
        sentAt: at.toISOString(),
      })),
    });
  });

  await db.transaction().execute(async (trx) => {
    // A few hundred rows per statement keeps the parameter count well in bounds.
    for (const chunk of chunks(contacts)) await trx.insertInto('contacts').values(chunk).execute();
    for (const chunk of chunks(conversations)) {
      await trx.insertInto('conversations').values(chunk).execute();
    }
    for (const chunk of chunks(messages)) await trx.insertInto('messages').values(chunk).execute();
    for (const chunk of chunks(ratings)) {
      await trx.insertInto('answer_ratings').values(chunk).execute();
    }
  });

  const analyze = memoizedAnalysis(new OfflineAnalyzer());
  const analyzed: { id: string; analysis: ConversationAnalysis }[] = [];
  for (const conversation of toAnalyze) {
    const lastId = conversation.messages.at(-1)?.id as string;
    const result = await analyze(conversation);
    analyzed.push({ id: conversation.id, analysis: analysisToStore(result, null, lastId, now) });
  }
  for (const chunk of chunks(analyzed)) {
    const values = chunk.map(
      ({ id, analysis }) =>
        sql`(${id}::uuid, ${JSON.stringify(analysis)}::jsonb, ${analysis.lastMessageId}::uuid, ${analysis.summary || null})`,
    );
    await sql`
      UPDATE conversations c SET analysis = v.analysis, analysis_version = ${ANALYSIS_VERSION},
        analyzed_through_message_id = v.last_id, summary = v.summary
      FROM (VALUES ${sql.join(values)}) AS v(id, analysis, last_id, summary)
      WHERE c.id = v.id
    `.execute(db);
  }
  return planned.length;
}
