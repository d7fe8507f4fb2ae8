/** Files and media sent with a message: kind, name and size. Customer-supplied links are only
 * followed when they are plain web links. */
import type { Attachment } from '@parley/domain';
import { fileSize, safeHttpUrl } from '../format';

export function AttachmentList({ attachments }: { attachments: Attachment[] }) {
  return (
    <ul className="attachments" aria-label="Attachments">
      {attachments.map((attachment, index) => {
        const href = safeHttpUrl(attachment.url);
        const label = attachment.name ?? attachment.url ?? 'Unnamed attachment';
        const size = attachment.size === undefined ? '' : fileSize(attachment.size);
        return (
          // Attachments carry no id of their own; their order in a message never changes.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} title={attachment.mimeType}>
            <span className="attachment-type">{attachment.type}</span>{' '}
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              <span className="attachment-name">{label}</span>
            )}
            {size && <span className="attachment-size">{size}</span>}
          </li>
        );
      })}
    </ul>
  );
}
