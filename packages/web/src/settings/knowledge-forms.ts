/** The knowledge page's add forms: drafts, checks, and where the server's errors belong. */
import type { FormErrors } from '../hooks/useSettingsForm';
import type { FieldNames } from './server-errors';

export interface ArticleDraft {
  title: string;
  body: string;
}
export interface QaDraft {
  question: string;
  answer: string;
}
export interface UrlDraft {
  url: string;
}

export const EMPTY_ARTICLE: ArticleDraft = { title: '', body: '' };
export const EMPTY_QA: QaDraft = { question: '', answer: '' };
export const EMPTY_URL: UrlDraft = { url: '' };

export const ARTICLE_FIELDS: FieldNames<string>[] = [
  { field: 'title', names: ['title'] },
  { field: 'body', names: ['body'] },
];
export const QA_FIELDS: FieldNames<string>[] = [
  { field: 'question', names: ['question'] },
  { field: 'answer', names: ['answer'] },
];
export const URL_FIELDS: FieldNames<string>[] = [{ field: 'url', names: ['url'] }];

function required(errors: FormErrors, field: string, value: string, message: string) {
  if (value.trim() === '') errors[field] = message;
}

export function validateArticle(draft: ArticleDraft): FormErrors {
  const errors: FormErrors = {};
  required(errors, 'title', draft.title, 'Give the article a title; answers cite it.');
  required(errors, 'body', draft.body, 'Write what the assistant should know.');
  return errors;
}

export function validateQa(draft: QaDraft): FormErrors {
  const errors: FormErrors = {};
  required(errors, 'question', draft.question, 'Write the question customers ask.');
  required(errors, 'answer', draft.answer, 'Write the answer the assistant gives.');
  return errors;
}

export function validateUrl(draft: UrlDraft): FormErrors {
  const errors: FormErrors = {};
  const url = draft.url.trim();
  if (url === '') errors.url = 'Paste the address of the page.';
  else if (!/^https?:\/\/\S+$/i.test(url)) errors.url = 'Use an http:// or https:// address.';
  return errors;
}
