import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { type HostPage, serveHostPage } from './support/host-page.js';
import { demoPublicKey, type ParleyProcess, startParley } from './support/parley-process.js';

/** A fact the demo knowledge base does not hold, so only the new article can answer it. */
const ARTICLE = {
  title: 'Gift cards',
  body: [
    'Our **gift cards** stay valid for seven years from the day of purchase.',
    '',
    'You can redeem a gift card online and in the Munich store.',
  ].join('\n'),
};
/** Asked in other words than the article uses. */
const QUESTION = 'For how many years can I still use my gift card?';

describe('knowledge base: an article added in Settings answers the widget', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let host: HostPage;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-kb-'));
    parley = await startParley({ DATA_DIR: dataDir });
    const key = await demoPublicKey(parley.url);
    host = await serveHostPage(
      `<!doctype html><html><head><title>Acme shop</title></head>
       <body><h1>Acme Outdoor</h1>
       <script src="${parley.url}/widget.js" data-key="${key}" async></script></body></html>`,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await parley?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a paraphrased question from the article and shows the operator its source', async () => {
    const admin = await browser.newPage();
    await admin.goto(`${parley.url}/settings/knowledge`);
    await admin.getByLabel('Email').fill('demo@parley.local');
    await admin.getByLabel('Password').fill('parley-demo');
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('heading', { name: 'Knowledge' }).waitFor({ timeout: 15_000 });

    await admin.getByRole('button', { name: 'Add article' }).click();
    await admin.getByLabel('Title').fill(ARTICLE.title);
    await admin.getByLabel('Text (Markdown)').fill(ARTICLE.body);
    // The preview renders the Markdown (bold) without taking it as HTML.
    await admin
      .getByTestId('markdown-preview')
      .locator('strong', { hasText: 'gift cards' })
      .waitFor();
    await admin.getByRole('button', { name: 'Save article' }).click();

    const row = admin.locator('tr[data-source-id]').filter({ hasText: ARTICLE.title });
    await row
      .getByTestId('source-status')
      .filter({ hasText: 'Ready' })
      .waitFor({ timeout: 30_000 });
    const sourceId = await row.getAttribute('data-source-id');

    // The try-it box gives the answer a customer would get.
    await admin.getByLabel('Question').fill(QUESTION);
    await admin.getByRole('button', { name: 'Ask' }).click();
    const trial = admin.getByTestId('knowledge-trial');
    await trial.filter({ hasText: 'seven years' }).waitFor({ timeout: 15_000 });

    const site = await browser.newPage();
    await site.goto(host.url);
    await site.getByTestId('parley-bubble').click();
    await site.getByTestId('parley-input').fill(QUESTION);
    await site.getByTestId('parley-send').click();
    await site
      .getByTestId('parley-message')
      .filter({ hasText: 'seven years' })
      .waitFor({ timeout: 30_000 });

    // Same page, so the same signed-in session.
    const inbox = admin;
    await inbox.goto(parley.url);
    // The card previews the latest message: the question, or already the answer.
    const card = inbox
      .getByTestId('conversation-card')
      .filter({ hasText: /seven years|many years can I still use/ });
    await card.waitFor({ timeout: 15_000 });
    await card.click();
    const reply = inbox
      .getByTestId('thread')
      .locator('[data-author="assistant"]')
      .filter({ hasText: 'seven years' });
    await reply.waitFor({ timeout: 15_000 });
    const answeredFrom = inbox.getByTestId('answered-from');
    await answeredFrom.filter({ hasText: ARTICLE.title }).waitFor({ timeout: 15_000 });
    expect(await answeredFrom.textContent()).toContain('Answered from');

    // The citation leads to the article's row in Settings → Knowledge.
    const link = answeredFrom.getByRole('link', { name: new RegExp(ARTICLE.title) });
    expect(await link.getAttribute('href')).toBe(`/settings/knowledge#source-${sourceId}`);
    await link.click();
    await inbox.locator(`#source-${sourceId}`).waitFor({ timeout: 15_000 });
    expect(await inbox.locator(`#source-${sourceId}`).textContent()).toContain(ARTICLE.title);
  });
});
