/**
 * Offline analysis cost: one 50-message conversation (customer, assistant and operator turns,
 * several languages, questions, a request for a person) analyzed from scratch, as the debounced
 * job does; and the per-message safety-net signals of the ingest path.
 */
import { DEFAULT_TOPICS } from '@parley/domain';
import type { AnalysisInput } from '../ai/analysis/analyzer.js';
import { OfflineAnalyzer } from '../ai/analysis/offline-analyzer.js';
import { messageSignals } from '../ai/analysis/signals.js';
import type { LatencyFigures } from './fanout.js';

const CUSTOMER_LINES = [
  'Hi, where is my order #4417? I ordered last Tuesday.',
  'The zipper on the bag broke on the first day, I want a replacement.',
  'Do you ship to Canada and how much does it cost',
  'Ich möchte mit einem Menschen sprechen, das ist jetzt das dritte Mal.',
  '¿Cuándo llega mi pedido? Llevo dos semanas esperando.',
  'Merci beaucoup, très gentil !',
  'Great, another week of waiting. Fantastic service.',
  'kan ik de trui nog ruilen voor een maat kleiner',
];
const REPLY_LINES = [
  'Order #4417 shipped yesterday with DHL and should arrive by Friday.',
  'We will send a replacement zipper for #4417 this week.',
  "I'm not sure about that, please contact our support team.",
  'Yes, we ship to Canada in 5-8 business days for $14.',
];

function fiftyMessages(): AnalysisInput {
  return {
    channelKind: 'website_widget',
    subject: null,
    topics: [...DEFAULT_TOPICS],
    previous: null,
    messages: Array.from({ length: 50 }, (_, index) => {
      const customer = index % 2 === 0;
      const lines = customer ? CUSTOMER_LINES : REPLY_LINES;
      return {
        id: `m${index}`,
        author: customer
          ? ('contact' as const)
          : index % 10 === 9
            ? ('operator' as const)
            : ('assistant' as const),
        text: lines[Math.floor(index / 2) % lines.length] as string,
        sentAt: new Date(Date.UTC(2026, 0, 1, 9, index)).toISOString(),
      };
    }),
  };
}

function latency(label: string, samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { label, samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95) };
}

export async function benchAnalysis(rounds: number): Promise<LatencyFigures[]> {
  const analyzer = new OfflineAnalyzer();
  const input = fiftyMessages();
  await analyzer.analyze(input); // loads the language and part-of-speech models once
  const conversation: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await analyzer.analyze(input);
    conversation.push(performance.now() - started);
  }
  const perMessage: number[] = [];
  for (let round = 0; round < rounds * 10; round += 1) {
    const text = CUSTOMER_LINES[round % CUSTOMER_LINES.length] as string;
    const started = performance.now();
    messageSignals(text);
    perMessage.push(performance.now() - started);
  }
  return [
    latency('offline analysis, 50-message conversation', conversation),
    latency('safety-net signals, one message', perMessage),
  ];
}
