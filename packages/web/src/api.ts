/** Typed client for the operator HTTP API (docs/api.md). Holds the CSRF token in memory only. */
import type {
  AnalysisBackfillView,
  AnalysisSettings,
  AssistantModelSettings,
  AuditEntryView,
  ChannelKind,
  ChannelRules,
  ConversationCard,
  IssueList,
  MessageView,
  PerformanceReport,
  QuestionGroup,
  QuestionGroupList,
  ReviewItem,
  ReviewQueue,
} from '@parley/domain';

/** `admin` may change settings, teammates and API keys; `agent` only works the inbox. */
export type Role = 'admin' | 'agent';

export interface Session {
  user: { id: string; email: string; name: string; role: Role };
  workspace: { id: string; name: string };
  csrfToken: string;
  /** The workspace requires two-factor of admins and this one has not set it up: until they
   * do, the server answers nothing but the Security settings. */
  twoFactorEnrollmentRequired: boolean;
}

/** What a correct password leads to: a session, a choice of workspace (the email signs in to
 * several with this password), or the second step (a code from the authenticator app). */
export type LoginResult =
  | ({ kind: 'session' } & Session)
  | { kind: 'choose-workspace'; workspaces: { id: string; name: string }[] }
  | { kind: 'code'; challenge: string };

type LoginAnswer =
  | Session
  | { workspaceChoiceRequired: true; workspaces: { id: string; name: string }[] }
  | { twoFactorRequired: true; challenge: string };

function loginResultOf(answer: LoginAnswer): LoginResult {
  if ('workspaceChoiceRequired' in answer)
    return { kind: 'choose-workspace', workspaces: answer.workspaces };
  if ('twoFactorRequired' in answer) return { kind: 'code', challenge: answer.challenge };
  return { kind: 'session', ...remember(answer) };
}

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
  /** The workspace requires it of admins and this user is one. */
  requiredForYou: boolean;
}

export interface TwoFactorSetup {
  /** Base32, for apps that take it typed instead of scanned. */
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code (an SVG data URL). */
  qrCode: string;
}

export interface Assistant {
  id: string;
  name: string;
  instructions: string;
  publicKey: string;
  greeting: string;
  suggestedQuestions: string[];
  allowedOrigins: string[];
  /** Path of the hosted chat page, e.g. `/c/acme`. */
  shareUrl: string;
  /** Overrides of the configured model; null: the server's defaults. */
  model: AssistantModelSettings | null;
}

export type AssistantChanges = Partial<
  Pick<
    Assistant,
    'name' | 'instructions' | 'greeting' | 'suggestedQuestions' | 'allowedOrigins' | 'model'
  >
>;

/** A new assistant needs a name; the server fills in the rest (greeting, any site allowed). */
export type NewAssistant = AssistantChanges & { name: string };

export interface AssistantList {
  items: Assistant[];
  /** A model endpoint is configured, so per-assistant model settings take effect. */
  modelSettingsAvailable: boolean;
}

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  assistantId: string | null;
  externalAccountId: string | null;
  rules: ChannelRules;
  connected: boolean;
  createdAt: string;
  /** Where the platform must send events, for kinds that receive webhooks. */
  webhookUrl?: string;
}

export type ChannelRulesChanges = Partial<ChannelRules> & { assistantId?: string | null };

export interface NewChannel {
  kind: ChannelKind;
  name: string;
  assistantId: string | null;
  connection: Record<string, string>;
}

/** Someone who signs in to the workspace. */
export interface Teammate {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface NewTeammate {
  email: string;
  name: string;
  /** At least 10 characters; the server stores only its hash. */
  password: string;
  role: Role;
}

/** A key for scripts; the key itself is only ever returned by `createApiKey`. */
export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  /** The key's first characters (`prl_` and six more), to tell keys apart. */
  prefix: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface CreatedApiKey extends ApiKey {
  /** The full key: shown once, never retrievable again. */
  key: string;
}

export interface NewApiKey {
  name: string;
  role: Role;
}

export type KnowledgeSourceKind = 'article' | 'qa' | 'file' | 'url';

/** Something an assistant answers from; `assistantId` null: shared by all assistants. */
export interface KnowledgeSource {
  id: string;
  assistantId: string | null;
  kind: KnowledgeSourceKind;
  title: string;
  body: string | null;
  question: string | null;
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  status: 'indexing' | 'ready' | 'failed';
  /** Why indexing failed, for people. */
  error: string | null;
  chunkCount: number;
  indexedAt: string | null;
  createdAt: string;
}

/** Where a new source goes: one assistant's knowledge, or shared (null). */
interface KnowledgeOwner {
  assistantId: string | null;
}

export type NewKnowledgeSource = KnowledgeOwner &
  (
    | { kind: 'article'; title: string; body: string }
    | { kind: 'qa'; question: string; answer: string }
  );

export interface KnowledgePassage {
  id: string;
  sourceId: string;
  title: string;
  heading: string | null;
  text: string;
  question: string | null;
  url: string | null;
}

/** What "try it" shows: the passages retrieval finds and the answer the assistant would give. */
export interface KnowledgeTrial {
  passages: KnowledgePassage[];
  answer: { text: string; passageIds: string[]; unansweredQuestion: string | null };
}

/** One of the three one-click fixes for a group of unanswered questions. */
export type QuestionGroupActionInput =
  | { kind: 'knowledge'; assistantId: string; question: string; answer: string }
  | { kind: 'suggested_question'; assistantId: string; question: string }
  | { kind: 'instructions'; assistantId: string; line: string };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A failed request, carrying the server's user-facing `error.message`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onSessionExpired: (() => void) | null = null;

/** Called when an authenticated request comes back 401, so the app can show the login screen. */
export function setSessionExpiredHandler(handler: (() => void) | null): void {
  onSessionExpired = handler;
}

async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection.');
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string } } | null)?.error;
    if (response.status === 401 && !path.startsWith('/api/auth/')) onSessionExpired?.();
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `Request failed (${response.status} ${response.statusText})`,
    );
  }
  return payload as T;
}

function remember(session: Session): Session {
  csrfToken = session.csrfToken;
  return session;
}

const knowledgePath = (id: string) => `/api/knowledge/sources/${encodeURIComponent(id)}`;
const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;
const assistantPath = (id: string) => `/api/assistants/${encodeURIComponent(id)}`;
const channelPath = (id: string) => `/api/channels/${encodeURIComponent(id)}`;
const userPath = (id: string) => `/api/users/${encodeURIComponent(id)}`;
const apiKeyPath = (id: string) => `/api/api-keys/${encodeURIComponent(id)}`;
const questionGroupPath = (id: string) => `/api/insights/questions/${encodeURIComponent(id)}`;

export const api = {
  me: () => request<Session>('GET', '/api/auth/me').then(remember),

  /** Re-checks the session when something hints it may have ended; a 401 signs the operator out. */
  checkSession: () =>
    request<Session>('GET', '/api/auth/me').then(remember, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onSessionExpired?.();
    }),

  login: (email: string, password: string, workspaceId?: string) =>
    request<LoginAnswer>('POST', '/api/auth/login', {
      email,
      password,
      ...(workspaceId ? { workspaceId } : {}),
    }).then(loginResultOf),

  /** The second step: a code from the authenticator app, or a recovery code. */
  loginWithCode: (challenge: string, code: string) =>
    request<Session>('POST', '/api/auth/login/totp', { challenge, code }).then(remember),

  /** Other sessions of the user end; this one stays. */
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('POST', '/api/auth/password', { currentPassword, newPassword }),

  twoFactorStatus: () => request<TwoFactorStatus>('GET', '/api/auth/two-factor'),

  startTwoFactor: () => request<TwoFactorSetup>('POST', '/api/auth/two-factor/setup'),

  /** Resolves to the recovery codes, shown this once. */
  confirmTwoFactor: (code: string) =>
    request<{ recoveryCodes: string[] }>('POST', '/api/auth/two-factor/confirm', { code }).then(
      (answer) => answer.recoveryCodes,
    ),

  disableTwoFactor: (proof: { password: string } | { code: string }) =>
    request<void>('POST', '/api/auth/two-factor/disable', proof),

  workspaceSecurity: () =>
    request<{ requireAdminTwoFactor: boolean }>('GET', '/api/workspace/security'),

  /** Admins only; turning it on needs two-factor on for the admin first. */
  setWorkspaceSecurity: (settings: { requireAdminTwoFactor: boolean }) =>
    request<{ requireAdminTwoFactor: boolean }>('PUT', '/api/workspace/security', settings),

  logout: async () => {
    await request<void>('POST', '/api/auth/logout');
    csrfToken = null;
  },

  listConversations: (query: URLSearchParams) =>
    request<Page<ConversationCard>>('GET', `/api/conversations?${query}`),

  getConversation: (id: string) => request<ConversationCard>('GET', conversationPath(id)),

  listMessages: (id: string) =>
    request<{ items: MessageView[] }>('GET', `${conversationPath(id)}/messages`).then(
      (page) => page.items,
    ),

  sendMessage: (id: string, text: string) =>
    request<MessageView>('POST', `${conversationPath(id)}/messages`, { text }),

  /** Answers the latest comment of a comment thread with a DM; resolves to the DM conversation. */
  privateReply: (id: string, text: string) =>
    request<{ conversation: ConversationCard; message: MessageView }>(
      'POST',
      `${conversationPath(id)}/private-reply`,
      { text },
    ),

  pauseAi: (id: string) => request<ConversationCard>('POST', `${conversationPath(id)}/pause`),

  resumeAi: (id: string) => request<ConversationCard>('POST', `${conversationPath(id)}/resume`),

  markRead: (id: string) => request<ConversationCard>('POST', `${conversationPath(id)}/read`),

  /** Ticks an action item of the conversation's analysis off (or on again). */
  setActionItemDone: (id: string, itemId: string, done: boolean) =>
    request<ConversationCard>(
      'POST',
      `${conversationPath(id)}/action-items/${encodeURIComponent(itemId)}`,
      { done },
    ),

  getAnalysisSettings: () => request<AnalysisSettings>('GET', '/api/analysis/settings'),

  /** Admins only. */
  updateAnalysisSettings: (changes: Partial<AnalysisSettings>) =>
    request<AnalysisSettings>('PUT', '/api/analysis/settings', changes),

  getBackfill: () =>
    request<{ backfill: AnalysisBackfillView | null }>('GET', '/api/analysis/backfill').then(
      (body) => body.backfill,
    ),

  /** Admins only; answers the running backfill if there is one. */
  startBackfill: () =>
    request<{ backfill: AnalysisBackfillView }>('POST', '/api/analysis/backfill').then(
      (body) => body.backfill,
    ),

  listAssistants: () => request<AssistantList>('GET', '/api/assistants').then((page) => page.items),

  /** The assistants, and whether their model settings apply (a model is configured). */
  assistantList: () => request<AssistantList>('GET', '/api/assistants'),

  /** Admins only. */
  createAssistant: (assistant: NewAssistant) =>
    request<Assistant>('POST', '/api/assistants', assistant),

  /** Admins only; the copy gets "(copy)" in its name and a new public key and share link. */
  duplicateAssistant: (id: string) => request<Assistant>('POST', `${assistantPath(id)}/duplicate`),

  /** Admins only; refused (409 `assistant_in_use`, naming them) while channels use it. */
  deleteAssistant: (id: string) => request<void>('DELETE', assistantPath(id)),

  updateAssistant: (id: string, changes: AssistantChanges) =>
    request<Assistant>('PATCH', assistantPath(id), changes),

  listChannels: () =>
    request<{ items: Channel[] }>('GET', '/api/channels').then((page) => page.items),

  updateChannelRules: (id: string, changes: ChannelRulesChanges) =>
    request<Channel>('PUT', `${channelPath(id)}/rules`, changes),

  connectChannel: (channel: NewChannel) => request<Channel>('POST', '/api/channels', channel),

  listTeammates: () =>
    request<{ items: Teammate[] }>('GET', '/api/users').then((page) => page.items),

  addTeammate: (teammate: NewTeammate) => request<Teammate>('POST', '/api/users', teammate),

  /** Also ends their sessions and API keys. */
  removeTeammate: (id: string) => request<void>('DELETE', userPath(id)),

  /** Admins only (403 for agents). */
  listApiKeys: () =>
    request<{ items: ApiKey[] }>('GET', '/api/api-keys').then((page) => page.items),

  createApiKey: (key: NewApiKey) => request<CreatedApiKey>('POST', '/api/api-keys', key),

  revokeApiKey: (id: string) => request<void>('DELETE', apiKeyPath(id)),

  /** Newest first; with `assistantId`, that assistant's sources and the shared ones. */
  listKnowledgeSources: (assistantId?: string) =>
    request<{ items: KnowledgeSource[] }>(
      'GET',
      `/api/knowledge/sources${assistantId ? `?${new URLSearchParams({ assistantId })}` : ''}`,
    ).then((page) => page.items),

  addKnowledgeSource: (source: NewKnowledgeSource) =>
    request<{ source: KnowledgeSource }>('POST', '/api/knowledge/sources', source).then(
      (answer) => answer.source,
    ),

  /** The server extracts the text; it answers 413 or 400 with a message people can act on. */
  uploadKnowledgeFile: (
    file: KnowledgeOwner & { fileName: string; mimeType?: string; contentBase64: string },
  ) =>
    request<{ source: KnowledgeSource }>('POST', '/api/knowledge/files', file).then(
      (answer) => answer.source,
    ),

  importKnowledgeUrl: (page: KnowledgeOwner & { url: string }) =>
    request<{ source: KnowledgeSource }>('POST', '/api/knowledge/urls', page).then(
      (answer) => answer.source,
    ),

  resyncKnowledgeSource: (id: string) =>
    request<{ source: KnowledgeSource }>('POST', `${knowledgePath(id)}/resync`).then(
      (answer) => answer.source,
    ),

  deleteKnowledgeSource: (id: string) => request<void>('DELETE', knowledgePath(id)),

  tryKnowledge: (assistantId: string, question: string) =>
    request<KnowledgeTrial>('POST', '/api/knowledge/try', { assistantId, question }),

  /** Admins only (403 for agents); newest first, `nextCursor` for the page after. */
  listAuditLog: (query: URLSearchParams) =>
    request<Page<AuditEntryView>>('GET', `/api/audit-log?${query}`),

  /** `query`: the Insights filters (from, to, channel, assistant). */
  insightsPerformance: (query: URLSearchParams) =>
    request<PerformanceReport>('GET', `/api/insights/performance?${query}`),

  insightsIssues: (query: URLSearchParams) =>
    request<IssueList>('GET', `/api/insights/issues?${query}`),

  insightsQuestions: (query: URLSearchParams) =>
    request<QuestionGroupList>('GET', `/api/insights/questions?${query}`).then(
      (list) => list.groups,
    ),

  /** Answers the group as it stands after the action. */
  actOnQuestionGroup: (id: string, action: QuestionGroupActionInput) =>
    request<QuestionGroup>('POST', `${questionGroupPath(id)}/actions`, action),

  resolveQuestionGroup: (id: string) =>
    request<QuestionGroup>('POST', `${questionGroupPath(id)}/resolve`),

  reopenQuestionGroup: (id: string) =>
    request<QuestionGroup>('POST', `${questionGroupPath(id)}/reopen`),

  insightsReview: (query: URLSearchParams) =>
    request<ReviewQueue>('GET', `/api/insights/review?${query}`),

  rateAnswer: (messageId: string, rating: { verdict: 'good' | 'bad'; note: string }) =>
    request<ReviewItem>('PUT', `/api/insights/review/${encodeURIComponent(messageId)}`, rating),
};
