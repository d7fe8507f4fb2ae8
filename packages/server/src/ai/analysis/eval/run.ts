/** `npm run eval`: scores each analyzer on the labeled conversations; `-- --errors` lists misses. */
import { evalAnalyzers } from './analyzers.js';
import { loadConversations } from './dataset.js';
import { evaluate } from './evaluate.js';
import { formatErrors, formatReport } from './report.js';

const conversations = loadConversations();
console.log(`${conversations.length} labeled conversations`);
for (const analyzer of evalAnalyzers()) {
  const started = performance.now();
  const report = await evaluate(analyzer, conversations);
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${formatReport(report)}\n\n(${seconds.toFixed(1)} s)`);
  if (process.argv.includes('--errors')) console.log(`\n${formatErrors(report)}`);
}
