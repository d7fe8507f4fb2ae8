/** Adds an article (or a Q&A pair) to the knowledge base; articles are Markdown with a live
 * preview. */
import { useId } from 'react';
import { api, type KnowledgeSource } from '../../api';
import { useSettingsForm } from '../../hooks/useSettingsForm';
import {
  ARTICLE_FIELDS,
  EMPTY_ARTICLE,
  EMPTY_QA,
  QA_FIELDS,
  validateArticle,
  validateQa,
} from '../../settings/knowledge-forms';
import { FormActions } from './FormActions';
import { MarkdownPreview } from './MarkdownPreview';
import { CardForm } from './SettingsFormShell';
import { TextField } from './TextField';

interface Props {
  assistantId: string | null;
  onAdded: (source: KnowledgeSource) => void;
  onCancel: () => void;
}

export function AddArticleForm({ assistantId, onAdded, onCancel }: Props) {
  const previewId = useId();
  const form = useSettingsForm({
    initial: EMPTY_ARTICLE,
    validate: validateArticle,
    fieldNames: () => ARTICLE_FIELDS,
    save: async (draft) => {
      onAdded(
        await api.addKnowledgeSource({
          kind: 'article',
          assistantId,
          title: draft.title.trim(),
          body: draft.body,
        }),
      );
      return EMPTY_ARTICLE;
    },
  });
  const { draft, update, errors } = form;
  return (
    <CardForm form={form} title="Add an article">
      <TextField
        label="Title"
        required
        value={draft.title}
        onChange={(title) => update({ title })}
        maxLength={200}
        placeholder="e.g. Returns policy"
        error={errors.title}
      />
      <div className="markdown-editor">
        <TextField
          label="Text (Markdown)"
          required
          rows={12}
          value={draft.body}
          onChange={(body) => update({ body })}
          hint="# Headings split the article into the passages answers cite."
          error={errors.body}
        />
        <MarkdownPreview source={draft.body} id={previewId} />
      </div>
      <FormActions
        status={form.status}
        saveLabel="Save article"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}

export function AddQaForm({ assistantId, onAdded, onCancel }: Props) {
  const form = useSettingsForm({
    initial: EMPTY_QA,
    validate: validateQa,
    fieldNames: () => QA_FIELDS,
    save: async (draft) => {
      onAdded(
        await api.addKnowledgeSource({
          kind: 'qa',
          assistantId,
          question: draft.question.trim(),
          answer: draft.answer.trim(),
        }),
      );
      return EMPTY_QA;
    },
  });
  const { draft, update, errors } = form;
  return (
    <CardForm form={form} title="Add a Q&A pair">
      <TextField
        label="Question"
        required
        value={draft.question}
        onChange={(question) => update({ question })}
        maxLength={1000}
        placeholder="e.g. Do you ship to Switzerland?"
        error={errors.question}
      />
      <TextField
        label="Answer"
        required
        rows={4}
        value={draft.answer}
        onChange={(answer) => update({ answer })}
        error={errors.answer}
      />
      <FormActions
        status={form.status}
        saveLabel="Save Q&A pair"
        secondary={{ label: 'Cancel', onClick: onCancel }}
        formError={form.formError}
      />
    </CardForm>
  );
}
