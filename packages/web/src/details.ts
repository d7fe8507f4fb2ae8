/** Turns a conversation's free-form facts (Shopify shop and customer, ...) into short
 * label/value pairs for the thread header. */
import type { ConversationCard } from '@parley/domain';
import { safeHttpUrl } from './format';

export interface Detail {
  label: string;
  value: string;
  /** Set when the value is a web link worth opening. */
  href: string | null;
}

const MAX_DETAILS = 8;

/** Metadata the thread presents in its own way (the commented post, private-reply links) or
 * that only the server needs (Gmail's threading headers). */
const SHOWN_ELSEWHERE = new Set([
  'post',
  'caption',
  'mediaId',
  'postId',
  'privateReplyConversationId',
  'privateReplyTo',
  'gmail',
]);
const MAX_VALUE_LENGTH = 160;

/** `shopDomain` / `customer_id` → "Shop domain" / "Customer id". */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isPrimitive(value: unknown): value is string | number | boolean {
  return ['string', 'number', 'boolean'].includes(typeof value);
}

function detail(label: string, raw: string | number | boolean): Detail {
  const value = String(raw);
  const href = /^https?:\/\//i.test(value) ? safeHttpUrl(value) : null;
  const short = value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  return { label, value: short, href };
}

/** Contact attributes first, then metadata one level deep (e.g. `order.id` → "Order id"). */
export function conversationDetails(card: ConversationCard): Detail[] {
  const details: Detail[] = [];
  for (const [key, value] of Object.entries(card.contact.attributes)) {
    details.push(detail(humanize(key), value));
  }
  for (const [key, value] of Object.entries(card.metadata)) {
    if (SHOWN_ELSEWHERE.has(key)) continue;
    if (isPrimitive(value)) {
      details.push(detail(humanize(key), value));
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [childKey, child] of Object.entries(value)) {
        if (isPrimitive(child)) details.push(detail(humanize(`${key} ${childKey}`), child));
      }
    }
  }
  const seen = new Set<string>();
  return details
    .filter((item) => item.value !== '' && !seen.has(item.label) && seen.add(item.label))
    .slice(0, MAX_DETAILS);
}
