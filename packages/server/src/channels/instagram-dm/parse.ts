/**
 * Instagram DM incoming builder: the account's messaging webhook (`object: "instagram"`) as
 * normalized events. Messages (story mentions and story replies included), echoes, unsends,
 * postbacks and seen receipts; reactions and anything unknown are left out and reported.
 */
import { readEnvelope } from '../meta/envelope.js';
import {
  eventTypeName,
  forEachMessagingEvent,
  postbackMessage,
  readReceipt,
  toInboundMessage,
} from '../meta/messaging.js';
import { emptyBatch, type ParsedBatch } from '../meta/parse-result.js';

export function parseInstagramDmWebhook(body: unknown): ParsedBatch {
  const envelope = readEnvelope(body);
  const batch = emptyBatch();
  if (envelope.object !== 'instagram') {
    batch.skipped.push({ reason: `object "${envelope.object}" is not Instagram` });
    return batch;
  }
  forEachMessagingEvent(envelope, batch, (event, at, raw) => {
    const message = event.message;
    if (message?.is_deleted) {
      // The person unsent the message.
      batch.events.push({ type: 'removal', externalId: message.mid, removedAt: at });
    } else if (message?.is_unsupported) {
      batch.skipped.push({ reason: 'unsupported message', ids: { mid: message.mid } });
    } else if (message) {
      batch.events.push(toInboundMessage(event, message, at));
    } else if (event.postback) {
      batch.events.push(postbackMessage(event, event.postback, at));
    } else if (event.read) {
      batch.events.push(readReceipt(event, event.read));
    } else {
      batch.skipped.push({ reason: eventTypeName(raw), ids: { sender: event.sender.id } });
    }
  });
  return batch;
}
