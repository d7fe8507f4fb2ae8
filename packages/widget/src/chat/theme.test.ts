import { describe, expect, it } from 'vitest';
import { paletteFor } from './theme.js';

describe('paletteFor', () => {
  it('picks the more readable text colour for the accent', () => {
    expect(paletteFor('#1e3a8a')).toEqual({ accent: '#1e3a8a', onAccent: '#ffffff' });
    expect(paletteFor('#FDE047')).toEqual({ accent: '#fde047', onAccent: '#111827' });
    expect(paletteFor('#fff').accent).toBe('#ffffff');
  });

  it('falls back to the default accent for anything but a hex colour', () => {
    expect(paletteFor('red; background: url(x)').accent).toBe('#4f46e5');
    expect(paletteFor(null)).toEqual({ accent: '#4f46e5', onAccent: '#ffffff' });
  });
});
