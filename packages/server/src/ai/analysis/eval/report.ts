/** The evaluation as Markdown tables, for the terminal and BENCHMARKS.md. */
import type { EvalReport } from './evaluate.js';
import type { Figures } from './score.js';

const percent = (value: number) => value.toFixed(2);
const prf = (figures: Figures) =>
  `${percent(figures.precision)} / ${percent(figures.recall)} / ${percent(figures.f1)}`;

export function formatReport(report: EvalReport): string {
  const lines = [
    `Analyzer: ${report.analyzer} — precision / recall / F1, sentiment accuracy`,
    '',
    '| group | n | frustrated | human requested | unanswered (conversation) | unanswered (question) | sentiment acc. | topics |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [group, figures] of Object.entries(report.groups)) {
    lines.push(
      `| ${group} | ${figures.conversations} | ${prf(figures.frustrated)} | ${prf(figures.humanRequested)} | ${prf(figures.unanswered)} | ${prf(figures.unansweredQuestions)} | ${percent(figures.sentimentAccuracy)} | ${prf(figures.topics)} |`,
    );
  }
  return lines.join('\n');
}

/** Every disagreement, one line each, for error analysis. */
export function formatErrors(report: EvalReport): string {
  const lines: string[] = [];
  for (const { id, labels, prediction } of report.cases) {
    const wrong: string[] = [];
    if (labels.frustrated !== prediction.frustrated)
      wrong.push(`frustrated ${labels.frustrated}→${prediction.frustrated}`);
    if (labels.humanRequested !== prediction.humanRequested)
      wrong.push(`human ${labels.humanRequested}→${prediction.humanRequested}`);
    if (labels.sentiment !== prediction.sentiment)
      wrong.push(`sentiment ${labels.sentiment}→${prediction.sentiment}`);
    if (labels.unanswered.length > 0 !== prediction.unanswered.length > 0) {
      wrong.push(
        `unanswered ${JSON.stringify(labels.unanswered)}→${JSON.stringify(prediction.unanswered)}`,
      );
    }
    const topicsDiffer =
      [...labels.topics].sort().join(',') !== [...prediction.topics].sort().join(',');
    if (topicsDiffer)
      wrong.push(`topics ${labels.topics.join(',')}→${prediction.topics.join(',')}`);
    if (wrong.length > 0) lines.push(`${id}: ${wrong.join(' · ')}`);
  }
  return lines.join('\n');
}
