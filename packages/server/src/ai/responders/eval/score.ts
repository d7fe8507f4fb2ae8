/**
 * Scores of the knowledge-base eval: did retrieval rank the expected passage first / in the top
 * three, did the offline responder answer (and from the right passage), and does its
 * `unanswered` flag mark exactly the questions the knowledge base cannot answer.
 */

/** A passage as the eval names it: source file and heading ("returns.md#Refunds"). */
export type PassageKey = string;

export interface QuestionOutcome {
  question: string;
  /** Null for a question the knowledge base cannot answer. */
  expected: PassageKey | null;
  /** What retrieval returned, best first. */
  retrieved: PassageKey[];
  /** What the answer cited; empty when it passed the question on. */
  cited: PassageKey[];
  flaggedUnanswered: boolean;
}

export interface KnowledgeReport {
  questions: number;
  answerable: number;
  hitAt1: number;
  hitAt3: number;
  /** Share of answerable questions the responder answered. */
  answerRate: number;
  /** Share of answered questions (any) whose answer cites the expected passage. */
  answerPrecision: number;
  flagPrecision: number;
  flagRecall: number;
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function scoreKnowledge(outcomes: readonly QuestionOutcome[]): KnowledgeReport {
  const answerable = outcomes.filter((outcome) => outcome.expected !== null);
  const hits = (depth: number) =>
    answerable.filter((outcome) =>
      outcome.retrieved.slice(0, depth).includes(outcome.expected as PassageKey),
    ).length;
  const answered = outcomes.filter((outcome) => !outcome.flaggedUnanswered);
  const rightlyAnswered = answered.filter(
    (outcome) => outcome.expected !== null && outcome.cited.includes(outcome.expected),
  );
  const flagged = outcomes.filter((outcome) => outcome.flaggedUnanswered);
  const shouldFlag = outcomes.filter((outcome) => outcome.expected === null);
  const rightlyFlagged = flagged.filter((outcome) => outcome.expected === null);
  return {
    questions: outcomes.length,
    answerable: answerable.length,
    hitAt1: ratio(hits(1), answerable.length),
    hitAt3: ratio(hits(3), answerable.length),
    answerRate: ratio(
      answerable.filter((outcome) => !outcome.flaggedUnanswered).length,
      answerable.length,
    ),
    answerPrecision: ratio(rightlyAnswered.length, answered.length),
    flagPrecision: ratio(rightlyFlagged.length, flagged.length),
    flagRecall: ratio(rightlyFlagged.length, shouldFlag.length),
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

export function formatKnowledgeReport(report: KnowledgeReport): string {
  return [
    `Knowledge base: ${report.questions} questions, ${report.answerable} answerable`,
    `  retrieval hit@1            ${percent(report.hitAt1)}`,
    `  retrieval hit@3            ${percent(report.hitAt3)}`,
    `  offline answer rate        ${percent(report.answerRate)}`,
    `  offline answer precision   ${percent(report.answerPrecision)}`,
    `  unanswered flag precision  ${percent(report.flagPrecision)}`,
    `  unanswered flag recall     ${percent(report.flagRecall)}`,
  ].join('\n');
}

/** The questions each measure got wrong, for `--errors`. */
export function formatKnowledgeErrors(outcomes: readonly QuestionOutcome[]): string {
  return outcomes
    .flatMap((outcome) => {
      const problems: string[] = [];
      if (outcome.expected && !outcome.retrieved.slice(0, 3).includes(outcome.expected))
        problems.push(
          `retrieval missed ${outcome.expected} (got ${outcome.retrieved.slice(0, 3).join(', ')})`,
        );
      if (outcome.expected && outcome.flaggedUnanswered) problems.push('flagged unanswered');
      if (
        !outcome.flaggedUnanswered &&
        outcome.expected !== null &&
        !outcome.cited.includes(outcome.expected)
      )
        problems.push(`answered from ${outcome.cited.join(', ')}`);
      if (outcome.expected === null && !outcome.flaggedUnanswered)
        problems.push(`answered an unanswerable question from ${outcome.cited.join(', ')}`);
      return problems.length > 0 ? [`- ${outcome.question}: ${problems.join('; ')}`] : [];
    })
    .join('\n');
}
