/** Settings → Assistants: each assistant's profile, how to put it on a website, and — for
 * admins — new assistants, copies of one, and deleting one no channel uses any more. */
import { useState } from 'react';
import { type Assistant, api } from '../../api';
import { useListPanel } from '../../hooks/useListPanel';
import { AssistantForm } from './AssistantForm';
import { AssistantInstall } from './AssistantInstall';
import { ConfirmDialog } from './ConfirmDialog';
import { NewAssistantForm } from './NewAssistantForm';

interface Props {
  assistants: Assistant[];
  canEdit: boolean;
  modelSettingsAvailable: boolean;
  /** A saved, created or duplicated assistant. */
  onAssistant: (assistant: Assistant) => void;
  onDeleted: (id: string) => void;
}

type Panel = { state: 'closed' } | { state: 'creating' };
const CLOSED: Panel = { state: 'closed' };

export function AssistantsSettings({
  assistants,
  canEdit,
  modelSettingsAvailable,
  onAssistant,
  onDeleted,
}: Props) {
  const list = useListPanel<Panel, Assistant>(CLOSED);
  const { panel, setPanel, close } = list;
  const deleting = list.confirming;
  const setDeleting = list.setConfirming;
  const [duplicating, setDuplicating] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const duplicate = async (assistant: Assistant) => {
    list.clearOutcome();
    setFailure(null);
    setDuplicating(assistant.id);
    try {
      const copy = await api.duplicateAssistant(assistant.id);
      onAssistant(copy);
      list.announce(
        `“${copy.name}” was created from “${assistant.name}”, with its own embed key and share link.`,
      );
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'Duplicating failed. Try again.');
    } finally {
      setDuplicating(null);
    }
  };

  // A refusal (channels still use it) rejects, and the dialog shows the server's message.
  const remove = async (assistant: Assistant) => {
    await api.deleteAssistant(assistant.id);
    onDeleted(assistant.id);
    setDeleting(null);
    list.announce(`“${assistant.name}” was deleted. Its conversations stay in the inbox.`);
  };

  return (
    <section className="settings-section" aria-labelledby="assistants-title">
      <div className="settings-section-head">
        <h2 id="assistants-title">Assistants</h2>
        {canEdit && (
          <button
            ref={list.opener}
            type="button"
            className="button button--primary"
            aria-expanded={panel.state === 'creating'}
            aria-controls="new-assistant"
            onClick={() => {
              list.clearOutcome();
              if (panel.state === 'creating') close();
              else setPanel({ state: 'creating' });
            }}
          >
            New assistant
          </button>
        )}
      </div>
      <p className="settings-lede">
        The AI that answers your customers: its name, greeting and instructions, and where it may
        appear.
      </p>
      {canEdit && (
        <div id="new-assistant">
          {panel.state === 'creating' && (
            <NewAssistantForm
              onCreated={(assistant) => {
                onAssistant(assistant);
                setPanel(CLOSED);
                list.announce(`“${assistant.name}” was created. Set it up on its card below.`);
              }}
              onCancel={close}
            />
          )}
        </div>
      )}
      {list.outcome && (
        <p ref={list.outcomeNote} className="note note--success" tabIndex={-1}>
          {list.outcome.text}
        </p>
      )}
      {failure && (
        <p className="note note--error" role="alert">
          {failure}
        </p>
      )}
      {assistants.length === 0 && <p className="settings-empty">No assistants yet.</p>}
      <ul className="settings-cards">
        {assistants.map((assistant) => (
          <li key={assistant.id}>
            <article
              className="settings-card"
              aria-labelledby={`assistant-${assistant.id}`}
              data-assistant-id={assistant.id}
            >
              <div className="settings-card-head">
                <h3 id={`assistant-${assistant.id}`} className="settings-card-title">
                  {assistant.name}
                </h3>
                {canEdit && (
                  <div className="form-actions-row">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={duplicating !== null}
                      onClick={() => duplicate(assistant)}
                    >
                      {duplicating === assistant.id ? 'Duplicating…' : 'Duplicate'}
                      <span className="visually-hidden"> {assistant.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        list.clearOutcome();
                        setFailure(null);
                        setDeleting(assistant);
                      }}
                    >
                      Delete<span className="visually-hidden"> {assistant.name}</span>
                    </button>
                  </div>
                )}
              </div>
              <AssistantInstall assistant={assistant} />
              <AssistantForm
                assistant={assistant}
                canEdit={canEdit}
                modelSettingsAvailable={modelSettingsAvailable}
                onSaved={onAssistant}
              />
            </article>
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete assistant"
          busyLabel="Deleting…"
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            Its embed snippet and share link stop working at once. Its conversations stay in the
            inbox. An assistant that a channel still uses cannot be deleted: choose another
            assistant for that channel first.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
