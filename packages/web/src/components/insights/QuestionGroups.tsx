/** Customer questions the assistant could not answer, grouped by meaning, with the three fixes,
 * who applied them, and whether the question has been answered since. */
import type { InsightsQuery, QuestionGroup, QuestionGroupActionKind } from '@parley/domain';
import { useState } from 'react';
import { type Assistant, api, type QuestionGroupActionInput } from '../../api';
import { fullTime } from '../../format';
import { useLoaded } from '../../hooks/useLoaded';
import {
  ACTION_LABELS,
  actionAssistant,
  describeAction,
  describeSinceAction,
  distinctExamples,
} from '../../insights/actions';
import { conversationLink, inboxUrl } from '../../insights/links';
import { queryParams } from '../../insights/query';
import { ActionDialog } from './ActionDialog';
import { DrillLink } from './DrillLink';

const KINDS: QuestionGroupActionKind[] = ['knowledge', 'suggested_question', 'instructions'];

interface Props {
  query: InsightsQuery;
  assistants: Assistant[];
}

export function QuestionGroups({ query, assistants }: Props) {
  const key = queryParams(query).toString();
  // Resolved groups come too, folded away below, so reopening one is a click away.
  const groups = useLoaded(() => {
    const params = queryParams(query);
    params.set('status', 'all');
    return api.insightsQuestions(params);
  }, key);
  const [showResolved, setShowResolved] = useState(false);
  const [open, setOpen] = useState<{ group: QuestionGroup; kind: QuestionGroupActionKind } | null>(
    null,
  );
  const [failure, setFailure] = useState<string | null>(null);

  const all = groups.data ?? [];
  const visible = all.filter((group) => showResolved || group.status === 'open');
  const resolvedCount = all.length - all.filter((group) => group.status === 'open').length;

  const act = async (group: QuestionGroup, action: QuestionGroupActionInput) => {
    await api.actOnQuestionGroup(group.id, action);
    groups.reload();
  };
  const setStatus = (group: QuestionGroup, resolve: boolean) => {
    setFailure(null);
    (resolve ? api.resolveQuestionGroup(group.id) : api.reopenQuestionGroup(group.id)).then(
      groups.reload,
      (error: Error) => setFailure(error.message),
    );
  };

  return (
    <div className="question-groups">
      <div className="section-tools">
        <DrillLink href={inboxUrl(query, { hasUnanswered: true })}>
          All conversations with unanswered questions
        </DrillLink>
        {resolvedCount > 0 && (
          <label className="check">
            <input
              type="checkbox"
              checked={showResolved}
              onChange={(event) => setShowResolved(event.target.checked)}
            />
            <span>Show resolved ({resolvedCount})</span>
          </label>
        )}
      </div>
      {groups.error && (
        <p className="note note--error" role="alert">
          Could not load the questions: {groups.error}
        </p>
      )}
      {failure && (
        <p className="note note--error" role="alert">
          {failure}
        </p>
      )}
      {groups.loading && !groups.data && <p className="muted">Loading questions…</p>}
      {groups.data && visible.length === 0 && (
        <p className="muted">No unanswered questions in this period.</p>
      )}
      <ul className="group-list">
        {visible.map((group) => {
          const since = describeSinceAction(group.sinceAction);
          return (
            <li
              key={group.id}
              className="group-card"
              data-testid="question-group"
              data-group-id={group.id}
              data-status={group.status}
            >
              <div className="group-head">
                <h3 className="group-label">{group.label}</h3>
                <DrillLink
                  href={inboxUrl(query, { questionGroup: group.id })}
                  label={`${group.count} unanswered in ${group.conversations} conversations: open them in the inbox`}
                  className="group-count"
                >
                  {group.count}× in {group.conversations}{' '}
                  {group.conversations === 1 ? 'conversation' : 'conversations'}
                </DrillLink>
                {group.languages.map((language) => (
                  <span key={language} className="tag tag--neutral" title="Language">
                    {language}
                  </span>
                ))}
                {group.status === 'resolved' && <span className="tag tag--ok">Resolved</span>}
              </div>
              <ul className="group-examples">
                {distinctExamples(group.examples).map((example) => (
                  <li key={example.messageId}>
                    <q lang={example.language}>{example.quote}</q>{' '}
                    <DrillLink
                      href={conversationLink(example.conversationId)}
                      label={`Open the conversation (${fullTime(example.at)})`}
                    >
                      open
                    </DrillLink>
                  </li>
                ))}
              </ul>
              {group.teammateAnswer && (
                <p className="group-teammate">
                  <span className="muted">A teammate answered: </span>
                  {group.teammateAnswer}
                </p>
              )}
              {group.actions.length > 0 && (
                <ul className="group-actions-done">
                  {group.actions.map((action) => (
                    <li key={`${action.kind}-${action.at}`}>
                      {describeAction(action)}{' '}
                      <span className="muted">· {fullTime(action.at)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {since && (
                <p
                  className={
                    group.sinceAction && group.sinceAction.answered > 0
                      ? 'since since--answered'
                      : 'since'
                  }
                  data-testid="since-action"
                >
                  {since}
                </p>
              )}
              <div className="group-buttons">
                {KINDS.map((kind) => (
                  <button
                    key={kind}
                    type="button"
                    className={kind === 'knowledge' ? 'button button--primary' : 'button'}
                    disabled={assistants.length === 0}
                    onClick={() => setOpen({ group, kind })}
                  >
                    {ACTION_LABELS[kind]}
                  </button>
                ))}
                <button
                  type="button"
                  className="button button--ghost"
                  onClick={() => setStatus(group, group.status === 'open')}
                >
                  {group.status === 'open' ? 'Resolve' : 'Reopen'}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {open && (
        <ActionDialog
          group={open.group}
          kind={open.kind}
          assistants={assistants}
          assistantId={actionAssistant(open.group, query.assistant, assistants)}
          onSave={(action) => act(open.group, action)}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}
