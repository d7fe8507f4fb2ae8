/**
 * Quality review: assistant answers worth a teammate's look — written with low confidence,
 * followed by a complaint (the customer's next message frustrated or negative, by the same
 * per-message signals the safety net reads), or followed by the same question again — and the
 * teammates' good / bad ratings, which make each assistant's weekly quality score.
 */
import type {
  ChannelKind,
  QualityScorePoint,
  ReviewItem,
  ReviewQueue,
  ReviewReason,
} from '@parley/domain';
import { sql } from 'kysely';
import { messageSignals } from '../ai/analysis/signals.js';
import { JOIN_THRESHOLD } from '../ai/grouping/cluster.js';
import { questionVector, sparseCosine } from '../ai/grouping/features.js';
import { notFound } from '../lib/errors.js';
import type { Db } from '../store/store.js';
import { answeredMessageId } from './question-groups.js';

/** An answer the responder was less sure of than this is queued (offline answers start at 0.35). */
export const LOW_CONFIDENCE = 0.5;
/** A next message this negative reads as a complaint even without frustration words. */
const COMPLAINT_SENTIMENT = -0.35;
/** Answers looked at per request, newest first: the queue is for recent work. */
const SCANNED = 2000;
const UNRATED_LISTED = 100;
const RATED_LISTED = 50;

export interface ReviewQuery {
  from: Date;
  /** Exclusive end. */
  to: Date;
  channels: ChannelKind[];
  assistantId: string | null;
}

interface AnswerRow {
  id: string;
  conversation_id: string;
  assistant_id: string | null;
  channel_kind: string;
  text: string;
  created_at: Date;
  answer_confidence: number | null;
  unanswered_question: string | null;
  question: string | null;
  next_text: string | null;
  verdict: 'good' | 'bad' | null;
  note: string | null;
  rated_by_name: string | null;
  rated_at: Date | null;
}

/** Why an answer needs review, from what is known of it; empty when it does not. */
export function reviewReasons(answer: {
  confidence: number | null;
  unanswered: boolean;
  question: string | null;
  next: string | null;
}): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (!answer.unanswered && answer.confidence !== null && answer.confidence < LOW_CONFIDENCE) {
    reasons.push('low_confidence');
  }
  if (answer.next) {
    const signals = messageSignals(answer.next);
    if (signals.frustration || signals.sentiment <= COMPLAINT_SENTIMENT) {
      reasons.push('complaint_after');
    }
    if (
      answer.question &&
      sparseCosine(questionVector(answer.question), questionVector(answer.next)) >= JOIN_THRESHOLD
    ) {
      reasons.push('repeated_question');
    }
  }
  return reasons;
}

function filters(query: ReviewQuery) {
  return {
    channels:
      query.channels.length > 0 ? sql`AND c.channel_kind IN (${sql.join(query.channels)})` : sql``,
    assistant: query.assistantId ? sql`AND c.assistant_id = ${query.assistantId}::uuid` : sql``,
  };
}

export async function reviewQueue(
  db: Db,
  workspaceId: string,
  query: ReviewQuery,
): Promise<ReviewQueue> {
  const { channels, assistant } = filters(query);
  const answers = await sql<AnswerRow>`
    SELECT r.id, r.conversation_id, c.assistant_id, c.channel_kind, r.text, r.created_at,
      r.answer_confidence, r.unanswered_question,
      COALESCE(r.unanswered_question, asked.text, previous.text) AS question,
      next.text AS next_text,
      rating.verdict, rating.note, rating.rated_by_name, rating.rated_at
    FROM messages r
    JOIN conversations c ON c.id = r.conversation_id
    LEFT JOIN messages asked ON asked.id = ${answeredMessageId('r')}
    -- A reply that does not name the message it answers (an import, an older reply) answers
    -- the customer's message just before it.
    LEFT JOIN LATERAL (
      SELECT p.text FROM messages p
      WHERE p.conversation_id = r.conversation_id AND p.author = 'contact'
        AND p.removed_at IS NULL AND p.seq < r.seq
      ORDER BY p.seq DESC LIMIT 1
    ) previous ON true
    LEFT JOIN LATERAL (
      SELECT n.text FROM messages n
      WHERE n.conversation_id = r.conversation_id AND n.author = 'contact'
        AND n.removed_at IS NULL AND n.seq > r.seq
      ORDER BY n.seq LIMIT 1
    ) next ON true
    LEFT JOIN answer_ratings rating
      ON rating.workspace_id = r.workspace_id AND rating.message_id = r.id
    WHERE r.workspace_id = ${workspaceId}::uuid AND r.author = 'assistant'
      AND r.removed_at IS NULL
      AND r.created_at >= ${query.from} AND r.created_at < ${query.to}
      ${channels} ${assistant}
      AND (rating.verdict IS NOT NULL OR next.text IS NOT NULL
        OR (r.unanswered_question IS NULL AND r.answer_confidence < ${LOW_CONFIDENCE}))
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT ${SCANNED}`.execute(db);

  const items = answers.rows.flatMap((row): ReviewItem[] => {
    const reasons = reviewReasons({
      confidence: row.answer_confidence === null ? null : Number(row.answer_confidence),
      unanswered: row.unanswered_question !== null,
      question: row.question,
      next: row.next_text,
    });
    if (reasons.length === 0 && !row.verdict) return [];
    return [
      {
        messageId: row.id,
        conversationId: row.conversation_id,
        assistantId: row.assistant_id,
        channel: row.channel_kind as ChannelKind,
        question: row.question ?? '',
        answer: row.text,
        reasons,
        at: new Date(row.created_at).toISOString(),
        rating:
          row.verdict && row.rated_at
            ? {
                verdict: row.verdict,
                note: row.note ?? '',
                by: row.rated_by_name ?? '',
                at: new Date(row.rated_at).toISOString(),
              }
            : null,
      },
    ];
  });
  const unrated = items.filter((item) => !item.rating).slice(0, UNRATED_LISTED);
  const rated = items
    .filter((item) => item.rating)
    .sort((a, b) => (b.rating?.at ?? '').localeCompare(a.rating?.at ?? ''))
    .slice(0, RATED_LISTED);
  return { items: [...unrated, ...rated], scores: await qualityScores(db, workspaceId, query) };
}

/** Ratings per assistant and week (Monday, UTC) of the answers rated, oldest week first. */
export async function qualityScores(
  db: Db,
  workspaceId: string,
  query: ReviewQuery,
): Promise<QualityScorePoint[]> {
  const { channels, assistant } = filters(query);
  const rows = await sql<{ assistant_id: string; week: string; good: number; bad: number }>`
    SELECT rating.assistant_id,
      to_char(date_trunc('week', rating.answered_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week,
      count(*) FILTER (WHERE rating.verdict = 'good') AS good,
      count(*) FILTER (WHERE rating.verdict = 'bad') AS bad
    FROM answer_ratings rating
    JOIN messages r ON r.id = rating.message_id
    JOIN conversations c ON c.id = r.conversation_id
    WHERE rating.workspace_id = ${workspaceId}::uuid AND rating.assistant_id IS NOT NULL
      AND rating.answered_at >= ${query.from} AND rating.answered_at < ${query.to}
      ${channels} ${assistant}
    GROUP BY 1, 2
    ORDER BY 2, 1`.execute(db);
  return rows.rows.map((row) => {
    const good = Number(row.good);
    const bad = Number(row.bad);
    return {
      assistantId: row.assistant_id,
      week: row.week,
      good,
      bad,
      score: good + bad > 0 ? good / (good + bad) : null,
    };
  });
}

export async function rateAnswer(
  db: Db,
  rater: { workspaceId: string; userId: string | null; name: string },
  messageId: string,
  rating: { verdict: 'good' | 'bad'; note: string },
): Promise<NonNullable<ReviewItem['rating']>> {
  const answer = await db
    .selectFrom('messages')
    .innerJoin('conversations', 'conversations.id', 'messages.conversation_id')
    .select(['messages.id', 'messages.created_at', 'conversations.assistant_id'])
    .where('messages.workspace_id', '=', rater.workspaceId)
    .where('messages.id', '=', messageId)
    .where('messages.author', '=', 'assistant')
    .executeTakeFirst();
  if (!answer) throw notFound('The assistant answer');
  const row = await db
    .insertInto('answer_ratings')
    .values({
      workspace_id: rater.workspaceId,
      message_id: answer.id,
      assistant_id: answer.assistant_id,
      verdict: rating.verdict,
      note: rating.note,
      rated_by: rater.userId,
      rated_by_name: rater.name,
      answered_at: answer.created_at,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'message_id']).doUpdateSet({
        verdict: rating.verdict,
        note: rating.note,
        rated_by: rater.userId,
        rated_by_name: rater.name,
        rated_at: sql<Date>`now()`,
      }),
    )
    .returning(['verdict', 'note', 'rated_by_name', 'rated_at'])
    .executeTakeFirstOrThrow();
  return {
    verdict: row.verdict,
    note: row.note,
    by: row.rated_by_name,
    at: row.rated_at.toISOString(),
  };
}
