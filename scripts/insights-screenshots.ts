/**
 * Screenshots of the Insights page for docs/insights.md, light and dark, against a fresh demo
 * workspace (what a first `npm start` shows). Needs `npm run build` first and Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium). Run: `npx tsx scripts/insights-screenshots.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/support/browser.js';
import { startParley } from '../e2e/support/parley-process.js';

const OUT = fileURLToPath(new URL('../docs/images/', import.meta.url));

const dataDir = mkdtempSync(join(tmpdir(), 'parley-screenshots-'));
const parley = await startParley({ DATA_DIR: dataDir, PARLEY_ANALYSIS_DEBOUNCE_MS: '200' });
const browser = await launchChromium();
try {
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: scheme,
    });
    const page = await context.newPage();
    await page.goto(`${parley.url}/insights`);
    await page.getByLabel('Email').fill('demo@parley.local');
    await page.getByLabel('Password').fill('parley-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('daily-chart').locator('canvas').waitFor({ timeout: 30_000 });
    await page.getByTestId('question-group').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('review-item').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, `insights-${scheme}.png`) });
    // Each of the other sections on its own; <main> scrolls, so let the page grow instead.
    await page.addStyleTag({
      content: '.app { height: auto !important; } .insights { overflow: visible !important; }',
    });
    for (const section of ['questions', 'issues', 'review']) {
      const element = page.locator(`section[aria-labelledby="${section}-title"]`);
      await element.scrollIntoViewIfNeeded();
      await element.screenshot({ path: join(OUT, `insights-${scheme}-${section}.png`) });
    }
    await context.close();
    console.log(`docs/images/insights-${scheme}*.png`);
  }
} finally {
  await browser.close();
  await parley.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
