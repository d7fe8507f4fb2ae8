import { describe, expect, it } from 'vitest';
import {
  type ConnectDraft,
  connectFieldNames,
  newChannelOf,
  validateConnectDraft,
} from './connect-form';
import { placeServerError } from './server-errors';

const messenger: ConnectDraft = {
  kind: 'messenger',
  name: ' Shop page ',
  assistantId: 'a1',
  values: {
    accountId: '1234567',
    accessToken: 'EAAB'.repeat(6),
    appSecret: 'f'.repeat(32),
    verifyToken: 'let-me-in-please',
    graphApiVersion: ' ',
    emailAddress: 'left over from another kind',
  },
};

describe('connect form', () => {
  it('accepts a complete Meta connection', () => {
    expect(validateConnectDraft(messenger)).toEqual({});
  });

  it('asks for a name and the required fields', () => {
    const errors = validateConnectDraft({ ...messenger, name: ' ', values: {} });
    expect(Object.keys(errors).sort()).toEqual([
      'accessToken',
      'accountId',
      'appSecret',
      'name',
      'verifyToken',
    ]);
  });

  it('needs only a name for widget kinds', () => {
    expect(validateConnectDraft({ ...messenger, kind: 'website_widget', values: {} })).toEqual({});
  });

  it('sends trimmed values of this kind only, without empty optional ones', () => {
    expect(newChannelOf(messenger)).toEqual({
      kind: 'messenger',
      name: 'Shop page',
      assistantId: 'a1',
      connection: {
        accountId: '1234567',
        accessToken: 'EAAB'.repeat(6),
        appSecret: 'f'.repeat(32),
        verifyToken: 'let-me-in-please',
      },
    });
    expect(newChannelOf({ ...messenger, kind: 'share_link', assistantId: '' })).toEqual({
      kind: 'share_link',
      name: 'Shop page',
      assistantId: null,
      connection: {},
    });
  });

  it('places the server’s messages at the fields it names', () => {
    const placed = placeServerError(
      'The connection details are not valid — accountId: The account id is the numeric id Meta shows.',
      connectFieldNames('messenger'),
    );
    expect(placed.fieldErrors).toEqual({
      accountId: 'The account id is the numeric id Meta shows.',
    });
    expect(
      placeServerError('The access token looks too short.', connectFieldNames('messenger'))
        .fieldErrors,
    ).toEqual({ accessToken: 'The access token looks too short.' });
  });
});
