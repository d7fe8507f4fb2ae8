/** Small display formatters shared by the list and the thread. */
import type { MessageAuthor, MessageStatus } from '@parley/domain';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "2 h ago", "3 d ago". */
export function relativeTime(iso: string, now: Date): string {
  const age = Math.max(0, now.getTime() - new Date(iso).getTime());
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  return `${Math.floor(age / DAY)} d ago`;
}

export function fullTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A day, e.g. "Jan 10, 2026", for when something was created. */
export function calendarDate(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** Time of day for today's messages; older ones also need their date to be unambiguous. */
export function messageTime(iso: string, now = new Date()): string {
  const date = new Date(iso);
  const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  return date.toDateString() === now.toDateString()
    ? date.toLocaleTimeString(undefined, time)
    : date.toLocaleString(undefined, { ...time, month: 'short', day: 'numeric' });
}

export const AUTHOR_LABELS: Record<Exclude<MessageAuthor, 'contact'>, string> = {
  assistant: 'AI assistant',
  operator: 'Operator',
  business: 'Business',
};

export const DELIVERY_LABELS: Record<Exclude<MessageStatus, 'received'>, string> = {
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
};

/** Customer-supplied URLs are only linked when they are plain web links (no `javascript:`). */
export function safeHttpUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const SIZE_UNITS = ['KB', 'MB', 'GB'];

/** "840 B", "12 KB", "3.4 MB": one decimal only while the number is small. */
export function fileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Compared after rounding, so 1,048,500 bytes reads "1 MB" rather than "1024 KB".
  while (Math.round(value) >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${SIZE_UNITS[unit]}`;
}
