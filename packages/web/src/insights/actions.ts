/** Drafts of the one-click fixes for a group of unanswered questions: what the dialogs open
 * with (the operator edits before saving), and how the group's history reads. */
import type {
  QuestionGroup,
  QuestionGroupAction,
  QuestionGroupActionKind,
  QuestionQuote,
} from '@parley/domain';

export const ACTION_LABELS: Record<QuestionGroupActionKind, string> = {
  knowledge: 'Add to knowledge base',
  suggested_question: 'Add as suggested question',
  instructions: 'Add to instructions',
};

const DONE_LABELS: Record<QuestionGroupActionKind, string> = {
  knowledge: 'added a Q&A to the knowledge base',
  suggested_question: 'added a suggested question',
  instructions: 'added an instruction',
};

/** The question as a customer would ask it: the group's label, with a question mark. */
export function draftQuestion(group: Pick<QuestionGroup, 'label'>): string {
  const question = group.label.trim().replace(/\s+/g, ' ');
  if (!question) return '';
  const capital = question.charAt(0).toUpperCase() + question.slice(1);
  return /[?？.!]$/.test(capital) ? capital : `${capital}?`;
}

/** The Q&A the knowledge dialog opens with: a teammate's answer when one replied. */
export function knowledgeDraft(group: Pick<QuestionGroup, 'label' | 'teammateAnswer'>): {
  question: string;
  answer: string;
} {
  return { question: draftQuestion(group), answer: group.teammateAnswer?.trim() ?? '' };
}

/** A proposed instruction line: answer with the teammate's words, or hand over honestly. */
export function instructionDraft(group: Pick<QuestionGroup, 'label' | 'teammateAnswer'>): string {
  const question = draftQuestion(group);
  const answer = group.teammateAnswer?.trim().replace(/\s+/g, ' ');
  return answer
    ? `When a customer asks "${question}", answer: ${answer}`
    : `When a customer asks "${question}", say you will check with the team and a person will reply soon.`;
}

/** The assistant an action applies to: the group's own, else the page's, else the first one. */
export function actionAssistant(
  group: Pick<QuestionGroup, 'assistantId'>,
  pageAssistant: string,
  assistants: { id: string }[],
): string {
  const known = (id: string | null | undefined) =>
    id && assistants.some((assistant) => assistant.id === id) ? id : null;
  return known(group.assistantId) ?? known(pageAssistant) ?? assistants[0]?.id ?? '';
}

/** "Demo Operator added a Q&A to the knowledge base: “Do you sell gift cards?”". */
export function describeAction(action: QuestionGroupAction): string {
  const detail = action.detail ? `: “${action.detail}”` : '';
  return `${action.by.name} ${DONE_LABELS[action.kind]}${detail}`;
}

/** "Asked 4 times since, answered 3" — whether the fix works. */
export function describeSinceAction(since: QuestionGroup['sinceAction']): string | null {
  if (!since) return null;
  if (since.asked === 0) return 'Not asked again since';
  const times = since.asked === 1 ? 'once' : `${since.asked} times`;
  return `Asked ${times} since, answered ${since.answered}`;
}

/** The examples worth showing: one per wording (the same question asked twice says nothing
 * new), at most `max`. */
export function distinctExamples(examples: QuestionQuote[], max = 4): QuestionQuote[] {
  const seen = new Set<string>();
  return examples
    .filter((example) => {
      const key = example.quote
        .trim()
        .toLowerCase()
        .replace(/[\s?!.]+/g, ' ')
        .trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, max);
}
