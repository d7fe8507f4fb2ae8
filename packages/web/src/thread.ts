/** Orders a thread for display: replies follow their parent, indented, oldest first. */
import type { MessageView } from '@parley/domain';

export interface ThreadRow {
  message: MessageView;
  /** Nesting level; deep comment chains are capped so bubbles stay readable. */
  depth: number;
}

const MAX_DEPTH = 3;

/** `messages` must be oldest first. A reply whose parent is not loaded is shown at the top level. */
export function threadRows(messages: MessageView[]): ThreadRow[] {
  const ids = new Set(messages.map((message) => message.id));
  const children = new Map<string, MessageView[]>();
  const roots: MessageView[] = [];
  for (const message of messages) {
    if (message.parentId && message.parentId !== message.id && ids.has(message.parentId)) {
      const siblings = children.get(message.parentId) ?? [];
      siblings.push(message);
      children.set(message.parentId, siblings);
    } else {
      roots.push(message);
    }
  }

  const rows: ThreadRow[] = [];
  const shown = new Set<string>();
  const visit = (message: MessageView, depth: number) => {
    if (shown.has(message.id)) return;
    shown.add(message.id);
    rows.push({ message, depth: Math.min(depth, MAX_DEPTH) });
    for (const child of children.get(message.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // Messages caught in a parent cycle (bad platform data) are still shown, never dropped.
  for (const message of messages) visit(message, 0);
  return rows;
}
