import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, TextAreaField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { useFormErrors } from '../../lib/useFormErrors';
import { useCreateIssue } from './api/create-issue';
import { isIsoDate } from './format';
import { ISSUE_CATEGORIES } from './types';

const FIELDS = ['comuneIstat', 'category', 'title', 'description', 'correctiveAction', 'owner', 'dueOn'] as const;

interface IssueCreateFormProps {
  /** The actor's own Comune (Comune staff), or null for national roles, who choose one. */
  ownComune: string | null;
  comuni: { value: string; label: string }[];
  onDone: () => void;
}

/** "Segnala criticità": a new critical issue of a pilot Comune. */
export function IssueCreateForm({ ownComune, comuni, onDone }: IssueCreateFormProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = useFormErrors();
  const create = useCreateIssue();
  const [comune, setComune] = useState(ownComune ?? '');
  const [category, setCategory] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [correctiveAction, setCorrectiveAction] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const labels = {
    comuneIstat: t('monitoring.issues.comune'),
    category: t('monitoring.issues.category'),
    title: t('monitoring.issues.issueTitle'),
    description: t('monitoring.issues.description'),
    correctiveAction: t('monitoring.issues.correctiveAction'),
    owner: t('monitoring.issues.owner'),
    dueOn: t('monitoring.issues.dueOn'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const validCategory = oneOf(category, ISSUE_CATEGORIES);
    const required = t('fieldErrors.required');
    const valid = form.check({
      comuneIstat: comune === '' ? required : undefined,
      category: validCategory === undefined ? required : undefined,
      title: title.trim().length < 3 ? t('monitoring.issues.titleShort') : undefined,
      description: description.trim() === '' ? required : undefined,
      owner: owner.trim().length < 2 ? required : undefined,
      dueOn: isIsoDate(dueOn) ? undefined : t('monitoring.comparative.dateInvalid'),
    });
    if (!valid || validCategory === undefined) return;
    create.mutate(
      {
        comuneIstat: comune,
        category: validCategory,
        title: title.trim(),
        description: description.trim(),
        correctiveAction: correctiveAction.trim(),
        owner: owner.trim(),
        dueOn,
      },
      {
        onSuccess: (created) => {
          notify(t('monitoring.issues.created', { title: created.title }));
          onDone();
        },
        onError: (error) => form.fail(error, FIELDS),
      },
    );
  };

  return (
    <>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        {ownComune === null && (
          <SelectField
            id="comuneIstat"
            label={labels.comuneIstat}
            required
            emptyOption={t('form.choose')}
            value={comune}
            onChange={(e) => setComune(e.target.value)}
            options={comuni}
            error={form.errors.comuneIstat}
          />
        )}
        <SelectField
          id="category"
          label={labels.category}
          required
          emptyOption={t('form.choose')}
          value={category}
          onChange={(e) => setCategory(e.target.value)}
          options={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`monitoring.issueCategories.${c}`) }))}
          error={form.errors.category}
        />
        <TextField id="title" label={labels.title} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={form.errors.title} />
        <TextAreaField
          id="description"
          label={labels.description}
          required
          maxLength={4000}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={form.errors.description}
        />
        <TextAreaField
          id="correctiveAction"
          label={`${labels.correctiveAction} ${t('form.optional')}`}
          maxLength={4000}
          value={correctiveAction}
          onChange={(e) => setCorrectiveAction(e.target.value)}
          error={form.errors.correctiveAction}
        />
        <TextField
          id="owner"
          label={labels.owner}
          hint={t('monitoring.issues.ownerHint')}
          required
          maxLength={200}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          error={form.errors.owner}
        />
        <TextField id="dueOn" type="date" label={labels.dueOn} required value={dueOn} onChange={(e) => setDueOn(e.target.value)} error={form.errors.dueOn} />
        <button type="submit" className="btn btn-primary me-2" disabled={create.isPending}>
          {t('monitoring.issues.createSubmit')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </form>
    </>
  );
}
