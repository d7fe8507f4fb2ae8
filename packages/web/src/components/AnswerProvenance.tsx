/** For operators, under an assistant reply: the knowledge it answered from, each linked to its
 * source, or a mark that it had no answer and passed the question on. */
import type { MessageView } from '@parley/domain';
import { sourceHref, sourceLabel } from '../answer-sources';

export function AnswerProvenance({ message }: { message: MessageView }) {
  if (message.author !== 'assistant') return null;
  if (message.unansweredQuestion !== null) {
    return (
      <p className="answer-provenance answer-provenance--unanswered" data-testid="unanswered-reply">
        No answer in the knowledge base — passed on to the team.
      </p>
    );
  }
  if (message.answeredFrom.length === 0) return null;
  return (
    <p className="answer-provenance" data-testid="answered-from">
      Answered from:{' '}
      {message.answeredFrom.map((source, index) => (
        <span key={source.id}>
          {index > 0 && ', '}
          <a
            href={sourceHref(source)}
            {...(source.url ? { target: '_blank', rel: 'noreferrer' } : {})}
          >
            {sourceLabel(source)}
          </a>
        </span>
      ))}
    </p>
  );
}
