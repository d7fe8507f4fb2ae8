/** A string key-value store: `Storage` satisfies it, and so does the in-memory fallback. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Web storage may be missing or throw (third-party storage blocked in iframes, Safari private
 * mode, a full quota). The chat must keep working for the page's lifetime anyway, so every
 * value is also kept in memory.
 */
export function safeStorage(open: () => Storage): KeyValueStore {
  const memory = new Map<string, string>();
  let storage: Storage | null = null;
  try {
    storage = open();
  } catch {
    // No web storage at all: memory only.
  }
  return {
    getItem(key) {
      try {
        const stored = storage?.getItem(key);
        if (stored != null) return stored;
      } catch {
        // Reading was refused: fall through to memory.
      }
      return memory.get(key) ?? null;
    },
    setItem(key, value) {
      memory.set(key, value);
      try {
        storage?.setItem(key, value);
      } catch {
        // Writing was refused: memory still has it.
      }
    },
  };
}
