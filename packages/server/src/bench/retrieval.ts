/**
 * Knowledge retrieval at scale: one assistant with 10,000 generated chunks (500 sources of 20
 * sections, in English and German), indexed through the store's own replaceChunks (each
 * source's chunks in one INSERT), then questions asked through the real retrieve() — and
 * through the offline responder, which adds the knowledge base's word statistics and the
 * passage matching.
 */
import { OfflineResponder } from '../ai/responders/offline-responder.js';
import { createAssistant, createWorkspace } from '../commands/workspaces.js';
import { retrieve } from '../knowledge/retrieve.js';
import { knowledgeVocabulary } from '../knowledge/vocabulary.js';
import { insertKnowledgeSource, replaceChunks } from '../store/knowledge.js';
import type { Store } from '../store/store.js';
import type { LatencyFigures } from './fanout.js';

const SUBJECTS = ['order', 'parcel', 'refund', 'jacket', 'boot', 'tent', 'gift card', 'invoice'];
const VERBS = ['ships', 'arrives', 'is refunded', 'is repaired', 'is exchanged', 'is collected'];
const WHEN = ['within 2 days', 'after 30 days', 'on weekdays', 'before noon', 'in 5-8 days'];
const GERMAN = [
  'Die Bestellung wird innerhalb von zwei Werktagen versendet.',
  'Rücksendungen sind 30 Tage lang kostenlos.',
  'Die Garantie gilt zwei Jahre ab Kaufdatum.',
];
const QUESTIONS = [
  'How long does a refund take?',
  'When does my parcel arrive?',
  'Can I exchange a jacket?',
  'Wie lange gilt die Garantie?',
  'Do you repair tents?',
  'Is the gift card refunded after 30 days?',
  'Do you sell bicycles?',
];

const pick = <T>(list: readonly T[], seed: number): T => list[seed % list.length] as T;

function sectionText(source: number, section: number): string {
  const seed = source * 31 + section * 7;
  if (source % 5 === 0) return `${pick(GERMAN, seed)} Abschnitt ${source}.${section}.`;
  return [0, 1, 2]
    .map(
      (offset) =>
        `The ${pick(SUBJECTS, seed + offset)} ${pick(VERBS, seed + offset * 3)} ${pick(WHEN, seed + offset * 5)} (policy ${source}.${section}).`,
    )
    .join(' ');
}

function latency(label: string, samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { label, samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

export interface RetrievalBench {
  latency: LatencyFigures[];
  /** How long indexing the generated chunks took. */
  indexSeconds: number;
}

export async function benchRetrieval(
  store: Store,
  sources: number,
  rounds: number,
): Promise<RetrievalBench> {
  const { workspace } = await createWorkspace(
    store.db,
    {
      name: 'Retrieval bench',
      admin: { email: `retrieval-${Date.now()}@bench.local`, name: 'B', password: 'bench' },
    },
    { checkPassword: false },
  );
  const assistant = await createAssistant(store.db, workspace.id, { name: 'Bench bot' });
  const scope = { workspaceId: workspace.id, assistantId: assistant.id };
  const indexing = performance.now();
  for (let index = 0; index < sources; index++) {
    const source = await insertKnowledgeSource(store.db, {
      ...scope,
      kind: 'article',
      title: `Policy ${index}`,
    });
    const chunks = Array.from({ length: 20 }, (_, section) => ({
      position: section,
      heading: `Section ${section}`,
      text: sectionText(index, section),
      question: null,
      embedding: null,
    }));
    await replaceChunks(store.db, source, index % 5 === 0 ? 'german' : 'english', chunks);
  }
  const indexSeconds = (performance.now() - indexing) / 1000;
  const responder = new OfflineResponder(
    (query) => retrieve(store.db, query),
    knowledgeVocabulary(store.db),
  );
  const assistantRow = {
    ...scope,
    id: assistant.id,
    name: 'Bench bot',
    instructions: '',
    greeting: '',
    suggestedQuestions: [],
  };
  // Warm-up: plans cached, the word statistics counted once.
  await responder.respond({
    assistant: assistantRow,
    turns: [{ role: 'user', content: 'refund?' }],
  });
  const searches: number[] = [];
  const replies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const question = pick(QUESTIONS, round);
    let started = performance.now();
    await retrieve(store.db, { ...scope, question });
    searches.push(performance.now() - started);
    started = performance.now();
    await responder.respond({
      assistant: assistantRow,
      turns: [{ role: 'user', content: question }],
    });
    replies.push(performance.now() - started);
  }
  const chunks = sources * 20;
  return {
    latency: [
      latency(`retrieve() over ${chunks.toLocaleString('en')} chunks`, searches),
      latency(`offline responder reply over ${chunks.toLocaleString('en')} chunks`, replies),
    ],
    indexSeconds,
  };
}
