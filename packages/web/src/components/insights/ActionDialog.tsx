/** The editable draft of a one-click fix, in a modal <dialog>: a Q&A for the knowledge base, a
 * suggested question, or an instruction line, for one assistant. Saving calls the server. */
import type { QuestionGroup, QuestionGroupActionKind } from '@parley/domain';
import { useEffect, useId, useRef, useState } from 'react';
import type { Assistant, QuestionGroupActionInput } from '../../api';
import {
  ACTION_LABELS,
  draftQuestion,
  instructionDraft,
  knowledgeDraft,
} from '../../insights/actions';

interface Props {
  group: QuestionGroup;
  kind: QuestionGroupActionKind;
  assistants: Assistant[];
  assistantId: string;
  onSave: (action: QuestionGroupActionInput) => Promise<void>;
  onClose: () => void;
}

export function ActionDialog({ group, kind, assistants, assistantId, onSave, onClose }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [assistant, setAssistant] = useState(assistantId);
  const [question, setQuestion] = useState(() =>
    kind === 'knowledge' ? knowledgeDraft(group).question : draftQuestion(group),
  );
  const [answer, setAnswer] = useState(() => knowledgeDraft(group).answer);
  const [line, setLine] = useState(() => instructionDraft(group));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const action = (): QuestionGroupActionInput => {
    if (kind === 'knowledge')
      return { kind, assistantId: assistant, question: question.trim(), answer: answer.trim() };
    if (kind === 'suggested_question')
      return { kind, assistantId: assistant, question: question.trim() };
    // The server takes one line: a pasted line break becomes a space.
    return { kind, assistantId: assistant, line: line.replace(/\s*[\r\n]+\s*/g, ' ').trim() };
  };
  const ready =
    assistant !== '' &&
    (kind === 'instructions'
      ? line.trim() !== ''
      : question.trim() !== '' && (kind !== 'knowledge' || answer.trim() !== ''));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave(action());
      dialog.current?.close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'That did not work. Try again.');
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog action-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => busy && event.preventDefault()}
      onClose={onClose}
      data-testid="action-dialog"
    >
      <form onSubmit={save}>
        <h2 id={`${id}-title`} className="confirm-dialog-title">
          {ACTION_LABELS[kind]}
        </h2>
        <p className="field-hint">
          From the unanswered question “{group.label}” ({group.count} times). Edit before saving.
        </p>
        {assistants.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-assistant`}>Assistant</label>
            <select
              id={`${id}-assistant`}
              className="select"
              value={assistant}
              onChange={(event) => setAssistant(event.target.value)}
            >
              {assistants.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'instructions' ? (
          <div className="field">
            <label htmlFor={`${id}-line`}>Instruction line</label>
            <textarea
              id={`${id}-line`}
              rows={3}
              value={line}
              maxLength={1000}
              onChange={(event) => setLine(event.target.value)}
            />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-question`}>Question</label>
            <input
              id={`${id}-question`}
              type="text"
              value={question}
              maxLength={kind === 'suggested_question' ? 200 : 1000}
              onChange={(event) => setQuestion(event.target.value)}
            />
          </div>
        )}
        {kind === 'knowledge' && (
          <div className="field">
            <label htmlFor={`${id}-answer`}>Answer</label>
            <textarea
              id={`${id}-answer`}
              rows={5}
              value={answer}
              maxLength={20_000}
              placeholder="What the assistant should answer"
              onChange={(event) => setAnswer(event.target.value)}
            />
            {group.teammateAnswer && (
              <span className="field-hint">
                Pre-filled with a teammate’s reply to this question.
              </span>
            )}
          </div>
        )}
        {error && (
          <p className="note note--error" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions-row">
          <button type="submit" className="button button--primary" disabled={busy || !ready}>
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => dialog.current?.close()}
            disabled={busy}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
