import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, TextAreaField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { useFormErrors } from '../../lib/useFormErrors';
import { useUpdateIssue } from './api/update-issue';
import { isIsoDate } from './format';
import { ISSUE_STATUSES, type Issue, type IssuePatch } from './types';

const FIELDS = ['status', 'correctiveAction', 'owner', 'dueOn', 'resolution'] as const;

/** Changes one issue: its status, corrective action, owner, due date and resolution. */
export function IssueEditForm({ issue, onDone }: { issue: Issue; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = useFormErrors();
  const update = useUpdateIssue();
  const [status, setStatus] = useState<string>(issue.status);
  const [correctiveAction, setCorrectiveAction] = useState(issue.correctiveAction);
  const [owner, setOwner] = useState(issue.owner);
  const [dueOn, setDueOn] = useState(issue.dueOn);
  const [resolution, setResolution] = useState(issue.resolution ?? '');
  const labels = {
    status: t('monitoring.issues.status'),
    correctiveAction: t('monitoring.issues.correctiveAction'),
    owner: t('monitoring.issues.owner'),
    dueOn: t('monitoring.issues.dueOn'),
    resolution: t('monitoring.issues.resolution'),
  };
  const validStatus = oneOf(status, ISSUE_STATUSES);
  const closing = validStatus === 'risolta' || validStatus === 'chiusa';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = form.check({
      status: validStatus === undefined ? t('fieldErrors.required') : undefined,
      owner: owner.trim().length < 2 ? t('fieldErrors.required') : undefined,
      dueOn: isIsoDate(dueOn) ? undefined : t('monitoring.comparative.dateInvalid'),
      resolution: closing && resolution.trim() === '' ? t('monitoring.issues.resolutionRequired') : undefined,
    });
    if (!valid || validStatus === undefined) return;
    const body: IssuePatch = { status: validStatus, correctiveAction: correctiveAction.trim(), owner: owner.trim(), dueOn };
    if (resolution.trim() !== '') body.resolution = resolution.trim();
    update.mutate(
      { issueId: issue.id, body },
      {
        onSuccess: (saved) => {
          notify(t('monitoring.issues.saved', { title: saved.title }));
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
        <SelectField
          id="status"
          label={labels.status}
          required
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`monitoring.issueStatuses.${s}`) }))}
          error={form.errors.status}
        />
        <TextAreaField
          id="correctiveAction"
          label={labels.correctiveAction}
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
        <TextAreaField
          id="resolution"
          label={closing ? labels.resolution : `${labels.resolution} ${t('form.optional')}`}
          hint={t('monitoring.issues.resolutionHint')}
          required={closing}
          maxLength={4000}
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          error={form.errors.resolution}
        />
        <button type="submit" className="btn btn-primary me-2" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-primary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </form>
    </>
  );
}
