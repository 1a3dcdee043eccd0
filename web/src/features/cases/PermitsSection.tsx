import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, Member } from './api/types';
import { OnDemand } from '../../components/OnDemand';
import { useDay } from './labels';
import { PermitBadge } from './PermitBadge';
import { PermitCreateForm, PermitEventForm } from './PermitForms';
import { Term } from '../../components/Term';

function PersonPermits({ detail, member, canWrite }: { detail: CaseDetail; member: Member; canWrite: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  const [adding, setAdding] = useState(false);
  const titleId = `permits-${member.personId}`;
  const formId = `permit-form-${member.personId}`;
  const dates = (p: Member['permits'][number]) =>
    (
      [
        ['receiptOn', p.receiptOn],
        ['issuedOn', p.issuedOn],
        ['expiresOn', p.expiresOn],
      ] as const
    )
      .filter(([, d]) => d !== null)
      .map(([k, d]) => `${t(`cases.permits.${k}`)}: ${day(d)}`)
      .join('; ');

  return (
    <div className="mb-4">
      <h3 id={titleId} className="h5">
        {t('cases.permits.of', { pseudonym: member.pseudonym })}
      </h3>
      {member.permits.length === 0 ? (
        <p>{t('cases.permits.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('cases.permits.caption', { pseudonym: member.pseudonym })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.permits.basis')}</th>
                <th scope="col">{t('cases.permits.questura')}</th>
                <th scope="col">{t('cases.permits.status')}</th>
                <th scope="col">{t('cases.permits.dates')}</th>
                <th scope="col">{t('cases.permits.number')}</th>
              </tr>
            </thead>
            <tbody>
              {member.permits.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{t(`cases.permitBasis.${p.basis}`)}</th>
                  <td>{p.questura}</td>
                  <td>
                    <PermitBadge status={p.status} expiresOn={null} />
                    {p.daysToExpiry !== null && p.daysToExpiry >= 0 && (
                      <span className="d-block small">
                        {t('cases.permits.daysToExpiry', { count: p.daysToExpiry })}
                      </span>
                    )}
                  </td>
                  <td>{dates(p)}</td>
                  <td>{p.number ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite &&
        member.permits
          .filter((p) => p.status !== 'revocato' && p.status !== 'convertito')
          .map((p) => (
            <OnDemand
              key={p.id}
              className="mb-3"
              buttonClassName="btn btn-outline-primary btn-sm"
              openLabel={t('cases.casePage.permitEvent', {
                basis: t(`cases.permitBasis.${p.basis}`),
                pseudonym: member.pseudonym,
              })}
              closeLabel={t('cases.casePage.closeForm')}
            >
              <PermitEventForm caseId={detail.id} permit={p} />
            </OnDemand>
          ))}
      {canWrite && (
        <>
          <button
            type="button"
            className="btn btn-outline-primary btn-sm mt-2"
            aria-expanded={adding}
            aria-controls={formId}
            onClick={() => setAdding(!adding)}
          >
            {t('cases.permits.addFor', { pseudonym: member.pseudonym })}
          </button>
          <div id={formId} className="mt-3">
            {adding && <PermitCreateForm caseId={detail.id} member={member} onDone={() => setAdding(false)} />}
          </div>
        </>
      )}
    </div>
  );
}

/** Each person's permits, with "Registra permesso" and the events of each live permit. */
export function PermitsSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="permits-title" className="mb-5">
      <h2 id="permits-title">{t('cases.permits.title')}</h2>
      <p>
        {t('help.hints.permits')} <Term id="permesso-18-ter">{t('help.terms.permesso-18-ter.term')}</Term> ·{' '}
        <Term id="scadenza-permesso">{t('help.terms.scadenza-permesso.term')}</Term> ·{' '}
        <Term id="rinnovo-conversione">{t('help.terms.rinnovo-conversione.term')}</Term>
      </p>
      {detail.members.map((m) => (
        <PersonPermits key={m.personId} detail={detail} member={m} canWrite={canWrite && detail.status !== 'chiuso'} />
      ))}
    </section>
  );
}
