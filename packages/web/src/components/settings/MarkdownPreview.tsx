/** The article editor's preview. The renderer escapes all input first and builds only a few
 * known tags, which is what makes setting its HTML safe (settings/markdown-preview.ts). */
import { renderMarkdown } from '../../settings/markdown-preview';

export function MarkdownPreview({ source, id }: { source: string; id: string }) {
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        Preview
      </span>
      <section
        className="markdown-preview"
        aria-labelledby={`${id}-label`}
        data-testid="markdown-preview"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes everything first
        dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
      />
    </div>
  );
}
