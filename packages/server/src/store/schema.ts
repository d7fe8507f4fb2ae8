/** Row types of every table, as Kysely sees them. One schema serves PGlite and PostgreSQL. */
import type {
  AssistantModelSettings,
  AuditAction,
  AuditDetails,
  AuditTargetType,
  ConversationAnalysis,
} from '@parley/domain';
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** jsonb columns are written as JSON text so both drivers store the same thing. */
type Json<T> = ColumnType<T, string | undefined, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  /** Last event sequence number handed out; row lock makes commit order = sequence order. */
  event_seq: Generated<number>;
  /** Admins without two-factor may only enroll (see policies/session.ts). */
  require_admin_two_factor: Generated<boolean>;
  /** Topic list and safety-net triggers (normalizeAnalysisSettings in @parley/domain). */
  analysis_settings: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string;
  password_hash: string;
  role: 'admin' | 'agent';
  /** Sealed TOTP secret once confirmed; two-factor sign-in is on when set. */
  totp_secret_encrypted: string | null;
  /** Sealed TOTP secret being enrolled, until a code confirms it. */
  totp_pending_encrypted: string | null;
  /** Last TOTP time step accepted, so a code works once. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: Generated<Date>;
}

export interface RecoveryCodesTable {
  user_id: string;
  /** sha256 of the code: codes are long random strings, so a fast hash is enough. */
  code_hash: string;
  used_at: NullableTimestamp;
}

/** Between a correct password and the second factor; holds no session rights. */
export interface LoginChallengesTable {
  id: string;
  user_id: string;
  expires_at: Timestamp;
}

/** Failed sign-ins per account (keyed by a hash of e.g. the email), shared by all instances. */
export interface LoginThrottlesTable {
  key_hash: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  csrf_token: string;
  expires_at: Timestamp;
  created_at: Generated<Date>;
}

export interface AssistantsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  instructions: string;
  greeting: string;
  suggested_questions: Json<string[]>;
  public_key: string;
  allowed_origins: Json<string[]>;
  share_slug: string;
  /** Overrides of the configured model (migration 0010); null: the server's defaults. */
  model_settings: NullableJson<AssistantModelSettings>;
  created_at: Generated<Date>;
}

export interface ChannelsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: string;
  name: string;
  assistant_id: string | null;
  /** Platform account this channel receives for (page id, IG account id, mailbox), for routing. */
  external_account_id: string | null;
  config: Json<Record<string, unknown>>;
  secrets_encrypted: string | null;
  rules: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface ContactsTable {
  id: Generated<string>;
  workspace_id: string;
  channel_id: string;
  external_id: string;
  display_name: string | null;
  username: string | null;
  email: string | null;
  attributes: Json<Record<string, string>>;
  created_at: Generated<Date>;
}

export interface ConversationsTable {
  id: Generated<string>;
  workspace_id: string;
  channel_id: string;
  channel_kind: string;
  assistant_id: string | null;
  contact_id: string;
  thread_key: string;
  subject: string | null;
  metadata: Json<Record<string, unknown>>;
  preview: string;
  last_activity_at: Timestamp;
  last_inbound_at: NullableTimestamp;
  ai_paused: Generated<boolean>;
  ai_paused_reason: string | null;
  unread_count: Generated<number>;
  summary: string | null;
  /** See migration 0009; `summary` mirrors `analysis.summary`. */
  analysis: NullableJson<ConversationAnalysis>;
  analysis_version: number | null;
  analyzed_through_message_id: string | null;
  created_at: Generated<Date>;
  /** Insights facts (migration 0014, kept by insights/facts.ts). */
  customer_messages: Generated<number>;
  assistant_replies: Generated<number>;
  unanswered_replies: Generated<number>;
  first_customer_at: NullableTimestamp;
  first_ai_reply_at: NullableTimestamp;
  first_person_reply_at: NullableTimestamp;
  /** A HandoverTrigger: the first time the AI stopped, and why. */
  handover_trigger: string | null;
  handover_at: NullableTimestamp;
  /** A person's first reply at or after `handover_at`. */
  handover_reply_at: NullableTimestamp;
}

export interface MessagesTable {
  id: Generated<string>;
  workspace_id: string;
  conversation_id: string;
  channel_id: string;
  external_id: string | null;
  author: 'contact' | 'assistant' | 'operator' | 'business';
  direction: 'inbound' | 'outbound';
  text: string;
  attachments: Json<unknown[]>;
  status: string;
  error: string | null;
  parent_id: string | null;
  metadata: Json<Record<string, unknown>>;
  /** Earlier versions of an edited message, oldest first. */
  history: Json<{ text: string; replacedAt: string }[]>;
  edited_at: NullableTimestamp;
  removed_at: NullableTimestamp;
  created_at: Timestamp;
  /** Insertion order (see migration 0004). */
  seq: Generated<number>;
  /** Assistant replies: the knowledge chunks answered from (ids; a chunk may since be gone). */
  passage_ids: Json<string[]>;
  /** Assistant replies that had no answer: the customer's question. */
  unanswered_question: string | null;
  /** Assistant replies: how sure the responder was of its answer, 0..1 (migration 0015). */
  answer_confidence: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface EventsTable {
  workspace_id: string;
  seq: number;
  type: string;
  conversation_id: string | null;
  payload: Json<unknown>;
  created_at: Generated<Date>;
}

export interface JobsTable {
  id: Generated<string>;
  workspace_id: string;
  kind: string;
  payload: Json<Record<string, unknown>>;
  status: Generated<'pending' | 'running' | 'done' | 'failed'>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: NullableTimestamp;
  last_error: string | null;
  /** Collapses repeated scheduling of the same work (e.g. one summary per conversation). */
  dedupe_key: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApiKeysTable {
  id: Generated<string>;
  workspace_id: string;
  created_by: string;
  name: string;
  role: 'admin' | 'agent';
  key_hash: string;
  /** The first characters of the key, so people can tell their keys apart. */
  key_prefix: string;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<string>;
  workspace_id: string;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  /** The actor's email or key name when it acted. */
  actor_label: string;
  action: AuditAction;
  target_type: AuditTargetType | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  user_agent: string | null;
  details: Json<AuditDetails>;
}

export interface AnalysisBackfillsTable {
  id: Generated<string>;
  workspace_id: string;
  status: Generated<'running' | 'done' | 'failed'>;
  total: number;
  done: Generated<number>;
  /** The last conversation id handed out; conversations are walked in id order. */
  cursor: string | null;
  error: string | null;
  started_at: Generated<Date>;
  finished_at: NullableTimestamp;
}

export type KnowledgeSourceKind = 'article' | 'qa' | 'file' | 'url';
export type KnowledgeSourceStatus = 'indexing' | 'ready' | 'failed';

/** A knowledge source; `assistant_id` null means shared by all the workspace's assistants. */
export interface KnowledgeSourcesTable {
  id: Generated<string>;
  workspace_id: string;
  assistant_id: string | null;
  kind: KnowledgeSourceKind;
  title: string;
  /** Markdown (articles, extracted files and pages) or the answer of a Q&A pair. */
  body: Generated<string>;
  question: string | null;
  url: string | null;
  file_name: string | null;
  mime_type: string | null;
  file_size: number | null;
  /** PostgreSQL text search configuration ('english', 'german', 'simple', ...). */
  language: Generated<string>;
  status: Generated<KnowledgeSourceStatus>;
  /** Why indexing failed, for the admin. */
  error: string | null;
  chunk_count: Generated<number>;
  indexed_at: NullableTimestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface KnowledgeChunksTable {
  id: Generated<string>;
  workspace_id: string;
  source_id: string;
  assistant_id: string | null;
  position: number;
  heading: string | null;
  text: string;
  question: string | null;
  language: Generated<string>;
  /** tsvector, always written as a to_tsvector(...) expression (store/knowledge.ts). */
  search: ColumnType<string, string, string>;
  embedding: NullableJson<number[]>;
  created_at: Generated<Date>;
}

/** UTC calendar days, written and read as `YYYY-MM-DD` text (never as a JS Date). */
type Day = ColumnType<string, string, string>;

/** One workspace × start day × channel kind × assistant ('' for none); see insights/rollup.ts. */
export interface InsightsDailyTable {
  workspace_id: string;
  day: Day;
  channel_kind: string;
  assistant_key: string;
  conversations: number;
  customer_messages: number;
  ai_only: number;
  handed_over: number;
  handover_human_requested: number;
  handover_keyword: number;
  handover_frustration: number;
  handover_failed_answers: number;
  handover_operator: number;
  assistant_replies: number;
  unanswered_replies: number;
  sentiment_sum: number;
  sentiment_count: number;
  ai_first_response: number[];
  human_first_response: number[];
  pause_to_reply: number[];
}

export interface InsightsTopicDailyTable {
  workspace_id: string;
  day: Day;
  channel_kind: string;
  assistant_key: string;
  topic: string;
  conversations: number;
}

/** The stored analysis' frustrated and human-request quotes, one row per conversation and kind. */
export interface InsightsIssuesTable {
  conversation_id: string;
  kind: 'frustrated' | 'human_requested';
  workspace_id: string;
  message_id: string;
  quote: string;
  at: Timestamp;
  /** The conversation's start day, like the rollups. */
  day: Day;
  channel_kind: string;
  assistant_key: string;
}

/** Unanswered customer questions that mean the same (migration 0015). */
export interface QuestionGroupsTable {
  id: Generated<string>;
  workspace_id: string;
  assistant_id: string | null;
  /** The most typical question of the group. */
  label: string;
  status: Generated<'open' | 'resolved'>;
  /** Sparse term → weight, unit length (ai/grouping/features.ts). */
  centroid: Json<Record<string, number>>;
  /** Sum of the members' embeddings, when the provider offers them. */
  embedding: NullableJson<number[]>;
  member_count: Generated<number>;
  first_action_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  resolved_by: string | null;
  created_at: Generated<Date>;
  last_asked_at: Timestamp;
}

export interface QuestionGroupMembersTable {
  workspace_id: string;
  /** The customer's message that asked. */
  message_id: string;
  group_id: string;
  conversation_id: string;
  /** The assistant's reply that had no answer, when the responder recorded it. */
  reply_id: string | null;
  channel_kind: string;
  assistant_id: string | null;
  question: string;
  language: string;
  asked_at: Timestamp;
}

export interface QuestionGroupActionsTable {
  id: Generated<string>;
  workspace_id: string;
  group_id: string;
  kind: 'knowledge' | 'suggested_question' | 'instructions';
  user_id: string | null;
  user_name: string;
  detail: string;
  at: Generated<Date>;
}

/** An assistant reply to a group's question after the group's first action. */
export interface QuestionGroupFollowupsTable {
  workspace_id: string;
  reply_id: string;
  group_id: string;
  answered: boolean;
  asked_at: Timestamp;
}

export interface AnswerRatingsTable {
  workspace_id: string;
  message_id: string;
  assistant_id: string | null;
  verdict: 'good' | 'bad';
  note: Generated<string>;
  rated_by: string | null;
  rated_by_name: string;
  rated_at: Generated<Date>;
  /** When the rated answer was written: the week its score counts in. */
  answered_at: Timestamp;
}

export interface Database {
  answer_ratings: AnswerRatingsTable;
  question_groups: QuestionGroupsTable;
  question_group_members: QuestionGroupMembersTable;
  question_group_actions: QuestionGroupActionsTable;
  question_group_followups: QuestionGroupFollowupsTable;
  analysis_backfills: AnalysisBackfillsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  workspaces: WorkspacesTable;
  users: UsersTable;
  sessions: SessionsTable;
  assistants: AssistantsTable;
  channels: ChannelsTable;
  contacts: ContactsTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  events: EventsTable;
  insights_daily: InsightsDailyTable;
  insights_issues: InsightsIssuesTable;
  insights_topic_daily: InsightsTopicDailyTable;
  jobs: JobsTable;
  knowledge_sources: KnowledgeSourcesTable;
  knowledge_chunks: KnowledgeChunksTable;
  recovery_codes: RecoveryCodesTable;
  login_challenges: LoginChallengesTable;
  login_throttles: LoginThrottlesTable;
}

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type AssistantRow = Selectable<AssistantsTable>;
export type JobRow = Selectable<JobsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type AnalysisBackfillRow = Selectable<AnalysisBackfillsTable>;
export type NewMessage = Insertable<MessagesTable>;
export type KnowledgeSourceRow = Selectable<KnowledgeSourcesTable>;
export type KnowledgeChunkRow = Selectable<KnowledgeChunksTable>;
