/**
 * Grouping a 30-day window of unanswered questions offline: 50,000 questions drawn from the
 * eval's paraphrases (seven languages), each varied with a product, a colour and filler words,
 * plus one-off questions built from random shop words — the regroup command's work, without
 * the database.
 */
import { groupVectors } from '../ai/grouping/cluster.js';
import { loadLabeledQuestions } from '../ai/grouping/eval/grouping-eval.js';
import { questionVector } from '../ai/grouping/features.js';

const PRODUCTS = ['hoodie', 'sneakers', 'linen shirt', 'tote bag', 'wallet', 'beanie', 'jacket'];
const COLOURS = ['blue', 'green', 'black', 'rot', 'azul', 'noir', 'verde', 'zwart'];
const FILLERS = ['hi', 'hello!', 'quick question:', 'hallo,', 'hola,', 'bonjour,', 'ciao!', 'olá,'];
const ONE_OFF_WORDS =
  'umbrella lantern ceramic poster candle puzzle keychain sticker mug notebook frame vase blanket pillow'.split(
    ' ',
  );

/** A small deterministic generator, so every run groups the same questions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function benchQuestions(count: number): string[] {
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const paraphrases = loadLabeledQuestions().filter((item) => item.group !== null);
  return Array.from({ length: count }, () => {
    if (next() < 0.15) {
      return `${pick(FILLERS)} do you sell a ${pick(ONE_OFF_WORDS)} with a ${pick(ONE_OFF_WORDS)} ${pick(ONE_OFF_WORDS)}?`;
    }
    const base = pick(paraphrases).question;
    return `${pick(FILLERS)} ${base} (${pick(COLOURS)} ${pick(PRODUCTS)})`;
  });
}

export interface GroupingBench {
  questions: number;
  groups: number;
  largest: number;
  vectorSeconds: number;
  groupSeconds: number;
}

export function benchGrouping(count: number): GroupingBench {
  const questions = benchQuestions(count);
  const started = performance.now();
  const vectors = questions.map(questionVector);
  const vectorised = performance.now();
  const grouping = groupVectors(vectors);
  const done = performance.now();
  return {
    questions: count,
    groups: grouping.members.length,
    largest: Math.max(...grouping.members.map((list) => list.length)),
    vectorSeconds: (vectorised - started) / 1000,
    groupSeconds: (done - vectorised) / 1000,
  };
}

export function reportGrouping(title: string, figures: GroupingBench) {
  console.log(`\n${title}`);
  console.log('| questions | groups | largest group | features s | grouping s | total s |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  console.log(
    `| ${figures.questions} | ${figures.groups} | ${figures.largest} | ${figures.vectorSeconds.toFixed(2)} | ${figures.groupSeconds.toFixed(2)} | ${(figures.vectorSeconds + figures.groupSeconds).toFixed(2)} |`,
  );
}
