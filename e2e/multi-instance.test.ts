import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../packages/server/src/test-support/db.js';
import { connectSse } from '../packages/server/src/test-support/sse.js';
import { demoLogin, type ParleyProcess, startParley } from './support/parley-process.js';

describe('two Parley processes on one PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let instanceA: ParleyProcess;
  let instanceB: ParleyProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { DATABASE_URL: database.databaseUrl, PARLEY_SECRET_KEY: 'shared-secret' };
    instanceA = await startParley({ ...env, PARLEY_DEMO: 'true' });
    instanceB = await startParley({ ...env, PARLEY_DEMO: 'false' });
  });

  afterAll(async () => {
    await Promise.all([instanceA?.stop(), instanceB?.stop()]);
    await database?.drop();
  });

  it('delivers a message ingested through instance B to a live subscriber on instance A', async () => {
    const { cookie } = await demoLogin(instanceA.url);
    const assistants = (await (
      await fetch(`${instanceA.url}/api/assistants`, { headers: { cookie } })
    ).json()) as {
      items: { publicKey: string }[];
    };
    const key = assistants.items[0]?.publicKey ?? '';
    const stream = await connectSse(`${instanceA.url}/api/stream`, { cookie });

    const response = await fetch(`${instanceB.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key,
        visitorId: randomUUID(),
        text: 'Sent via B',
        clientMessageId: randomUUID(),
      }),
    });
    expect(response.status).toBe(201);

    const [first] = await stream.waitFor(1);
    stream.close();
    expect(first?.event).toBe('message.created');
    expect(JSON.parse(first?.data ?? '{}')).toMatchObject({
      text: 'Sent via B',
      author: 'contact',
    });
  });
});
