import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConversationCard, MessageView } from '@parley/domain';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { demoLogin, type ParleyProcess, startParley } from './support/parley-process.js';

interface Assistant {
  id: string;
  name: string;
  greeting: string;
  suggestedQuestions: string[];
  shareUrl: string;
}

describe('share link page on a phone', () => {
  let dataDir: string;
  let parley: ParleyProcess;
  let cookie: string;
  let assistant: Assistant;
  let browser: Browser;
  let phone: BrowserContext;

  const operatorGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${parley.url}${path}`, { headers: { cookie } });
    expect(response.status, `GET ${path}`).toBe(200);
    return (await response.json()) as T;
  };

  const shareLinkConversations = async () =>
    (
      await operatorGet<{ items: ConversationCard[] }>(
        '/api/conversations?channel=share_link&limit=100',
      )
    ).items;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-share-'));
    // Embedded database, demo data: exactly what `npm start` gives a newcomer.
    parley = await startParley({ DATA_DIR: dataDir });
    ({ cookie } = await demoLogin(parley.url));
    const { items } = await operatorGet<{ items: Assistant[] }>('/api/assistants');
    const found = items.find((item) => item.name === 'Ava') ?? items[0];
    if (!found) throw new Error('The demo workspace has no assistant');
    assistant = found;
    browser = await launchChromium();
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
    });
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await parley?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the assistant, answers a suggested question, and keeps the conversation across a reload', async () => {
    // The demo data holds a share-link conversation already; this test must add exactly one.
    const before = new Set((await shareLinkConversations()).map((card) => card.id));
    const [question, otherQuestion] = assistant.suggestedQuestions;
    if (!question || !otherQuestion) throw new Error('The demo assistant has no suggestions');
    expect(assistant.shareUrl).toMatch(/^\/c\/[^/]+$/);

    const page = await phone.newPage();
    await page.goto(`${parley.url}${assistant.shareUrl}`);

    // Who you are talking to, what they say first, and what you might ask.
    await page.getByRole('heading', { name: assistant.name }).waitFor();
    await page.getByText(assistant.greeting, { exact: true }).waitFor();
    const suggestions = page.getByRole('group', { name: 'Suggested questions' });
    for (const suggestion of assistant.suggestedQuestions) {
      await suggestions.getByRole('button', { name: suggestion }).waitFor();
    }
    await expect.poll(() => page.title()).toBe(`Chat with ${assistant.name}`);
    // Mobile-friendly: nothing wider than the phone, and the composer is on screen.
    // (A string, since this project's TypeScript has no DOM library.)
    const layout = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
    );
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    const input = page.getByTestId('parley-input');
    const box = await input.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(box?.width ?? 0).toBeGreaterThan(200);
    // Merely opening the link starts no conversation.
    expect((await shareLinkConversations()).length).toBe(before.size);

    // A tap on a suggestion asks it; the assistant's reply streams in.
    await suggestions.getByRole('button', { name: question }).tap();
    const messages = page.getByTestId('parley-message');
    const fromVisitor = page.locator('[data-testid="parley-message"][data-author="contact"]');
    const fromAssistant = page.locator('[data-testid="parley-message"][data-author="assistant"]');
    const authors = async () =>
      Promise.all((await messages.all()).map((message) => message.getAttribute('data-author')));
    await fromVisitor.filter({ hasText: question }).waitFor();
    await fromAssistant.first().waitFor({ timeout: 15_000 });
    const answer = (await fromAssistant.first().textContent()) ?? '';
    // A suggested question is one the knowledge base answers: no hand-off.
    expect(answer).not.toMatch(/pass(ed)? (it|your question) on|reliable answer/i);
    // Suggestions step aside once the visitor has spoken.
    await suggestions.waitFor({ state: 'hidden' });

    // A reload shows the same conversation: both messages, once each.
    await page.reload();
    await page.getByRole('heading', { name: assistant.name }).waitFor();
    await fromAssistant.filter({ hasText: answer }).waitFor({ timeout: 15_000 });
    await fromVisitor.filter({ hasText: question }).waitFor();
    expect(await messages.count()).toBe(2);
    expect(await authors()).toEqual(['contact', 'assistant']);

    // ...and it carries on where it left off: the next message joins the same conversation.
    await input.fill(otherQuestion);
    await page.getByTestId('parley-send').tap();
    await expect.poll(() => fromAssistant.count(), { timeout: 15_000 }).toBe(2);
    expect(await authors()).toEqual(['contact', 'assistant', 'contact', 'assistant']);
    const shown = await messages.allTextContents();
    expect(shown[0]).toBe(question);
    expect(shown[2]).toBe(otherQuestion);

    // The operator sees exactly one new share-link conversation, holding all four messages.
    const added = (await shareLinkConversations()).filter((card) => !before.has(card.id));
    expect(added).toHaveLength(1);
    const [conversation] = added;
    expect(conversation?.channelKind).toBe('share_link');
    expect(conversation?.assistantId).toBe(assistant.id);
    const thread = await operatorGet<{ items: MessageView[] }>(
      `/api/conversations/${conversation?.id}/messages`,
    );
    expect(thread.items.map((message) => [message.author, message.text])).toEqual([
      ['contact', question],
      ['assistant', shown[1]],
      ['contact', otherQuestion],
      ['assistant', shown[3]],
    ]);
  });
});
