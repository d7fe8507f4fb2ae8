/** Creating workspaces, their first operator, assistants and channels. */
import type { AssistantModelSettings, ChannelKind, ChannelRules } from '@parley/domain';
import { publicKey, shareSlug } from '../lib/ids.js';
import { assertStrongPassword } from '../lib/password-policy.js';
import { hashPassword } from '../lib/passwords.js';
import type { SecretBox } from '../lib/secrets.js';
import type { AssistantRow, ChannelRow } from '../store/schema.js';
import type { Db } from '../store/store.js';

/** The admin's password must pass the password policy; only the demo, whose login is public
 * anyway, skips it (`checkPassword: false`). */
export async function createWorkspace(
  db: Db,
  input: { name: string; admin: { email: string; name: string; password: string } },
  options: { checkPassword?: boolean } = {},
) {
  if (options.checkPassword !== false) assertStrongPassword(input.admin.password, input.admin);
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction().execute(async (trx) => {
    const workspace = await trx
      .insertInto('workspaces')
      .values({ name: input.name })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = await trx
      .insertInto('users')
      .values({
        workspace_id: workspace.id,
        email: input.admin.email.toLowerCase(),
        name: input.admin.name,
        password_hash: passwordHash,
        role: 'admin',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { workspace, user };
  });
}

export interface AssistantInput {
  name: string;
  instructions?: string;
  greeting?: string;
  suggestedQuestions?: string[];
  allowedOrigins?: string[];
  model?: Partial<AssistantModelSettings> | null;
}

/** The model_settings column: null unless a setting is actually overridden. */
export function modelSettingsColumn(
  model: Partial<AssistantModelSettings> | null | undefined,
): string | null {
  const name = model?.name?.trim() || null;
  const temperature = model?.temperature ?? null;
  return name === null && temperature === null ? null : JSON.stringify({ name, temperature });
}

export function createAssistant(
  db: Db,
  workspaceId: string,
  input: AssistantInput,
): Promise<AssistantRow> {
  return db
    .insertInto('assistants')
    .values({
      workspace_id: workspaceId,
      name: input.name,
      instructions: input.instructions ?? '',
      greeting: input.greeting ?? `Hi! I'm ${input.name}. How can I help?`,
      suggested_questions: JSON.stringify(input.suggestedQuestions ?? []),
      public_key: publicKey(),
      allowed_origins: JSON.stringify(input.allowedOrigins ?? ['*']),
      share_slug: shareSlug(input.name),
      model_settings: modelSettingsColumn(input.model),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  assistantId?: string | null;
  externalAccountId?: string | null;
  config?: Record<string, unknown>;
  secrets?: Record<string, string>;
  rules?: Partial<ChannelRules>;
}

/** Secrets are sealed before they touch the database and are never read back by the API. */
export function createChannel(
  db: Db,
  secretBox: SecretBox,
  workspaceId: string,
  input: ChannelInput,
): Promise<ChannelRow> {
  return db
    .insertInto('channels')
    .values({
      workspace_id: workspaceId,
      kind: input.kind,
      name: input.name,
      assistant_id: input.assistantId ?? null,
      external_account_id: input.externalAccountId ?? null,
      config: JSON.stringify(input.config ?? {}),
      secrets_encrypted: input.secrets ? secretBox.seal(input.secrets) : null,
      rules: JSON.stringify(input.rules ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
