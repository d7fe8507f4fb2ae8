/** The workspace's audit log, for admins (and admin API keys): newest first, filterable. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Context } from '../../context.js';
import { badRequest } from '../../lib/errors.js';
import { endOfDayIfDate } from '../../lib/safe-input.js';
import { requireAdmin, requireOperator } from '../../policies/session.js';
import { presentAuditEntry } from '../../presenters/audit-entry.js';
import { listAuditEntries } from '../../store/audit.js';
import { decodeCursor, encodeCursor } from '../../store/conversations.js';
import { auditLogQuery } from './schema.js';

export async function auditLogRoutes(app: FastifyInstance, ctx: Context) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/audit-log',
    {
      preHandler: requireOperator(ctx.db),
      schema: { querystring: auditLogQuery, tags: ['audit-log'] },
    },
    async (request) => {
      const { workspaceId } = requireAdmin(request);
      const query = request.query;
      // Same (at, id) keyset cursor as the inbox.
      const after = query.cursor ? decodeCursor(query.cursor) : null;
      if (query.cursor && !after) throw badRequest('The page cursor is not valid.');
      const page = await listAuditEntries(
        ctx.db,
        workspaceId,
        {
          ...(query.action ? { actions: query.action } : {}),
          ...(query.actor ? { actorId: query.actor } : {}),
          ...(query.from ? { from: new Date(query.from) } : {}),
          ...(query.to ? { to: endOfDayIfDate(query.to) } : {}),
        },
        { ...(after ? { after } : {}), limit: query.limit },
      );
      return {
        items: page.rows.map(presentAuditEntry),
        nextCursor: page.next ? encodeCursor(page.next) : null,
      };
    },
  );
}
