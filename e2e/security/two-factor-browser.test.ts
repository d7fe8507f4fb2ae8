/** Two-factor sign-in in a real browser: set it up in Settings → Security, then sign in with
 * the password and a code from the "authenticator app" (computed here from the shown key). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../packages/server/src/lib/totp.js';
import { launchChromium } from '../support/browser.js';
import { type ParleyProcess, startParley } from '../support/parley-process.js';

describe('security: two-factor sign-in in the browser', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let browser: Browser;
  let page: Page;

  const signIn = async () => {
    await page.getByLabel('Email').fill('demo@parley.local');
    await page.getByLabel('Password').fill('parley-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-2fa-'));
    parley = await startParley({ DATA_DIR: dataDir });
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await parley?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up two-factor, then asks for a code at the next sign-in', async () => {
    await page.goto(`${parley.url}/settings/security`);
    await signIn();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    expect(
      await qr.evaluate((image) => (image as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    const secret = await page.getByLabel('Or type this key into the app').inputValue();

    await page.getByLabel('Code from the app').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('alert').getByText('That code is not right').waitFor();
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('On. 10 of 10 recovery codes left.').waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn();
    await page.getByText('Enter the 6-digit code from your authenticator app').waitFor();
    // The confirming code is spent; the app's next one is accepted within the drift window.
    await page.getByLabel('Code').fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Security' }).waitFor();
    await page.getByText('On. 10 of 10 recovery codes left.').waitFor();
  });
});
