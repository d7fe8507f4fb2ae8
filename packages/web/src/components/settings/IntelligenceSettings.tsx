/** Settings → Intelligence: the topic list, the safety-net triggers and the backfill. */
import type { AnalysisSettings } from '@parley/domain';
import { BackfillProgress } from './BackfillProgress';
import { IntelligenceForm } from './IntelligenceForm';

interface Props {
  settings: AnalysisSettings;
  canEdit: boolean;
  onSaved: (settings: AnalysisSettings) => void;
}

export function IntelligenceSettings({ settings, canEdit, onSaved }: Props) {
  return (
    <section className="settings-section" aria-labelledby="intelligence-title">
      <h2 id="intelligence-title">Intelligence</h2>
      <p className="settings-lede">
        Every conversation gets a summary, topics, the customer’s sentiment, unanswered questions
        and open action items. Whether the safety net runs is set per channel.
      </p>
      <IntelligenceForm settings={settings} canEdit={canEdit} onSaved={onSaved} />
      <BackfillProgress canEdit={canEdit} />
    </section>
  );
}
