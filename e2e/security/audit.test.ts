/**
 * The audit log against a real server process and Chromium: an admin's sign-ins, a failed
 * sign-in and their changes show up on Settings → Audit log with who, what and from where;
 * no secret reaches the page; agents are kept out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { demoLogin, type ParleyProcess, startParley } from '../support/parley-process.js';

const DEMO = { email: 'demo@parley.local', password: 'parley-demo' };
const WRONG_PASSWORD = 'not-the-demo-password-42';

describe('audit log: an admin sees what happened in a real browser', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let browser: Browser;
  let page: Page;
  let admin: { cookie: string; csrfToken: string };

  const post = (path: string, body: unknown) =>
    fetch(`${parley.url}${path}`, {
      method: 'POST',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });

  const auditTable = () => page.getByRole('table', { name: 'Audit log, newest first' });
  const rowsOf = (action: string) => auditTable().locator(`tr[data-audit-action="${action}"]`);

  async function openAuditLog(target: Page = page) {
    await target
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Audit log' })
      .click();
    await target.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-audit-'));
    parley = await startParley({ DATA_DIR: dataDir });
    admin = await demoLogin(parley.url);
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows sign-ins, a failed sign-in and an API key created in the browser', async () => {
    const failed = await fetch(`${parley.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO.email, password: WRONG_PASSWORD }),
    });
    expect(failed.status).toBe(401);

    await page.goto(parley.url);
    await page.getByLabel('Email').fill(DEMO.email);
    await page.getByLabel('Password').fill(DEMO.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'API keys' })
      .click();
    await page.getByRole('button', { name: 'Create an API key', exact: true }).click();
    const keyForm = page.getByRole('form', { name: 'Create an API key' });
    await keyForm.getByLabel('Name').fill('Audit probe');
    await keyForm.getByRole('radio', { name: 'Agent' }).check();
    await keyForm.getByRole('button', { name: 'Create key' }).click();
    const key = await page.getByLabel('API key', { exact: true }).inputValue();
    expect(key).toMatch(/^prl_/);
    await page.getByRole('button', { name: 'Done' }).click();

    await openAuditLog();
    expect(new URL(page.url()).pathname).toBe('/settings/audit-log');
    const created = rowsOf('api_key.created');
    await created.first().waitFor();
    const cells = await created.first().getByRole('cell').allTextContents();
    expect(cells.slice(1)).toEqual([
      DEMO.email,
      'Created an API key (agent)',
      'API key “Audit probe”',
      '127.0.0.1',
    ]);
    expect(await rowsOf('auth.login').count()).toBeGreaterThanOrEqual(2);
    // Recorded after its answer went out; a reload shows it if the first read came too soon.
    await expect
      .poll(async () => {
        if ((await rowsOf('auth.login_failed').count()) > 0) return true;
        await page.reload();
        await auditTable().waitFor();
        return false;
      })
      .toBe(true);
    expect(await rowsOf('auth.login_failed').first().textContent()).toContain(
      'Sign-in failed (wrong password)',
    );

    const content = await page.content();
    expect(content).not.toContain(key);
    expect(content).not.toContain(WRONG_PASSWORD);
    expect(content).not.toContain(DEMO.password);
  });

  it('filters by action and loads more, newest first', async () => {
    for (let index = 1; index <= 55; index += 1) {
      const response = await post('/api/api-keys', { name: `Bulk key ${index}`, role: 'agent' });
      expect(response.status).toBe(201);
    }
    await page.getByLabel('Action').selectOption({ label: 'Created an API key' });
    await expect.poll(() => auditTable().locator('tbody tr').count()).toBe(50);
    expect(await rowsOf('api_key.created').count()).toBe(50);
    expect(await auditTable().locator('tbody tr').first().textContent()).toContain('Bulk key 55');

    await page.getByRole('button', { name: 'Load more' }).click();
    // 55 bulk keys and the one made in the browser.
    await expect.poll(() => rowsOf('api_key.created').count()).toBe(56);
    await page.getByRole('button', { name: 'Load more' }).waitFor({ state: 'detached' });
    expect(await auditTable().locator('tbody tr').last().textContent()).toContain('Audit probe');

    // All actions again: a fresh first page, which the 55 newest entries fill.
    await page.getByLabel('Action').selectOption({ label: 'All actions' });
    await page.getByRole('button', { name: 'Load more' }).waitFor();
    expect(await auditTable().locator('tbody tr').count()).toBe(50);
    expect(await auditTable().locator('tbody tr').first().textContent()).toContain('Bulk key 55');
  });

  it('keeps agents out: the page explains, the API answers 403', async () => {
    const created = await post('/api/users', {
      email: 'auditor-agent@parley.local',
      name: 'Agent Auditor',
      password: 'orbit-kettle-42-quiet',
      role: 'agent',
    });
    expect(created.status).toBe(201);

    const context = await browser.newContext();
    const agentPage = await context.newPage();
    agentPage.setDefaultTimeout(10_000);
    await agentPage.goto(`${parley.url}/settings/audit-log`);
    await agentPage.getByLabel('Email').fill('auditor-agent@parley.local');
    await agentPage.getByLabel('Password').fill('orbit-kettle-42-quiet');
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    await agentPage.getByText('Only workspace admins can read the audit log').waitFor();
    expect(await agentPage.getByRole('table', { name: 'Audit log, newest first' }).count()).toBe(0);
    const status = await agentPage.evaluate(
      async () => (await fetch('/api/audit-log', { credentials: 'same-origin' })).status,
    );
    expect(status).toBe(403);
    await context.close();
  });
});
