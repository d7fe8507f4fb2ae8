/** Settings → Knowledge: what assistants answer from. Pick an assistant (or "shared", the
 * sources every assistant uses), see its sources and their indexing state, add articles, Q&A
 * pairs, files and web pages, and try a question. Agents look; the server refuses their writes. */
import { useEffect, useId, useState } from 'react';
import { type Assistant, api, type KnowledgeSource } from '../../api';
import { useKnowledgeSources } from '../../hooks/useKnowledgeSources';
import { useListPanel } from '../../hooks/useListPanel';
import { AddArticleForm, AddQaForm } from './AddArticleForm';
import { AddFileForm, ImportUrlForm } from './AddFileForm';
import { ConfirmDialog } from './ConfirmDialog';
import { KnowledgeSourceList } from './KnowledgeSourceList';
import { KnowledgeTry } from './KnowledgeTry';

interface Props {
  assistants: Assistant[];
  canEdit: boolean;
}

type Adding = 'article' | 'qa' | 'file' | 'url';
type Panel = { state: 'closed' } | { state: Adding };
const CLOSED: Panel = { state: 'closed' };

const ADD_LABELS: Record<Adding, string> = {
  article: 'Add article',
  qa: 'Add Q&A pair',
  file: 'Upload file',
  url: 'Import web page',
};

/** `#source-<id>` from an "Answered from" link in the inbox. */
function linkedSourceId(): string | null {
  const match = /^#source-(.+)$/.exec(window.location.hash);
  return match?.[1] ?? null;
}

export function KnowledgeSettings({ assistants, canEdit }: Props) {
  const selectId = useId();
  // Empty: shared, which lists every source.
  const [owner, setOwner] = useState('');
  const assistantId = owner || null;
  const sources = useKnowledgeSources(assistantId);
  const list = useListPanel<Panel, KnowledgeSource>(CLOSED);
  const { panel, setPanel } = list;
  const [targetId] = useState(linkedSourceId);

  const loaded = !sources.loading;
  useEffect(() => {
    if (loaded && targetId) document.getElementById(`source-${targetId}`)?.scrollIntoView();
  }, [loaded, targetId]);

  const added = (source: KnowledgeSource) => {
    sources.put(source);
    list.close();
    list.announce(`“${source.title || source.url}” was added and is being indexed.`);
  };

  const resync = async (source: KnowledgeSource) => {
    list.clearOutcome();
    try {
      sources.put(await api.resyncKnowledgeSource(source.id));
    } catch (failure) {
      list.announce(failure instanceof Error ? failure.message : 'Re-sync did not work.');
    }
  };

  const remove = async (source: KnowledgeSource) => {
    await api.deleteKnowledgeSource(source.id);
    sources.remove(source.id);
    list.setConfirming(null);
    list.announce(`“${source.title}” was deleted; assistants no longer answer from it.`);
  };

  const formProps = { assistantId, onAdded: added, onCancel: list.close };
  return (
    <section className="settings-section" aria-labelledby="knowledge-title">
      <div className="settings-section-head">
        <h2 id="knowledge-title">Knowledge</h2>
      </div>
      <p className="settings-lede">
        What assistants answer from. Answers cite the passage they used, and questions the knowledge
        cannot answer are passed on to the team.
      </p>
      <div className="field">
        <label htmlFor={selectId}>Assistant</label>
        <select
          id={selectId}
          className="select"
          value={owner}
          onChange={(event) => {
            setOwner(event.target.value);
            list.clearOutcome();
          }}
        >
          <option value="">Shared (all assistants)</option>
          {assistants.map((assistant) => (
            <option key={assistant.id} value={assistant.id}>
              {assistant.name}
            </option>
          ))}
        </select>
        <p className="field-hint">
          {assistantId
            ? 'Its own sources and the shared ones; new sources are its own.'
            : 'Every source; new sources are shared by all assistants.'}
        </p>
      </div>
      {canEdit && (
        <div className="form-actions-row knowledge-add">
          {(Object.keys(ADD_LABELS) as Adding[]).map((kind) => (
            <button
              key={kind}
              ref={panel.state === kind ? list.opener : undefined}
              type="button"
              className="button"
              aria-expanded={panel.state === kind}
              aria-controls="knowledge-add-panel"
              onClick={() => {
                list.clearOutcome();
                setPanel(panel.state === kind ? CLOSED : { state: kind });
              }}
            >
              {ADD_LABELS[kind]}
            </button>
          ))}
        </div>
      )}
      <div id="knowledge-add-panel">
        {panel.state === 'article' && <AddArticleForm {...formProps} />}
        {panel.state === 'qa' && <AddQaForm {...formProps} />}
        {panel.state === 'file' && <AddFileForm {...formProps} />}
        {panel.state === 'url' && <ImportUrlForm {...formProps} />}
      </div>
      {list.outcome && (
        <p ref={list.outcomeNote} className="note note--success" tabIndex={-1}>
          {list.outcome.text}
        </p>
      )}
      {sources.loading && sources.items.length === 0 ? (
        <p className="settings-empty" role="status">
          Loading knowledge…
        </p>
      ) : sources.error ? (
        <div className="list-error" role="alert">
          <p>{sources.error}</p>
          <button type="button" className="button" onClick={sources.reload}>
            Try again
          </button>
        </div>
      ) : (
        <KnowledgeSourceList
          sources={sources.items}
          assistants={assistants}
          canEdit={canEdit}
          targetId={targetId}
          onResync={resync}
          onDelete={(source) => {
            list.clearOutcome();
            list.setConfirming(source);
          }}
        />
      )}
      {assistants.length > 0 && (
        <KnowledgeTry key={owner} assistants={assistants} assistantId={assistantId} />
      )}
      {list.confirming && (
        <ConfirmDialog
          title={`Delete “${list.confirming.title}”?`}
          confirmLabel="Delete source"
          busyLabel="Deleting…"
          onConfirm={() => remove(list.confirming as KnowledgeSource)}
          onCancel={() => list.setConfirming(null)}
        >
          <p>
            Assistants stop answering from it at once. Replies that already cited it keep their
            text.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
