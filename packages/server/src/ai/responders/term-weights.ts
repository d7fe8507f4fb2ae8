/**
 * How much each question word says about the answer, learned from the knowledge base itself:
 * a stem few passages contain is a strong clue (inverse document frequency), one most passages
 * contain ("order", "bestellung") a weak one. A stem no passage contains is weighed as a rare
 * one: it is often the very thing the knowledge base does not cover ("Bitcoin", "Canada").
 */
import { contentWords } from '../analysis/content-words.js';
import { detectLanguage } from '../analysis/language.js';
import { contentStemsIn, stemsInAnyLanguage } from '../analysis/stems.js';
import { fold } from '../analysis/text.js';

/** How many passages of the knowledge base contain each stem. */
export interface StemCounts {
  passages: number;
  counts: ReadonlyMap<string, number>;
}

export function countStems(texts: readonly string[]): StemCounts {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const item of contentStemsIn(text, detectLanguage(text)))
      counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return { passages: texts.length, counts };
}

/** A weight per stem; all 1 without counts. `everyday`: every question word of the stem is a
 * common word of general language (see everyday-words.ts). */
export type StemWeight = (stem: string, everyday?: boolean) => number;

export const EQUAL_WEIGHTS: StemWeight = () => 1;

/** The weights of an assistant's knowledge base. */
export type Vocabulary = (scope: {
  workspaceId: string;
  assistantId: string;
}) => Promise<StemWeight>;

/** Weight of a stem the knowledge base never uses, relative to the rarest one it does: a word
 * it has never seen is more often the uncovered subject than a paraphrase (tuned on the eval). */
const UNSEEN = 2;

/** An everyday word the knowledge base never uses ("today", "made") weighs this share of an
 * unseen word: its absence says less about what the knowledge base covers, but it may still be
 * the subject ("student discount"). Settings from 0.1 to 0.35 score alike on the eval; the one
 * that trusts the frequency lists least is kept. */
export const EVERYDAY_SHARE = 0.35;

export function idfWeights(stats: StemCounts): StemWeight {
  const idf = (count: number) => Math.log((stats.passages + 1) / (count + 0.5));
  const rarest = idf(1);
  const everyday = EVERYDAY_SHARE * UNSEEN * rarest;
  return (item, isEveryday = false) => {
    // A word the knowledge base says differently ("shop" for its "store") weighs like its word.
    const count =
      stats.counts.get(item) ??
      Math.max(...withSynonyms(item).map((other) => stats.counts.get(other) ?? 0));
    if (count > 0) return Math.max(idf(count), 0.1);
    return isEveryday ? everyday : UNSEEN * rarest;
  };
}

/**
 * Words a shop's customers and its policies use for the same thing, across the seven
 * languages; a question word is covered when the passage has any word of its group.
 */
const SYNONYM_GROUPS: readonly string[][] = [
  [
    'refund',
    'money',
    'reimburse',
    'erstattung',
    'geld',
    'reembolso',
    'remboursement',
    'rimborso',
    'terugbetaling',
  ],
  [
    'ship',
    'shipping',
    'delivery',
    'deliver',
    'postage',
    'send',
    'versand',
    'lieferung',
    'envio',
    'livraison',
    'spedizione',
    'entrega',
    'verzending',
    'levering',
  ],
  [
    'shop',
    'store',
    'laden',
    'geschaft',
    'tienda',
    'magasin',
    'boutique',
    'negozio',
    'loja',
    'winkel',
  ],
  ['swap', 'exchange', 'umtausch', 'cambio', 'echange', 'ruilen', 'troca'],
  [
    'charge',
    'cost',
    'costs',
    'price',
    'fee',
    'kosten',
    'preis',
    'coste',
    'precio',
    'frais',
    'prix',
    'costo',
    'prezzo',
    'custo',
    'preco',
    'kost',
    'prijs',
  ],
  ['package', 'parcel', 'paket', 'paquete', 'colis', 'pacco', 'pacote', 'pakket'],
  ['guarantee', 'warranty', 'garantie', 'garantia', 'garanzia'],
  [
    'broken',
    'faulty',
    'damaged',
    'defective',
    'defekt',
    'kaputt',
    'roto',
    'defectueux',
    'casse',
    'rotto',
    'difettoso',
    'kapot',
  ],
  [
    'close',
    'closing',
    'open',
    'opening',
    'hours',
    'offnungszeiten',
    'horario',
    'horaires',
    'orari',
    'openingstijden',
  ],
  [
    'return',
    'zurucksenden',
    'rucksendung',
    'devolver',
    'devolucion',
    'retour',
    'retourner',
    'reso',
    'restituire',
    'devolucao',
    'terugsturen',
  ],
  [
    'forgot',
    'forgotten',
    'reset',
    'vergessen',
    'zurucksetzen',
    'olvidado',
    'restablecer',
    'oublie',
    'reinitialiser',
    'dimenticato',
    'reimpostare',
    'esqueci',
    'redefinir',
    'vergeten',
  ],
  [
    'pay',
    'payment',
    'bezahlen',
    'zahlung',
    'zahlungsarten',
    'pagar',
    'pago',
    'payer',
    'paiement',
    'pagare',
    'pagamento',
    'betalen',
    'betaling',
  ],
];

const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    // The groups mix languages: each word counts by the stems any language gives it.
    const stems = [
      ...new Set(group.flatMap((word) => contentWords(fold(word)).flatMap(stemsInAnyLanguage))),
    ];
    for (const item of stems) map.set(item, [...new Set([...(map.get(item) ?? []), ...stems])]);
  }
  return map;
})();

/** The stem and the stems of the words that mean the same in a shop's context. */
export function withSynonyms(item: string): readonly string[] {
  return SYNONYMS.get(item) ?? [item];
}
