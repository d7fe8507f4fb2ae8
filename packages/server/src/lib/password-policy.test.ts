import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { assertStrongPassword, passwordProblem } from './password-policy.js';

const owner = { email: 'maria.lopez@shop.example', name: 'Maria Lopez' };

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('blue-kettle-orbit-42', owner)).toBeNull();
    expect(passwordProblem('correct horse battery', owner)).toBeNull();
  });

  it('refuses passwords shorter than 10 or longer than 200 characters', () => {
    expect(passwordProblem('a', owner)).toMatch(/at least 10 characters/);
    expect(passwordProblem('Zq8!vT2#', owner)).toMatch(/at least 10 characters/);
    expect(passwordProblem('x9'.repeat(101), owner)).toMatch(/at most 200 characters/);
  });

  it('refuses common and breached passwords, saying why', () => {
    expect(passwordProblem('password123', owner)).toMatch(/too easy to guess/);
    expect(passwordProblem('qwertyuiop', owner)).toMatch(/frequently used password/);
    expect(passwordProblem('1qaz2wsx3edc', owner)).toMatch(/too easy to guess/);
    expect(passwordProblem('Password123!', owner)).toMatch(/similar to a commonly used password/);
  });

  it('refuses passwords built from the email, the name or "parley"', () => {
    const personal = /must not contain the email address, the name or “parley”/;
    expect(passwordProblem('maria.lopez-2024-xyz', owner)).toMatch(personal);
    expect(passwordProblem('Lopez-orbit-kettle-7', owner)).toMatch(personal);
    expect(passwordProblem('my-PARLEY-orbit-kettle', owner)).toMatch(personal);
    // Short name parts are too common to forbid.
    expect(passwordProblem('blue-kettle-orbit-42', { email: 'jo@x.io', name: 'Jo Li' })).toBeNull();
  });

  it('throws a 400 weak_password error for use at the HTTP boundary', () => {
    try {
      assertStrongPassword('a', owner);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 400, code: 'weak_password' });
    }
  });
});
