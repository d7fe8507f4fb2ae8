/** Settings → Assistants: each assistant's profile, and how to put it on a website. */
import type { Assistant } from '../../api';
import { AssistantForm } from './AssistantForm';
import { AssistantInstall } from './AssistantInstall';

interface Props {
  assistants: Assistant[];
  canEdit: boolean;
  onAssistant: (assistant: Assistant) => void;
}

export function AssistantsSettings({ assistants, canEdit, onAssistant }: Props) {
  return (
    <section className="settings-section" aria-labelledby="assistants-title">
      <h2 id="assistants-title">Assistants</h2>
      <p className="settings-lede">
        The AI that answers your customers: its name, greeting and instructions, and where it may
        appear.
      </p>
      {assistants.length === 0 && <p className="settings-empty">No assistants yet.</p>}
      <ul className="settings-cards">
        {assistants.map((assistant) => (
          <li key={assistant.id}>
            <article className="settings-card" aria-labelledby={`assistant-${assistant.id}`}>
              <h3 id={`assistant-${assistant.id}`}>{assistant.name}</h3>
              <AssistantInstall assistant={assistant} />
              <AssistantForm assistant={assistant} canEdit={canEdit} onSaved={onAssistant} />
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
