/** The operator's live stream of workspace events (SSE, resumable with Last-Event-ID). */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Context } from '../../context.js';
import type { LiveHub } from '../../live/hub.js';
import { resumeCursor, streamEvents, streamStart } from '../../live/sse.js';
import type { StreamCap } from '../../live/stream-admission.js';
import {
  authenticate,
  operatorOf,
  requireOperator,
  SESSION_COOKIE,
} from '../../policies/session.js';

/** One per inbox tab is plenty; an API key streaming from many workers gets as many. */
export const OPERATOR_STREAMS_PER_CREDENTIAL = 10;
/** An office behind one address holds several operators' tabs. */
export const OPERATOR_STREAMS_PER_ADDRESS = 50;

/** The API key or session token the request authenticated with (read as `authenticate`
 * reads it), hashed: streams are counted per credential, not per user. */
function credentialOf(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  const token = authorization?.startsWith('Bearer ')
    ? `key:${authorization.slice('Bearer '.length).trim()}`
    : `session:${request.cookies[SESSION_COOKIE] ?? ''}`;
  return createHash('sha256').update(token).digest('base64url');
}

function operatorStreamCaps(request: FastifyRequest): StreamCap[] {
  return [
    {
      key: `operator:${credentialOf(request)}`,
      max: OPERATOR_STREAMS_PER_CREDENTIAL,
      message: `This login or API key already has ${OPERATOR_STREAMS_PER_CREDENTIAL} live streams open; close some tabs or connections and try again.`,
    },
    {
      key: `operator-ip:${request.ip}`,
      max: OPERATOR_STREAMS_PER_ADDRESS,
      message: `Too many live streams are open from your network address (${OPERATOR_STREAMS_PER_ADDRESS}); close some and try again.`,
    },
  ];
}

export async function streamRoutes(
  app: FastifyInstance,
  ctx: Context & { hub: LiveHub; pingMs?: number },
) {
  app.get(
    '/api/stream',
    { preHandler: requireOperator(ctx.db), schema: { tags: ['live'] } },
    async (request, reply) => {
      const { workspaceId } = operatorOf(request);
      ctx.hub.admission.admit(reply.raw, operatorStreamCaps(request));
      // A first connection starts from now; a reconnection resumes after what it saw.
      const start = await streamStart(ctx.db, workspaceId, resumeCursor(request));
      streamEvents(request, reply, ctx.hub, {
        workspaceId,
        ...start,
        stillAllowed: async () => (await authenticate(ctx.db, request)) !== null,
        ...(ctx.pingMs ? { pingMs: ctx.pingMs } : {}),
      });
    },
  );
}
