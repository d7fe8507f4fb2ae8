/** Schema migrations, run on start by Kysely's migrator. Append new ones; never edit old ones. */
import { type Kysely, type Migration, type MigrationProvider, sql } from 'kysely';
import { mergeDuplicateWidgetChannels } from './widget-channel-merge.js';

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE workspaces (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        event_seq bigint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE assistants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        name text NOT NULL,
        instructions text NOT NULL DEFAULT '',
        greeting text NOT NULL DEFAULT '',
        suggested_questions jsonb NOT NULL DEFAULT '[]',
        public_key text NOT NULL UNIQUE,
        allowed_origins jsonb NOT NULL DEFAULT '[]',
        share_slug text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX assistants_workspace ON assistants (workspace_id);
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind text NOT NULL,
        name text NOT NULL,
        assistant_id uuid REFERENCES assistants(id) ON DELETE SET NULL,
        external_account_id text,
        config jsonb NOT NULL DEFAULT '{}',
        secrets_encrypted text,
        rules jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX channels_workspace ON channels (workspace_id, kind);
      CREATE UNIQUE INDEX channels_account ON channels (kind, external_account_id)
        WHERE external_account_id IS NOT NULL;
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        display_name text,
        username text,
        email text,
        attributes jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel_id, external_id)
      );
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        channel_kind text NOT NULL,
        assistant_id uuid REFERENCES assistants(id) ON DELETE SET NULL,
        contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        thread_key text NOT NULL,
        subject text,
        metadata jsonb NOT NULL DEFAULT '{}',
        preview text NOT NULL DEFAULT '',
        last_activity_at timestamptz NOT NULL,
        last_inbound_at timestamptz,
        ai_paused boolean NOT NULL DEFAULT false,
        ai_paused_reason text,
        unread_count integer NOT NULL DEFAULT 0,
        summary text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel_id, thread_key)
      );
      CREATE INDEX conversations_inbox ON conversations (workspace_id, last_activity_at DESC, id DESC);
      CREATE INDEX conversations_inbox_kind
        ON conversations (workspace_id, channel_kind, last_activity_at DESC, id DESC);
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        channel_id uuid NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        external_id text,
        author text NOT NULL CHECK (author IN ('contact', 'assistant', 'operator', 'business')),
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        text text NOT NULL DEFAULT '',
        attachments jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL,
        error text,
        parent_id uuid REFERENCES messages(id) ON DELETE SET NULL,
        metadata jsonb NOT NULL DEFAULT '{}',
        history jsonb NOT NULL DEFAULT '[]',
        edited_at timestamptz,
        removed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED
      );
      CREATE UNIQUE INDEX messages_external ON messages (channel_id, external_id)
        WHERE external_id IS NOT NULL;
      CREATE INDEX messages_thread ON messages (conversation_id, created_at, id);
      CREATE INDEX messages_search ON messages USING gin (search);
      CREATE TABLE events (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        conversation_id uuid,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, seq)
      );
      CREATE INDEX events_conversation ON events (conversation_id, seq);
      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        kind text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending',
        run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL DEFAULT 8,
        locked_until timestamptz,
        last_error text,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('pending', 'running');
      CREATE UNIQUE INDEX jobs_dedupe ON jobs (dedupe_key) WHERE status IN ('pending', 'running');
    `.execute(db);
  },
};

/** API keys for programmatic access; only a hash of each key is stored. */
const apiKeys: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        created_by uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX api_keys_workspace ON api_keys (workspace_id);
    `.execute(db);
  },
};

/** A job being run must not block scheduling the same work again: a customer who writes
 * while their reply is being written needs another reply. Only pending jobs collapse. */
const dedupePendingOnly: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      DROP INDEX jobs_dedupe;
      CREATE UNIQUE INDEX jobs_dedupe_pending ON jobs (dedupe_key) WHERE status = 'pending';
    `.execute(db);
  },
};

/** Insertion order of messages: replies to one conversation are inserted under its row lock,
 * so this orders them exactly even when their timestamps tie. */
const messageSequence: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE messages ADD COLUMN seq bigserial`.execute(db);
  },
};

/** An account (Page, Instagram account, mailbox, shop) is unique within a workspace only: a
 * database-wide rule let one tenant squat another's Page and learn that it is connected. Webhook
 * lookups by account keep an index of their own, and pick among workspaces by signature. */
const accountPerWorkspace: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      DROP INDEX channels_account;
      CREATE UNIQUE INDEX channels_workspace_account ON channels (workspace_id, kind, external_account_id)
        WHERE external_account_id IS NOT NULL;
      CREATE INDEX channels_account ON channels (kind, external_account_id)
        WHERE external_account_id IS NOT NULL;
    `.execute(db);
  },
};

/** Sign-in hardening (issue 7): emails unique per workspace only, so one tenant cannot learn
 * another's users; per-account login throttles shared by all instances; TOTP two-factor with
 * recovery codes; short-lived login challenges between the password and the code. */
const authHardening: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE users DROP CONSTRAINT users_email_key;
      CREATE UNIQUE INDEX users_workspace_email ON users (workspace_id, lower(email));
      CREATE INDEX users_email ON users (lower(email));
      ALTER TABLE users ADD COLUMN totp_secret_encrypted text;
      ALTER TABLE users ADD COLUMN totp_pending_encrypted text;
      ALTER TABLE users ADD COLUMN totp_last_step bigint;
      ALTER TABLE workspaces ADD COLUMN require_admin_two_factor boolean NOT NULL DEFAULT false;
      CREATE TABLE recovery_codes (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      );
      CREATE TABLE login_challenges (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at timestamptz NOT NULL
      );
      CREATE TABLE login_throttles (
        key_hash text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        locked_until timestamptz
      );
    `.execute(db);
  },
};

/** One website-widget and one share-link channel per assistant, so concurrent first visits
 * cannot create two (and split a visitor's thread): found-or-created with ON CONFLICT. */
const oneWidgetChannelPerAssistant: Migration = {
  async up(db: Kysely<unknown>) {
    await mergeDuplicateWidgetChannels(db);
    await sql`
      CREATE UNIQUE INDEX channels_widget_per_assistant ON channels (assistant_id, kind)
        WHERE kind IN ('website_widget', 'share_link')
    `.execute(db);
  },
};

/** The audit log of security-relevant actions, kept 90 days (store/retention.ts). Actor ids
 * have no foreign keys on purpose: a removed teammate's or key's history must stay readable
 * and filterable; the label columns keep what they were called. Milliseconds only (`(3)`),
 * so the page cursor, which travels as a JavaScript date, matches rows exactly. */
const auditLog: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        at timestamptz(3) NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_api_key_id uuid,
        actor_label text NOT NULL DEFAULT '',
        action text NOT NULL,
        target_type text,
        target_id text,
        target_label text,
        ip text,
        user_agent text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_workspace_at ON audit_log (workspace_id, at DESC, id DESC);
      CREATE INDEX audit_log_at ON audit_log (at);
    `.execute(db);
  },
};

/** Conversation intelligence: each conversation's stored analysis (with the version and the
 * newest message it covers, so stale rows can be found), the workspace's analysis settings,
 * and the progress of analyzing existing conversations. The inbox filters on the analysis are
 * jsonb containment tests (`analysis @> '{"frustrated": true}'`), all served by one GIN index;
 * search matches summaries through an expression index. */
const conversationAnalysis: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE conversations
        ADD COLUMN analysis jsonb,
        ADD COLUMN analysis_version integer,
        ADD COLUMN analyzed_through_message_id uuid;
      CREATE INDEX conversations_analysis ON conversations USING gin (analysis jsonb_path_ops);
      CREATE INDEX conversations_summary_search ON conversations
        USING gin (to_tsvector('simple', COALESCE(analysis->>'summary', '')));
      ALTER TABLE workspaces ADD COLUMN analysis_settings jsonb NOT NULL DEFAULT '{}';
      CREATE TABLE analysis_backfills (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
        total integer NOT NULL,
        done integer NOT NULL DEFAULT 0,
        cursor uuid,
        error text,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
      CREATE INDEX analysis_backfills_workspace ON analysis_backfills (workspace_id, started_at DESC);
      CREATE UNIQUE INDEX analysis_backfills_running ON analysis_backfills (workspace_id)
        WHERE status = 'running';
    `.execute(db);
  },
};

/** Per-assistant model settings (model name, temperature), null for the server's defaults. */
const assistantModelSettings: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE assistants ADD COLUMN model_settings jsonb`.execute(db);
  },
};

/** The knowledge base: sources (articles, Q&A pairs, files, web pages) of one assistant, or of
 * all the workspace's assistants when `assistant_id` is null, and their chunks. Each chunk's
 * `search` vector is built in its source's language (a regconfig name such as 'english'),
 * weighted so headings and questions count more than body text; `embedding` is filled when
 * the model provider offers embeddings. */
const knowledgeBase: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      CREATE TABLE knowledge_sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        assistant_id uuid REFERENCES assistants(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('article', 'qa', 'file', 'url')),
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        question text,
        url text,
        file_name text,
        mime_type text,
        file_size integer,
        language text NOT NULL DEFAULT 'simple',
        status text NOT NULL DEFAULT 'indexing' CHECK (status IN ('indexing', 'ready', 'failed')),
        error text,
        chunk_count integer NOT NULL DEFAULT 0,
        indexed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX knowledge_sources_workspace ON knowledge_sources (workspace_id, created_at DESC);
      CREATE TABLE knowledge_chunks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES knowledge_sources(id) ON DELETE CASCADE,
        assistant_id uuid REFERENCES assistants(id) ON DELETE CASCADE,
        position integer NOT NULL,
        heading text,
        text text NOT NULL,
        question text,
        language text NOT NULL DEFAULT 'simple',
        search tsvector NOT NULL,
        embedding jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX knowledge_chunks_source ON knowledge_chunks (source_id, position);
      CREATE INDEX knowledge_chunks_scope ON knowledge_chunks (workspace_id, assistant_id);
      CREATE INDEX knowledge_chunks_search ON knowledge_chunks USING gin (search);
    `.execute(db);
  },
};

/** What an assistant message answered from: the knowledge chunks it cites (ids kept when a chunk
 * is deleted, shown as nothing), or the customer's question it could not answer. */
const answerProvenance: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE messages
        ADD COLUMN passage_ids jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN unanswered_question text;
    `.execute(db);
  },
};

/** Insights (issue 10): each conversation's facts (message counts, first reply times, the
 * handover and its first reply after), daily rollups per workspace × UTC start day × channel ×
 * assistant (and per topic) kept by every write that changes those facts, and the stored
 * analysis' frustrated / human-request quotes as an indexed list. Histograms are fixed
 * log-scale bucket counts (insights/histogram.ts), added element-wise. Facts and issues are
 * backfilled here; the rollups of existing conversations by a rebuild job per workspace. */
const insights: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE conversations
        ADD COLUMN customer_messages integer NOT NULL DEFAULT 0,
        ADD COLUMN assistant_replies integer NOT NULL DEFAULT 0,
        ADD COLUMN unanswered_replies integer NOT NULL DEFAULT 0,
        ADD COLUMN first_customer_at timestamptz,
        ADD COLUMN first_ai_reply_at timestamptz,
        ADD COLUMN first_person_reply_at timestamptz,
        ADD COLUMN handover_trigger text,
        ADD COLUMN handover_at timestamptz,
        ADD COLUMN handover_reply_at timestamptz;
      CREATE INDEX conversations_started ON conversations (workspace_id, created_at);
      CREATE TABLE insights_daily (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_kind text NOT NULL,
        assistant_key text NOT NULL,
        conversations integer NOT NULL DEFAULT 0,
        customer_messages integer NOT NULL DEFAULT 0,
        ai_only integer NOT NULL DEFAULT 0,
        handed_over integer NOT NULL DEFAULT 0,
        handover_human_requested integer NOT NULL DEFAULT 0,
        handover_keyword integer NOT NULL DEFAULT 0,
        handover_frustration integer NOT NULL DEFAULT 0,
        handover_failed_answers integer NOT NULL DEFAULT 0,
        handover_operator integer NOT NULL DEFAULT 0,
        assistant_replies integer NOT NULL DEFAULT 0,
        unanswered_replies integer NOT NULL DEFAULT 0,
        sentiment_sum double precision NOT NULL DEFAULT 0,
        sentiment_count integer NOT NULL DEFAULT 0,
        ai_first_response integer[] NOT NULL,
        human_first_response integer[] NOT NULL,
        pause_to_reply integer[] NOT NULL,
        PRIMARY KEY (workspace_id, day, channel_kind, assistant_key)
      );
      CREATE TABLE insights_topic_daily (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        day date NOT NULL,
        channel_kind text NOT NULL,
        assistant_key text NOT NULL,
        topic text NOT NULL,
        conversations integer NOT NULL DEFAULT 0,
        PRIMARY KEY (workspace_id, day, channel_kind, assistant_key, topic)
      );
      CREATE FUNCTION insights_histogram_add(a integer[], b integer[]) RETURNS integer[]
        LANGUAGE sql IMMUTABLE AS $$
          SELECT array_agg(COALESCE(x, 0) + COALESCE(y, 0) ORDER BY i)
          FROM unnest(a, b) WITH ORDINALITY AS t(x, y, i)
        $$;
      CREATE TABLE insights_issues (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('frustrated', 'human_requested')),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        message_id uuid NOT NULL,
        quote text NOT NULL,
        at timestamptz(3) NOT NULL,
        day date NOT NULL,
        channel_kind text NOT NULL,
        assistant_key text NOT NULL,
        PRIMARY KEY (conversation_id, kind)
      );
      CREATE INDEX insights_issues_list
        ON insights_issues (workspace_id, day, at DESC, conversation_id DESC, kind DESC);

      UPDATE conversations c SET
        customer_messages = m.customer_messages,
        assistant_replies = m.assistant_replies,
        unanswered_replies = m.unanswered_replies,
        first_customer_at = m.first_customer_at
      FROM (
        SELECT conversation_id,
          count(*) FILTER (WHERE author = 'contact') AS customer_messages,
          count(*) FILTER (WHERE author = 'assistant') AS assistant_replies,
          count(*) FILTER (WHERE author = 'assistant' AND unanswered_question IS NOT NULL)
            AS unanswered_replies,
          min(created_at) FILTER (WHERE author = 'contact') AS first_customer_at
        FROM messages GROUP BY conversation_id
      ) m
      WHERE m.conversation_id = c.id;
      UPDATE conversations c SET
        first_ai_reply_at = m.first_ai_reply_at,
        first_person_reply_at = m.first_person_reply_at
      FROM (
        SELECT messages.conversation_id,
          min(messages.created_at) FILTER (WHERE author = 'assistant') AS first_ai_reply_at,
          min(messages.created_at) FILTER (WHERE author IN ('operator', 'business'))
            AS first_person_reply_at
        FROM messages JOIN conversations ON conversations.id = messages.conversation_id
        WHERE messages.created_at >= conversations.first_customer_at
        GROUP BY messages.conversation_id
      ) m
      WHERE m.conversation_id = c.id;
      -- Pauses from before this migration: the trigger is read from the reason, the time is lost.
      UPDATE conversations SET handover_trigger = CASE
          WHEN ai_paused_reason LIKE 'Customer asked for a person:%' THEN 'human_requested'
          WHEN ai_paused_reason LIKE 'Customer mentioned %' THEN 'keyword'
          WHEN ai_paused_reason LIKE 'Customer seems frustrated:%' THEN 'frustration'
          WHEN ai_paused_reason LIKE 'The assistant could not answer %' THEN 'failed_answers'
          ELSE 'operator' END
        WHERE ai_paused;
      UPDATE conversations SET handover_trigger = 'operator',
          handover_at = first_person_reply_at, handover_reply_at = first_person_reply_at
        WHERE handover_trigger IS NULL AND assistant_id IS NOT NULL
          AND first_person_reply_at IS NOT NULL;

      INSERT INTO insights_issues
        (conversation_id, kind, workspace_id, message_id, quote, at, day, channel_kind, assistant_key)
      SELECT c.id, q.kind, c.workspace_id, m.id, q.by->>'quote', m.created_at,
        (c.created_at AT TIME ZONE 'UTC')::date, c.channel_kind, COALESCE(c.assistant_id::text, '')
      FROM conversations c
      CROSS JOIN LATERAL (VALUES
        ('frustrated', CASE WHEN c.analysis @> '{"frustrated": true}' THEN c.analysis->'frustratedBy' END),
        ('human_requested',
          CASE WHEN c.analysis @> '{"humanRequested": true}' THEN c.analysis->'humanRequestedBy' END)
      ) AS q(kind, by)
      JOIN messages m ON m.id::text = q.by->>'messageId' AND m.conversation_id = c.id
      WHERE c.analysis_version = 1 AND jsonb_typeof(q.by) = 'object';

      INSERT INTO jobs (workspace_id, kind, payload, dedupe_key)
      SELECT DISTINCT workspace_id, 'insights.rebuild',
        jsonb_build_object('workspaceId', workspace_id),
        'insights-rebuild:' || workspace_id::text
      FROM conversations;
    `.execute(db);
  },
};

/** Insights on customer questions and answer quality. Unanswered questions grouped by meaning:
 * each group keeps its centroid (sparse term weights, and the mean embedding when the provider
 * offers embeddings) so a new question joins it without regrouping; a member is one customer
 * message (so the responder's and the analysis' record of one question count once). Actions
 * taken on a group, and the same question asked after the first of them (`followups`: was it
 * answered then?). Each assistant answer's confidence, and teammates' ratings of answers. */
const questionInsights: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`
      ALTER TABLE messages ADD COLUMN answer_confidence real;
      CREATE TABLE question_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        assistant_id uuid REFERENCES assistants(id) ON DELETE SET NULL,
        label text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        centroid jsonb NOT NULL DEFAULT '{}',
        embedding jsonb,
        member_count integer NOT NULL DEFAULT 0,
        first_action_at timestamptz,
        resolved_at timestamptz,
        resolved_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_asked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX question_groups_workspace ON question_groups (workspace_id, status, last_asked_at DESC);
      CREATE TABLE question_group_members (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES question_groups(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        reply_id uuid,
        channel_kind text NOT NULL,
        assistant_id uuid,
        question text NOT NULL,
        language text NOT NULL,
        asked_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, message_id)
      );
      CREATE INDEX question_group_members_group ON question_group_members (group_id, asked_at DESC);
      CREATE INDEX question_group_members_window ON question_group_members (workspace_id, asked_at);
      CREATE INDEX question_group_members_conversation ON question_group_members (conversation_id);
      CREATE TABLE question_group_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES question_groups(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('knowledge', 'suggested_question', 'instructions')),
        user_id uuid,
        user_name text NOT NULL,
        detail text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX question_group_actions_group ON question_group_actions (group_id, at);
      CREATE TABLE question_group_followups (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        reply_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        group_id uuid NOT NULL REFERENCES question_groups(id) ON DELETE CASCADE,
        answered boolean NOT NULL,
        asked_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, reply_id)
      );
      CREATE INDEX question_group_followups_group ON question_group_followups (group_id);
      CREATE TABLE answer_ratings (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        assistant_id uuid,
        verdict text NOT NULL CHECK (verdict IN ('good', 'bad')),
        note text NOT NULL DEFAULT '',
        rated_by uuid,
        rated_by_name text NOT NULL,
        rated_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, message_id)
      );
      CREATE INDEX answer_ratings_week ON answer_ratings (workspace_id, answered_at);
    `.execute(db);
  },
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return {
      '0001_initial': initial,
      '0002_api_keys': apiKeys,
      '0003_jobs_dedupe_pending_only': dedupePendingOnly,
      '0004_message_sequence': messageSequence,
      '0005_account_per_workspace': accountPerWorkspace,
      '0006_auth_hardening': authHardening,
      '0007_one_widget_channel_per_assistant': oneWidgetChannelPerAssistant,
      '0008_audit_log': auditLog,
      '0009_conversation_analysis': conversationAnalysis,
      '0010_assistant_model_settings': assistantModelSettings,
      '0011_knowledge_base': knowledgeBase,
      '0012_answer_provenance': answerProvenance,
      '0014_insights': insights,
      '0015_question_insights': questionInsights,
    };
  },
};
