/**
 * The default analyzer: no network, no download — lexicons, ELD, VADER and wink-nlp's model,
 * all shipped inside npm packages. Cheap enough to re-read the whole conversation each time,
 * so the previous analysis is not needed.
 */
import type { MessageQuote, SentimentLabel, SentimentTrend } from '@parley/domain';
import { actionItems } from './action-items.js';
import type {
  AnalysisInput,
  AnalysisMessage,
  AnalysisResult,
  ConversationAnalyzer,
} from './analyzer.js';
import { cleanEmailText } from './email-cleanup.js';
import { isFrustrated } from './frustration.js';
import { requestsHuman } from './human-request.js';
import { keyphrases } from './keyphrases.js';
import { detectLanguage, LEXICON_LANGUAGES } from './language.js';
import { sentimentScore } from './sentiment.js';
import { lexiconLanguages } from './signals.js';
import { summarize } from './summary.js';
import { hasNoWords } from './text.js';
import { matchTopics } from './topics.js';
import { type CustomerText, unansweredQuestions } from './unanswered.js';

/** Past these, a score reads positive or negative; plain thanks ("thanks", "danke") stays neutral. */
const POSITIVE_FROM = 0.35;
const NEGATIVE_FROM = -0.25;
/** How far the end must move from the start to call it a trend. */
const TREND_STEP = 0.3;
/** Frustration caps a message's sentiment: sarcasm reads positive to a lexicon. */
const FRUSTRATED_CEILING = -0.5;
/** Only the customer's last messages say how they feel now. */
const END_WINDOW = 2;
const NEUTRAL_BAND = 0.05;
const QUOTE_LENGTH = 200;
const COMPLAINT_BOOST = 2;

interface ScoredCustomerText extends CustomerText {
  sentiment: number;
  frustrated: boolean;
  humanRequest: boolean;
}

function label(score: number): SentimentLabel {
  if (score >= POSITIVE_FROM) return 'positive';
  if (score <= NEGATIVE_FROM) return 'negative';
  return 'neutral';
}

function endScore(scored: ScoredCustomerText[]): number {
  const recent = scored.slice(-END_WINDOW).reverse();
  const felt = recent.find((entry) => Math.abs(entry.sentiment) > NEUTRAL_BAND);
  return felt?.sentiment ?? 0;
}

function trend(scored: ScoredCustomerText[], end: number): SentimentTrend {
  if (scored.length < 2) return 'steady';
  const start = scored[0]?.sentiment ?? 0;
  if (end - start >= TREND_STEP) return 'improving';
  if (start - end >= TREND_STEP) return 'worsening';
  return 'steady';
}

function quoteOf(entry: ScoredCustomerText | undefined): MessageQuote | null {
  if (!entry) return null;
  const flat = entry.text.replace(/\s+/g, ' ').trim();
  return { messageId: entry.message.id, quote: flat.slice(0, QUOTE_LENGTH) };
}

export class OfflineAnalyzer implements ConversationAnalyzer {
  readonly name = 'offline';

  async analyze(input: AnalysisInput): Promise<AnalysisResult> {
    const email = input.channelKind === 'gmail';
    const textOf = (message: AnalysisMessage) =>
      email ? cleanEmailText(message.text) : message.text;
    const customers = input.messages.filter((message) => message.author === 'contact');
    const customerTexts = customers.map(textOf);
    const language = detectLanguage(customerTexts.join('\n'));
    const conversationLanguages = lexiconLanguages(language);
    const scoringLanguage = (LEXICON_LANGUAGES as readonly string[]).includes(language)
      ? language
      : 'en';

    const scored: ScoredCustomerText[] = customers.map((message, index) => {
      const text = customerTexts[index] ?? '';
      let sentiment = sentimentScore(text, scoringLanguage);
      const frustrated = isFrustrated(text, conversationLanguages, sentiment);
      if (frustrated) sentiment = Math.min(sentiment, FRUSTRATED_CEILING);
      const humanRequest = !hasNoWords(text) && requestsHuman(text, conversationLanguages);
      // Asking for a person is no sign of contentment, however politely ("…a real person please").
      if (humanRequest) sentiment = Math.min(sentiment, 0);
      return {
        message,
        text,
        languages: conversationLanguages,
        sentiment,
        frustrated,
        humanRequest,
      };
    });

    const frustratedBy = quoteOf(scored.find((entry) => entry.frustrated));
    const humanRequestedBy = quoteOf(scored.find((entry) => entry.humanRequest));
    const unanswered = unansweredQuestions(scored, input.messages, textOf);
    const items = actionItems(input.messages, textOf);
    const customerWords = [input.subject ?? '', ...customerTexts].join('\n');
    const topics = matchTopics(customerWords, input.topics, frustratedBy ? COMPLAINT_BOOST : 0);
    const end = endScore(scored);
    const last = input.messages[input.messages.length - 1];

    return {
      summary: summarize({
        customerTexts,
        languages: conversationLanguages,
        topics: topics.filter((topic) => topic !== 'other'),
        frustrated: frustratedBy !== null,
        humanRequested: humanRequestedBy !== null,
        unanswered,
        promises: items.map((item) => item.text),
      }),
      topics,
      keyphrases: keyphrases(customerTexts.join('\n'), language),
      sentiment: { label: label(end), score: end, trend: trend(scored, end) },
      frustrated: frustratedBy !== null,
      frustratedBy,
      humanRequested: humanRequestedBy !== null,
      humanRequestedBy,
      unansweredQuestions: unanswered,
      actionItems: items,
      language,
      analyzer: this.name,
      lastMessageId: last?.id ?? '',
    };
  }
}
