import { describe, expect, it } from 'vitest';
import { groupVectors, meanVector } from './cluster.js';
import { conceptsOf } from './concepts.js';
import { questionTerms, questionVector, sparseCosine } from './features.js';

describe('question features', () => {
  it('maps the same shop concept in seven languages to one feature', () => {
    const refunds = [
      'Where is my refund?',
      'Wo bleibt meine Erstattung?',
      '¿Dónde está mi reembolso?',
      'Où est mon remboursement ?',
      'Dov’è il mio rimborso?',
      'Onde está o meu reembolso?',
      'Waar blijft mijn terugbetaling?',
    ];
    for (const question of refunds) {
      expect(questionTerms(question).concepts, question).toContain('refund');
    }
  });

  it('splits German and Dutch compounds into their concepts', () => {
    expect(conceptsOf('lieferadresse')).toEqual(['shipping', 'address']);
    expect(conceptsOf('studentenkorting')).toEqual(['student', 'discount']);
    expect(conceptsOf('kettle')).toEqual([]);
  });

  it('knows common shop words beyond the fixture topics (colour, pre-order, parcel locker)', () => {
    expect(conceptsOf('farbe')).toEqual(['colour']);
    expect(questionTerms('Can I pre-order it?').concepts).toEqual(['preorder']);
    expect(conceptsOf('vorbestellen')).toEqual(['preorder']);
    expect(conceptsOf('packstation')).toEqual(['locker']);
    expect(conceptsOf('pakketautomaat')).toContain('locker');
    expect(questionTerms('Please unsubscribe me from the mailing list').concepts).toEqual([
      'newsletter',
      'newsletter',
    ]);
  });

  it('drops the words that only frame a question', () => {
    expect(questionTerms('Is it possible to get gift wrapping?').stems).toEqual([]);
    expect(questionTerms('Gibt es eine Möglichkeit, etwas zu bekommen?').stems).not.toContain(
      'gibt',
    );
  });

  it('scores paraphrases across languages above unrelated questions', () => {
    const english = questionVector('Can I cancel my order?');
    const german = questionVector('Kann ich meine Bestellung stornieren?');
    const other = questionVector('Can I change the delivery address of my order?');
    expect(sparseCosine(english, german)).toBeGreaterThan(0.9);
    expect(sparseCosine(english, other)).toBeLessThan(0.5);
  });
});

describe('grouping', () => {
  it('puts paraphrases together and keeps different questions apart', () => {
    const questions = [
      'Do you ship to Canada?',
      'Can I pay with Bitcoin?',
      'Liefert ihr auch nach Kanada?',
      'Kann ich mit Bitcoin bezahlen?',
      'Est-ce que vous livrez au Canada ?',
      'Are you hiring at the moment?',
    ];
    const { groupOf, members } = groupVectors(questions.map(questionVector));
    expect(groupOf[0]).toBe(groupOf[2]);
    expect(groupOf[0]).toBe(groupOf[4]);
    expect(groupOf[1]).toBe(groupOf[3]);
    expect(groupOf[0]).not.toBe(groupOf[1]);
    expect(members).toHaveLength(3);
  });

  it('a question without content words stays alone', () => {
    const { groupOf } = groupVectors(['?!', 'Do you ship to Canada?'].map(questionVector));
    expect(groupOf[0]).not.toBe(groupOf[1]);
  });

  it('embeddings join questions that share no words', () => {
    const vectors = ['Do you ship to Canada?', 'Any chance of a parcel to Ottawa?'].map(
      questionVector,
    );
    const apart = groupVectors(vectors);
    expect(apart.groupOf[0]).not.toBe(apart.groupOf[1]);
    const together = groupVectors(vectors, {
      dense: [
        [1, 0.1, 0],
        [0.95, 0.12, 0.02],
      ],
    });
    expect(together.groupOf[0]).toBe(together.groupOf[1]);
  });

  it('a centroid is the unit-length mean of its members', () => {
    const mean = meanVector([new Map([['a', 1]]), new Map([['b', 1]])]);
    expect(mean.get('a')).toBeCloseTo(Math.SQRT1_2);
    expect(mean.get('b')).toBeCloseTo(Math.SQRT1_2);
  });
});
