/** What extraction makes of a file or page: its text as light Markdown, and a title if known. */
export interface Extracted {
  title?: string;
  markdown: string;
}
