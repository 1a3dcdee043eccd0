/** The fields of an entry (topic, question, answer, keywords), for the new entry and the edit form. */
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { topics, type Topic } from '../requests/api/requests';
import { fieldErrorOf } from '../requests/common';

export interface EntryDraft {
  topic: Topic | '';
  question: string;
  answer: string;
  keywords: string;
}

export const keywordList = (text: string) =>
  text
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0)
    .slice(0, 12);

export function AnswerFields({
  value,
  onChange,
  error,
}: {
  value: EntryDraft;
  onChange: (v: EntryDraft) => void;
  error: unknown;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        id="kb-entry-topic"
        label={t('helpdesk.answers.entry.topic')}
        required
        value={value.topic}
        emptyOption={t('helpdesk.requests.form.chooseTopic')}
        options={topics.map((x) => ({ value: x, label: t(`helpdesk.common.topics.${x}`) }))}
        onChange={(e) => onChange({ ...value, topic: e.target.value as Topic | '' })}
      />
      <TextAreaField
        id="kb-entry-question"
        label={t('helpdesk.answers.entry.question')}
        required
        rows={2}
        value={value.question}
        error={fieldErrorOf(error, 'body.question')}
        onChange={(e) => onChange({ ...value, question: e.target.value })}
      />
      <TextAreaField
        id="kb-entry-answer"
        label={t('helpdesk.answers.entry.answer')}
        required
        rows={8}
        value={value.answer}
        error={fieldErrorOf(error, 'body.answer')}
        onChange={(e) => onChange({ ...value, answer: e.target.value })}
      />
      <TextField
        id="kb-entry-keywords"
        label={t('helpdesk.answers.entry.keywords')}
        hint={t('helpdesk.answers.entry.keywordsHint')}
        value={value.keywords}
        onChange={(e) => onChange({ ...value, keywords: e.target.value })}
      />
    </>
  );
}
