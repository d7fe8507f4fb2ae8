/** The thread header's headline and byline, per channel: an email thread is known by its
 * subject, every other conversation by the person on the other side. */
import { CHANNEL_LABELS, type ConversationCard, contactLabel } from '@parley/domain';

export interface ThreadHeading {
  title: string;
  subtitle: string;
  /** A subject that is not already the title. */
  subject: string | null;
}

export function threadHeading(card: ConversationCard, assistantName: string | null): ThreadHeading {
  const contact = contactLabel(card.contact);
  const handles = [card.contact.email, card.contact.username && `@${card.contact.username}`].filter(
    (value): value is string => Boolean(value) && value !== contact,
  );
  const subject = card.subject?.trim() || null;
  const emailTitle = card.channelKind === 'gmail' && subject !== null;
  const subtitle = [
    CHANNEL_LABELS[card.channelKind],
    ...(emailTitle ? [contact] : []),
    ...handles,
    assistantName && `Assistant: ${assistantName}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return emailTitle
    ? { title: subject, subtitle, subject: null }
    : { title: contact, subtitle, subject };
}
