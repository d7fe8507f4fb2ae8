import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSecret, totpCodeAt, totpUrl } from './totp.js';

const secret = newTotpSecret();
const at = new Date('2026-03-01T12:00:10Z');
const step = Math.floor(at.getTime() / 30_000);
const shifted = (steps: number) => new Date(at.getTime() + steps * 30_000);

describe('TOTP', () => {
  it('accepts the current code and says which time step it belongs to', () => {
    expect(matchTotp(secret, totpCodeAt(secret, at), at)).toBe(step);
  });

  it('accepts codes one step early or late (clock drift), not two', () => {
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-1)), at)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(1)), at)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-2)), at)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(2)), at)).toBeNull();
  });

  it('refuses codes of another secret and anything but six digits', () => {
    expect(matchTotp(newTotpSecret(), totpCodeAt(secret, at), at)).toBeNull();
    expect(matchTotp(secret, `${totpCodeAt(secret, at)} `, at)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at)).toBeNull();
    expect(matchTotp(secret, '', at)).toBeNull();
  });

  it('builds the otpauth URL authenticator apps scan', () => {
    const url = new URL(totpUrl(secret, 'maria@shop.example'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('Parley');
    expect(decodeURIComponent(url.pathname)).toContain('maria@shop.example');
  });
});
