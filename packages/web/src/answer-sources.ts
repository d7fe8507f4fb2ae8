/** How the thread names and links the knowledge an assistant reply answered from. */
import type { AnswerSource } from '@parley/domain';

/** "Returns policy § Refunds": the source and, when the passage sits under one, its heading. */
export function sourceLabel(source: AnswerSource): string {
  return source.heading ? `${source.title} § ${source.heading}` : source.title;
}

/** URL sources link to the page; the others to the knowledge settings, where they are edited. */
export function sourceHref(source: AnswerSource): string {
  return source.url ?? `/settings/knowledge#source-${source.sourceId}`;
}
