/**
 * The knowledge-base eval: the fixture shop's policies (packages/server/eval/knowledge/*.md)
 * indexed into a throw-away in-memory PGlite store the way the server indexes articles, then
 * every labeled question asked through the real retrieve() and the offline responder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAssistant, createWorkspace } from '../../../commands/workspaces.js';
import { chunkDocument } from '../../../knowledge/chunk.js';
import { searchConfigFor } from '../../../knowledge/language.js';
import { retrieve } from '../../../knowledge/retrieve.js';
import { knowledgeVocabulary } from '../../../knowledge/vocabulary.js';
import { insertKnowledgeSource, replaceChunks } from '../../../store/knowledge.js';
import { openStore } from '../../../store/store.js';
import { OfflineResponder } from '../offline-responder.js';
import type { PassageKey, QuestionOutcome } from './score.js';

const EVAL_DIR = fileURLToPath(new URL('../../../../eval/', import.meta.url));

export interface LabeledQuestion {
  question: string;
  language: string;
  kind: 'direct' | 'paraphrase' | 'translated' | 'unanswerable';
  expected: PassageKey | null;
}

/** The question sets in packages/server/eval/: tuned on `default`, checked on `heldout`
 * (written separately, never tuned on). */
const QUESTION_FILES = {
  default: 'knowledge-questions.jsonl',
  heldout: 'knowledge-heldout.jsonl',
} as const;

export function loadQuestions(
  set: keyof typeof QUESTION_FILES = 'default',
  dir = EVAL_DIR,
): LabeledQuestion[] {
  return readFileSync(`${dir}${QUESTION_FILES[set]}`, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledQuestion);
}

function titleOf(markdown: string, file: string): string {
  return /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim() ?? file;
}

export async function evaluateKnowledge(
  questions: readonly LabeledQuestion[],
  dir = EVAL_DIR,
): Promise<QuestionOutcome[]> {
  const store = await openStore({ inMemory: true });
  try {
    const { workspace } = await createWorkspace(
      store.db,
      { name: 'Eval shop', admin: { email: 'eval@example.com', name: 'Eval', password: 'eval' } },
      { checkPassword: false },
    );
    const assistant = await createAssistant(store.db, workspace.id, { name: 'Eval assistant' });
    const fileOfSource = new Map<string, string>();
    const knowledgeDir = `${dir}knowledge/`;
    for (const file of readdirSync(knowledgeDir)
      .filter((name) => name.endsWith('.md'))
      .sort()) {
      const body = readFileSync(`${knowledgeDir}${file}`, 'utf8');
      const source = await insertKnowledgeSource(store.db, {
        workspaceId: workspace.id,
        assistantId: assistant.id,
        kind: 'article',
        title: titleOf(body, file),
        body,
      });
      fileOfSource.set(source.id, file);
      const chunks = chunkDocument(body).map((chunk, position) => ({
        position,
        heading: chunk.heading,
        text: chunk.text,
        question: null,
        embedding: null,
      }));
      await replaceChunks(store.db, source, searchConfigFor(body), chunks);
    }
    const search = (question: string) =>
      retrieve(store.db, {
        workspaceId: workspace.id,
        assistantId: assistant.id,
        question,
        limit: 5,
      });
    const keyOf = (passage: { sourceId: string; heading: string | null }) =>
      `${fileOfSource.get(passage.sourceId)}#${passage.heading ?? ''}`;
    const responder = new OfflineResponder(
      (query) => search(query.question),
      knowledgeVocabulary(store.db),
    );
    const outcomes: QuestionOutcome[] = [];
    for (const labeled of questions) {
      const retrieved = await search(labeled.question);
      const answer = await responder.respond({
        assistant: {
          id: assistant.id,
          workspaceId: workspace.id,
          name: assistant.name,
          instructions: '',
          greeting: '',
          suggestedQuestions: [],
        },
        turns: [{ role: 'user', content: labeled.question }],
      });
      outcomes.push({
        question: labeled.question,
        expected: labeled.expected,
        retrieved: retrieved.map(keyOf),
        cited: answer.passages.map(keyOf),
        flaggedUnanswered: answer.unansweredQuestion !== null,
      });
    }
    return outcomes;
  } finally {
    await store.close();
  }
}
