/**
 * Messenger incoming builder: a Page's messaging webhook (`object: "page"`) as normalized
 * events. Messages, echoes, postbacks, edits, read and delivery receipts; reactions and
 * anything unknown are left out and reported.
 */
import { readEnvelope } from '../meta/envelope.js';
import {
  deliveryReceipt,
  eventTypeName,
  forEachMessagingEvent,
  postbackMessage,
  readReceipt,
  toInboundMessage,
} from '../meta/messaging.js';
import { emptyBatch, type ParsedBatch } from '../meta/parse-result.js';

export function parseMessengerWebhook(body: unknown): ParsedBatch {
  const envelope = readEnvelope(body);
  const batch = emptyBatch();
  if (envelope.object !== 'page') {
    batch.skipped.push({ reason: `object "${envelope.object}" is not a Page` });
    return batch;
  }
  forEachMessagingEvent(envelope, batch, (event, at, raw) => {
    if (event.message) {
      batch.events.push(toInboundMessage(event, event.message, at));
    } else if (event.postback) {
      batch.events.push(postbackMessage(event, event.postback, at));
    } else if (event.message_edit) {
      const { mid, text } = event.message_edit;
      batch.events.push({ type: 'edit', externalId: mid, text, editedAt: at });
    } else if (event.read) {
      batch.events.push(readReceipt(event, event.read));
    } else if (event.delivery) {
      batch.events.push(deliveryReceipt(event, event.delivery));
    } else {
      batch.skipped.push({ reason: eventTypeName(raw), ids: { sender: event.sender.id } });
    }
  });
  return batch;
}
