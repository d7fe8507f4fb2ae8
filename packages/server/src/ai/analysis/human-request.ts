/**
 * Does a message ask for a person? A verb of wanting or contact followed by a word for a person
 * ("I want to talk to a human", "quiero hablar con una persona"), in German and Dutch also the
 * person before the verb ("mit einem Menschen sprechen"), or a refusal of the bot. Each clause is
 * judged alone, and a negation just before the request cancels it ("I don't need a person").
 */
import { HUMAN_REQUEST, type HumanRequestLexicon } from './lexicons/human-request.js';
import { anyWord, clauses, fold } from './text.js';

/** Verb-final languages where the person comes before the verb. */
const VERB_FINAL = new Set(['de', 'nl']);
/** Words after a person that make it a thing, not someone to talk to ("agent number"). */
const NOT_A_CONTACT =
  '(?! (?:number|code|id|fee|portal|login|body|error|rights|resources|nummer|numero|numéro))';

interface CompiledRequest {
  patterns: RegExp[];
  negation: RegExp;
}

const compiled = new Map<string, CompiledRequest>();

function compile(language: string, lexicon: HumanRequestLexicon): CompiledRequest {
  const edge = (source: string) => `(?<![\\p{L}\\p{N}'])(?:${source})(?![\\p{L}\\p{N}])`;
  const fillers = `(?:(?:${anyWord(lexicon.filler)}) ){0,5}`;
  const person = `(?:${anyWord(lexicon.person)})`;
  const verbs = `(?:${anyWord([...lexicon.want, ...lexicon.contact])})`;
  const patterns = [
    new RegExp(edge(`${verbs} ${fillers}${person}`) + NOT_A_CONTACT, 'u'),
    ...lexicon.phrases.map((phrase) => new RegExp(edge(phrase), 'u')),
  ];
  if (VERB_FINAL.has(language)) {
    patterns.push(
      new RegExp(
        edge(
          `(?:mit|met|an|einen|eine|een) ${fillers}${person}(?: [\\p{L}']+){0,4} (?:${anyWord(lexicon.contact)})`,
        ),
        'u',
      ),
    );
  }
  const negation = new RegExp(
    `(?:^|\\s)(?:${anyWord(lexicon.negation)}|\\S+n't)(?:\\s\\S+){0,2}\\s*$`,
    'u',
  );
  return { patterns, negation };
}

function compiledFor(language: string): CompiledRequest | null {
  const cached = compiled.get(language);
  if (cached) return cached;
  const lexicon = HUMAN_REQUEST[language];
  if (!lexicon) return null;
  const result = compile(language, lexicon);
  compiled.set(language, result);
  return result;
}

function clauseRequests(clause: string, request: CompiledRequest): boolean {
  for (const pattern of request.patterns) {
    const match = pattern.exec(clause);
    if (!match) continue;
    const before = clause.slice(0, match.index);
    // A refusal of the bot is itself phrased with a negation, so only the person patterns are cancelled.
    const refusesBot =
      /\b(?:bot|robot|chatbot|machine|maquina|maschine|roboter|automaten|robo|computer|ai)\b/u.test(
        match[0],
      );
    if (!refusesBot && request.negation.test(before)) continue;
    return true;
  }
  return false;
}

/** True when the text asks for a person in any of the given languages. */
export function requestsHuman(text: string, languages: readonly string[]): boolean {
  const parts = clauses(fold(text));
  for (const language of languages) {
    const request = compiledFor(language);
    if (!request) continue;
    if (parts.some((clause) => clauseRequests(clause, request))) return true;
  }
  return false;
}
