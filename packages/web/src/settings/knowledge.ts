/** The knowledge page's rules: labels, which sources to poll, which files to offer. */
import type { Assistant, KnowledgeSource } from '../api';

export const KIND_LABELS: Record<KnowledgeSource['kind'], string> = {
  article: 'Article',
  qa: 'Q&A pair',
  file: 'File',
  url: 'Web page',
};

export const STATUS_LABELS: Record<KnowledgeSource['status'], string> = {
  indexing: 'Indexing…',
  ready: 'Ready',
  failed: 'Failed',
};

/** What the server can extract text from (knowledge/extract). */
export const ACCEPTED_FILES = '.md,.markdown,.txt,.html,.htm,.pdf,.docx';

/** While any source is indexing, the list refreshes so its state changes show. */
export const POLL_MS = 1500;

/** The element id answer provenance links to (`/settings/knowledge#source-<id>`). */
export function sourceAnchor(id: string): string {
  return `source-${id}`;
}

export function anyIndexing(sources: readonly KnowledgeSource[]): boolean {
  return sources.some((source) => source.status === 'indexing');
}

/** Adds or replaces `source`, newest first like the server lists them. */
export function putSource(sources: KnowledgeSource[], source: KnowledgeSource): KnowledgeSource[] {
  return sources.some((item) => item.id === source.id)
    ? sources.map((item) => (item.id === source.id ? source : item))
    : [source, ...sources];
}

/** Who answers from a source: an assistant by name, or all of them. */
export function ownerLabel(source: KnowledgeSource, assistants: readonly Assistant[]): string {
  if (source.assistantId === null) return 'Shared';
  return assistants.find((assistant) => assistant.id === source.assistantId)?.name ?? 'Assistant';
}

/** The part of a `data:` URL after the comma: a FileReader result as plain base64. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** The file's contents as base64, for the JSON upload. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result)));
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
