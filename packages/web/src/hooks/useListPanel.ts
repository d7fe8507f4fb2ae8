/**
 * What the settings lists with an "add" panel and a confirm step share: which panel is open,
 * which row awaits confirmation, and a result note that takes the focus (the row whose button
 * had it may be gone), with focus back on the opener when the panel closes.
 */
import { useEffect, useRef, useState } from 'react';

export function useListPanel<Panel extends { state: string }, Row>(closed: Panel) {
  const [panel, setPanel] = useState<Panel>(closed);
  const [confirming, setConfirming] = useState<Row | null>(null);
  // A fresh object per outcome, so the same message twice still takes the focus.
  const [outcome, setOutcome] = useState<{ text: string } | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const outcomeNote = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (outcome) outcomeNote.current?.focus();
  }, [outcome]);

  return {
    panel,
    setPanel,
    confirming,
    setConfirming,
    outcome,
    announce: (text: string) => setOutcome({ text }),
    clearOutcome: () => setOutcome(null),
    opener,
    outcomeNote,
    close: () => {
      setPanel(closed);
      opener.current?.focus();
    },
  };
}
