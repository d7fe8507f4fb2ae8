/** How the inbox shows a conversation's analysis: sentiment in words and a mark, and the
 * unanswered questions found back in the messages they were quoted from. */
import type {
  ConversationAnalysis,
  MessageQuote,
  SentimentLabel,
  SentimentTrend,
} from '@parley/domain';

/** Colour is never the only signal: each mark has words for screen readers and tooltips. */
export const SENTIMENT_MARKS: Record<SentimentLabel, { mark: string; label: string }> = {
  negative: { mark: '▼', label: 'Negative' },
  neutral: { mark: '●', label: 'Neutral' },
  positive: { mark: '▲', label: 'Positive' },
};

const TRENDS: Record<SentimentTrend, string> = {
  improving: 'improving',
  steady: 'steady',
  worsening: 'getting worse',
};

export function sentimentText(sentiment: ConversationAnalysis['sentiment']): string {
  return `${SENTIMENT_MARKS[sentiment.label].label} customer sentiment, ${TRENDS[sentiment.trend]}`;
}

/** Quotes of unanswered questions by the message they come from. */
export function unansweredByMessage(analysis: ConversationAnalysis | null): Map<string, string[]> {
  const byMessage = new Map<string, string[]>();
  for (const question of analysis?.unansweredQuestions ?? []) {
    byMessage.set(question.messageId, [
      ...(byMessage.get(question.messageId) ?? []),
      question.quote,
    ]);
  }
  return byMessage;
}

export interface TextPart {
  text: string;
  marked: boolean;
}

/** The text in parts, the quoted passages marked (found case-insensitively; a quote the text
 * does not contain marks nothing). */
export function highlightQuotes(text: string, quotes: readonly string[]): TextPart[] {
  const lower = text.toLowerCase();
  const ranges = quotes
    .map((quote) => quote.trim())
    .filter(Boolean)
    .flatMap((quote) => {
      const start = lower.indexOf(quote.toLowerCase());
      return start < 0 ? [] : [[start, start + quote.length] as const];
    })
    .sort((a, b) => a[0] - b[0]);
  const parts: TextPart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) parts.push({ text: text.slice(at, from), marked: false });
    parts.push({ text: text.slice(from, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}

export function quoteOf(quote: MessageQuote | null): string | null {
  return quote ? `“${quote.quote}”` : null;
}
