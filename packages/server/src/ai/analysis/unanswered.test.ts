import { DEFAULT_TOPICS } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import type { AnalysisMessage } from './analyzer.js';
import { contentWords } from './content-words.js';
import { OfflineAnalyzer } from './offline-analyzer.js';

const analyzer = new OfflineAnalyzer();

async function open(turns: [AnalysisMessage['author'], string][]): Promise<string[]> {
  const result = await analyzer.analyze({
    channelKind: 'website_widget',
    subject: null,
    topics: [...DEFAULT_TOPICS],
    previous: null,
    messages: turns.map(([author, text], index) => ({
      id: `m${index + 1}`,
      author,
      text,
      sentAt: new Date(Date.UTC(2026, 0, 1, 9, index)).toISOString(),
    })),
  });
  return result.unansweredQuestions.map((entry) => entry.quote);
}

describe('unanswered questions: held-out rules', () => {
  it('a bare "yes" answers only the one of several questions the reply speaks about', async () => {
    expect(
      await open([
        ['contact', 'Do you have the Trail Runner in size 44? And is it waterproof?'],
        ['assistant', 'Yes, the Trail Runner is in stock in size 44.'],
      ]),
    ).toEqual(['And is it waterproof?']);
    // With one question, a bare yes still answers it.
    expect(
      await open([
        ['contact', 'Is it waterproof?'],
        ['assistant', 'Yes, fully.'],
      ]),
    ).toEqual([]);
  });

  it('a second question opened by a connector is still classified (wh, not yes/no)', async () => {
    expect(
      await open([
        ['contact', 'Is deze jas waterdicht? En wat zijn de retourvoorwaarden'],
        ['assistant', 'Ja, de jas is volledig waterdicht.'],
      ]),
    ).toEqual(['En wat zijn de retourvoorwaarden']);
  });

  it('a month or "this morning" answers "when"', async () => {
    expect(
      await open([
        ['contact', 'restock when??'],
        ['assistant', 'Black is coming back mid-April!'],
      ]),
    ).toEqual([]);
    expect(
      await open([
        ['contact', 'When exactly will it be sent?'],
        ['assistant', 'It was dispatched this morning with Royal Mail.'],
      ]),
    ).toEqual([]);
  });

  it('"could you check what is going on" and "où en est" ask for news any real reply gives', async () => {
    expect(
      await open([
        ['contact', 'Could you please check what is going on?'],
        ['assistant', 'Your return arrived on the 14th and the refund was issued today.'],
      ]),
    ).toEqual([]);
    expect(
      await open([
        ['contact', 'Pouvez-vous me dire où en est ma commande ?'],
        ['assistant', 'Votre colis a été retardé chez le transporteur ; il sera livré jeudi.'],
      ]),
    ).toEqual([]);
  });

  it('a nudge ("still nothing??", "hello?") is not a question of its own', async () => {
    expect(
      await open([
        ['contact', 'still nothing??'],
        ['contact', 'hello?'],
      ]),
    ).toEqual([]);
  });

  it('a question for a person is open when the reply ignores it, answered by a handover', async () => {
    expect(
      await open([
        ['contact', 'The cushion is torn. Can someone from your team call me?'],
        ['assistant', 'Sorry! I can arrange a replacement cushion or a return.'],
      ]),
    ).toEqual(['Can someone from your team call me?']);
    expect(
      await open([
        ['contact', 'Kan ik iemand van jullie klantenservice aan de lijn krijgen?'],
        ['assistant', 'Onze klantenservice is bereikbaar op 020 123 4567.'],
      ]),
    ).toEqual([]);
    expect(
      await open([
        ['contact', '¿me pasas con alguien?'],
        ['assistant', 'Claro, un compañero te escribirá en breve.'],
      ]),
    ).toEqual([]);
    // No reply yet: the safety net has it (humanRequested), not the unanswered list.
    expect(await open([['contact', 'Can I talk to a human?']])).toEqual([]);
  });

  it('an order number is not what a yes/no question is about', async () => {
    expect(
      await open([
        ['contact', 'Can I change the delivery address on order 7781?'],
        ['assistant', 'Once an order is packed our team updates the address if you email us.'],
      ]),
    ).toEqual([]);
  });

  it('an exclamation with a question word is not a question', async () => {
    expect(await open([['contact', '¡Muchas gracias, qué rápidos!']])).toEqual([]);
  });
});

describe('content words', () => {
  it('drop an elided article, so "l\'ordine" meets "ordine"', () => {
    expect(contentWords("L'ordine 3318 è stato spedito")).toContain('ordine');
    expect(contentWords("d'accord, l'adresse")).toContain('adresse');
  });
});
