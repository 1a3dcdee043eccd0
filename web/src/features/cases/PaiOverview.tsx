import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './api/types';
import { useDay } from './labels';
import { PaiCell } from './HouseholdSection';
import { Term } from '../../components/Term';

/** "Ammissione e PAI": for each person, the admission and the PAI (or why none can be drafted yet). */
export function PaiOverview({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const day = useDay();
  return (
    <section aria-labelledby="pai-overview-title" className="mb-5">
      <h2 id="pai-overview-title">{t('cases.casePage.paiTitle')}</h2>
      <p>
        {t('help.hints.paiOverview')} <Term id="ammissibilita">{t('help.terms.ammissibilita.term')}</Term> ·{' '}
        <Term id="ammissione">{t('help.terms.ammissione.term')}</Term> · <Term id="pai">PAI</Term>
      </p>
      <div className="table-responsive">
        <table className="table">
          <caption>{t('cases.casePage.paiCaption', { pseudonym: detail.pseudonym })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.household.pseudonym')}</th>
              <th scope="col">{t('cases.household.eligibility')}</th>
              <th scope="col">{t('cases.household.admission')}</th>
              <th scope="col">{t('cases.household.pai')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.members.map((m) => (
              <tr key={m.personId}>
                <th scope="row">{m.pseudonym}</th>
                <td>{m.eligibility.eligible ? t('cases.household.eligible') : t('cases.household.notEligible')}</td>
                <td>
                  {m.admission === null
                    ? t('cases.household.notAdmitted')
                    : t(`cases.admission.status.${m.admission.status}`, {
                        date: day(
                          m.admission.status === 'ammesso'
                            ? m.admission.decidedOn
                            : (m.admission.endedOn ?? m.admission.decidedOn),
                        ),
                      })}
                </td>
                <td>
                  <PaiCell detail={detail} member={m} canWrite={canWrite} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
