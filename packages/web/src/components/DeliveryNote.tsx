/** Why an outbound message has not gone out: given up (failed) or trying again (retrying). */
import type { MessageView } from '@parley/domain';
import { deliveryNote } from '../delivery';

const HEADINGS = { failed: 'Not delivered', retrying: 'Retrying', error: null } as const;

export function DeliveryNote({ message }: { message: MessageView }) {
  const note = deliveryNote(message);
  if (!note) return null;
  const heading = HEADINGS[note.kind];
  return (
    <p
      className={`message-note message-note--${note.kind}`}
      role={note.kind === 'failed' ? 'alert' : undefined}
      data-testid="delivery-note"
    >
      {heading && <strong>{heading}</strong>}
      {heading && note.text && ' · '}
      {note.text}
    </p>
  );
}
