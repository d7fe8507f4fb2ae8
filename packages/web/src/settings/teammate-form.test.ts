import { describe, expect, it } from 'vitest';
import { placeServerError } from './server-errors';
import {
  EMPTY_TEAMMATE,
  looksLikeEmail,
  newTeammateOf,
  TEAMMATE_FIELD_NAMES,
  type TeammateDraft,
  validateTeammateDraft,
} from './teammate-form';

const tomas: TeammateDraft = {
  name: ' Tomas Agent ',
  email: ' Tomas@Parley.Local ',
  password: 'ten chars!',
  role: 'agent',
};

describe('add-teammate form', () => {
  it('accepts a complete teammate', () => {
    expect(validateTeammateDraft(tomas)).toEqual({});
    expect(validateTeammateDraft({ ...tomas, role: 'admin' })).toEqual({});
  });

  it('asks for every field of an empty form, and starts as an agent', () => {
    expect(EMPTY_TEAMMATE.role).toBe('agent');
    expect(Object.keys(validateTeammateDraft(EMPTY_TEAMMATE)).sort()).toEqual([
      'email',
      'name',
      'password',
    ]);
    expect(validateTeammateDraft({ ...tomas, name: '   ' }).name).toBe('Enter their name.');
  });

  it('needs a password of at least 10 characters, counted as typed', () => {
    expect(validateTeammateDraft({ ...tomas, password: '123456789' }).password).toBe(
      'Passwords need at least 10 characters.',
    );
    expect(validateTeammateDraft({ ...tomas, password: '1234567890' }).password).toBeUndefined();
    // Spaces are part of a password, not padding to trim.
    expect(validateTeammateDraft({ ...tomas, password: '    abc   ' }).password).toBeUndefined();
    expect(validateTeammateDraft({ ...tomas, password: 'x'.repeat(201) }).password).toMatch(
      /200 characters or fewer/,
    );
  });

  it('knows an email address from something that is not one', () => {
    for (const email of ['tomas@parley.local', 'a.b+c@shop.example.com']) {
      expect(looksLikeEmail(email)).toBe(true);
    }
    for (const email of ['tomas', 'tomas@', '@parley.local', 'to mas@parley.local', 'x@local']) {
      expect(looksLikeEmail(email)).toBe(false);
    }
    expect(validateTeammateDraft({ ...tomas, email: 'tomas' }).email).toBe(
      'Enter an email address like name@example.com.',
    );
    expect(validateTeammateDraft({ ...tomas, email: `${'a'.repeat(320)}@x.io` }).email).toBe(
      'That email address is too long.',
    );
  });

  it('refuses a role the server does not know', () => {
    expect(validateTeammateDraft({ ...tomas, role: 'owner' as TeammateDraft['role'] }).role).toBe(
      'Choose a role.',
    );
  });

  it('sends a trimmed name and a trimmed, lower-case email, and the password untouched', () => {
    expect(newTeammateOf({ ...tomas, password: ' spaced out ' })).toEqual({
      name: 'Tomas Agent',
      email: 'tomas@parley.local',
      password: ' spaced out ',
      role: 'agent',
    });
  });

  it('places the server’s messages at the fields they are about', () => {
    expect(
      placeServerError('Someone already signs in with this email address.', TEAMMATE_FIELD_NAMES),
    ).toEqual({
      fieldErrors: { email: 'Someone already signs in with this email address.' },
      formError: null,
    });
    expect(
      placeServerError(
        'body/email Invalid email address, body/password Passwords need at least 10 characters.',
        TEAMMATE_FIELD_NAMES,
      ).fieldErrors,
    ).toEqual({
      email: 'Invalid email address',
      password: 'Passwords need at least 10 characters.',
    });
    expect(
      placeServerError('Only workspace admins can change this.', TEAMMATE_FIELD_NAMES).formError,
    ).toBe('Only workspace admins can change this.');
  });
});
