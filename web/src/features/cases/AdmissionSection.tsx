import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import type { CaseDetail, Member } from './api/types';
import { useDecidePilotAdmission } from './api/decide-admission';
import { useTransitionPilotCase } from './api/transition-case';
import { usePilotForm } from './problems';
import { todayIso } from './vocab';

/** The referente's decision on one person: admit (the holder through the case's move) or revoke. */
function AdmissionForm({ detail, member }: { detail: CaseDetail; member: Member }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const decide = useDecidePilotAdmission(detail.id);
  const transition = useTransitionPilotCase(detail.id);
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const ids = { on: `adm-on-${member.personId}`, reason: `adm-reason-${member.personId}` };
  const admitted = member.admission?.status === 'ammesso';
  const holderAdmitsByTransition = member.role === 'titolare' && !admitted;
  if (holderAdmitsByTransition && !detail.allowedTransitions.includes('ammesso_misure')) return null;
  const labels = { [ids.on]: t('cases.admission.on'), [ids.reason]: t('cases.admission.reason') };
  const paths = { on: ids.on, reason: ids.reason };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check({
      [ids.on]: on === '' ? t('fieldErrors.required') : undefined,
      [ids.reason]: reason.trim().length < 3 ? t('fieldErrors.too_small') : undefined,
    });
    if (!ok) return;
    const done = {
      onSuccess: () => {
        notify(t('cases.admission.done'));
        setReason('');
      },
      onError: (error: unknown) => form.fail(error, paths),
    };
    if (holderAdmitsByTransition) transition.mutate({ to: 'ammesso_misure', on, reason: reason.trim() }, done);
    else decide.mutate({ personId: member.personId, body: { decision: admitted ? 'revoca' : 'ammetti', on, reason: reason.trim() } }, done);
  };

  const legendId = `adm-title-${member.personId}`;
  return (
    <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-labelledby={legendId}>
      <h3 id={legendId} className="h5">
        {t('cases.admission.title', { pseudonym: member.pseudonym })}
      </h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <div className="row pt-3">
        <div className="col-md-4">
          <TextField id={ids.on} type="date" label={labels[ids.on]!} required value={on} max={todayIso()} onChange={(e) => setOn(e.target.value)} error={form.errors[ids.on]} />
        </div>
        <div className="col-md-8">
          <TextField id={ids.reason} label={labels[ids.reason]!} hint={t('cases.transition.reasonHint')} required value={reason} onChange={(e) => setReason(e.target.value)} error={form.errors[ids.reason]} />
        </div>
      </div>
      <button type="submit" className={admitted ? 'btn btn-outline-danger' : 'btn btn-primary'} disabled={decide.isPending || transition.isPending}>
        {admitted ? t('cases.admission.revoke') : holderAdmitsByTransition ? t('cases.admission.admitHolder') : t('cases.admission.admit')}
      </button>
    </form>
  );
}

/** For the referente: admit or revoke each person whose status allows it. */
export function AdmissionSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const members = detail.members.filter(
    (m) => m.admission?.status === 'ammesso' || (m.eligibility.eligible && m.admission?.status !== 'revocato'),
  );
  if (detail.status === 'chiuso' || members.length === 0) return null;
  return (
    <section aria-labelledby="admission-title" className="mb-5">
      <h2 id="admission-title">{t('cases.household.admission')}</h2>
      {members.map((m) => (
        <AdmissionForm key={m.personId} detail={detail} member={m} />
      ))}
    </section>
  );
}
