/**
 * Security headers on a real server, in a real browser: the inbox runs under its strict
 * Content-Security-Policy without a single violation, another site cannot frame the logged-in
 * app, and the embeddable parts stay loadable from anywhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { type HostPage, serveHostPage } from '../support/host-page.js';
import { demoLogin, type ParleyProcess, startParley } from '../support/parley-process.js';

/** What Chromium logs when a policy blocks something (CSP, frame-ancestors, X-Frame-Options). */
const POLICY_MESSAGE = /Content Security Policy|Refused to|X-Frame-Options/i;

async function signIn(page: Page, url: string) {
  await page.goto(url);
  await page.getByLabel('Email').fill('demo@parley.local');
  await page.getByLabel('Password').fill('parley-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('conversation-card').first().waitFor({ timeout: 15_000 });
}

describe('security headers', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let browser: Browser;
  let publicKey: string;
  let sharePath: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-headers-'));
    parley = await startParley({ DATA_DIR: dataDir });
    const { cookie } = await demoLogin(parley.url);
    const assistants = (await (
      await fetch(`${parley.url}/api/assistants`, { headers: { cookie } })
    ).json()) as { items: { publicKey: string; shareUrl: string }[] };
    publicKey = assistants.items[0]?.publicKey ?? '';
    sharePath = assistants.items[0]?.shareUrl ?? '';
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends each kind of response its headers', async () => {
    const headersOf = async (path: string) => (await fetch(`${parley.url}${path}`)).headers;

    const inbox = await headersOf('/settings/team');
    const csp = inbox.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(inbox.get('x-frame-options')).toBe('DENY');
    expect(inbox.get('x-content-type-options')).toBe('nosniff');
    expect(inbox.get('referrer-policy')).toBe('no-referrer');
    expect(inbox.get('cross-origin-resource-policy')).toBe('same-origin');
    // Served over plain http here: HSTS would be a promise this server cannot keep.
    expect(inbox.has('strict-transport-security')).toBe(false);

    const share = await headersOf(sharePath);
    expect(share.get('content-security-policy')).toContain("script-src 'self'");
    expect(share.get('x-frame-options')).toBe('DENY');

    const api = await headersOf('/api/health');
    expect(api.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(api.get('x-content-type-options')).toBe('nosniff');

    for (const path of ['/widget.js', `/api/widget/config?key=${publicKey}`]) {
      const embeddable = await headersOf(path);
      expect(embeddable.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      expect(embeddable.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('runs the inbox and the original-email frame under the policy without a violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (POLICY_MESSAGE.test(message.text())) violations.push(message.text());
    });
    await signIn(page, parley.url);
    await page.getByTestId('connection').filter({ hasText: /live/i }).waitFor({ timeout: 15_000 });

    await page.getByTestId('conversation-card').filter({ hasText: 'Priya' }).click();
    await page.getByRole('button', { name: 'Show original email' }).click();
    const email = page.frameLocator('iframe.email-frame');
    await email.getByText('Leeds').waitFor();
    // The frame's own stylesheet applied: inline styles are allowed, scripts are not.
    const margin = await email
      .locator('body')
      .evaluate((body) => String(body.ownerDocument.defaultView?.getComputedStyle(body).marginTop));
    expect(margin).toBe('12px');

    await page.goto(`${parley.url}/settings/team`);
    await page.getByRole('heading', { name: 'Team', level: 2 }).waitFor();
    expect(violations).toEqual([]);
    await page.close();
  });

  it('runs the share page, its chat and live replies, under its policy without a violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (POLICY_MESSAGE.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${parley.url}${sharePath}`);
    const fromAssistant = page.locator('[data-testid="parley-message"][data-author="assistant"]');
    const before = await fromAssistant.count();
    await page.getByTestId('parley-input').fill('Do you ship to Norway?');
    await page.getByTestId('parley-send').click();
    await expect.poll(() => fromAssistant.count(), { timeout: 15_000 }).toBeGreaterThan(before);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('refuses to show the logged-in app inside another site’s frame', async () => {
    const context = await browser.newContext();
    const app = await context.newPage();
    await signIn(app, parley.url);

    const framer: HostPage = await serveHostPage(
      `<!doctype html><html><body><h1>Totally legit page</h1>
       <iframe id="target" src="${parley.url}/settings/team" width="800" height="600"></iframe>
       </body></html>`,
    );
    try {
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (POLICY_MESSAGE.test(message.text())) blocked.push(message.text());
      });
      await page.goto(framer.url);
      await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(blocked.join('\n')).toMatch(/frame-ancestors 'none'/);
      // The frame holds Chromium's error page, never the Team settings.
      const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
      const text = frame ? ((await frame.locator('body').textContent()) ?? '') : '';
      expect(text).not.toContain('Team');
      expect(text).not.toContain('demo@parley.local');
    } finally {
      await framer.close();
      await context.close();
    }
  });
});
