/** When and how the AI answers on one channel (PUT /api/channels/:id/rules). */
import { type Assistant, api, type Channel } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  RULES_FIELD_NAMES,
  rulesChanges,
  rulesDraftOf,
  validateRulesDraft,
} from '../../settings/rules-form';
import { AssistantSelect } from './AssistantSelect';
import { CheckboxField } from './CheckboxField';
import { DelayRangeFields } from './DelayRangeFields';
import { FormActions } from './FormActions';
import { KeywordInput } from './KeywordInput';
import { EditForm } from './SettingsFormShell';

interface Props {
  channel: Channel;
  assistants: Assistant[];
  canEdit: boolean;
  onSaved: (channel: Channel) => void;
}

export function ChannelRulesForm({ channel, assistants, canEdit, onSaved }: Props) {
  const form = useSettingsForm({
    initial: rulesDraftOf(channel),
    validate: validateRulesDraft,
    fieldNames: () => RULES_FIELD_NAMES,
    save: async (draft) => {
      const saved = await api.updateChannelRules(channel.id, rulesChanges(draft, channel.kind));
      onSaved(saved);
      return rulesDraftOf(saved);
    },
  });
  const { draft, update, errors } = form;

  return (
    <EditForm form={form} label={`Rules for ${channel.name}`} canEdit={canEdit}>
      <AssistantSelect
        assistants={assistants}
        value={draft.assistantId}
        onChange={(assistantId) => update({ assistantId })}
        error={errors.assistantId}
      />
      <CheckboxField
        label="Auto-reply"
        checked={draft.autoReply}
        onChange={(autoReply) => update({ autoReply })}
        hint="The assistant answers new messages on its own. Off: only operators reply."
      />
      <DelayRangeFields
        min={draft.delayMin}
        max={draft.delayMax}
        onChange={update}
        minError={errors.delayMin}
        maxError={errors.delayMax}
      />
      <fieldset className="settings-group">
        <legend>Which messages the assistant answers</legend>
        <CheckboxField
          label="Questions only"
          checked={draft.questionsOnly}
          onChange={(questionsOnly) => update({ questionsOnly })}
          hint="Skip messages that do not look like a question, such as “thanks!”."
        />
        <KeywordInput
          label="Keywords"
          words={draft.keywords}
          onChange={(keywords) => update({ keywords })}
          placeholder="e.g. order, refund"
          hint="Answer only messages containing one of these words; empty answers all. Separate with a comma or Enter."
          error={errors.keywords}
        />
        {channel.kind === 'gmail' && (
          <KeywordInput
            label="Email subject keywords"
            words={draft.subjectKeywords}
            onChange={(subjectKeywords) => update({ subjectKeywords })}
            placeholder="e.g. invoice"
            hint="Answer only emails whose subject contains one of these; empty answers all."
            error={errors.subjectKeywords}
          />
        )}
      </fieldset>
      <CheckboxField
        label="Safety net: auto-pause"
        checked={draft.autoPause}
        onChange={(autoPause) => update({ autoPause })}
        hint="Pause the AI when a customer asks for a person or seems upset, so an operator takes over."
      />
      <FormActions
        status={form.status}
        saveLabel="Save rules"
        saveDisabled={!form.dirty}
        secondary={{ label: 'Discard changes', onClick: form.reset, disabled: !form.dirty }}
        formError={form.formError}
      />
    </EditForm>
  );
}
