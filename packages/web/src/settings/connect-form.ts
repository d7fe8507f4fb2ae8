/** The "connect a channel" form: its draft, checks, and the POST /api/channels body. */
import type { ChannelKind } from '@parley/domain';
import type { NewChannel } from '../api';
import { CONNECTION_FIELDS, connectionFieldError } from './connection-fields';
import type { FieldNames } from './server-errors';

export const MAX_CHANNEL_NAME_LENGTH = 120;

export interface ConnectDraft {
  kind: ChannelKind;
  name: string;
  /** Empty means no assistant answers yet. */
  assistantId: string;
  /** Values typed per connection field key; fields of other kinds are ignored. */
  values: Record<string, string>;
}

/** `name`, `assistantId`, or a connection field key. */
export type ConnectErrors = Record<string, string>;

export function validateConnectDraft(draft: ConnectDraft): ConnectErrors {
  const errors: ConnectErrors = {};
  const name = draft.name.trim();
  if (name === '') errors.name = 'Give the channel a name.';
  else if (name.length > MAX_CHANNEL_NAME_LENGTH) {
    errors.name = `Keep the name under ${MAX_CHANNEL_NAME_LENGTH} characters.`;
  }
  for (const field of CONNECTION_FIELDS[draft.kind]) {
    const error = connectionFieldError(field, draft.values[field.key] ?? '');
    if (error) errors[field.key] = error;
  }
  return errors;
}

/** Trimmed values of this kind's fields; empty optional fields are left out so the server
 * applies its defaults. */
export function newChannelOf(draft: ConnectDraft): NewChannel {
  const connection: Record<string, string> = {};
  for (const field of CONNECTION_FIELDS[draft.kind]) {
    const value = (draft.values[field.key] ?? '').trim();
    if (value !== '') connection[field.key] = value;
  }
  return {
    kind: draft.kind,
    name: draft.name.trim(),
    assistantId: draft.assistantId || null,
    connection,
  };
}

/** How the server may name each field of this kind in a 400 message. */
export function connectFieldNames(kind: ChannelKind): FieldNames<string>[] {
  return [
    ...CONNECTION_FIELDS[kind].map((field) => ({
      field: field.key,
      names: [field.key, `connection.${field.key}`, field.label],
    })),
    { field: 'assistantId', names: ['assistantId', 'assistant'] },
    { field: 'name', names: ['name'] },
  ];
}
