import { describe, expect, it } from 'vitest';
import {
  API_KEY_FIELD_NAMES,
  EMPTY_API_KEY,
  newApiKeyOf,
  validateApiKeyDraft,
} from './api-key-form';
import { placeServerError } from './server-errors';

describe('create-API-key form', () => {
  it('needs a name, and starts with the agent role', () => {
    expect(EMPTY_API_KEY.role).toBe('agent');
    expect(validateApiKeyDraft(EMPTY_API_KEY)).toEqual({
      name: 'Name the key after what will use it.',
    });
    expect(validateApiKeyDraft({ name: 'Nightly export', role: 'admin' })).toEqual({});
  });

  it('keeps names within the server’s limit', () => {
    expect(validateApiKeyDraft({ name: 'x'.repeat(100), role: 'agent' })).toEqual({});
    expect(validateApiKeyDraft({ name: 'x'.repeat(101), role: 'agent' }).name).toMatch(/100/);
  });

  it('sends the trimmed name and the role', () => {
    expect(newApiKeyOf({ name: '  CRM sync ', role: 'admin' })).toEqual({
      name: 'CRM sync',
      role: 'admin',
    });
  });

  it('places a request check at the name field', () => {
    expect(
      placeServerError(
        'body/name Too small: expected string to have >=1 characters',
        API_KEY_FIELD_NAMES,
      ).fieldErrors,
    ).toEqual({ name: 'Too small: expected string to have >=1 characters' });
  });
});
