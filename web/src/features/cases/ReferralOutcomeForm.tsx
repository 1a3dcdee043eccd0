import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { FieldMessages, describedBy } from '../../components/FormField';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { Referral } from './api/types';
import { useUpdatePilotReferral } from './api/update-referral';
import { useDay } from './labels';
import { usePilotForm } from './problems';
import { REFERRAL_NEXT, REFERRAL_OUTCOMES, todayIso } from './vocab';

/** A compact "new outcome + date" form for a referral whose screening is not concluded yet. */
function OutcomeUpdate({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const day = useDay();
  const notify = useNotify();
  const form = usePilotForm();
  const update = useUpdatePilotReferral();
  const next = REFERRAL_NEXT[referral.outcome];
  const [outcome, setOutcome] = useState('');
  const [on, setOn] = useState(todayIso());
  const ids = { outcome: `ref-${referral.id}-outcome`, on: `ref-${referral.id}-on` };
  const of = { date: day(referral.receivedOn) };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = oneOf(outcome, REFERRAL_OUTCOMES);
    const ok = form.check({
      [ids.outcome]: chosen === undefined ? t('fieldErrors.required') : undefined,
      [ids.on]: on === '' ? t('fieldErrors.required') : undefined,
    });
    if (!ok || chosen === undefined) return;
    update.mutate(
      { referralId: referral.id, body: { outcome: chosen, outcomeOn: on } },
      {
        onSuccess: () => notify(t('cases.referrals.updated')),
        onError: (error) => form.fail(error, { outcome: ids.outcome, outcomeOn: ids.on }),
      },
    );
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('cases.referrals.updateFor', of)} className="d-flex flex-column gap-1">
      <label htmlFor={ids.outcome} className="visually-hidden">
        {t('cases.referrals.updateLabelFor', of)}
      </label>
      <select
        id={ids.outcome}
        className={`form-select form-select-sm${form.errors[ids.outcome] !== undefined ? ' is-invalid' : ''}`}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        aria-invalid={form.errors[ids.outcome] !== undefined ? true : undefined}
        aria-describedby={describedBy(ids.outcome, undefined, form.errors[ids.outcome])}
      >
        <option value="">{t('cases.referrals.updateLabel')}</option>
        {next.map((o) => (
          <option key={o} value={o}>
            {t(`cases.referralOutcome.${o}`)}
          </option>
        ))}
      </select>
      <FieldMessages id={ids.outcome} error={form.errors[ids.outcome]} />
      <label htmlFor={ids.on} className="visually-hidden">
        {t('cases.referrals.outcomeOnFor', of)}
      </label>
      <input
        id={ids.on}
        type="date"
        className={`form-control form-control-sm${form.errors[ids.on] !== undefined ? ' is-invalid' : ''}`}
        value={on}
        min={referral.receivedOn}
        max={todayIso()}
        onChange={(e) => setOn(e.target.value)}
        aria-invalid={form.errors[ids.on] !== undefined ? true : undefined}
        aria-describedby={describedBy(ids.on, undefined, form.errors[ids.on])}
      />
      <FieldMessages id={ids.on} error={form.errors[ids.on]} />
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={update.isPending}>
        {t('cases.referrals.update')}
      </button>
      {form.summary.general !== null && (
        <Alert kind="danger" live="alert" className="mb-0 mt-1 small">
          {form.summary.general}
        </Alert>
      )}
    </form>
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
