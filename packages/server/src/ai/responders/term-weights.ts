/**
 * How much each question word says about the answer, learned from the knowledge base itself:
 * a stem few passages contain is a strong clue (inverse document frequency), one most passages
 * contain ("order", "bestellung") a weak one. A stem no passage contains is weighed as a rare
 * one: it is often the very thing the knowledge base does not cover ("Bitcoin", "Canada").
 */
import { contentStems, stem } from '../analysis/content-words.js';
import { fold } from '../analysis/text.js';

/** How many passages of the knowledge base contain each stem. */
export interface StemCounts {
  passages: number;
  counts: ReadonlyMap<string, number>;
}

export function countStems(texts: readonly string[]): StemCounts {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const item of contentStems(text)) counts.set(item, (counts.get(item) ?? 0) + 1);
  }
  return { passages: texts.length, counts };
}

/** A weight per stem; all 1 without counts. */
export type StemWeight = (stem: string) => number;

export const EQUAL_WEIGHTS: StemWeight = () => 1;

/** The weights of an assistant's knowledge base. */
export type Vocabulary = (scope: {
  workspaceId: string;
  assistantId: string;
}) => Promise<StemWeight>;

/** Weight of a stem the knowledge base never uses, relative to the rarest one it does: a word
 * it has never seen is more often the uncovered subject than a paraphrase (tuned on the eval). */
const UNSEEN = 2;

export function idfWeights(stats: StemCounts): StemWeight {
  const idf = (count: number) => Math.log((stats.passages + 1) / (count + 0.5));
  const rarest = idf(1);
  return (item) => {
    const count = stats.counts.get(item) ?? 0;
    return count === 0 ? UNSEEN * rarest : Math.max(idf(count), 0.1);
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
    const stems = [...new Set(group.flatMap((word) => [...contentStems(fold(word))]))];
    for (const item of stems) map.set(item, [...new Set([...(map.get(item) ?? []), ...stems])]);
  }
  return map;
})();

/** The stem and the stems of the words that mean the same in a shop's context. */
export function withSynonyms(item: string): readonly string[] {
  return SYNONYMS.get(item) ?? SYNONYMS.get(stem(item)) ?? [item];
}
