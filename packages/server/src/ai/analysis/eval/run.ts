/**
 * `npm run eval`: scores each analyzer on the labeled conversations; `-- --errors` lists misses,
 * `-- --set heldout` (or PARLEY_EVAL_SET=heldout) scores packages/server/eval/heldout.jsonl.
 */
import { evalAnalyzers } from './analyzers.js';
import { datasetPath, datasetSetFrom, loadConversations } from './dataset.js';
import { evaluate } from './evaluate.js';
import { formatErrors, formatReport } from './report.js';

const set = datasetSetFrom(process.argv.slice(2));
const conversations = loadConversations(datasetPath(set));
console.log(`${conversations.length} labeled conversations (set: ${set})`);
for (const analyzer of evalAnalyzers()) {
  const started = performance.now();
  const report = await evaluate(analyzer, conversations);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${formatReport(report)}\n\n(${seconds.toFixed(1)} s)`);
  if (process.argv.includes('--errors')) console.log(`\n${formatErrors(report)}`);
}
