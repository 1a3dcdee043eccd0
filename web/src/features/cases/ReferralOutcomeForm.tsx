import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { Alert } from '../../components/Alert';
import { FieldMessages, describedBy } from '../../components/FormField';
import { useNotify } from '../../components/Notifications';
import { useSchemaField } from '../../components/SchemaFields';
import { SchemaFormProvider, oneOfField, requiredText } from '../../lib/schemaForm';
import type { Referral } from './api/types';
import { useUpdatePilotReferral } from './api/update-referral';
import { useDay } from './labels';
import { usePilotSchemaForm } from './problems';
import { REFERRAL_NEXT, REFERRAL_OUTCOMES, todayIso } from './vocab';

const referralOutcomeSchema = (t: TFunction) =>
  z.object({
    outcome: oneOfField(REFERRAL_OUTCOMES, t('fieldErrors.required')),
    outcomeOn: requiredText(t('fieldErrors.required')),
  });

/** A compact "new outcome + date" form for a referral whose screening is not concluded yet. */
function OutcomeUpdate({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const day = useDay();
  const update = useUpdatePilotReferral();
  const next = REFERRAL_NEXT[referral.outcome];
  const form = usePilotSchemaForm({
    schema: referralOutcomeSchema,
    defaultValues: { outcome: '', outcomeOn: todayIso() },
    idPrefix: `ref-${referral.id}-`,
  });
  const of = { date: day(referral.receivedOn) };
  const notify = useNotify();

  const onSubmit = form.submit(async (body) => {
    await update.mutateAsync({ referralId: referral.id, body });
    notify(t('cases.referrals.updated'));
  });

  return (
    <SchemaFormProvider form={form}>
      <form
        noValidate
        onSubmit={onSubmit}
        aria-label={t('cases.referrals.updateFor', of)}
        className="d-flex flex-column gap-1"
      >
        <OutcomeSelect
          label={t('cases.referrals.updateLabelFor', of)}
          empty={t('cases.referrals.updateLabel')}
          next={next}
        />
        <OutcomeDate
          label={t('cases.referrals.outcomeOnFor', of)}
          min={referral.receivedOn}
          id={`ref-${referral.id}-on`}
        />
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={update.isPending}>
          {t('cases.referrals.update')}
        </button>
        {form.general !== null && (
          <Alert kind="danger" live="alert" className="mb-0 mt-1 small">
            {form.general}
          </Alert>
        )}
      </form>
    </SchemaFormProvider>
  );
}

function OutcomeSelect({
  label,
  empty,
  next,
}: {
  label: string;
  empty: string;
  next: readonly (typeof REFERRAL_OUTCOMES)[number][];
}) {
  const { t } = useTranslation();
  const { field, id, error } = useSchemaField({ name: 'outcome' }, label);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className={`form-select form-select-sm${error !== undefined ? ' is-invalid' : ''}`}
        value={String(field.value)}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
      >
        <option value="">{empty}</option>
        {next.map((o) => (
          <option key={o} value={o}>
            {t(`cases.referralOutcome.${o}`)}
          </option>
        ))}
      </select>
      <FieldMessages id={id} error={error} />
    </>
  );
}

function OutcomeDate({ label, min, id: domId }: { label: string; min: string; id: string }) {
  const { field, id, error } = useSchemaField({ name: 'outcomeOn', id: domId }, label);
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className={`form-control form-control-sm${error !== undefined ? ' is-invalid' : ''}`}
        value={String(field.value)}
        min={min}
        max={todayIso()}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
      />
      <FieldMessages id={id} error={error} />
    </>
  );
}

/** What can still be done with a referral: record its outcome, or take the person into care. */
export function ReferralActions({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const day = useDay();
  if (REFERRAL_NEXT[referral.outcome].length > 0) return <OutcomeUpdate referral={referral} />;
  if (referral.outcome === 'permesso_avviato' && referral.caseId === null) {
    return (
      <Link
        to={`/casi/nuovo?segnalazione=${encodeURIComponent(referral.id)}`}
        aria-label={t('cases.referrals.takeInChargeFor', { date: day(referral.receivedOn) })}
      >
        {t('cases.referrals.takeInCharge')}
      </Link>
    );
  }
  return <>—</>;
}
