/**
 * Action items across re-analyses: an analyzer only says what is still owed; an operator's
 * tick must survive the next analysis, so items are matched by their text.
 */
import type { ActionItem } from './analysis.js';

/** Case, spacing and trailing punctuation do not make a different item. */
export function actionItemKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s.!;:,]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The analyzer's items, keeping the id and done-state of earlier items with the same text. */
export function mergeActionItems(
  previous: readonly ActionItem[],
  next: readonly { text: string }[],
  newId: () => string,
): ActionItem[] {
  const earlier = new Map(previous.map((item) => [actionItemKey(item.text), item]));
  const merged: ActionItem[] = [];
  const seen = new Set<string>();
  for (const { text } of next) {
    const key = actionItemKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const known = earlier.get(key);
    merged.push(
      known ? { ...known, text } : { id: newId(), text, done: false, doneAt: null, doneBy: null },
    );
  }
  return merged;
}

/** Null when no item has that id. */
export function markActionItem(
  items: readonly ActionItem[],
  itemId: string,
  change: { done: boolean; by: string; at: Date },
): ActionItem[] | null {
  if (!items.some((item) => item.id === itemId)) return null;
  return items.map((item) =>
    item.id !== itemId
      ? item
      : change.done
        ? { ...item, done: true, doneAt: change.at.toISOString(), doneBy: change.by }
        : { ...item, done: false, doneAt: null, doneBy: null },
  );
}
