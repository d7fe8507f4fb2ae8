/** Assistants and connected channels of the operator's workspace (secrets never included). */
import { normalizeChannelRules } from '@parley/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { deleteAssistant, duplicateAssistant } from '../../commands/assistants.js';
import { recordAudit } from '../../commands/audit.js';
import { connectChannel } from '../../commands/connect-channel.js';
import { createAssistant, modelSettingsColumn } from '../../commands/workspaces.js';
import type { Context } from '../../context.js';
import { badRequest, conflict, isUniqueViolation, notFound } from '../../lib/errors.js';
import { byOperator } from '../../policies/audit-origin.js';
import { operatorOf, requireAdmin, requireOperator } from '../../policies/session.js';
import { presentAssistant } from '../../presenters/assistant.js';
import { presentChannel } from '../../presenters/channel.js';
import { assistantBody, connectBody, idParams, newAssistantBody, rulesBody } from './schema.js';

export async function workspaceRoutes(
  app: FastifyInstance,
  ctx: Context & { publicOrigin: string | null },
) {
  const preHandler = requireOperator(ctx.db);

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['workspace'];

  api.get('/api/assistants', { preHandler, schema: { tags } }, async (request) => {
    const rows = await ctx.db
      .selectFrom('assistants')
      .selectAll()
      .where('workspace_id', '=', operatorOf(request).workspaceId)
      .orderBy('name')
      .execute();
    // Model settings only mean something when a model answers (not the offline assistant).
    return {
      items: rows.map(presentAssistant),
      modelSettingsAvailable: ctx.provider.acceptsModelSettings === true,
    };
  });

  api.post(
    '/api/assistants',
    { preHandler, schema: { body: newAssistantBody, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const created = await createAssistant(trx, workspaceId, request.body);
        await recordAudit(trx, {
          ...byOperator(request),
          action: 'assistant.created',
          target: { type: 'assistant', id: created.id, label: created.name },
        });
        return created;
      });
      return reply.status(201).send(presentAssistant(row));
    },
  );

  api.post(
    '/api/assistants/:id/duplicate',
    { preHandler, schema: { params: idParams, tags } },
    async (request, reply) => {
      requireAdmin(request);
      const copy = await duplicateAssistant(ctx.db, byOperator(request), request.params.id);
      return reply.status(201).send(presentAssistant(copy));
    },
  );

  api.delete(
    '/api/assistants/:id',
    { preHandler, schema: { params: idParams, tags } },
    async (request, reply) => {
      requireAdmin(request);
      await deleteAssistant(ctx.db, byOperator(request), request.params.id);
      return reply.status(204).send();
    },
  );

  api.patch(
    '/api/assistants/:id',
    { preHandler, schema: { params: idParams, body: assistantBody, tags } },
    async (request) => {
      const { workspaceId } = requireAdmin(request);
      const body = request.body;
      const row = await ctx.db
        .updateTable('assistants')
        .set({
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.instructions !== undefined ? { instructions: body.instructions } : {}),
          ...(body.greeting !== undefined ? { greeting: body.greeting } : {}),
          ...(body.suggestedQuestions !== undefined
            ? { suggested_questions: JSON.stringify(body.suggestedQuestions) }
            : {}),
          ...(body.allowedOrigins !== undefined
            ? { allowed_origins: JSON.stringify(body.allowedOrigins) }
            : {}),
          ...(body.model !== undefined ? { model_settings: modelSettingsColumn(body.model) } : {}),
        })
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', workspaceId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('The assistant');
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'assistant.updated',
        target: { type: 'assistant', id: row.id, label: row.name },
        details: { fields: Object.keys(body) },
      });
      return presentAssistant(row);
    },
  );

  api.get('/api/channels', { preHandler, schema: { tags } }, async (request) => {
    const rows = await ctx.db
      .selectFrom('channels')
      .selectAll()
      .where('workspace_id', '=', operatorOf(request).workspaceId)
      .orderBy('name')
      .execute();
    return { items: rows.map((row) => presentChannel(row, ctx.publicOrigin)) };
  });

  api.post(
    '/api/channels',
    { preHandler, schema: { body: connectBody, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      const row = await connectChannel(ctx, workspaceId, request.body, byOperator(request));
      const channel = presentChannel(row, ctx.publicOrigin);
      // The Pub/Sub push endpoint carries its secret token: shown once, to the admin who connects.
      const pushToken =
        row.kind === 'gmail' && row.secrets_encrypted
          ? ctx.secretBox.open(row.secrets_encrypted).pushToken
          : undefined;
      return reply
        .status(201)
        .send(
          channel.webhookUrl && pushToken
            ? { ...channel, webhookUrl: `${channel.webhookUrl}?token=${pushToken}` }
            : channel,
        );
    },
  );

  api.delete(
    '/api/channels/:id',
    { preHandler, schema: { params: idParams, tags } },
    async (request, reply) => {
      const { workspaceId } = requireAdmin(request);
      // Disconnecting erases the credentials and stops routing, but keeps the conversations.
      const disconnected = await ctx.db
        .updateTable('channels')
        .set({ secrets_encrypted: null, external_account_id: null })
        .where('id', '=', request.params.id)
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst();
      if (disconnected.numUpdatedRows === 0n) throw notFound('The channel');
      await recordAudit(ctx.db, {
        ...byOperator(request),
        action: 'channel.disconnected',
        target: { type: 'channel', id: request.params.id },
      });
      return reply.status(204).send();
    },
  );

  api.put(
    '/api/channels/:id/rules',
    { preHandler, schema: { params: idParams, body: rulesBody, tags } },
    async (request) => {
      const { workspaceId } = requireAdmin(request);
      const { assistantId, ...changes } = request.body;
      return ctx.db
        .transaction()
        .execute(async (trx) => {
          const current = await trx
            .selectFrom('channels')
            .selectAll()
            .where('id', '=', request.params.id)
            .where('workspace_id', '=', workspaceId)
            .forUpdate()
            .executeTakeFirst();
          if (!current) throw notFound('The channel');
          if (assistantId) {
            const assistant = await trx
              .selectFrom('assistants')
              .select('id')
              .where('id', '=', assistantId)
              .where('workspace_id', '=', workspaceId)
              .executeTakeFirst();
            if (!assistant) throw badRequest('That assistant is not in this workspace.');
          }
          const rules = normalizeChannelRules({
            ...normalizeChannelRules(current.rules),
            ...changes,
          });
          const row = await trx
            .updateTable('channels')
            .set({
              rules: JSON.stringify(rules),
              ...(assistantId !== undefined ? { assistant_id: assistantId } : {}),
            })
            .where('id', '=', current.id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(trx, {
            ...byOperator(request),
            action: 'channel.rules_changed',
            target: { type: 'channel', id: row.id, label: row.name },
            details: { fields: Object.keys(request.body) },
          });
          return presentChannel(row, ctx.publicOrigin);
        })
        .catch((error: unknown) => {
          // Widget channels are unique per assistant and kind (migration 0007).
          if (isUniqueViolation(error)) {
            throw conflict('channel_exists', 'That assistant already has a channel of this kind.');
          }
          throw error;
        });
    },
  );
}
