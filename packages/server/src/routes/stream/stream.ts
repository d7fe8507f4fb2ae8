/** The operator's live stream of workspace events (SSE, resumable with Last-Event-ID). */
import type { FastifyInstance } from 'fastify';
import type { Context } from '../../context.js';
import type { LiveHub } from '../../live/hub.js';
import { resumeCursor, streamEvents } from '../../live/sse.js';
import { authenticate, operatorOf, requireOperator } from '../../policies/session.js';
import { latestSeq } from '../../store/events.js';

export async function streamRoutes(
  app: FastifyInstance,
  ctx: Context & { hub: LiveHub; pingMs?: number },
) {
  app.get(
    '/api/stream',
    { preHandler: requireOperator(ctx.db), schema: { tags: ['live'] } },
    async (request, reply) => {
      const { workspaceId } = operatorOf(request);
      // A first connection starts from now; a reconnection resumes after what it saw.
      const afterSeq = resumeCursor(request) ?? (await latestSeq(ctx.db, workspaceId));
      streamEvents(request, reply, ctx.hub, {
        workspaceId,
        afterSeq,
        stillAllowed: async () => (await authenticate(ctx.db, request)) !== null,
        ...(ctx.pingMs ? { pingMs: ctx.pingMs } : {}),
      });
    },
  );
}
