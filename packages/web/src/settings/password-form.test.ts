import { describe, expect, it } from 'vitest';
import { validatePasswordDraft } from './password-form';

const valid = {
  current: 'old-password-1',
  next: 'violet-harbor-canoe',
  repeat: 'violet-harbor-canoe',
};

describe('change password form', () => {
  it('accepts a current password and a repeated new one', () => {
    expect(validatePasswordDraft(valid)).toEqual({});
  });

  it('needs the current password, a new one of 10–200 characters, typed twice', () => {
    expect(validatePasswordDraft({ ...valid, current: '' }).current).toMatch(/current password/);
    expect(validatePasswordDraft({ ...valid, next: 'short', repeat: 'short' }).next).toMatch(
      /at least 10/,
    );
    const long = 'x'.repeat(201);
    expect(validatePasswordDraft({ ...valid, next: long, repeat: long }).next).toMatch(/200/);
    expect(validatePasswordDraft({ ...valid, repeat: 'violet-harbor-canoes' }).repeat).toMatch(
      /differ/,
    );
  });

  it('refuses the same password again', () => {
    const same = { current: valid.next, next: valid.next, repeat: valid.next };
    expect(validatePasswordDraft(same).next).toMatch(/different/);
  });
});
