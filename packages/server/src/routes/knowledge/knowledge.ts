/** The knowledge base: admins add, change and remove sources; everyone reads them and may try
 * retrieval. Adding or changing a source queues its indexing (knowledge/index-source.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assistantAnswer } from '../../commands/automation.js';
import type { Context } from '../../context.js';
import { extractFile, fileTooLarge, MAX_FILE_BYTES } from '../../knowledge/extract/index.js';
import { parsePageUrl } from '../../knowledge/fetch-page.js';
import { scheduleIndexing } from '../../knowledge/index-source.js';
import { retrieve } from '../../knowledge/retrieve.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';
import {
  deleteKnowledgeSource,
  insertKnowledgeSource,
  listKnowledgeSources,
  loadKnowledgeSource,
  updateKnowledgeSource,
} from '../../store/knowledge.js';
import type { KnowledgeSourceRow } from '../../store/schema.js';
import type { Db } from '../../store/store.js';
import {
  createBody,
  listQuery,
  sourceParams,
  tryBody,
  UPLOAD_BODY_LIMIT,
  updateBody,
  uploadBody,
  urlBody,
} from './schema.js';

export function presentSource(row: KnowledgeSourceRow) {
  return {
    id: row.id,
    assistantId: row.assistant_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    question: row.question,
    url: row.url,
    fileName: row.file_name,
    mimeType: row.mime_type,
    fileSize: row.file_size,
    language: row.language,
    status: row.status,
    error: row.error,
    chunkCount: row.chunk_count,
    indexedAt: row.indexed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function assertAssistant(db: Db, workspaceId: string, id: string | null | undefined) {
  if (!id) return;
  const found = await db
    .selectFrom('assistants')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!found) throw notFound('The assistant');
}

export async function knowledgeRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const preHandler = requireOperator(ctx.db);
  const tags = ['knowledge'];

  const created = async (row: KnowledgeSourceRow) => {
    await scheduleIndexing(ctx.db, row);
    return { source: presentSource({ ...row, status: 'indexing', error: null }) };
  };

  api.get(
    '/api/knowledge/sources',
    { preHandler, schema: { querystring: listQuery, tags } },
    async (request) => {
      const rows = await listKnowledgeSources(
        ctx.db,
        operatorOf(request).workspaceId,
        request.query.assistantId,
      );
      return { items: rows.map(presentSource) };
    },
  );

  api.get(
    '/api/knowledge/sources/:id',
    { preHandler, schema: { params: sourceParams, tags } },
    async (request) => {
      const row = await loadKnowledgeSource(
        ctx.db,
        operatorOf(request).workspaceId,
        request.params.id,
      );
      if (!row) throw notFound('The knowledge source');
      return { source: presentSource(row) };
    },
  );

  api.post(
    '/api/knowledge/sources',
    { preHandler, schema: { body: createBody, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const body = request.body;
      await assertAssistant(ctx.db, workspaceId, body.assistantId);
      const row = await insertKnowledgeSource(ctx.db, {
        workspaceId,
        assistantId: body.assistantId ?? null,
        kind: body.kind,
        ...(body.kind === 'article'
          ? { title: body.title, body: body.body }
          : { title: body.question, question: body.question, body: body.answer }),
      });
      return reply.status(201).send(await created(row));
    },
  );

  api.patch(
    '/api/knowledge/sources/:id',
    { preHandler, schema: { params: sourceParams, body: updateBody, tags } },
    async (request) => {
      const { workspaceId } = requireAdmin(request);
      const existing = await loadKnowledgeSource(ctx.db, workspaceId, request.params.id);
      if (!existing) throw notFound('The knowledge source');
      const { title, body, question, answer, assistantId } = request.body;
      await assertAssistant(ctx.db, workspaceId, assistantId);
      const editsQa = question !== undefined || answer !== undefined;
      if (
        (editsQa && existing.kind !== 'qa') ||
        (body !== undefined && existing.kind !== 'article')
      ) {
        throw badRequest(
          'Only articles have a body to edit, and only Q&A pairs a question and answer.',
        );
      }
      const row = await updateKnowledgeSource(ctx.db, workspaceId, existing.id, {
        ...(title !== undefined ? { title } : {}),
        ...(question !== undefined ? { question, title: question } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(answer !== undefined ? { body: answer } : {}),
        ...(assistantId !== undefined ? { assistantId } : {}),
      });
      if (!row) throw notFound('The knowledge source');
      return created(row);
    },
  );

  api.delete(
    '/api/knowledge/sources/:id',
    { preHandler, schema: { params: sourceParams, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      if (!(await deleteKnowledgeSource(ctx.db, workspaceId, request.params.id))) {
        throw notFound('The knowledge source');
      }
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/knowledge/sources/:id/resync',
    { preHandler, schema: { params: sourceParams, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const row = await loadKnowledgeSource(ctx.db, workspaceId, request.params.id);
      if (!row) throw notFound('The knowledge source');
      return reply.status(202).send(await created(row));
    },
  );

  api.post(
    '/api/knowledge/files',
    { preHandler, bodyLimit: UPLOAD_BODY_LIMIT, schema: { body: uploadBody, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const { assistantId, fileName, mimeType, contentBase64 } = request.body;
      await assertAssistant(ctx.db, workspaceId, assistantId);
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.byteLength > MAX_FILE_BYTES) throw fileTooLarge();
      const { title, markdown } = await extractFile(fileName, bytes);
      const row = await insertKnowledgeSource(ctx.db, {
        workspaceId,
        assistantId: assistantId ?? null,
        kind: 'file',
        title,
        body: markdown,
        fileName,
        mimeType: mimeType ?? null,
        fileSize: bytes.byteLength,
      });
      return reply.status(201).send(await created(row));
    },
  );

  api.post(
    '/api/knowledge/urls',
    { preHandler, schema: { body: urlBody, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const { assistantId, url, title } = request.body;
      await assertAssistant(ctx.db, workspaceId, assistantId);
      const parsed = parsePageUrl(url);
      const row = await insertKnowledgeSource(ctx.db, {
        workspaceId,
        assistantId: assistantId ?? null,
        kind: 'url',
        title: title ?? '',
        url: parsed.toString(),
      });
      return reply.status(201).send(await created(row));
    },
  );

  // Retrieval alone shows what the search finds; the answer is what a customer would get.
  api.post(
    '/api/knowledge/try',
    { preHandler, schema: { body: tryBody, tags } },
    async (request) => {
      const { workspaceId } = operatorOf(request);
      const { assistantId, question } = request.body;
      const assistant = await ctx.db
        .selectFrom('assistants')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', assistantId)
        .executeTakeFirst();
      if (!assistant) throw notFound('The assistant');
      const [passages, answer] = await Promise.all([
        retrieve(ctx.db, { workspaceId, assistantId, question }, { provider: ctx.provider }),
        assistantAnswer(ctx, assistant, [{ role: 'user', content: question }]),
      ]);
      return {
        passages,
        answer: {
          text: answer.text,
          passageIds: answer.passages.map((passage) => passage.id),
          unansweredQuestion: answer.unansweredQuestion,
        },
      };
    },
  );
}
