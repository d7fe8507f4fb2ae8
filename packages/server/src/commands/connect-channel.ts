/**
 * Connecting a channel: each platform validates what an admin entered and splits it into the
 * routing id, plain config and secrets; secrets are sealed before they reach the database.
 */
import type { ChannelKind } from '@parley/domain';
import { gmailIngestMode } from '../channels/gmail/config.js';
import { gmailChannelInput } from '../channels/gmail/connect.js';
import { GMAIL_POLL_JOB } from '../channels/gmail/sync-job.js';
import { GMAIL_WATCH_JOB } from '../channels/gmail/watch-job.js';
import { metaChannelInput } from '../channels/meta/connect.js';
import { META_KINDS, type MetaChannelKind } from '../channels/meta/envelope.js';
import { shopifyChannelInput } from '../channels/shopify/connect.js';
import type { Context } from '../context.js';
import { enqueueJob } from '../jobs/queue.js';
import { AppError, badRequest, conflict, isUniqueViolation } from '../lib/errors.js';
import type { ChannelRow } from '../store/schema.js';
import { type AuditOrigin, recordAudit } from './audit.js';
import { createChannel } from './workspaces.js';

interface ChannelSettings {
  externalAccountId: string | null;
  config: Record<string, unknown>;
  secrets?: Record<string, string>;
}

const WIDGET_KINDS: ChannelKind[] = ['website_widget', 'share_link'];

function isMetaKind(kind: ChannelKind): kind is MetaChannelKind {
  return (META_KINDS as readonly ChannelKind[]).includes(kind);
}

function invalid(errors: { field: string; message: string }[]): AppError {
  const details = errors.map((error) =>
    error.field ? `${error.field}: ${error.message}` : error.message,
  );
  return badRequest(`The connection details are not valid — ${details.join('; ')}`);
}

const accountTaken = () =>
  conflict('channel_exists', 'This account is already connected as a channel of this kind.');

const PLATFORM_URL_FIELDS = ['graphApiBaseUrl', 'gmailApiBaseUrl', 'oauthTokenUrl'];

function connectionSettings(kind: ChannelKind, connection: unknown): ChannelSettings {
  if (WIDGET_KINDS.includes(kind)) return { externalAccountId: null, config: {} };
  const result = isMetaKind(kind)
    ? metaChannelInput(kind, connection)
    : kind === 'gmail'
      ? gmailChannelInput(connection)
      : kind === 'shopify_widget'
        ? shopifyChannelInput(connection)
        : null;
  if (result) {
    if (!result.ok) throw invalid(result.errors);
    return result.settings;
  }
  throw new AppError(
    422,
    'channel_unsupported',
    `Connecting ${kind} channels is not supported yet.`,
  );
}

export interface ConnectChannelInput {
  kind: ChannelKind;
  name: string;
  assistantId: string | null;
  connection: unknown;
}

export async function connectChannel(
  ctx: Context,
  workspaceId: string,
  input: ConnectChannelInput,
  by: AuditOrigin,
): Promise<ChannelRow> {
  const custom = PLATFORM_URL_FIELDS.filter(
    (field) => (input.connection as Record<string, unknown> | null)?.[field] !== undefined,
  );
  if (custom.length > 0 && !ctx.allowCustomPlatformUrls) {
    throw badRequest(
      `Custom platform API URLs (${custom.join(', ')}) are turned off on this server; set PARLEY_ALLOW_CUSTOM_PLATFORM_URLS=true to use a proxy.`,
    );
  }
  const settings = connectionSettings(input.kind, input.connection);
  if (input.assistantId) {
    const assistant = await ctx.db
      .selectFrom('assistants')
      .select('id')
      .where('id', '=', input.assistantId)
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    if (!assistant) throw badRequest('That assistant is not in this workspace.');
  }
  if (settings.externalAccountId) {
    // Only this workspace's channels count: another workspace's say nothing to this one.
    const taken = await ctx.db
      .selectFrom('channels')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', input.kind)
      .where('external_account_id', '=', settings.externalAccountId)
      .executeTakeFirst();
    if (taken) throw accountTaken();
  }
  const connect = ctx.db.transaction().execute(async (trx) => {
    const channel = await createChannel(trx, ctx.secretBox, workspaceId, {
      kind: input.kind,
      name: input.name,
      assistantId: input.assistantId,
      externalAccountId: settings.externalAccountId,
      config: settings.config,
      ...(settings.secrets ? { secrets: settings.secrets } : {}),
    });
    if (channel.kind === 'gmail') {
      // Push needs a live users.watch (renewed by its own job); otherwise a poll job starts.
      const kind = gmailIngestMode(channel.config) === 'push' ? GMAIL_WATCH_JOB : GMAIL_POLL_JOB;
      await enqueueJob(trx, {
        workspaceId,
        kind,
        payload: { channelId: channel.id },
        dedupeKey: `${kind}:${channel.id}`,
      });
    }
    await recordAudit(trx, {
      ...by,
      action: 'channel.connected',
      target: { type: 'channel', id: channel.id, label: channel.name },
      details: { kind: channel.kind },
    });
    return channel;
  });
  // The check above can race with another admin connecting the same account at once.
  return connect.catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    // Widget channels are unique per assistant (migration 0007), not per account.
    if (WIDGET_KINDS.includes(input.kind)) {
      throw conflict('channel_exists', 'This assistant already has a channel of this kind.');
    }
    throw accountTaken();
  });
}
