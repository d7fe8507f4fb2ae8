/**
 * Parley's wiring in one place: plugins, routes, live hub and job runner. `createServer`
 * builds everything from a store; `main.ts` only reads the environment and calls it.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ConversationAnalyzer } from './ai/analysis/analyzer.js';
import { analyzerFor } from './ai/analysis/model-analyzer.js';
import { OfflineAnalyzer } from './ai/analysis/offline-analyzer.js';
import { offlineProvider } from './ai/offline-provider.js';
import type { ModelProvider } from './ai/provider.js';
import { sharedGoogleAccessTokens } from './channels/gmail/oauth.js';
import {
  enqueueGmailSync,
  GMAIL_POLL_JOB,
  GMAIL_SYNC_JOB,
  type GmailJobDeps,
  pollGmail,
  runGmailSync,
} from './channels/gmail/sync-job.js';
import { GMAIL_WATCH_JOB, renewGmailWatch } from './channels/gmail/watch-job.js';
import { BACKFILL_JOB, runBackfillJob } from './commands/analysis-backfill.js';
import {
  ANALYSIS_JOB,
  type AnalysisDeps,
  analyzeConversation,
} from './commands/analyze-conversation.js';
import {
  ASSISTANT_REPLY_JOB,
  afterCustomerMessage,
  runAssistantReply,
} from './commands/automation.js';
import { QUESTIONS_JOB, recordConversationQuestions } from './commands/question-groups.js';
import { deliverMessage, SEND_JOB } from './commands/send-message.js';
import type { Context, Logger } from './context.js';
import { JobRunner, recurring } from './jobs/runner.js';
import { indexKnowledgeSource, KNOWLEDGE_INDEX_JOB } from './knowledge/index-source.js';
import { AppError } from './lib/errors.js';
import type { SecretBox } from './lib/secrets.js';
import { rejectNulInUrl } from './lib/url-guard.js';
import { LiveHub } from './live/hub.js';
import { warnOnceAboutUntrustedProxy } from './policies/proxy-warning.js';
import { routeClassOf, securityHeaders } from './policies/security-headers.js';
import { analysisRoutes } from './routes/analysis/analysis.js';
import { apiKeyRoutes } from './routes/api-keys/api-keys.js';
import { auditLogRoutes } from './routes/audit-log/audit-log.js';
import { authRoutes } from './routes/auth/auth.js';
import { conversationRoutes } from './routes/conversations/conversations.js';
import { insightsRoutes } from './routes/insights/insights.js';
import { questionGroupRoutes } from './routes/insights-questions/questions.js';
import { reviewRoutes } from './routes/insights-review/review.js';
import { knowledgeRoutes } from './routes/knowledge/knowledge.js';
import { shopifyAppProxyRoutes } from './routes/shopify/app-proxy.js';
import { streamRoutes } from './routes/stream/stream.js';
import { userRoutes } from './routes/users/users.js';
import { type StaticPaths, staticRoutes } from './routes/web/static.js';
import { gmailWebhookRoutes } from './routes/webhooks/gmail.js';
import { metaWebhookRoutes } from './routes/webhooks/meta.js';
import { shopifyWebhookRoutes } from './routes/webhooks/shopify.js';
import { widgetRoutes } from './routes/widget/widget.js';
import { workspaceRoutes } from './routes/workspace/workspace.js';
import { loadChannel } from './store/channels.js';
import { INSIGHTS_REBUILD_JOB, rebuildInsights } from './store/insights.js';
import { pruneOldRows } from './store/retention.js';
import type { Store } from './store/store.js';

const offlineAnalyzer = new OfflineAnalyzer();

export interface ServerOptions {
  store: Store;
  secretBox: SecretBox;
  provider?: ModelProvider;
  /** Conversation analysis; by default the model's (falling back to offline) when the
   * provider offers structured output, else the offline analyzer. */
  analyzer?: ConversationAnalyzer;
  paths: StaticPaths;
  publicOrigin?: string | null;
  secureCookies?: boolean;
  /** Run due jobs in this instance (every instance may; they claim work safely). */
  runJobs?: boolean;
  jobPollMs?: number;
  logger?: boolean;
  /** How often live streams ping (and re-check their session); 15 s by default. */
  streamPingMs?: number;
  /** See `Context.allowCustomPlatformUrls` (PARLEY_ALLOW_CUSTOM_PLATFORM_URLS). */
  allowCustomPlatformUrls?: boolean;
  /** Let knowledge-base URL imports reach private and local addresses
   * (PARLEY_ALLOW_PRIVATE_KNOWLEDGE_URLS); tests' local page servers need it. */
  allowPrivateKnowledgeUrls?: boolean;
  /** Fastify's trustProxy: `true`, or the reverse proxies' addresses / CIDRs (TRUST_PROXY). */
  trustProxy?: boolean | string;
  now?: () => Date;
}

export interface ParleyServer {
  app: FastifyInstance;
  context: Context;
  hub: LiveHub;
  jobs: JobRunner;
  close(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;
const PRUNE_INTERVAL_MS = 60 * 60 * 1000;

function fastifyLogger(app: FastifyInstance): Logger {
  return {
    info: (message, details) => app.log.info(details ?? {}, message),
    warn: (message, details) => app.log.warn(details ?? {}, message),
    error: (message, details) => app.log.error(details ?? {}, message),
  };
}

export async function createServer(options: ServerOptions): Promise<ParleyServer> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: process.env.LOG_LEVEL ?? 'info',
            // Query strings carry credentials (Pub/Sub push token, visitor ids): log paths only.
            serializers: {
              req: (request: { method: string; url: string; ip?: string }) => ({
                method: request.method,
                url: request.url.split('?')[0],
                remoteAddress: request.ip,
              }),
            },
          },
    bodyLimit: BODY_LIMIT,
    // Off unless configured: trusting X-Forwarded-For from anyone would let clients pick their
    // own IP and walk around every rate limit.
    trustProxy: options.trustProxy ?? false,
    // Live streams never end by themselves; shutting down must not wait for them.
    forceCloseConnections: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const context: Context = {
    store: options.store,
    db: options.store.db,
    secretBox: options.secretBox,
    provider: options.provider ?? offlineProvider,
    log: fastifyLogger(app),
    now: options.now ?? (() => new Date()),
    allowCustomPlatformUrls: options.allowCustomPlatformUrls ?? false,
  };
  const hub = new LiveHub(options.store, (error) =>
    app.log.error({ err: error }, 'live stream read failed'),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { ...error.data, code: error.code, message: error.message } });
    }
    if (error.validation) {
      return reply.status(400).send({ error: { code: 'invalid_request', message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status >= 500) {
      // Database and driver codes say nothing useful to a client and something to an attacker.
      return reply
        .status(status)
        .send({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
    }
    return reply
      .status(status)
      .send({ error: { code: error.code ?? 'error', message: error.message } });
  });

  // Registered before the routes so every response (404s and errors too) carries its headers;
  // which headers depends on the kind of response (policies/security-headers.ts).
  await app.register(fastifyHelmet, { global: false });
  const https = options.publicOrigin?.startsWith('https://') ?? false;
  app.addHook('onRequest', async (request, reply) => {
    reply.helmet(securityHeaders(routeClassOf(request.url), { https }));
  });
  app.addHook('onRequest', rejectNulInUrl);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  if (!options.trustProxy) warnOnceAboutUntrustedProxy(app);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'Parley API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });

  await app.register(authRoutes, { ...context, secureCookies: options.secureCookies ?? false });
  await app.register(apiKeyRoutes, context);
  await app.register(analysisRoutes, context);
  await app.register(userRoutes, context);
  await app.register(auditLogRoutes, context);
  await app.register(conversationRoutes, context);
  await app.register(insightsRoutes, context);
  await app.register(knowledgeRoutes, context);
  await app.register(questionGroupRoutes, context);
  await app.register(reviewRoutes, context);
  await app.register(workspaceRoutes, { ...context, publicOrigin: options.publicOrigin ?? null });
  await app.register(streamRoutes, {
    ...context,
    hub,
    ...(options.streamPingMs ? { pingMs: options.streamPingMs } : {}),
  });
  await app.register(widgetRoutes, { ...context, hub, publicOrigin: options.publicOrigin ?? null });
  await app.register(shopifyAppProxyRoutes, { ...context, hub });
  await app.register(metaWebhookRoutes, context);
  await app.register(shopifyWebhookRoutes, context);
  const loadChannelById = (id: string) => loadChannel(context.db, context.secretBox, id);
  await app.register(gmailWebhookRoutes, {
    db: context.db,
    loadChannel: loadChannelById,
    enqueueGmailSync,
  });
  await app.register(staticRoutes, { ...context, paths: options.paths });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, async () => ({
    ok: true,
    backend: options.store.backend,
  }));

  const gmail: GmailJobDeps = {
    db: context.db,
    loadChannel: loadChannelById,
    tokens: sharedGoogleAccessTokens,
    afterMessage: afterCustomerMessage,
    now: context.now,
  };
  const analysis: AnalysisDeps = {
    db: context.db,
    analyzer: options.analyzer ?? analyzerFor(context.provider, offlineAnalyzer, context.log),
    log: context.log,
    now: context.now,
  };
  const logJobError = (message: string, error: unknown) => app.log.error({ err: error }, message);
  const jobs = new JobRunner(
    options.store,
    {
      [SEND_JOB]: (payload, job) => deliverMessage(context, String(payload.messageId), job),
      [ANALYSIS_JOB]: async (payload) => {
        await analyzeConversation(analysis, String(payload.conversationId));
      },
      // One batch per run, run again at once until the backfill is done.
      [BACKFILL_JOB]: (payload) => runBackfillJob(analysis, String(payload.backfillId)),
      // Queued by migration 0014 for workspaces that had conversations before Insights.
      [INSIGHTS_REBUILD_JOB]: async (payload) => {
        await rebuildInsights(context.db, { workspaceId: String(payload.workspaceId) });
      },
      [ASSISTANT_REPLY_JOB]: (payload) =>
        runAssistantReply(context, String(payload.conversationId)),
      [QUESTIONS_JOB]: (payload) =>
        recordConversationQuestions(context, String(payload.conversationId)),
      [KNOWLEDGE_INDEX_JOB]: (payload) =>
        indexKnowledgeSource(
          {
            ...context,
            allowPrivateUrls: options.allowPrivateKnowledgeUrls ?? false,
          },
          String(payload.sourceId),
        ),
      [GMAIL_SYNC_JOB]: async (payload) => {
        await runGmailSync(gmail, String(payload.channelId));
      },
      // Recurring: each run says when the next one is due (null ends it).
      [GMAIL_WATCH_JOB]: recurring(
        (payload) => renewGmailWatch(gmail, String(payload.channelId)),
        logJobError,
      ),
      [GMAIL_POLL_JOB]: recurring(
        (payload) => pollGmail(gmail, String(payload.channelId)),
        logJobError,
      ),
    },
    {
      pollMs: options.jobPollMs ?? 1000,
      log: (message, error) => app.log.error({ err: error }, message),
    },
  );

  await hub.start();
  if (options.runJobs !== false) await jobs.start();
  const pruning = setInterval(() => {
    pruneOldRows(context.db).catch((error: unknown) =>
      app.log.error({ err: error }, 'pruning failed'),
    );
  }, PRUNE_INTERVAL_MS);
  pruning.unref();

  return {
    app,
    context,
    hub,
    jobs,
    async close() {
      clearInterval(pruning);
      await jobs.stop();
      await hub.stop();
      await app.close();
    },
  };
}
