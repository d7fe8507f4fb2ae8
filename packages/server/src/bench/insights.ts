/**
 * Insights at scale: `count` generated conversations over a year (all channel kinds, three
 * assistants), rollups rebuilt from them, then the Insights endpoints over real HTTP with a
 * signed-in session — against a bare `SELECT 1` and the health endpoint measured in the same
 * run. The page's own requests: the performance report (30 and 90 days, filtered by channel
 * or assistant) and the issue list (first page, and a later page by cursor).
 */
import { CHANNEL_KINDS, type ChannelKind } from '@parley/domain';
import { sql } from 'kysely';
import { createServer } from '../app.js';
import { createAssistant, createChannel, createWorkspace } from '../commands/workspaces.js';
import { SecretBox } from '../lib/secrets.js';
import { rebuildInsights } from '../store/insights.js';
import type { Store } from '../store/store.js';
import { type GeneratedChannel, generateConversations } from '../test-support/insights-data.js';
import type { LatencyFigures } from './fanout.js';

export interface InsightsBench {
  conversations: number;
  generateSeconds: number;
  rebuildSeconds: number;
  dailyRows: number;
  issues: number;
  latency: LatencyFigures[];
}

function latency(label: string, samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { label, samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

async function timed(rounds: number, run: (round: number) => Promise<unknown>): Promise<number[]> {
  await run(0);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await run(round);
    samples.push(performance.now() - started);
  }
  return samples;
}

const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export async function benchInsights(
  store: Store,
  count: number,
  rounds: number,
): Promise<InsightsBench> {
  const secretBox = new SecretBox('insights-bench');
  const admin = {
    email: `insights-${Date.now()}@bench.local`,
    name: 'B',
    password: 'orbit-kettle-42',
  };
  const { workspace } = await createWorkspace(
    store.db,
    { name: 'Insights bench', admin },
    { checkPassword: false },
  );
  const assistants = [];
  for (const name of ['Ava', 'Bo', 'Cy']) {
    assistants.push(await createAssistant(store.db, workspace.id, { name }));
  }
  const channels: GeneratedChannel[] = [];
  for (const [index, kind] of CHANNEL_KINDS.entries()) {
    // Gmail without an assistant: a channel only people answer.
    const assistantId = kind === 'gmail' ? null : (assistants[index % 3]?.id ?? null);
    const channel = await createChannel(store.db, secretBox, workspace.id, {
      kind: kind as ChannelKind,
      name: kind,
      assistantId,
    });
    const contact = await store.db
      .insertInto('contacts')
      .values({
        workspace_id: workspace.id,
        channel_id: channel.id,
        external_id: 'bench',
        attributes: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    channels.push({ id: channel.id, kind, assistantId, contactId: contact.id });
  }
  const today = new Date().toISOString().slice(0, 10);
  let started = performance.now();
  await generateConversations(store.db, {
    workspaceId: workspace.id,
    channels,
    count,
    lastDay: today,
    days: 365,
    prefix: 'bench-',
  });
  // Fresh statistics, as autovacuum would gather them on a live database.
  await sql`ANALYZE`.execute(store.db);
  const generateSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const rebuilt = await rebuildInsights(store.db, { workspaceId: workspace.id });
  const rebuildSeconds = (performance.now() - started) / 1000;
  await sql`ANALYZE`.execute(store.db);

  const server = await createServer({
    store,
    secretBox,
    paths: { webDist: '/nonexistent', widgetDist: '/nonexistent' },
    logger: false,
    runJobs: false,
  });
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ nextCursor?: string | null }>;
    };
    const month = `from=${dayBefore(today, 29)}&to=${today}`;
    const quarter = `from=${dayBefore(today, 89)}&to=${today}`;
    const assistant = assistants[0]?.id ?? '';
    const deep = await get(`/api/insights/issues?${quarter}&limit=50`);
    const performanceQueries = [
      `/api/insights/performance?${month}`,
      `/api/insights/performance?${quarter}`,
      `/api/insights/performance?${month}&channel=messenger,instagram_dm`,
      `/api/insights/performance?${quarter}&assistant=${assistant}`,
    ];
    const issueQueries = [
      `/api/insights/issues?${month}`,
      `/api/insights/issues?${quarter}&channel=gmail,messenger`,
      `/api/insights/issues?${quarter}&cursor=${deep.nextCursor ?? ''}`,
    ];
    const pick = (list: string[], round: number) => list[round % list.length] ?? '';
    return {
      conversations: count,
      generateSeconds,
      rebuildSeconds,
      dailyRows: rebuilt.dailyRows,
      issues: rebuilt.issues,
      latency: [
        latency(
          'SELECT 1 round trip (baseline)',
          await timed(rounds, () => sql`SELECT 1`.execute(store.db)),
        ),
        latency(
          'GET /api/health over HTTP (baseline)',
          await timed(rounds, () => fetch(`${url}/api/health`).then((r) => r.arrayBuffer())),
        ),
        latency(
          'GET /api/insights/performance (30/90 days, filters)',
          await timed(rounds, (round) => get(pick(performanceQueries, round))),
        ),
        latency(
          'GET /api/insights/issues (pages of 50)',
          await timed(rounds, (round) => get(pick(issueQueries, round))),
        ),
      ],
    };
  } finally {
    await server.close();
  }
}
