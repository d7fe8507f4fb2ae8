import { describe, expect, it } from 'vitest';
import { OfflineAnalyzer } from '../offline-analyzer.js';
import { loadConversations } from './dataset.js';
import { evaluate } from './evaluate.js';
import { formatErrors, formatReport } from './report.js';

describe('the evaluation', () => {
  it('runs the offline analyzer over the whole labeled set and reports every group', async () => {
    const conversations = loadConversations();
    expect(conversations.length).toBeGreaterThanOrEqual(150);
    const report = await evaluate(new OfflineAnalyzer(), conversations);
    expect(report.analyzer).toBe('offline');
    expect(report.cases).toHaveLength(conversations.length);
    expect(Object.keys(report.groups)).toEqual(
      expect.arrayContaining(['all', 'en', 'non-en', 'de', 'es', 'fr', 'it', 'pt', 'nl']),
    );
    for (const group of Object.values(report.groups)) {
      for (const figure of [
        group.frustrated,
        group.humanRequested,
        group.unanswered,
        group.topics,
      ]) {
        for (const value of [figure.precision, figure.recall, figure.f1]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
      }
      expect(group.sentimentAccuracy).toBeGreaterThanOrEqual(0);
      expect(group.sentimentAccuracy).toBeLessThanOrEqual(1);
    }
    const table = formatReport(report);
    expect(table).toContain('| all | ');
    expect(table.split('\n').filter((line) => line.startsWith('| ')).length).toBe(
      Object.keys(report.groups).length + 2,
    );
    expect(typeof formatErrors(report)).toBe('string');
  }, 60_000);

  it('covers all eight channel kinds and at least a third not in English', () => {
    const conversations = loadConversations();
    expect(new Set(conversations.map((entry) => entry.channelKind)).size).toBe(8);
    const foreign = conversations.filter((entry) => entry.language !== 'en').length;
    expect(foreign * 3).toBeGreaterThanOrEqual(conversations.length);
  });
});
