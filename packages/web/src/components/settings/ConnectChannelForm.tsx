/** Connects a new channel (POST /api/channels): pick a kind, name it, enter what that platform
 * needs. Secrets go in password inputs and are never shown again. */
import { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelKind } from '@parley/domain';
import { useId } from 'react';
import { type Assistant, api, type Channel } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  type ConnectDraft,
  connectFieldNames,
  MAX_CHANNEL_NAME_LENGTH,
  newChannelOf,
  validateConnectDraft,
} from '../../settings/connect-form';
import { CONNECTION_FIELDS } from '../../settings/connection-fields';
import { AssistantSelect } from './AssistantSelect';
import { FormActions } from './FormActions';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  assistants: Assistant[];
  onConnected: (channel: Channel) => void;
  onCancel: () => void;
}

const emptyDraft = (kind: ChannelKind, assistants: Assistant[]): ConnectDraft => ({
  kind,
  name: '',
  assistantId: assistants[0]?.id ?? '',
  values: {},
});

export function ConnectChannelForm({ assistants, onConnected, onCancel }: Props) {
  const id = useId();
  const form = useSettingsForm({
    initial: emptyDraft('messenger', assistants),
    validate: validateConnectDraft,
    fieldNames: (draft) => connectFieldNames(draft.kind),
    save: async (draft) => {
      onConnected(await api.connectChannel(newChannelOf(draft)));
      return emptyDraft(draft.kind, assistants);
    },
  });
  const { draft, update, errors } = form;
  const fields = CONNECTION_FIELDS[draft.kind];
  const setValue = (key: string, value: string) =>
    update({ values: { ...draft.values, [key]: value } });

  return (
    <CardForm form={form} title="Connect a channel">
      <div className="field">
        <label htmlFor={`${id}-kind`}>Channel type</label>
        <select
          id={`${id}-kind`}
          className="select"
          value={draft.kind}
          onChange={(event) => update({ kind: event.target.value as ChannelKind })}
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CHANNEL_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Name"
        required
        value={draft.name}
        onChange={(name) => update({ name })}
        maxLength={MAX_CHANNEL_NAME_LENGTH}
        placeholder="e.g. Shop Facebook Page"
        hint="How the channel appears in Parley."
        error={errors.name}
      />
      <AssistantSelect
        assistants={assistants}
        value={draft.assistantId}
        onChange={(assistantId) => update({ assistantId })}
        error={errors.assistantId}
      />
      <fieldset className="settings-group">
        <legend>{CHANNEL_LABELS[draft.kind]} connection</legend>
        {fields.length === 0 ? (
          <p className="field-hint">
            Nothing to enter: this channel needs no credentials. Parley also creates it by itself
            the first time a visitor starts a chat.
          </p>
        ) : (
          fields.map((field) => (
            <TextField
              // A new kind brings new fields; fresh inputs avoid carrying browser state over.
              key={`${draft.kind}-${field.key}`}
              label={field.label}
              required={field.required}
              secret={field.secret}
              type={field.inputType}
              placeholder={field.placeholder}
              hint={field.hint}
              value={draft.values[field.key] ?? ''}
              onChange={(value) => setValue(field.key, value)}
              error={errors[field.key]}
            />
          ))
        )}
      </fieldset>
      <FormActions
        status={form.status}
        saveLabel="Connect channel"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}
