import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Passage } from '../../knowledge/passages.js';
import { type ApiClient, startTestServer, type TestServer } from '../../test-support/app.js';
import { BACKENDS } from '../../test-support/db.js';
import { minimalDocx, minimalPdf } from '../../test-support/knowledge-files.js';

interface Source {
  id: string;
  status: string;
  error: string | null;
  title: string;
  chunkCount: number;
}

interface TryResult {
  passages: Passage[];
  answer: { text: string; passageIds: string[]; unansweredQuestion: string | null };
}

const PAGE = `<html><head><title>Opening hours</title></head><body><main><article>
  <h1>Opening hours</h1><h2>Store</h2>
  <p>Our Berlin store is open Monday to Saturday from 10 am to 7 pm.</p>
  <p>On public holidays the store stays closed, but the online shop never sleeps.</p>
</article></main></body></html>`;

describe.each(BACKENDS)('knowledge routes on %s', (backend) => {
  let app: TestServer;
  let api: ApiClient;
  let pages: Server;
  let pageUrl: string;
  let pageBody = PAGE;

  async function waitIndexed(id: string): Promise<Source> {
    for (;;) {
      const response = await api(`/api/knowledge/sources/${id}`);
      const { source } = (await response.json()) as { source: Source };
      if (source.status !== 'indexing') return source;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function tryIt(question: string): Promise<TryResult> {
    const response = await api('/api/knowledge/try', {
      method: 'POST',
      body: { assistantId: app.assistant.id, question },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as TryResult;
  }

  async function ask(question: string): Promise<Passage[]> {
    return (await tryIt(question)).passages;
  }

  async function add(path: string, body: unknown): Promise<Source> {
    const response = await api(path, { method: 'POST', body });
    expect(response.status, await response.clone().text()).toBe(201);
    return ((await response.json()) as { source: Source }).source;
  }

  beforeAll(async () => {
    app = await startTestServer(backend, { jobPollMs: 50 });
    api = await app.login();
    pages = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(pageBody);
    });
    await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}/hours`;
  });

  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => pages.close(resolve));
  });

  it('indexes an article and a Q&A pair and retrieves them', async () => {
    const article = await add('/api/knowledge/sources', {
      kind: 'article',
      assistantId: app.assistant.id,
      title: 'Shipping',
      body: '# Delivery\nParcels arrive within 3 to 5 working days.\n\n# Costs\nShipping is free above 50 euros.',
    });
    expect(article.status).toBe('indexing');
    expect(await waitIndexed(article.id)).toMatchObject({ status: 'ready', chunkCount: 2 });
    const qa = await add('/api/knowledge/sources', {
      kind: 'qa',
      question: 'Do you accept PayPal?',
      answer: 'Yes, we accept PayPal, Visa and Mastercard.',
    });
    expect((await waitIndexed(qa.id)).status).toBe('ready');

    expect((await ask('how long until my parcel arrives'))[0]).toMatchObject({
      title: 'Shipping',
      heading: 'Delivery',
    });
    expect((await ask('can I pay with paypal?'))[0]?.question).toBe('Do you accept PayPal?');
  });

  it('shows the answer the assistant would give, citing its passage, or passes it on', async () => {
    const tried = await tryIt('Is shipping free above 50 euros?');
    expect(tried.answer.text).toContain('free above 50 euros');
    expect(tried.answer.unansweredQuestion).toBeNull();
    const cited = tried.passages.find((passage) => passage.id === tried.answer.passageIds[0]);
    expect(cited).toMatchObject({ title: 'Shipping', heading: 'Costs' });

    const unknown = await tryIt('Can I bring my parrot to the warehouse party?');
    expect(unknown.answer.passageIds).toEqual([]);
    expect(unknown.answer.unansweredQuestion).toBe('Can I bring my parrot to the warehouse party?');
  });

  it('extracts uploaded PDF and Word files', async () => {
    const pdf = await add('/api/knowledge/files', {
      fileName: 'sizes.pdf',
      contentBase64: Buffer.from(minimalPdf(['Size M fits chest 96 to 100 cm.'])).toString(
        'base64',
      ),
    });
    const docx = await add('/api/knowledge/files', {
      fileName: 'returns.docx',
      contentBase64: Buffer.from(
        minimalDocx([
          { style: 'Heading1', text: 'Returns' },
          { text: 'Send items back within 30 days for a refund.' },
        ]),
      ).toString('base64'),
    });
    expect((await waitIndexed(pdf.id)).status).toBe('ready');
    expect((await waitIndexed(docx.id)).status).toBe('ready');
    expect((await ask('which size fits a 98 cm chest'))[0]?.title).toBe('sizes');
    expect((await ask('refund for items sent back'))[0]).toMatchObject({ heading: 'Returns' });
  });

  it('refuses unreadable and oversized uploads with clear errors', async () => {
    const bad = await api('/api/knowledge/files', {
      method: 'POST',
      body: { fileName: 'a.exe', contentBase64: 'AAAA' },
    });
    expect(bad.status).toBe(400);
    const big = await api('/api/knowledge/files', {
      method: 'POST',
      body: {
        fileName: 'a.txt',
        contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10).toString('base64'),
      },
    });
    expect(big.status).toBe(413);
  });

  it('imports a web page, re-syncs it, and deletes it', async () => {
    const page = await add('/api/knowledge/urls', { url: pageUrl });
    expect(await waitIndexed(page.id)).toMatchObject({ status: 'ready', title: 'Opening hours' });
    expect((await ask('when is the store open on saturday'))[0]?.title).toBe('Opening hours');

    pageBody = PAGE.replace('10 am to 7 pm', '9 am to 9 pm, late shopping');
    const resync = await api(`/api/knowledge/sources/${page.id}/resync`, { method: 'POST' });
    expect(resync.status).toBe(202);
    await waitIndexed(page.id);
    expect((await ask('late shopping'))[0]?.text).toContain('9 am to 9 pm');

    expect((await api(`/api/knowledge/sources/${page.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await ask('late shopping')).map((passage) => passage.title)).not.toContain(
      'Opening hours',
    );
  });

  it('marks an unreachable page failed with why', async () => {
    const page = await add('/api/knowledge/urls', { url: 'http://127.0.0.1:9/nothing' });
    const source = await waitIndexed(page.id);
    expect(source.status).toBe('failed');
    expect(source.error).toContain('127.0.0.1');
  });

  it('lets agents read but not write', async () => {
    const admin = api;
    const created = await admin('/api/users', {
      method: 'POST',
      body: {
        email: `agent-${backend}@test.local`,
        name: 'Agent',
        password: 'orbit-kettle-42-quiet',
      },
    });
    expect(created.status).toBeLessThan(300);
    const agent = await app.login(`agent-${backend}@test.local`, 'orbit-kettle-42-quiet');
    expect((await agent('/api/knowledge/sources')).status).toBe(200);
    const write = await agent('/api/knowledge/sources', {
      method: 'POST',
      body: { kind: 'qa', question: 'q?', answer: 'a' },
    });
    expect(write.status).toBe(403);
  });
});

describe('knowledge URL import without private addresses allowed', () => {
  it('refuses 127.0.0.1 and says why', async () => {
    const app = await startTestServer('pglite', {
      jobPollMs: 50,
      allowPrivateKnowledgeUrls: false,
    });
    try {
      const api = await app.login();
      const response = await api('/api/knowledge/urls', {
        method: 'POST',
        body: { url: 'http://127.0.0.1:8080/page' },
      });
      const { source } = (await response.json()) as { source: Source };
      let current = source;
      while (current.status === 'indexing') {
        await new Promise((resolve) => setTimeout(resolve, 50));
        current = (
          (await (await api(`/api/knowledge/sources/${source.id}`)).json()) as {
            source: Source;
          }
        ).source;
      }
      expect(current.status).toBe('failed');
      expect(current.error).toMatch(/private or local address/);
    } finally {
      await app.close();
    }
  });
});
