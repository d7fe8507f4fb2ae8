/** Which PostgreSQL text search configuration fits a text: the analysis language detector's
 * verdict mapped to the configurations both back-ends ship; anything else is 'simple'. */
import { detectLanguage } from '../ai/analysis/language.js';

const CONFIGS: Record<string, string> = {
  de: 'german',
  en: 'english',
  es: 'spanish',
  fr: 'french',
  it: 'italian',
  nl: 'dutch',
  pt: 'portuguese',
};

export function searchConfigFor(text: string): string {
  return CONFIGS[detectLanguage(text)] ?? 'simple';
}
