export interface Palette {
  accent: string;
  /** Text colour readable on the accent. */
  onAccent: string;
}

const DEFAULT_ACCENT = '#4f46e5';
const LIGHT_TEXT = '#ffffff';
const DARK_TEXT = '#111827';

/** The accent comes from the assistant's settings; anything but a hex colour falls back. */
export function paletteFor(color: string | null): Palette {
  const accent = (color && expandHex(color.trim())) || DEFAULT_ACCENT;
  return { accent, onAccent: readableTextOn(accent) };
}

export function applyPalette(element: HTMLElement, palette: Palette): void {
  element.style.setProperty('--parley-accent', palette.accent);
  element.style.setProperty('--parley-on-accent', palette.onAccent);
}

function expandHex(color: string): string | null {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  if (!match?.[1]) return null;
  const digits = match[1].toLowerCase();
  const full = digits.length === 3 ? digits.replace(/./g, (digit) => digit + digit) : digits;
  return `#${full}`;
}

/** White or near-black, whichever contrasts more with the accent (WCAG 2 contrast ratio). */
function readableTextOn(accent: string): string {
  const background = luminance(accent);
  const contrastWithLight = (luminance(LIGHT_TEXT) + 0.05) / (background + 0.05);
  const contrastWithDark = (background + 0.05) / (luminance(DARK_TEXT) + 0.05);
  return contrastWithLight >= contrastWithDark ? LIGHT_TEXT : DARK_TEXT;
}

function luminance(hex: string): number {
  const [red = 0, green = 0, blue = 0] = [1, 3, 5].map((start) => {
    const value = Number.parseInt(hex.slice(start, start + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}
