/** What the business still owes the customer, each with a tick box. */
import type { ActionItem } from '@parley/domain';
import { useState } from 'react';

interface Props {
  items: ActionItem[];
  onDone: (itemId: string, done: boolean) => Promise<void>;
}

export function ActionItemList({ items, onDone }: Props) {
  const [saving, setSaving] = useState<string | null>(null);
  const toggle = async (item: ActionItem) => {
    setSaving(item.id);
    try {
      await onDone(item.id, !item.done);
    } finally {
      setSaving(null);
    }
  };
  return (
    <fieldset className="action-items" data-testid="action-items">
      <legend>Action items</legend>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <label
              className={item.done ? 'check action-item action-item--done' : 'check action-item'}
            >
              <input
                type="checkbox"
                checked={item.done}
                disabled={saving === item.id}
                onChange={() => void toggle(item)}
              />
              <span>{item.text}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
