import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { type HostPage, serveHostPage } from './support/host-page.js';
import { demoPublicKey, type ParleyProcess, startParley } from './support/parley-process.js';

/** The demo history's most asked unanswered question, in its words and languages. */
const GIFT_CARDS = /gift card|Geschenkgutschein|cartes cadeaux|tarjetas de regalo/i;
/** What the demo's teammate answered in a thread: the Q&A dialog starts with it. */
const TEAMMATE_ANSWER = /10 to 200 euros/;

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Email').fill('demo@parley.local');
  await page.getByLabel('Password').fill('parley-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('Insights: from an unanswered question to an answer', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let host: HostPage;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-insights-'));
    // The new question's analysis should not wait the default half minute.
    parley = await startParley({ DATA_DIR: dataDir, PARLEY_ANALYSIS_DEBOUNCE_MS: '200' });
    const key = await demoPublicKey(parley.url);
    host = await serveHostPage(
      `<!doctype html><html><head><title>Acme shop</title></head>
       <body><h1>Acme Outdoor</h1>
       <script src="${parley.url}/widget.js" data-key="${key}" async></script></body></html>`,
    );
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await parley?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds an unanswered group to the knowledge base in one click, then sees it answered', {
    timeout: 180_000,
  }, async () => {
    const admin = await browser.newPage();
    await signIn(admin, `${parley.url}/insights`);
    await admin.getByRole('heading', { name: 'Insights', level: 1 }).waitFor({ timeout: 15_000 });

    const group = admin
      .getByTestId('question-group')
      .filter({ has: admin.locator('.group-label', { hasText: GIFT_CARDS }) });
    await group.first().waitFor({ timeout: 20_000 });
    const card = group.first();
    const groupId = await card.getAttribute('data-group-id');
    expect(groupId).toBeTruthy();
    // Several languages asked it.
    expect(await card.locator('.group-label ~ .tag').count()).toBeGreaterThanOrEqual(2);

    await card.getByRole('button', { name: 'Add to knowledge base' }).click();
    const dialog = admin.getByTestId('action-dialog');
    await dialog.waitFor();
    const question = await dialog.getByLabel('Question').inputValue();
    expect(question).toMatch(GIFT_CARDS);
    expect(await dialog.getByLabel('Answer').inputValue()).toMatch(TEAMMATE_ANSWER);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    const byCard = admin.locator(`[data-group-id="${groupId}"]`);
    await byCard
      .locator('.group-actions-done', { hasText: 'added a Q&A to the knowledge base' })
      .waitFor({ timeout: 15_000 });

    // The new Q&A is indexed by a job; ask once it is ready.
    await expect
      .poll(
        () =>
          admin.evaluate(async (title) => {
            const response = await fetch('/api/knowledge/sources');
            const body = (await response.json()) as { items: { title: string; status: string }[] };
            return body.items.find((source) => source.title === title)?.status ?? 'missing';
          }, question),
        { timeout: 30_000, interval: 500 },
      )
      .toBe('ready');

    const site = await browser.newPage();
    await site.goto(host.url);
    await site.getByTestId('parley-bubble').click();
    await site.getByTestId('parley-input').fill('Do you sell gift cards?');
    await site.getByTestId('parley-send').click();
    await site
      .getByTestId('parley-message')
      .filter({ hasText: TEAMMATE_ANSWER })
      .waitFor({ timeout: 30_000 });

    // The group counts the question answered since the fix.
    await expect
      .poll(
        async () => {
          await admin.reload();
          const since = admin.locator(`[data-group-id="${groupId}"] [data-testid="since-action"]`);
          await since.waitFor({ timeout: 15_000 });
          const text = (await since.textContent()) ?? '';
          return Number(/answered (\d+)/.exec(text)?.[1] ?? 0);
        },
        { timeout: 45_000, interval: 1_000 },
      )
      .toBeGreaterThanOrEqual(1);
  });

  it('drills down from a number to the inbox filtered to those conversations', {
    timeout: 90_000,
  }, async () => {
    const page = await browser.newPage();
    await signIn(page, `${parley.url}/insights?channel=gmail`);
    const table = page.getByTestId('channel-table');
    await table.waitFor({ timeout: 20_000 });
    const link = table
      .locator('tbody tr[data-row-key="gmail"] td')
      .first()
      .getByTestId('drill-link');
    const href = (await link.getAttribute('href')) ?? '';
    const params = new URL(href, parley.url).searchParams;
    expect(params.get('channel')).toBe('gmail');
    expect(params.get('startedFrom')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const count = Number(await link.textContent());
    expect(count).toBeGreaterThan(0);

    await link.click();
    await page.waitForURL(
      (url) => url.pathname === '/' && url.searchParams.get('channel') === 'gmail',
    );
    const cards = page.getByTestId('conversation-card');
    await cards.first().waitFor({ timeout: 15_000 });
    // Exactly those conversations: every card is a Gmail one, as many as the table said.
    const loaded = await cards.count();
    expect(loaded).toBe(Math.min(count, 50));
    const kinds = await cards.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('data-channel-kind')),
    );
    expect(new Set(kinds)).toEqual(new Set(['gmail']));
  });
});
