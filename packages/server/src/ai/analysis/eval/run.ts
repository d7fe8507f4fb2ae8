/**
 * `npm run eval`: scores each analyzer on the labeled conversations, then retrieval and the
 * offline responder on the knowledge-base questions. `-- --errors` lists misses, `-- --set
 * heldout` (or PARLEY_EVAL_SET=heldout) scores packages/server/eval/heldout.jsonl and
 * knowledge-heldout.jsonl (and question-groups-heldout.jsonl), `-- --knowledge` runs only the
 * knowledge-base part and `-- --grouping` only the grouping of unanswered questions
 * (packages/server/eval/question-groups.jsonl).
 */
import {
  evaluateGrouping,
  formatGroupingErrors,
  formatGroupingReport,
  groupingPath,
  loadLabeledQuestions,
} from '../../grouping/eval/grouping-eval.js';
import { evaluateKnowledge, loadQuestions } from '../../responders/eval/knowledge-eval.js';
import {
  formatKnowledgeErrors,
  formatKnowledgeReport,
  scoreKnowledge,
} from '../../responders/eval/score.js';
import { evalAnalyzers } from './analyzers.js';
import { datasetPath, datasetSetFrom, loadConversations } from './dataset.js';
import { evaluate } from './evaluate.js';
import { formatErrors, formatReport } from './report.js';

const knowledgeOnly = process.argv.includes('--knowledge');
const groupingOnly = process.argv.includes('--grouping');
const analyzersToo = !knowledgeOnly && !groupingOnly;
const set = datasetSetFrom(process.argv.slice(2));
const conversations = analyzersToo ? loadConversations(datasetPath(set)) : [];
if (analyzersToo) console.log(`${conversations.length} labeled conversations (set: ${set})`);
for (const analyzer of analyzersToo ? evalAnalyzers() : []) {
  const started = performance.now();
  const report = await evaluate(analyzer, conversations);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${formatReport(report)}\n\n(${seconds.toFixed(1)} s)`);
  if (process.argv.includes('--errors')) console.log(`\n${formatErrors(report)}`);
}

if (!groupingOnly) {
  const started = performance.now();
  const outcomes = await evaluateKnowledge(loadQuestions(set));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\n(set: ${set}) ${formatKnowledgeReport(scoreKnowledge(outcomes))}\n\n(${seconds.toFixed(1)} s)`,
  );
  if (process.argv.includes('--errors')) console.log(`\n${formatKnowledgeErrors(outcomes)}`);
}

if (!knowledgeOnly) {
  const started = performance.now();
  const outcome = evaluateGrouping(loadLabeledQuestions(groupingPath(set)));
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${formatGroupingReport(outcome.score, set)}\n\n(${seconds.toFixed(1)} s)`);
  if (process.argv.includes('--errors')) console.log(`\n${formatGroupingErrors(outcome)}`);
}
