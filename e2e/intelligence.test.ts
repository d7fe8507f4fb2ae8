import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { demoPublicKey, type ParleyProcess, startParley } from './support/parley-process.js';

const FRUSTRATED =
  'Das ist jetzt das dritte Mal, dass meine Bestellung #4417 nicht ankommt. Absolut lächerlich!';

describe('conversation intelligence in a real browser', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let browser: Browser;
  let publicKey: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-intel-'));
    // A short debounce: the analysis runs half a second after the conversation goes quiet.
    parley = await startParley({ DATA_DIR: dataDir, PARLEY_ANALYSIS_DEBOUNCE_MS: '500' });
    publicKey = await demoPublicKey(parley.url);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the demo conversations analyzed, and a frustrated German message turns its card red with the reason, then summarized, without a reload', async () => {
    const inbox = await browser.newPage();
    await inbox.goto(parley.url);
    await inbox.getByLabel('Email').fill('demo@parley.local');
    await inbox.getByLabel('Password').fill('parley-demo');
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    const cards = inbox.getByTestId('conversation-card');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    await inbox.getByTestId('connection').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });

    // The demo was analyzed at start: summaries, topics and sentiment on the cards.
    await expect
      .poll(() => inbox.getByTestId('card-summary').count(), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(8);
    expect(await inbox.getByTestId('card-topic').count()).toBeGreaterThanOrEqual(8);
    expect(await inbox.getByTestId('card-sentiment').count()).toBeGreaterThanOrEqual(8);

    // Anything that reloads the page would lose this.
    await inbox.evaluate(() => {
      (globalThis as unknown as { stayedLoaded: boolean }).stayedLoaded = true;
    });

    const sent = await fetch(`${parley.url}/api/widget/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        key: publicKey,
        visitorId: randomUUID(),
        text: FRUSTRATED,
        clientMessageId: randomUUID(),
      }),
    });
    expect(sent.status).toBe(201);

    // The safety net pauses at once: the card is red and says why, quoting the customer.
    const card = cards.filter({ hasText: 'Absolut lächerlich' });
    await card.waitFor({ timeout: 15_000 });
    await expect.poll(() => card.getAttribute('data-border'), { timeout: 15_000 }).toBe('red');
    expect(await card.getByTestId('card-paused-reason').textContent()).toBe(
      `Customer seems frustrated: "${FRUSTRATED}"`,
    );

    // Once the conversation has been quiet for the debounce, its analysis arrives live.
    const summary = card.getByTestId('card-summary');
    await summary.waitFor({ timeout: 20_000 });
    expect((await summary.textContent())?.length).toBeGreaterThan(20);
    expect(await card.getByTestId('card-sentiment').getAttribute('data-sentiment')).toBe(
      'negative',
    );

    // The thread shows the same analysis.
    await card.click();
    const analysis = inbox.getByTestId('analysis');
    await analysis.waitFor({ timeout: 15_000 });
    expect(await inbox.getByTestId('analysis-summary').textContent()).toBe(
      (await summary.textContent())?.replace(/^✦ AI summary: /, ''),
    );
    expect(
      await inbox.evaluate(
        () => (globalThis as unknown as { stayedLoaded?: boolean }).stayedLoaded,
      ),
    ).toBe(true);
  });
});
