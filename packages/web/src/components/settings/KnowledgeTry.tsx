/** "Try it": ask a question as a customer would, and see the passages retrieval finds and the
 * answer the assistant would give (or that it would pass the question on). */
import { type FormEvent, useId, useState } from 'react';
import { type Assistant, api, type KnowledgeTrial } from '../../api';

interface Props {
  assistants: Assistant[];
  /** The page's assistant; with "shared" chosen, the first one answers. */
  assistantId: string | null;
}

export function KnowledgeTry({ assistants, assistantId }: Props) {
  const id = useId();
  const [question, setQuestion] = useState('');
  const [chosen, setChosen] = useState<string>(assistantId ?? assistants[0]?.id ?? '');
  const [trial, setTrial] = useState<KnowledgeTrial | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answering = assistantId ?? chosen;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!question.trim() || !answering) return;
    setBusy(true);
    setError(null);
    try {
      setTrial(await api.tryKnowledge(answering, question.trim()));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
    } finally {
      setBusy(false);
    }
  };

  const cited = new Set(trial?.answer.passageIds ?? []);
  return (
    <section className="settings-card knowledge-try" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Try it</h3>
      <form onSubmit={submit} className="settings-form">
        {assistantId === null && assistants.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-assistant`}>Assistant</label>
            <select
              id={`${id}-assistant`}
              className="select"
              value={chosen}
              onChange={(event) => setChosen(event.target.value)}
            >
              {assistants.map((assistant) => (
                <option key={assistant.id} value={assistant.id}>
                  {assistant.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-question`}>Question</label>
          <input
            id={`${id}-question`}
            value={question}
            maxLength={2000}
            placeholder="e.g. How long does delivery take?"
            onChange={(event) => setQuestion(event.target.value)}
          />
        </div>
        <div className="form-actions-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !question.trim() || !answering}
          >
            {busy ? 'Asking…' : 'Ask'}
          </button>
        </div>
      </form>
      {error && (
        <p className="note note--error" role="alert">
          {error}
        </p>
      )}
      {trial && (
        <div className="knowledge-trial" aria-live="polite" data-testid="knowledge-trial">
          <h4>Answer</h4>
          <p className="knowledge-answer">{trial.answer.text}</p>
          {trial.answer.unansweredQuestion !== null && (
            <p className="note note--info">
              No confident answer: the assistant passes this question on and marks it unanswered.
            </p>
          )}
          <h4>Passages found</h4>
          {trial.passages.length === 0 ? (
            <p className="settings-empty">Nothing in the knowledge base matches.</p>
          ) : (
            <ol className="knowledge-passages">
              {trial.passages.map((passage) => (
                <li key={passage.id}>
                  <strong>
                    {passage.heading ? `${passage.title} § ${passage.heading}` : passage.title}
                  </strong>
                  {cited.has(passage.id) && <span className="tag tag--ok"> Cited</span>}
                  <p>{passage.question ? `${passage.question} — ${passage.text}` : passage.text}</p>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
