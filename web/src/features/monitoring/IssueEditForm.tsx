import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormSelect, FormSummary, FormText, FormTextArea } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, oneOfField, useSchemaForm } from '../../lib/schemaForm';
import { useUpdateIssue } from './api/update-issue';
import { isIsoDate } from './format';
import { ISSUE_STATUSES, type Issue, type IssuePatch } from './types';

const isClosing = (status: string | undefined) => status === 'risolta' || status === 'chiusa';

const issuePatchSchema = (t: TFunction) =>
  z
    .object({
      status: oneOfField(ISSUE_STATUSES, t('fieldErrors.required')),
      correctiveAction: z.string().transform((v) => v.trim()),
      owner: z
        .string()
        .refine((v) => v.trim().length >= 2, t('fieldErrors.required'))
        .transform((v) => v.trim()),
      dueOn: z.string().refine(isIsoDate, t('monitoring.comparative.dateInvalid')),
      resolution: z.string().transform((v) => v.trim()),
    })
    // a resolved or closed issue says how it was resolved
    .refine((v) => !isClosing(oneOf(v.status, ISSUE_STATUSES)) || v.resolution !== '', {
      message: t('monitoring.issues.resolutionRequired'),
      path: ['resolution'],
      when: () => true,
    })
    .transform(({ resolution, ...values }): IssuePatch => (resolution !== '' ? { ...values, resolution } : values));

/** Changes one issue: its status, corrective action, owner, due date and resolution. */
export function IssueEditForm({ issue, onDone }: { issue: Issue; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdateIssue();
  const form = useSchemaForm({
    schema: issuePatchSchema,
    defaultValues: {
      status: issue.status,
      correctiveAction: issue.correctiveAction,
      owner: issue.owner,
      dueOn: issue.dueOn,
      resolution: issue.resolution ?? '',
    },
  });
  const closing = isClosing(oneOf(useWatch({ control: form.methods.control, name: 'status' }), ISSUE_STATUSES));

  const onSubmit = form.submit(async (body) => {
    const saved = await update.mutateAsync({ issueId: issue.id, body });
    notify(t('monitoring.issues.saved', { title: saved.title }));
    onDone();
  });

  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <FormSelect
          name="status"
          label={t('monitoring.issues.status')}
          required
          options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`monitoring.issueStatuses.${s}`) }))}
        />
        <FormTextArea name="correctiveAction" label={t('monitoring.issues.correctiveAction')} maxLength={4000} />
        <FormText
          name="owner"
          label={t('monitoring.issues.owner')}
          hint={t('monitoring.issues.ownerHint')}
          required
          maxLength={200}
        />
        <FormText name="dueOn" type="date" label={t('monitoring.issues.dueOn')} required />
        <FormTextArea
          name="resolution"
          label={
            closing ? t('monitoring.issues.resolution') : `${t('monitoring.issues.resolution')} ${t('form.optional')}`
          }
          summaryLabel={t('monitoring.issues.resolution')}
          hint={t('monitoring.issues.resolutionHint')}
          required={closing}
          maxLength={4000}
        />
        <button type="submit" className="btn btn-primary me-2" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}
