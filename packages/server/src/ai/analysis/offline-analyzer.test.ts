import { DEFAULT_TOPICS } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import type { AnalysisInput, AnalysisMessage } from './analyzer.js';
import { OfflineAnalyzer } from './offline-analyzer.js';

const analyzer = new OfflineAnalyzer();

function conversation(
  turns: [AnalysisMessage['author'], string][],
  options: Partial<AnalysisInput> = {},
): AnalysisInput {
  return {
    channelKind: 'website_widget',
    subject: null,
    topics: [...DEFAULT_TOPICS],
    previous: null,
    ...options,
    messages: turns.map(([author, text], index) => ({
      id: `m${index + 1}`,
      author,
      text,
      sentAt: new Date(Date.UTC(2026, 0, 1, 9, index)).toISOString(),
    })),
  };
}

describe('unanswered questions', () => {
  it('keeps the one of two questions that the reply did not address', async () => {
    const result = await analyzer.analyze(
      conversation([
        ['contact', 'Hello. Can I pay with PayPal? And do you offer gift wrapping?'],
        ['assistant', 'We offer gift wrapping for $4 at checkout, with a handwritten card.'],
      ]),
    );
    expect(result.unansweredQuestions).toEqual([
      { messageId: 'm1', quote: 'Can I pay with PayPal?' },
    ]);
  });

  it('counts a deflection or a promise to check as no answer, a later real answer as one', async () => {
    const deflected = await analyzer.analyze(
      conversation([
        ['contact', 'what time does the Leeds store open on Sunday'],
        [
          'assistant',
          "I don't have information about store opening hours. Please contact our support team.",
        ],
      ]),
    );
    expect(deflected.unansweredQuestions.map((entry) => entry.quote)).toEqual([
      'what time does the Leeds store open on Sunday',
    ]);
    const answeredLater = await analyzer.analyze(
      conversation([
        ['contact', 'Wann kommt meine Bestellung an'],
        ['assistant', 'Ich prüfe das und melde mich.'],
        ['operator', 'Ihre Bestellung kommt am Donnerstag an.'],
      ]),
    );
    expect(answeredLater.unansweredQuestions).toEqual([]);
  });

  it('sees a reply about something else as no answer', async () => {
    const result = await analyzer.analyze(
      conversation([
        ['contact', 'are the candles vegan'],
        ['business', 'Our candles are hand poured in small batches in Portland'],
      ]),
    );
    expect(result.unansweredQuestions).toHaveLength(1);
  });

  it('accepts a yes or no as the answer to a yes/no question', async () => {
    const result = await analyzer.analyze(
      conversation([
        ['contact', 'vocês entregam em Portugal'],
        ['business', 'Sim, entregamos em Portugal em 5 dias.'],
      ]),
    );
    expect(result.unansweredQuestions).toEqual([]);
  });

  it('ignores rhetorical questions and requests for a person', async () => {
    const result = await analyzer.analyze(
      conversation([
        ['contact', 'You sent the wrong item. Again. How hard can it be? Can I talk to a human?'],
      ]),
    );
    expect(result.unansweredQuestions).toEqual([]);
    expect(result.humanRequested).toBe(true);
    expect(result.frustrated).toBe(true);
  });
});

describe('topics', () => {
  it('picks default topics from words in any language, "other" when nothing fits', async () => {
    const german = await analyzer.analyze(
      conversation([['contact', 'Wo bleibt meine Rückerstattung?']]),
    );
    expect(german.topics).toContain('refunds');
    const spanish = await analyzer.analyze(conversation([['contact', '¿La talla M es ajustada?']]));
    expect(spanish.topics).toContain('sizing');
    const nothing = await analyzer.analyze(conversation([['contact', 'hi']]));
    expect(nothing.topics).toEqual(['other']);
  });

  it('matches a custom workspace topic by its own words', async () => {
    const result = await analyzer.analyze(
      conversation([['contact', 'Do you do engraving on the silver rings?']], {
        topics: ['engraving', 'shipping', 'other'],
      }),
    );
    expect(result.topics).toEqual(['engraving']);
  });
});

describe('sentiment and trend', () => {
  it('reads the customer at the end and the direction they moved', async () => {
    const result = await analyzer.analyze(
      conversation([
        ['contact', 'This is unacceptable, my order is three weeks late!'],
        ['assistant', 'So sorry! It arrives tomorrow, and we refunded the shipping.'],
        ['contact', 'Oh great, thank you so much, that is perfect!'],
      ]),
    );
    expect(result.sentiment.label).toBe('positive');
    expect(result.sentiment.trend).toBe('improving');
    expect(result.frustrated).toBe(true);
    expect(result.frustratedBy?.messageId).toBe('m1');
  });

  it('handles emoji-only comments', async () => {
    const angry = await analyzer.analyze(
      conversation([['contact', '😡😡']], { channelKind: 'instagram_comment' }),
    );
    expect(angry).toMatchObject({ frustrated: true, language: 'und', humanRequested: false });
    expect(angry.sentiment.label).toBe('negative');
    expect(angry.summary).toContain('😡');
    const happy = await analyzer.analyze(
      conversation([['contact', '😍😍😍']], { channelKind: 'facebook_comment' }),
    );
    expect(happy.sentiment.label).toBe('positive');
    expect(happy.unansweredQuestions).toEqual([]);
  });
});

describe('emails', () => {
  it('analyzes only the new words, not the signature or the quoted history', async () => {
    const result = await analyzer.analyze(
      conversation(
        [
          [
            'contact',
            'Hi,\n\nhow do I delete my account?\n\nThanks\nJ.\n\nOn Mon, Jun 3, 2024 at 8:14 AM Shop <news@shop.example> wrote:\n> This is ridiculous value - talk to our team about bundles.',
          ],
          [
            'contact',
            'Hola,\n\nYa recibí el reembolso, muchas gracias.\n\nUn saludo,\nLucía\n\nEl lun, 3 jun 2024 a las 11:20, Shop (<help@shop.example>) escribió:\n> Lamentamos las molestias, es inaceptable.',
          ],
        ],
        { channelKind: 'gmail' },
      ),
    );
    expect(result.frustrated).toBe(false);
    expect(result.humanRequested).toBe(false);
    expect(result.unansweredQuestions.map((entry) => entry.quote)).toEqual([
      'how do I delete my account?',
    ]);
  });
});

describe('summary and action items', () => {
  it('names the order, quotes the matter and states what is open', async () => {
    const result = await analyzer.analyze(
      conversation([
        [
          'contact',
          'The zipper on my bag broke on the first day. I want a replacement zipper for order #4417.',
        ],
        ['assistant', 'So sorry! We will send a replacement zipper for #4417 this week.'],
        ['contact', 'Ok. Can I talk to a person about the colour too?'],
      ]),
    );
    expect(result.summary).toContain('#4417');
    expect(result.summary).toContain('replacement zipper');
    expect(result.summary).toContain('asked for a person');
    expect(result.summary.split(/(?<=[.!?”])\s+(?=[A-Z])/).length).toBeLessThanOrEqual(2);
    expect(result.actionItems).toEqual([{ text: 'send a replacement zipper for #4417 this week' }]);
    expect(result.keyphrases).toContain('#4417');
    expect(result.lastMessageId).toBe('m3');
    expect(result.analyzer).toBe('offline');
  });

  it('lists a customer request nobody has replied to yet', async () => {
    const result = await analyzer.analyze(
      conversation([['contact', 'Bitte können Sie mir die Rechnung noch einmal schicken?']]),
    );
    expect(result.actionItems.map((item) => item.text)).toEqual([
      'mir die Rechnung noch einmal schicken',
    ]);
    expect(result.language).toBe('de');
  });
});
