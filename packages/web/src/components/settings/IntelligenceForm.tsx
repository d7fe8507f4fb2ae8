/** The workspace's topic list and safety-net triggers (PUT /api/analysis/settings). */
import type { AnalysisSettings } from '@parley/domain';
import { api } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  INTELLIGENCE_FIELD_NAMES,
  intelligenceChanges,
  intelligenceDraftOf,
  validateIntelligenceDraft,
} from '../../settings/intelligence-form';
import { FormActions } from './FormActions';
import { KeywordInput } from './KeywordInput';
import { EditForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  settings: AnalysisSettings;
  canEdit: boolean;
  onSaved: (settings: AnalysisSettings) => void;
}

export function IntelligenceForm({ settings, canEdit, onSaved }: Props) {
  const form = useSettingsForm({
    initial: intelligenceDraftOf(settings),
    validate: validateIntelligenceDraft,
    fieldNames: () => INTELLIGENCE_FIELD_NAMES,
    save: async (draft) => {
      const saved = await api.updateAnalysisSettings(intelligenceChanges(draft));
      onSaved(saved);
      return intelligenceDraftOf(saved);
    },
  });
  const { draft, update, errors } = form;

  return (
    <EditForm form={form} label="Conversation intelligence" canEdit={canEdit}>
      <KeywordInput
        label="Topics"
        words={draft.topics}
        onChange={(topics) => update({ topics })}
        placeholder="e.g. shipping, returns"
        hint="Each conversation is tagged with one to three of these; “other” is always available."
        error={errors.topics}
      />
      <fieldset className="settings-group">
        <legend>Safety net</legend>
        <KeywordInput
          label="Pause keywords"
          words={draft.safetyKeywords}
          onChange={(safetyKeywords) => update({ safetyKeywords })}
          placeholder="e.g. lawyer, chargeback"
          hint="A customer message containing one of these words pauses the AI on channels with the safety net on."
          error={errors.safetyKeywords}
        />
        <TextField
          label="Failed answers before pausing"
          type="number"
          min={0}
          max={10}
          value={draft.failedAnswers}
          onChange={(failedAnswers) => update({ failedAnswers })}
          hint="Pause when the assistant could not answer this many times in a row; 0 turns it off."
          error={errors.failedAnswers}
        />
      </fieldset>
      <FormActions
        status={form.status}
        saveLabel="Save"
        saveDisabled={!form.dirty}
        secondary={{ label: 'Discard changes', onClick: form.reset, disabled: !form.dirty }}
        formError={form.formError}
      />
    </EditForm>
  );
}
