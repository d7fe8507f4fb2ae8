/** Helpers for the widget security suite: the database behind the server, and the widget API
 * called as browsers at different addresses would (the server runs with TRUST_PROXY). */
import { randomBytes, randomUUID } from 'node:crypto';
import type { MessageView } from '@parley/domain';
import pg from 'pg';

export interface WidgetSession {
  conversationId: string | null;
  lastEventId: string;
  messages: MessageView[];
}

/** A client address per scenario, so per-address limits of one do not spill into another. */
export function addressOf(index: number): string {
  return `198.51.100.${index}`;
}

export function widgetClient(url: string, key: string, address: string) {
  const post = (path: string, body: Record<string, unknown>) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ key, ...body }),
    });
  return {
    async session(visitorId: string, channel = 'website_widget'): Promise<WidgetSession> {
      const response = await post('/api/widget/session', { visitorId, channel });
      if (response.status !== 200) throw new Error(`session: ${response.status}`);
      return (await response.json()) as WidgetSession;
    },
    async send(visitorId: string, text: string, channel = 'website_widget'): Promise<MessageView> {
      const response = await post('/api/widget/messages', {
        visitorId,
        channel,
        text,
        clientMessageId: randomUUID(),
      });
      if (response.status !== 201) throw new Error(`send: ${response.status}`);
      return (await response.json()) as MessageView;
    },
    streamUrl(visitorId: string, conversationId: string, lastEventId?: string) {
      const query = new URLSearchParams({ key, visitorId, conversationId });
      if (lastEventId) query.set('lastEventId', lastEventId);
      return `${url}/api/widget/stream?${query}`;
    },
    headers: { 'x-forwarded-for': address },
  };
}

/** Direct access to the server's PostgreSQL database, to count rows and set up old states. */
export async function connectDatabase(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const count = async (query: string, values: unknown[] = []) =>
    Number((await client.query<{ n: string }>(query, values)).rows[0]?.n ?? 0);
  return {
    client,
    count,
    /** Rows a visitor can leave behind in a workspace. */
    async visitorRows(workspaceId: string) {
      const of = (table: string) =>
        count(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`, [workspaceId]);
      return {
        channels: await of('channels'),
        contacts: await of('contacts'),
        conversations: await of('conversations'),
      };
    },
    async latestSeq(workspaceId: string) {
      return count('SELECT event_seq AS n FROM workspaces WHERE id = $1', [workspaceId]);
    },
    /** A new assistant of the workspace, with no channels yet (as if just created). */
    async newAssistant(workspaceId: string) {
      const suffix = randomBytes(12).toString('hex');
      const { rows } = await client.query<{ id: string; public_key: string }>(
        `INSERT INTO assistants (workspace_id, name, public_key, share_slug, allowed_origins)
         VALUES ($1, $2, $3, $4, '["*"]') RETURNING id, public_key`,
        [workspaceId, `Assistant ${suffix}`, `pk_${suffix}`, `assistant-${suffix}`],
      );
      const row = rows[0];
      if (!row) throw new Error('assistant not created');
      return { id: row.id, publicKey: row.public_key };
    },
    end: () => client.end(),
  };
}
