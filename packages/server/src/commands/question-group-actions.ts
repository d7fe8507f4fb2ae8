/**
 * Acting on a group of unanswered questions: a Q&A in the assistant's knowledge base (indexed
 * by the usual job), a suggested question, or a line of instructions — recorded on the group
 * with who did it, and in the audit log. Resolving a group takes it off the list.
 */
import type { QuestionGroupActionResult, QuestionGroupStatusChange } from '@parley/domain';
import { sql } from 'kysely';
import { scheduleIndexing } from '../knowledge/index-source.js';
import { AppError, notFound } from '../lib/errors.js';
import { insertKnowledgeSource } from '../store/knowledge.js';
import type { Db } from '../store/store.js';
import { type AuditOrigin, recordAudit } from './audit.js';

/** The assistant settings' own limits (routes/workspace/schema.ts). */
export const MAX_SUGGESTED_QUESTIONS = 10;
export const MAX_INSTRUCTIONS = 20_000;

export type GroupActionInput =
  | { kind: 'knowledge'; assistantId: string; question: string; answer: string }
  | { kind: 'suggested_question'; assistantId: string; question: string }
  | { kind: 'instructions'; assistantId: string; line: string };

async function loadGroup(db: Db, workspaceId: string, id: string) {
  const group = await db
    .selectFrom('question_groups')
    .select(['id', 'label', 'status'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!group) throw notFound('The question group');
  return group;
}

export async function actOnQuestionGroup(
  db: Db,
  origin: AuditOrigin & { actorName: string },
  groupId: string,
  input: GroupActionInput,
): Promise<QuestionGroupActionResult> {
  const { workspaceId } = origin;
  const result = await db.transaction().execute(async (trx) => {
    const group = await loadGroup(trx, workspaceId, groupId);
    const assistant = await trx
      .selectFrom('assistants')
      .select(['id', 'name', 'instructions', 'suggested_questions'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', input.assistantId)
      .forUpdate()
      .executeTakeFirst();
    if (!assistant) throw notFound('The assistant');
    let detail: string;
    let knowledgeSourceId: string | null = null;
    if (input.kind === 'knowledge') {
      const source = await insertKnowledgeSource(trx, {
        workspaceId,
        assistantId: assistant.id,
        kind: 'qa',
        title: input.question,
        question: input.question,
        body: input.answer,
      });
      await scheduleIndexing(trx, source);
      knowledgeSourceId = source.id;
      detail = input.question;
    } else if (input.kind === 'suggested_question') {
      const current = assistant.suggested_questions;
      const known = current.some(
        (item) => item.trim().toLowerCase() === input.question.trim().toLowerCase(),
      );
      if (!known && current.length >= MAX_SUGGESTED_QUESTIONS) {
        throw new AppError(
          409,
          'suggested_questions_full',
          `${assistant.name} already has ${MAX_SUGGESTED_QUESTIONS} suggested questions; remove one in Settings first.`,
        );
      }
      if (!known) {
        await trx
          .updateTable('assistants')
          .set({ suggested_questions: JSON.stringify([...current, input.question]) })
          .where('id', '=', assistant.id)
          .execute();
      }
      detail = input.question;
    } else {
      const instructions = assistant.instructions.trimEnd();
      const next = instructions ? `${instructions}\n${input.line}` : input.line;
      if (next.length > MAX_INSTRUCTIONS) {
        throw new AppError(
          409,
          'instructions_full',
          `${assistant.name}'s instructions would pass ${MAX_INSTRUCTIONS} characters; shorten them in Settings first.`,
        );
      }
      await trx
        .updateTable('assistants')
        .set({ instructions: next })
        .where('id', '=', assistant.id)
        .execute();
      detail = input.line;
    }
    const row = await trx
      .insertInto('question_group_actions')
      .values({
        workspace_id: workspaceId,
        group_id: group.id,
        kind: input.kind,
        user_id: origin.actorUserId,
        user_name: origin.actorName,
        detail,
      })
      .returning(['at'])
      .executeTakeFirstOrThrow();
    // Follow-ups count from the first action on: later ones do not restart the measurement.
    await trx
      .updateTable('question_groups')
      .set({ first_action_at: sql<Date>`COALESCE(first_action_at, ${row.at})` })
      .where('id', '=', group.id)
      .execute();
    await recordAudit(trx, {
      ...origin,
      action: 'question_group.acted',
      target: { type: 'question_group', id: group.id, label: group.label.slice(0, 200) },
      details: { kind: input.kind, assistantId: assistant.id, assistantName: assistant.name },
    });
    if (input.kind !== 'knowledge') {
      await recordAudit(trx, {
        ...origin,
        action: 'assistant.updated',
        target: { type: 'assistant', id: assistant.id, label: assistant.name },
        details: {
          fields: [input.kind === 'instructions' ? 'instructions' : 'suggestedQuestions'],
          questionGroupId: group.id,
        },
      });
    }
    return {
      action: {
        kind: input.kind,
        by: { id: origin.actorUserId ?? '', name: origin.actorName },
        at: row.at.toISOString(),
        detail,
      },
      knowledgeSourceId,
    };
  });
  return result;
}

export async function setQuestionGroupStatus(
  db: Db,
  origin: AuditOrigin,
  groupId: string,
  status: 'open' | 'resolved',
): Promise<QuestionGroupStatusChange> {
  return db.transaction().execute(async (trx) => {
    const group = await loadGroup(trx, origin.workspaceId, groupId);
    await trx
      .updateTable('question_groups')
      .set(
        status === 'resolved'
          ? { status, resolved_at: sql<Date>`now()`, resolved_by: origin.actorUserId }
          : { status, resolved_at: null, resolved_by: null },
      )
      .where('id', '=', group.id)
      .execute();
    if (group.status !== status) {
      await recordAudit(trx, {
        ...origin,
        action: status === 'resolved' ? 'question_group.resolved' : 'question_group.reopened',
        target: { type: 'question_group', id: group.id, label: group.label.slice(0, 200) },
      });
    }
    return { id: group.id, status };
  });
}
