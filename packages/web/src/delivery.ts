/** What the operator needs to know about an outbound message that has not gone out (yet). */
import type { MessageView } from '@parley/domain';

export interface DeliveryNote {
  /** `failed`: given up; `retrying`: a temporary failure, the server tries again. */
  kind: 'failed' | 'retrying' | 'error';
  text: string;
}

/** The send job marks a temporary failure it will retry as `queued` with this prefix. */
const RETRY_PREFIX = 'Retrying:';

export function deliveryNote(message: Pick<MessageView, 'status' | 'error'>): DeliveryNote | null {
  const error = message.error?.trim() || null;
  if (message.status === 'failed') {
    return { kind: 'failed', text: error ?? 'The message could not be delivered.' };
  }
  if (!error) return null;
  if (message.status === 'queued' && error.startsWith(RETRY_PREFIX)) {
    return { kind: 'retrying', text: error.slice(RETRY_PREFIX.length).trim() };
  }
  return { kind: 'error', text: error };
}
