import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSelect, FormSummary, FormText, FormTextArea } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider, oneOfField, requiredText, useSchemaForm } from '../../lib/schemaForm';
import { useCreateIssue } from './api/create-issue';
import { isIsoDate } from './format';
import { ISSUE_CATEGORIES } from './types';

const issueSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z.object({
    comuneIstat: requiredText(required),
    category: oneOfField(ISSUE_CATEGORIES, required),
    title: z
      .string()
      .refine((v) => v.trim().length >= 3, t('monitoring.issues.titleShort'))
      .transform((v) => v.trim()),
    description: requiredText(required).transform((v) => v.trim()),
    correctiveAction: z.string().transform((v) => v.trim()),
    owner: z
      .string()
      .refine((v) => v.trim().length >= 2, required)
      .transform((v) => v.trim()),
    dueOn: z.string().refine(isIsoDate, t('monitoring.comparative.dateInvalid')),
  });
};

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
  const create = useCreateIssue();
  const form = useSchemaForm({
    schema: issueSchema,
    defaultValues: {
      comuneIstat: ownComune ?? '',
      category: '',
      title: '',
      description: '',
      correctiveAction: '',
      owner: '',
      dueOn: '',
    },
  });

  const onSubmit = form.submit(async (body) => {
    const created = await create.mutateAsync(body);
    notify(t('monitoring.issues.created', { title: created.title }));
    onDone();
  });

  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        {ownComune === null && (
          <FormSelect
            name="comuneIstat"
            label={t('monitoring.issues.comune')}
            required
            emptyOption={t('form.choose')}
            options={comuni}
          />
        )}
        <FormSelect
          name="category"
          label={t('monitoring.issues.category')}
          required
          emptyOption={t('form.choose')}
          options={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`monitoring.issueCategories.${c}`) }))}
        />
        <FormText name="title" label={t('monitoring.issues.issueTitle')} required maxLength={200} />
        <FormTextArea name="description" label={t('monitoring.issues.description')} required maxLength={4000} />
        <FormTextArea
          name="correctiveAction"
          label={`${t('monitoring.issues.correctiveAction')} ${t('form.optional')}`}
          summaryLabel={t('monitoring.issues.correctiveAction')}
          maxLength={4000}
        />
        <FormText
          name="owner"
          label={t('monitoring.issues.owner')}
          hint={t('monitoring.issues.ownerHint')}
          required
          maxLength={200}
        />
        <FormText name="dueOn" type="date" label={t('monitoring.issues.dueOn')} required />
        <button type="submit" className="btn btn-primary me-2" disabled={create.isPending}>
          {t('monitoring.issues.createSubmit')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}
