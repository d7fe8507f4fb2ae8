import { describe, expect, it } from 'vitest';
import { type FieldNames, placeServerError } from './server-errors';

type Field = 'name' | 'accountId' | 'appSecret' | 'accessToken';

const FIELDS: FieldNames<Field>[] = [
  { field: 'name', names: ['name'] },
  { field: 'accountId', names: ['accountId', 'account id'] },
  { field: 'appSecret', names: ['appSecret', 'app secret'] },
  { field: 'accessToken', names: ['accessToken', 'access token'] },
];

describe('placeServerError', () => {
  it('splits a summary with several field problems', () => {
    const placed = placeServerError(
      'The connection details are not valid — accountId: The account id is numeric.; appSecret: The app secret is 32 hex characters.',
      FIELDS,
    );
    expect(placed.fieldErrors).toEqual({
      accountId: 'The account id is numeric.',
      appSecret: 'The app secret is 32 hex characters.',
    });
    expect(placed.formError).toBe('The connection details are not valid');
  });

  it('recognises a field named in words or as a request path', () => {
    expect(placeServerError('The access token looks too short.', FIELDS).fieldErrors).toEqual({
      accessToken: 'The access token looks too short.',
    });
    expect(placeServerError('body/name Too small', FIELDS).fieldErrors).toEqual({
      name: 'Too small',
    });
  });

  it('splits request validation messages listing several fields', () => {
    const placed = placeServerError(
      'body/name Too small: expected string to have >=1 characters, body/connection/appSecret Invalid input',
      FIELDS,
    );
    expect(placed).toEqual({
      fieldErrors: {
        name: 'Too small: expected string to have >=1 characters',
        appSecret: 'Invalid input',
      },
      formError: null,
    });
  });

  it('does not mistake a word that merely contains a name', () => {
    const placed = placeServerError('That username is taken.', FIELDS);
    expect(placed).toEqual({ fieldErrors: {}, formError: 'That username is taken.' });
  });

  it('keeps messages about no field for the whole form', () => {
    expect(placeServerError('Only admins can change settings.', FIELDS)).toEqual({
      fieldErrors: {},
      formError: 'Only admins can change settings.',
    });
  });
});
