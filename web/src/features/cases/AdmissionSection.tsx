import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider, requiredText } from '../../lib/schemaForm';
import type { CaseDetail, Member } from './api/types';
import { useDecidePilotAdmission } from './api/decide-admission';
import { useTransitionPilotCase } from './api/transition-case';
import { usePilotSchemaForm } from './problems';
import { todayIso } from './vocab';
import { Term } from '../../components/Term';

const admissionSchema = (t: TFunction) =>
  z.object({
    on: requiredText(t('fieldErrors.required')),
    reason: z
      .string()
      .refine((v) => v.trim().length >= 3, t('fieldErrors.too_small'))
      .transform((v) => v.trim()),
  });

/** The referente's decision on one person: admit (the holder through the case's move) or revoke. */
function AdmissionForm({ detail, member }: { detail: CaseDetail; member: Member }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const decide = useDecidePilotAdmission(detail.id);
  const transition = useTransitionPilotCase(detail.id);
  const form = usePilotSchemaForm({
    schema: admissionSchema,
    defaultValues: { on: todayIso(), reason: '' },
    idPrefix: 'adm-',
  });
  const admitted = member.admission?.status === 'ammesso';
  const holderAdmitsByTransition = member.role === 'titolare' && !admitted;

  const onSubmit = form.submit(async ({ on, reason }) => {
    if (holderAdmitsByTransition) await transition.mutateAsync({ to: 'ammesso_misure', on, reason });
    else
      await decide.mutateAsync({
        personId: member.personId,
        body: { decision: admitted ? 'revoca' : 'ammetti', on, reason },
      });
    notify(t('cases.admission.done'));
    form.methods.setValue('reason', '');
  });

  if (holderAdmitsByTransition && !detail.allowedTransitions.includes('ammesso_misure')) return null;
  const legendId = `adm-title-${member.personId}`;
  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-labelledby={legendId}>
        <h3 id={legendId} className="h5">
          {t('cases.admission.title', { pseudonym: member.pseudonym })}
        </h3>
        <FormSummary />
        <div className="row pt-3">
          <div className="col-md-4">
            <FormText
              name="on"
              id={`adm-on-${member.personId}`}
              type="date"
              label={t('cases.admission.on')}
              required
              max={todayIso()}
            />
          </div>
          <div className="col-md-8">
            <FormText
              name="reason"
              id={`adm-reason-${member.personId}`}
              label={t('cases.admission.reason')}
              hint={t('cases.transition.reasonHint')}
              required
            />
          </div>
        </div>
        <button
          type="submit"
          className={admitted ? 'btn btn-outline-danger' : 'btn btn-primary'}
          disabled={decide.isPending || transition.isPending}
        >
          {admitted
            ? t('cases.admission.revoke')
            : holderAdmitsByTransition
              ? t('cases.admission.admitHolder')
              : t('cases.admission.admit')}
        </button>
      </form>
    </SchemaFormProvider>
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
      <p>
        {t('help.hints.admission')} <Term id="ammissione" /> · <Term id="revoca">{t('help.terms.revoca.term')}</Term>
      </p>
      {members.map((m) => (
        <AdmissionForm key={m.personId} detail={detail} member={m} />
      ))}
    </section>
  );
}
