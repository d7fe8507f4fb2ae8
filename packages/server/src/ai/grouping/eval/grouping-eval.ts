/**
 * The grouping eval: packages/server/eval/question-groups.jsonl holds paraphrased shop
 * questions in the seven languages, each with its gold group (null: no paraphrase in the set).
 * question-groups-heldout.jsonl is written separately, partly on other topics, and never tuned on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatasetSet } from '../../analysis/eval/dataset.js';
import { groupVectors } from '../cluster.js';
import { questionVector } from '../features.js';
import { type GroupingScore, scoreGrouping } from './score.js';

export interface LabeledQuestion {
  question: string;
  language: string;
  group: string | null;
}

const GROUPING_FILES = {
  default: 'question-groups.jsonl',
  heldout: 'question-groups-heldout.jsonl',
} as const satisfies Record<DatasetSet, string>;

export function groupingPath(set: DatasetSet = 'default'): string {
  return fileURLToPath(new URL(`../../../../eval/${GROUPING_FILES[set]}`, import.meta.url));
}

export function loadLabeledQuestions(path = groupingPath()): LabeledQuestion[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabeledQuestion);
}

export interface GroupingOutcome {
  score: GroupingScore;
  /** Predicted groups as their questions, for `--errors`. */
  groups: LabeledQuestion[][];
}

export function evaluateGrouping(questions: readonly LabeledQuestion[]): GroupingOutcome {
  const grouping = groupVectors(questions.map((item) => questionVector(item.question)));
  return {
    score: scoreGrouping(
      questions.map((item) => item.group),
      grouping.groupOf,
    ),
    groups: grouping.members.map((list) =>
      list.map((index) => questions[index] as LabeledQuestion),
    ),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatGroupingReport(score: GroupingScore, set: DatasetSet = 'default'): string {
  return [
    `(set: ${set}) Unanswered-question grouping (offline, lexical): ${score.questions} questions, ${score.goldGroups} gold groups, ${score.predictedGroups} predicted`,
    '| purity | inverse purity | pair precision | pair recall | pair F1 |',
    '| ---: | ---: | ---: | ---: | ---: |',
    `| ${percent(score.purity)} | ${percent(score.inversePurity)} | ${percent(score.pairPrecision)} | ${percent(score.pairRecall)} | ${percent(score.pairF1)} |`,
  ].join('\n');
}

/** Predicted groups that mix gold labels or split one, as readable lines. */
export function formatGroupingErrors(outcome: GroupingOutcome): string {
  const lines: string[] = [];
  const goldSeen = new Map<string, number>();
  outcome.groups.forEach((group) => {
    for (const label of new Set(group.map((item) => item.group ?? ''))) {
      if (label) goldSeen.set(label, (goldSeen.get(label) ?? 0) + 1);
    }
  });
  outcome.groups.forEach((group, index) => {
    const labels = new Set(group.map((item) => item.group ?? `single:${item.question}`));
    const split = group.some((item) => item.group && (goldSeen.get(item.group) ?? 0) > 1);
    if (labels.size <= 1 && !split) return;
    lines.push(`group ${index}${labels.size > 1 ? ' (mixed)' : ''}${split ? ' (split)' : ''}:`);
    for (const item of group) lines.push(`  [${item.group ?? '-'}] ${item.question}`);
  });
  return lines.join('\n') || 'No mixed or split groups.';
}
