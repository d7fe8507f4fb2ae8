import { randomUUID } from 'node:crypto';
import type { ConversationCard, IssueList, PerformanceReport } from '@parley/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { BACKENDS } from '../../test-support/db.js';

// The analysis runs soon after the last message, so the issue list fills within the test.
process.env.PARLEY_ANALYSIS_DEBOUNCE_MS = '100';

describe.each(BACKENDS)('insights routes on %s', (backend) => {
  let app: TestServer;
  let api: ApiClient;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    app = await startTestServer(backend, { jobPollMs: 50 });
    api = await app.login();
  });

  afterAll(async () => {
    await app?.close();
  });

  const visitorWrites = async (text: string, visitorId = randomUUID()) => {
    const response = await fetch(`${app.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://allowed.example' },
      body: JSON.stringify({
        key: app.assistant.publicKey,
        visitorId,
        text,
        clientMessageId: randomUUID(),
      }),
    });
    expect(response.status).toBeLessThan(300);
    return ((await response.json()) as { conversationId: string }).conversationId;
  };
  const json = async <T>(path: string): Promise<T> => {
    const response = await api(path);
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };

  it('reports a handover, drills down to exactly it, lists the issue and exports CSV', async () => {
    const conversationId = await visitorWrites(
      'This is ridiculous, I have been waiting three weeks and nobody answers!!',
    );
    const issues = () =>
      json<IssueList>(`/api/insights/issues?from=${today}&to=${today}&channel=website_widget`);
    await expect
      .poll(async () => (await issues()).items.map((item) => item.kind), { timeout: 20_000 })
      .toContain('frustrated');
    const [issue] = (await issues()).items;
    expect(issue).toMatchObject({
      conversationId,
      personReplied: false,
      channel: 'website_widget',
    });
    expect(issue?.quote).toContain('ridiculous');

    const reply = await api(`/api/conversations/${conversationId}/messages`, {
      body: { text: 'So sorry, Sam here, looking at it now.' },
    });
    expect(reply.status).toBe(201);
    expect((await issues()).items[0]?.personReplied).toBe(true);

    const report = await json<PerformanceReport>(
      `/api/insights/performance?from=${today}&to=${today}`,
    );
    expect(report.query).toEqual({ from: today, to: today, channels: [], assistant: '' });
    expect(report.previous.to < today).toBe(true);
    expect(report.totals.current.conversations).toBe(1);
    expect(report.totals.current.handoversByTrigger).toEqual({ frustration: 1 });
    expect(report.totals.current.pauseToHumanReplySeconds.p50).not.toBeNull();
    expect(report.byChannel.map((row) => row.key)).toEqual(['website_widget']);
    expect(report.byAssistant.map((row) => row.label)).toEqual(['Tess']);
    expect(report.daily).toEqual([
      { day: today, channel: 'website_widget', conversations: 1, customerMessages: 1 },
    ]);

    const inbox = (query: string) =>
      json<{ items: ConversationCard[] }>(
        `/api/conversations?startedFrom=${today}&startedTo=${today}&${query}`,
      );
    const handedOver = await inbox('handover=frustration');
    expect(handedOver.items.map((card) => [card.id, card.outcome])).toEqual([
      [conversationId, 'handed_over'],
    ]);
    expect((await inbox('outcome=ai_only')).items).toEqual([]);
    expect((await inbox('handover=operator')).items).toEqual([]);

    const channels = await api(
      `/api/insights/performance.csv?table=channels&from=${today}&to=${today}`,
    );
    expect(channels.headers.get('content-type')).toContain('text/csv');
    const table = (await channels.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(table[0]).toMatch(/^channel,label,period,from,to,conversations,/);
    expect(table[1]).toMatch(/^website_widget,Website widget,current,/);

    const exported = await api(`/api/conversations.csv?startedFrom=${today}&outcome=handed_over`);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const lines = (await exported.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toMatch(/^id,started_at,last_activity_at,channel,/);
    expect(lines.length).toBe(2);
    expect(lines[1]).toContain(conversationId);
    expect(lines[1]).toContain('frustration');
  }, 60_000);

  it('refuses periods that are reversed or too long, and strangers', async () => {
    expect((await api('/api/insights/performance?from=2026-03-02&to=2026-03-01')).status).toBe(400);
    expect((await api('/api/insights/performance?from=2024-01-01&to=2026-01-01')).status).toBe(400);
    expect((await api('/api/insights/issues?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await api('/api/insights/performance.csv?table=secrets')).status).toBe(400);
    expect((await api('/api/conversations?startedFrom=2026-02-30')).status).toBe(400);
    expect((await fetch(`${app.url}/api/insights/performance`)).status).toBe(401);
    expect((await fetch(`${app.url}/api/conversations.csv`)).status).toBe(401);
    const defaults = await json<PerformanceReport>('/api/insights/performance');
    expect(defaults.query.to).toBe(today);
    expect(defaults.daily.length % 30).toBe(0);
  });
});
