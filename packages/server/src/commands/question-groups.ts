/**
 * Unanswered customer questions, grouped by meaning as they arrive. A conversation's questions
 * come from two records of the same thing — the responder's (an assistant reply that had no
 * answer) and the analysis' (quotes of questions left unanswered) — counted once per customer
 * message. Each joins the most similar open group of its assistant or starts one; after a
 * group's first action, the assistant's later replies to the same question are recorded as
 * follow-ups (answered or not), which is how an action is measured. `regroupQuestions` rebuilds
 * the groups of a window in one batch (a command, and the way history gets grouped).
 */
import { ANALYSIS_VERSION } from '@parley/domain';
import { sql } from 'kysely';
import { detectLanguage } from '../ai/analysis/language.js';
import { groupVectors, JOIN_THRESHOLD, meanVector } from '../ai/grouping/cluster.js';
import { questionVector, type SparseVector, sparseCosine } from '../ai/grouping/features.js';
import type { ModelProvider } from '../ai/provider.js';
import type { Logger } from '../context.js';
import { enqueueJob } from '../jobs/queue.js';
import { cosine } from '../lib/vectors.js';
import type { Db } from '../store/store.js';

export const QUESTIONS_JOB = 'insights.questions';

export interface QuestionDeps {
  db: Db;
  provider: ModelProvider;
  log: Logger;
}

/** The customer message an assistant reply answers (`metadata.answers`), as a uuid the
 * messages' primary key can look up (a cast of the key column would scan the table). */
export function answeredMessageId(reply: string) {
  const answers = sql<string>`${sql.ref(`${reply}.metadata`)}->>'answers'`;
  return sql<string>`CASE WHEN ${answers} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    THEN (${answers})::uuid END`;
}

/** Centroids keep their strongest terms only, so a group row stays small however large. */
const CENTROID_TERMS = 64;
/** The open groups a new question is compared with: the most recently asked ones. */
const CANDIDATE_GROUPS = 5000;
const EMBED_BATCH = 256;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Queues the recording of a conversation's unanswered questions (one pending per conversation). */
export async function scheduleQuestionRecording(
  db: Db,
  conversation: { id: string; workspace_id: string },
): Promise<void> {
  await enqueueJob(db, {
    workspaceId: conversation.workspace_id,
    kind: QUESTIONS_JOB,
    payload: { conversationId: conversation.id },
    dedupeKey: `questions:${conversation.id}`,
  });
}

/** Whether any group of the workspace has been acted on: only then do answered replies matter. */
export async function hasActedGroups(db: Db, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('question_groups')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('first_action_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AskedQuestion {
  /** The customer's message (or the reply, when the reply names none). */
  messageId: string;
  replyId: string | null;
  conversationId: string;
  channelKind: string;
  assistantId: string | null;
  question: string;
  askedAt: Date;
}

function toCentroid(vector: SparseVector): Record<string, number> {
  const strongest = [...vector].sort((a, b) => b[1] - a[1]).slice(0, CENTROID_TERMS);
  const norm = Math.sqrt(strongest.reduce((sum, [, weight]) => sum + weight * weight, 0)) || 1;
  return Object.fromEntries(strongest.map(([term, weight]) => [term, weight / norm]));
}

function fromCentroid(centroid: Record<string, number>): SparseVector {
  return new Map(Object.entries(centroid));
}

/** Embeddings of the questions when the provider offers them; nulls otherwise or on failure. */
async function embedQuestions(
  deps: QuestionDeps,
  questions: readonly string[],
): Promise<(number[] | null)[]> {
  if (!deps.provider.embed || questions.length === 0) return questions.map(() => null);
  const vectors: (number[] | null)[] = [];
  try {
    for (let start = 0; start < questions.length; start += EMBED_BATCH) {
      vectors.push(...(await deps.provider.embed(questions.slice(start, start + EMBED_BATCH))));
    }
    return vectors;
  } catch (error) {
    deps.log.warn('question embeddings failed; grouping by words alone', {
      error: error instanceof Error ? error.message : String(error),
    });
    return questions.map(() => null);
  }
}

interface CandidateGroup {
  id: string;
  label: string;
  centroid: SparseVector;
  embedding: number[] | null;
  memberCount: number;
}

/** The group a question belongs to: the most similar by words, or by embedding when both have
 * one (its cosine moved onto the lexical scale, see cluster.ts). */
export function bestMatch<T extends { centroid: SparseVector; embedding: number[] | null }>(
  vector: SparseVector,
  embedding: number[] | null,
  groups: readonly T[],
  denseThreshold = 0.82,
): T | null {
  let best: T | null = null;
  let bestScore = 0;
  for (const group of groups) {
    let score = sparseCosine(vector, group.centroid);
    if (embedding && group.embedding) {
      score = Math.max(score, cosine(embedding, group.embedding) - denseThreshold + JOIN_THRESHOLD);
    }
    if (score > bestScore) {
      best = group;
      bestScore = score;
    }
  }
  return bestScore >= JOIN_THRESHOLD ? best : null;
}

async function candidateGroups(
  db: Db,
  workspaceId: string,
  assistantId: string | null,
  filter: { status: 'open' } | { acted: true },
): Promise<(CandidateGroup & { firstActionAt: Date | null })[]> {
  let query = db
    .selectFrom('question_groups')
    .select(['id', 'label', 'centroid', 'embedding', 'member_count', 'first_action_at'])
    .where('workspace_id', '=', workspaceId)
    .where(sql<boolean>`assistant_id IS NOT DISTINCT FROM ${assistantId}::uuid`);
  query =
    'status' in filter
      ? query.where('status', '=', 'open')
      : query.where('first_action_at', 'is not', null);
  const rows = await query.orderBy('last_asked_at', 'desc').limit(CANDIDATE_GROUPS).execute();
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    centroid: fromCentroid(row.centroid),
    embedding: row.embedding,
    memberCount: row.member_count,
    firstActionAt: row.first_action_at,
  }));
}

/** Adds questions (already vectorised) to a group, moving its centroid and maybe its label. */
async function addMembers(
  db: Db,
  workspaceId: string,
  group: CandidateGroup,
  questions: readonly { asked: AskedQuestion; vector: SparseVector; embedding: number[] | null }[],
): Promise<void> {
  if (questions.length === 0) return;
  const weighted = new Map<string, number>();
  for (const [term, weight] of group.centroid) weighted.set(term, weight * group.memberCount);
  let embedding = group.embedding ? [...group.embedding] : null;
  for (const item of questions) {
    for (const [term, weight] of item.vector)
      weighted.set(term, (weighted.get(term) ?? 0) + weight);
    if (item.embedding) {
      embedding = embedding
        ? embedding.map((value, index) => value + (item.embedding?.[index] ?? 0))
        : [...item.embedding];
    }
  }
  const centroid = meanVector([weighted]);
  // The label is the question nearest the centroid: the most typical wording.
  let label = group.label;
  let labelScore = sparseCosine(questionVector(label), centroid);
  for (const item of questions) {
    const score = sparseCosine(item.vector, centroid);
    if (score > labelScore) {
      label = item.asked.question;
      labelScore = score;
    }
  }
  await db
    .insertInto('question_group_members')
    .values(
      questions.map(({ asked }) => ({
        workspace_id: workspaceId,
        message_id: asked.messageId,
        group_id: group.id,
        conversation_id: asked.conversationId,
        reply_id: asked.replyId,
        channel_kind: asked.channelKind,
        assistant_id: asked.assistantId,
        question: asked.question,
        language: detectLanguage(asked.question),
        asked_at: asked.askedAt,
      })),
    )
    .onConflict((oc) => oc.columns(['workspace_id', 'message_id']).doNothing())
    .execute();
  const newest = new Date(Math.max(...questions.map((item) => item.asked.askedAt.getTime())));
  await db
    .updateTable('question_groups')
    .set({
      label: label.slice(0, 500),
      centroid: JSON.stringify(toCentroid(centroid)),
      embedding: embedding ? JSON.stringify(embedding) : null,
      member_count: sql<number>`member_count + ${questions.length}`,
      last_asked_at: sql<Date>`GREATEST(last_asked_at, ${newest})`,
    })
    .where('id', '=', group.id)
    .execute();
  group.centroid = centroid;
  group.embedding = embedding;
  group.memberCount += questions.length;
  group.label = label;
}

async function createGroup(
  db: Db,
  workspaceId: string,
  assistantId: string | null,
  first: AskedQuestion,
): Promise<CandidateGroup> {
  const row = await db
    .insertInto('question_groups')
    .values({
      workspace_id: workspaceId,
      assistant_id: assistantId,
      label: first.question.slice(0, 500),
      centroid: '{}',
      last_asked_at: first.askedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    label: first.question,
    centroid: new Map(),
    embedding: null,
    memberCount: 0,
  };
}

/** One lock per workspace: two conversations' jobs must not both start a group for one question. */
async function lockWorkspace(db: Db, workspaceId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`questions:${workspaceId}`}))`.execute(db);
}

/** Which unanswered questions to read: one conversation's, or a window's. */
type AskedScope = { conversationId: string } | { from: Date; to: Date };

const ASKER_BATCH = 1000;

/**
 * Unanswered questions, one per customer message, oldest first: the responder's record (an
 * assistant reply with the question it could not answer, naming the message it answered)
 * first, then the analysis' quotes of messages the responder did not record. A few queries
 * whatever the number of conversations, so a 30-day window is read in one go.
 */
async function askedQuestions(
  db: Db,
  workspaceId: string,
  scope: AskedScope,
): Promise<AskedQuestion[]> {
  let replies = db
    .selectFrom('messages as reply')
    .innerJoin('conversations', 'conversations.id', 'reply.conversation_id')
    .leftJoin('messages as asker', (join) =>
      join
        .on(sql<boolean>`asker.id = ${answeredMessageId('reply')}`)
        .on('asker.author', '=', 'contact')
        .on('asker.removed_at', 'is', null),
    )
    .select([
      'reply.id',
      'reply.conversation_id',
      'reply.created_at',
      'reply.unanswered_question',
      'conversations.channel_kind',
      'conversations.assistant_id',
      'asker.id as asker_id',
      'asker.created_at as asker_created_at',
    ])
    .where('reply.workspace_id', '=', workspaceId)
    .where('reply.author', '=', 'assistant')
    .where('reply.unanswered_question', 'is not', null)
    .where('reply.removed_at', 'is', null);
  let analyzed = db
    .selectFrom('conversations')
    .select(['id', 'channel_kind', 'assistant_id', 'analysis'])
    .where('workspace_id', '=', workspaceId)
    .where('analysis_version', '=', ANALYSIS_VERSION)
    .where(sql<boolean>`analysis @> ${JSON.stringify({ unansweredQuestions: [{}] })}::jsonb`);
  if ('conversationId' in scope) {
    replies = replies.where('reply.conversation_id', '=', scope.conversationId);
    analyzed = analyzed.where('id', '=', scope.conversationId);
  } else {
    // A reply comes after its question: the window's replies, and the day after, hold them all.
    replies = replies
      .where('reply.created_at', '>=', scope.from)
      .where('reply.created_at', '<=', new Date(scope.to.getTime() + 24 * 60 * 60 * 1000));
    analyzed = analyzed
      .where('last_activity_at', '>=', scope.from)
      .where('created_at', '<=', scope.to);
  }
  const asked = new Map<string, AskedQuestion>();
  for (const reply of await replies.execute()) {
    const messageId = reply.asker_id ?? reply.id;
    asked.set(messageId, {
      messageId,
      replyId: reply.id,
      conversationId: reply.conversation_id,
      channelKind: reply.channel_kind,
      assistantId: reply.assistant_id,
      question: reply.unanswered_question ?? '',
      askedAt: reply.asker_created_at ?? reply.created_at,
    });
  }
  const quotes = (await analyzed.execute()).flatMap((conversation) =>
    (conversation.analysis?.unansweredQuestions ?? [])
      .filter((quote) => !asked.has(quote.messageId))
      .map((quote) => ({ conversation, quote })),
  );
  for (let start = 0; start < quotes.length; start += ASKER_BATCH) {
    const batch = quotes.slice(start, start + ASKER_BATCH);
    const askers = await db
      .selectFrom('messages')
      .select(['id', 'conversation_id', 'created_at'])
      .where('workspace_id', '=', workspaceId)
      .where('author', '=', 'contact')
      .where('removed_at', 'is', null)
      .where(
        'id',
        'in',
        batch.map((item) => item.quote.messageId).filter((id) => UUID.test(id)),
      )
      .execute();
    const askerOf = new Map(askers.map((row) => [row.id, row]));
    for (const { conversation, quote } of batch) {
      const asker = askerOf.get(quote.messageId);
      if (!asker || asker.conversation_id !== conversation.id || asked.has(asker.id)) continue;
      asked.set(asker.id, {
        messageId: asker.id,
        replyId: null,
        conversationId: conversation.id,
        channelKind: conversation.channel_kind,
        assistantId: conversation.assistant_id,
        question: quote.quote,
        askedAt: asker.created_at,
      });
    }
  }
  return [...asked.values()]
    .filter(
      (item) => !('from' in scope) || (item.askedAt >= scope.from && item.askedAt <= scope.to),
    )
    .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime());
}

/** Places new questions into the open groups of their assistant (or new groups). */
async function placeQuestions(
  deps: QuestionDeps,
  trx: Db,
  workspaceId: string,
  questions: readonly AskedQuestion[],
): Promise<void> {
  const byAssistant = new Map<string | null, AskedQuestion[]>();
  for (const item of questions) {
    byAssistant.set(item.assistantId, [...(byAssistant.get(item.assistantId) ?? []), item]);
  }
  const embeddings = await embedQuestions(
    deps,
    questions.map((item) => item.question),
  );
  const embeddingOf = new Map(questions.map((item, index) => [item, embeddings[index] ?? null]));
  for (const [assistantId, list] of byAssistant) {
    const groups: CandidateGroup[] = await candidateGroups(trx, workspaceId, assistantId, {
      status: 'open',
    });
    for (const asked of list) {
      const vector = questionVector(asked.question);
      const embedding = embeddingOf.get(asked) ?? null;
      const group =
        bestMatch(vector, embedding, groups) ??
        (await createGroup(trx, workspaceId, assistantId, asked));
      if (group.memberCount === 0) groups.unshift(group);
      await addMembers(trx, workspaceId, group, [{ asked, vector, embedding }]);
    }
  }
}

/** After a group's first action: the assistant's later replies to the same question. */
async function recordFollowups(
  trx: Db,
  workspaceId: string,
  conversationId: string,
  assistantId: string | null,
): Promise<void> {
  const acted = await candidateGroups(trx, workspaceId, assistantId, { acted: true });
  if (acted.length === 0) return;
  const since = new Date(Math.min(...acted.map((group) => group.firstActionAt?.getTime() ?? 0)));
  const replies = await trx
    .selectFrom('messages as reply')
    .leftJoin('messages as asker', (join) =>
      join.on(sql<boolean>`asker.id = ${answeredMessageId('reply')}`),
    )
    .select([
      'reply.id',
      'reply.created_at',
      'reply.unanswered_question',
      'asker.text as asker_text',
    ])
    .where('reply.conversation_id', '=', conversationId)
    .where('reply.author', '=', 'assistant')
    .where('reply.created_at', '>', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('question_group_followups')
            .select('reply_id')
            .whereRef('question_group_followups.reply_id', '=', 'reply.id'),
        ),
      ),
    )
    .execute();
  for (const reply of replies) {
    const question = reply.unanswered_question ?? reply.asker_text;
    if (!question) continue;
    const eligible = acted.filter(
      (group) => group.firstActionAt && group.firstActionAt < reply.created_at,
    );
    const group = bestMatch(questionVector(question), null, eligible);
    if (!group) continue;
    await trx
      .insertInto('question_group_followups')
      .values({
        workspace_id: workspaceId,
        reply_id: reply.id,
        group_id: group.id,
        answered: reply.unanswered_question === null,
        asked_at: reply.created_at,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'reply_id']).doNothing())
      .execute();
  }
}

/** The job: records a conversation's unanswered questions and follow-ups; idempotent. */
export async function recordConversationQuestions(
  deps: QuestionDeps,
  conversationId: string,
): Promise<void> {
  const conversation = await deps.db
    .selectFrom('conversations')
    .select(['workspace_id', 'assistant_id'])
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return;
  const asked = await askedQuestions(deps.db, conversation.workspace_id, { conversationId });
  await deps.db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, conversation.workspace_id);
    const known = new Set(
      (
        await trx
          .selectFrom('question_group_members')
          .select('message_id')
          .where('workspace_id', '=', conversation.workspace_id)
          .where('conversation_id', '=', conversationId)
          .execute()
      ).map((row) => row.message_id),
    );
    const fresh = asked.filter((item) => !known.has(item.messageId));
    await placeQuestions(deps, trx, conversation.workspace_id, fresh);
    await recordFollowups(
      trx,
      conversation.workspace_id,
      conversationId,
      conversation.assistant_id,
    );
  });
}

export interface RegroupResult {
  questions: number;
  groups: number;
}

/**
 * Regroups a window's unanswered questions in one batch. Groups a teammate acted on or
 * resolved keep their ids and members; the other open groups' members of the window are
 * grouped afresh together with the questions not yet in any group, and each new batch group
 * joins the most similar remaining open group or becomes a new one.
 */
export async function regroupQuestions(
  deps: QuestionDeps,
  workspaceId: string,
  window: { from: Date; to: Date },
): Promise<RegroupResult> {
  const asked = await askedQuestions(deps.db, workspaceId, window);
  return deps.db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, workspaceId);
    const untouched = trx
      .selectFrom('question_groups')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', 'open')
      .where('first_action_at', 'is', null);
    await trx
      .deleteFrom('question_group_members')
      .where('workspace_id', '=', workspaceId)
      .where('asked_at', '>=', window.from)
      .where('asked_at', '<=', window.to)
      .where('group_id', 'in', untouched)
      .execute();
    // Counts and centroids of groups that kept members outside the window go by what is left.
    await trx
      .deleteFrom('question_groups')
      .where('id', 'in', untouched)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('question_group_members')
              .select('message_id')
              .whereRef('question_group_members.group_id', '=', 'question_groups.id'),
          ),
        ),
      )
      .execute();
    await trx
      .updateTable('question_groups')
      .set({
        member_count: sql<number>`(SELECT count(*) FROM question_group_members m WHERE m.group_id = question_groups.id)`,
      })
      .where('workspace_id', '=', workspaceId)
      .execute();
    const kept = new Set(
      (
        await trx
          .selectFrom('question_group_members')
          .select('message_id')
          .where('workspace_id', '=', workspaceId)
          .execute()
      ).map((row) => row.message_id),
    );
    const fresh = asked.filter((item) => !kept.has(item.messageId));
    const byAssistant = new Map<string | null, AskedQuestion[]>();
    for (const item of fresh) {
      byAssistant.set(item.assistantId, [...(byAssistant.get(item.assistantId) ?? []), item]);
    }
    let created = 0;
    for (const [assistantId, list] of byAssistant) {
      const vectors = list.map((item) => questionVector(item.question));
      const embeddings = await embedQuestions(
        deps,
        list.map((item) => item.question),
      );
      const grouping = groupVectors(vectors, { dense: embeddings });
      const existing: CandidateGroup[] = await candidateGroups(trx, workspaceId, assistantId, {
        status: 'open',
      });
      for (const [index, members] of grouping.members.entries()) {
        const centroid = grouping.centroids[index] as SparseVector;
        const items = members.map((member) => ({
          asked: list[member] as AskedQuestion,
          vector: vectors[member] as SparseVector,
          embedding: embeddings[member] ?? null,
        }));
        const typical = items.reduce((best, item) =>
          sparseCosine(item.vector, centroid) > sparseCosine(best.vector, centroid) ? item : best,
        );
        let group = bestMatch(centroid, null, existing);
        if (!group) {
          group = await createGroup(trx, workspaceId, assistantId, typical.asked);
          existing.push(group);
          created += 1;
        }
        await addMembers(trx, workspaceId, group, items);
      }
    }
    return { questions: fresh.length, groups: created };
  });
}
