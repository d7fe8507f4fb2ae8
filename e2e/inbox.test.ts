import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { type HostPage, serveHostPage } from './support/host-page.js';
import { demoPublicKey, type ParleyProcess, startParley } from './support/parley-process.js';

describe('inbox and website widget in a real browser', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let host: HostPage;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
    // Embedded database, demo data: exactly what `npm start` gives a newcomer.
    parley = await startParley({ DATA_DIR: dataDir });
    const key = await demoPublicKey(parley.url);
    host = await serveHostPage(
      `<!doctype html><html><head><title>Acme shop</title>
       <style>* { font-family: serif; } button { background: hotpink; }</style></head>
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

  it('shows a widget message in the inbox live, and its thread updates without reloading', async () => {
    const inbox = await browser.newPage();
    await inbox.goto(parley.url);
    await inbox.getByLabel('Email').fill('demo@parley.local');
    await inbox.getByLabel('Password').fill('parley-demo');
    await inbox.getByRole('button', { name: 'Sign in' }).click();
    const cards = inbox.getByTestId('conversation-card');
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8);
    await inbox.getByTestId('connection').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });

    const before = await cards.count();
    const site = await browser.newPage();
    await site.goto(host.url);
    await site.getByTestId('parley-bubble').click();
    await site.getByTestId('parley-input').fill('Do you rent kayaks?');
    await site.getByTestId('parley-send').click();

    // The new conversation appears at the top of the inbox, with no reload.
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(before + 1);
    const newCard = cards.first();
    expect(await newCard.getAttribute('data-status')).toBe('active');

    await newCard.click();
    const thread = inbox.getByTestId('thread');
    const fromVisitor = thread.locator('[data-testid="message"][data-author="contact"]');
    await fromVisitor.filter({ hasText: 'Do you rent kayaks?' }).waitFor();
    // The assistant's reply and the visitor's next message stream into the open thread.
    await thread
      .locator('[data-author="assistant"]')
      .filter({ hasText: "I'm Ava" })
      .waitFor({ timeout: 15_000 });
    await site.getByTestId('parley-input').fill('And canoes?');
    await site.getByTestId('parley-send').click();
    await fromVisitor.filter({ hasText: 'And canoes?' }).waitFor({ timeout: 15_000 });

    // The operator answers from the inbox; the visitor sees it in the widget.
    await inbox.getByPlaceholder(/Write a reply/).fill('Yes, canoes too — from May to September.');
    await inbox.keyboard.press('Enter');
    await site
      .getByTestId('parley-message')
      .filter({ hasText: 'canoes too' })
      .waitFor({ timeout: 15_000 });
  });
});
