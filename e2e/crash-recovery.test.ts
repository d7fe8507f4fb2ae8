import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../packages/server/src/test-support/db.js';
import { demoLogin, freePort, type ParleyProcess, startParley } from './support/parley-process.js';

/** Kill -9 in the middle of traffic, start again, let clients retry as platforms do: nothing
 * acknowledged is lost, nothing is stored twice, and scheduled work still happens. */
describe('a crash mid-write', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let parley: ParleyProcess;
  let port: number;
  const env = () => ({ DATABASE_URL: database.databaseUrl, PARLEY_SECRET_KEY: 'crash-test' });

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    parley = await startParley({ ...env(), PARLEY_DEMO: 'true' }, port);
  });

  afterAll(async () => {
    await parley?.stop();
    await database?.drop();
  });

  async function publicKey(): Promise<string> {
    const { cookie } = await demoLogin(parley.url);
    const body = (await (
      await fetch(`${parley.url}/api/assistants`, { headers: { cookie } })
    ).json()) as {
      items: { publicKey: string }[];
    };
    return body.items[0]?.publicKey ?? '';
  }

  // Each test restarts Parley, which takes a while on a busy machine.
  it('loses no acknowledged message and stores retried ones once', {
    timeout: 120_000,
  }, async () => {
    const key = await publicKey();
    const visitorId = randomUUID();
    const sends = Array.from({ length: 40 }, (_, index) => ({
      text: `order question ${index}`,
      clientMessageId: randomUUID(),
    }));
    const post = (message: (typeof sends)[number]) =>
      fetch(`${parley.url}/api/widget/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key, visitorId, ...message }),
      }).then(
        (response) => response.status,
        () => 0,
      );

    const acknowledged: string[] = [];
    for (const message of sends.slice(0, 15)) {
      if ((await post(message)) === 201) acknowledged.push(message.clientMessageId);
    }
    // The rest arrive together, and the process dies while they are being written.
    const inFlight = sends.slice(15).map(async (message) => {
      if ((await post(message)) === 201) acknowledged.push(message.clientMessageId);
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await parley.stop('SIGKILL');
    await Promise.all(inFlight);
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    expect(acknowledged.length).toBeLessThan(sends.length);

    parley = await startParley({ ...env(), PARLEY_DEMO: 'false' }, port);
    // Clients retry everything they did not see acknowledged — and, to be safe, everything.
    for (const message of sends) expect(await post(message)).toBe(201);

    const { cookie } = await demoLogin(parley.url);
    const list = (await (
      await fetch(`${parley.url}/api/conversations?q=${'order question'}`, { headers: { cookie } })
    ).json()) as {
      items: { id: string }[];
    };
    expect(list.items).toHaveLength(1);
    const thread = (await (
      await fetch(`${parley.url}/api/conversations/${list.items[0]?.id}/messages`, {
        headers: { cookie },
      })
    ).json()) as { items: { author: string; text: string }[] };
    const fromVisitor = thread.items
      .filter((message) => message.author === 'contact')
      .map((message) => message.text);
    expect(fromVisitor).toHaveLength(sends.length);
    expect(new Set(fromVisitor).size).toBe(sends.length);
  });

  it('still runs a delayed assistant reply that was scheduled before the crash', {
    timeout: 120_000,
  }, async () => {
    const { cookie, csrfToken } = await demoLogin(parley.url);
    const channels = (await (
      await fetch(`${parley.url}/api/channels`, { headers: { cookie } })
    ).json()) as {
      items: { id: string; kind: string }[];
    };
    const widget = channels.items.find((channel) => channel.kind === 'website_widget');
    const rules = await fetch(`${parley.url}/api/channels/${widget?.id}/rules`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ delayMinSeconds: 2, delayMaxSeconds: 2 }),
    });
    expect(rules.status).toBe(200);

    const key = await publicKey();
    const sent = await fetch(`${parley.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key,
        visitorId: randomUUID(),
        text: 'Do you ship to Norway?',
        clientMessageId: randomUUID(),
      }),
    });
    const { conversationId } = (await sent.json()) as { conversationId: string };
    // The reply is due in 2 s; the process dies before that.
    await parley.stop('SIGKILL');
    parley = await startParley({ ...env(), PARLEY_DEMO: 'false' }, port);

    const { cookie: again } = await demoLogin(parley.url);
    const assistantReplies = async () => {
      const thread = (await (
        await fetch(`${parley.url}/api/conversations/${conversationId}/messages`, {
          headers: { cookie: again },
        })
      ).json()) as { items: { author: string; status: string }[] };
      return thread.items.filter(
        (message) => message.author === 'assistant' && message.status === 'sent',
      ).length;
    };
    await expect.poll(assistantReplies, { timeout: 15_000 }).toBe(1);
  });
});
