/**
 * A customer question as a sparse vector of what it asks about: shop concepts shared by the
 * seven languages (concepts.ts) weigh most, other content words count as crude stems and as
 * character 4-grams (so "hoodie" meets "hoodies" and "Canadá" meets "Kanada" only via the
 * concept). Words that only frame a question ("can I", "is it possible", "gibt es") are dropped.
 */
import { stem } from '../analysis/content-words.js';
import { STOPWORDS } from '../analysis/lexicons/stopwords.js';
import { terms } from '../analysis/lexicons/terms.js';
import { fold, words } from '../analysis/text.js';
import { conceptsOf, rewritePhrases } from './concepts.js';

/** Term → weight, unit length. */
export type SparseVector = Map<string, number>;

/** Concepts that only narrow a question down ("where", "when", "days") weigh less. */
const MINOR_CONCEPTS = new Set(['where', 'when', 'days', 'order', 'mistake', 'change', 'shop']);
const CONCEPT_WEIGHT = 1;
const MINOR_WEIGHT = 0.45;
const STEM_WEIGHT = 0.6;
const GRAM_WEIGHT = 0.12;
const GRAM = 4;

/** Words that frame a question in any of the seven languages rather than name its subject. */
const FRAMING = new Set(
  terms(`
possible; possibly; able; offer; offers; provide; anything; something; option; options; usually;
currently; already; yet; ever; actually; get; check; see; find; tell; know; wondering; question;
help; item; items; product; products; thing; things; guys; someone; anybody; anyone; ask; asking;
moglich; anbieten; bietet; gibt; etwas; irgendwie; bekommen; kriegen; wissen; frage; artikel;
produkt; eigentlich; leider; einfach; bereits; nochmal; wieder; ihr; euch; lassen;
posible; ofrecen; ofrece; algo; alguna; alguno; saber; pregunta; articulo; producto; todavia;
tienen; hacen; puedo; pueden; debo; consultar; consulto; vez; nuevo;
possible; proposez; proposer; offrez; quelque; chose; savoir; article; produit; encore; avoir;
peut; puis; peux; dois; faut; est-ce; vous; verifier; nouveau;
possibile; offrite; qualcosa; sapere; domanda; articolo; prodotto; ancora; avete; fate; posso;
devo; potete; controllo; controllare;
possivel; oferecem; alguma; algum; saber; pergunta; artigo; produto; ainda; voces; fazem; posso;
podem; devo; vejo; ver; consigo;
mogelijk; bieden; iets; weten; vraag; product; nog; jullie; hebben; kunnen; moet; mag;
controleer; controleren; weer
`),
);

const ELISION =
  /^(?:l|d|j|m|n|s|t|c|qu|dell|dall|nell|sull|all|coll|quell|quest|un|nessun)'(?=\p{L})/u;

export interface QuestionTerms {
  concepts: string[];
  stems: string[];
}

/** The concepts and the leftover content stems of a question, in order of appearance. */
export function questionTerms(text: string): QuestionTerms {
  const concepts: string[] = [];
  const stems: string[] = [];
  for (const raw of words(rewritePhrases(fold(text)))) {
    const word = raw.replace(ELISION, '').replace(/^[-']+|[-']+$/g, '');
    if (/\d/.test(word)) continue;
    const named = conceptsOf(word);
    if (named.length > 0) {
      concepts.push(...named);
      continue;
    }
    if (word.length < 3 || STOPWORDS.has(word) || FRAMING.has(word)) continue;
    stems.push(word);
  }
  return { concepts, stems };
}

function add(vector: SparseVector, term: string, weight: number) {
  vector.set(term, Math.max(vector.get(term) ?? 0, weight));
}

export function questionVector(text: string): SparseVector {
  const { concepts, stems } = questionTerms(text);
  const vector: SparseVector = new Map();
  for (const concept of concepts) {
    add(vector, `c:${concept}`, MINOR_CONCEPTS.has(concept) ? MINOR_WEIGHT : CONCEPT_WEIGHT);
  }
  for (const word of stems) {
    add(vector, `s:${stem(word)}`, STEM_WEIGHT);
    const padded = ` ${word} `;
    for (let index = 0; index + GRAM <= padded.length; index += 1) {
      add(vector, `g:${padded.slice(index, index + GRAM)}`, GRAM_WEIGHT);
    }
  }
  return normalize(vector);
}

export function normalize(vector: SparseVector): SparseVector {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  if (sum === 0) return vector;
  const norm = Math.sqrt(sum);
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  return vector;
}

export function sparseCosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  for (const weight of a.values()) normA += weight * weight;
  for (const weight of b.values()) normB += weight * weight;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
