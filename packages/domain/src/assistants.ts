/** Assistants' own rules: the model settings an assistant may override, and the name its
 * duplicate gets. */

export const MAX_ASSISTANT_NAME_LENGTH = 80;
export const MAX_MODEL_NAME_LENGTH = 100;
/** OpenAI's range; most compatible servers accept the same. */
export const MAX_TEMPERATURE = 2;

/** Per-assistant overrides of the configured model; null means "the server's default". */
export interface AssistantModelSettings {
  name: string | null;
  temperature: number | null;
}

/** "Ava (copy)", then "Ava (copy 2)", "Ava (copy 3)"... the first name nobody has yet; the
 * original is shortened when the suffix would push the name past the length limit. */
export function copyName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  for (let index = 1; ; index += 1) {
    const suffix = index === 1 ? ' (copy)' : ` (copy ${index})`;
    const base = name
      .trim()
      .slice(0, MAX_ASSISTANT_NAME_LENGTH - suffix.length)
      .trimEnd();
    const candidate = `${base}${suffix}`;
    if (!names.has(candidate)) return candidate;
  }
}
