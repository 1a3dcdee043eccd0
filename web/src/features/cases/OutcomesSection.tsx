import { useTranslation } from 'react-i18next';
import { OnDemand } from '../../components/OnDemand';
import { RecordStatus } from '../../components/RecordStatus';
import type { CaseDetail, CaseOutcomes } from './api/types';
import { usePilotOutcomes } from './api/list-outcomes';
import { useDay } from './labels';
import { ContractForm, OutcomeForm } from './OutcomeForms';

function ContractsTable({ outcomes }: { outcomes: CaseOutcomes }) {
  const { t } = useTranslation();
  const day = useDay();
  if (outcomes.contracts.length === 0) return <p>{t('cases.outcomes.noContracts')}</p>;
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{t('cases.outcomes.contractsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.outcomes.person')}</th>
            <th scope="col">{t('cases.outcomes.contractType')}</th>
            <th scope="col">{t('cases.outcomes.ateco')}</th>
            <th scope="col">{t('cases.outcomes.ccnl')}</th>
            <th scope="col">{t('cases.outcomes.weeklyHours')}</th>
            <th scope="col">{t('cases.outcomes.period')}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.contracts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.pseudonym}</th>
              <td>{t(`cases.contractType.${c.type}`)}</td>
              <td>{c.ateco}</td>
              <td>{c.ccnl ?? '—'}</td>
              <td>{c.weeklyHours ?? '—'}</td>
              <td>
                {c.endOn === null
                  ? t('cases.outcomes.from', { from: day(c.startOn) })
                  : t('cases.outcomes.fromTo', { from: day(c.startOn), to: day(c.endOn) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomesTable({ outcomes }: { outcomes: CaseOutcomes }) {
  const { t } = useTranslation();
  const day = useDay();
  if (outcomes.outcomes.length === 0) return <p>{t('cases.outcomes.noOutcomes')}</p>;
  const employed = (v: boolean | null) =>
    v === null ? '—' : v ? t('cases.outcomes.employedYes') : t('cases.outcomes.employedNo');
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{t('cases.outcomes.outcomesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.outcomes.person')}</th>
            <th scope="col">{t('cases.outcomes.kind')}</th>
            <th scope="col">{t('cases.outcomes.occurredOn')}</th>
            <th scope="col">{t('cases.outcomes.employed')}</th>
            <th scope="col">{t('cases.outcomes.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {outcomes.outcomes.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.pseudonym}</th>
              <td>{t(`cases.outcomeKind.${o.kind}`)}</td>
              <td>{day(o.occurredOn)}</td>
              <td>{employed(o.employed)}</td>
              <td>{o.detail ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Esiti e lavoro": the members' employment contracts and outcomes, with the forms that record them. */
export function OutcomesSection({ detail, canWrite }: { detail: CaseDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const outcomes = usePilotOutcomes(detail.id);
  return (
    <section aria-labelledby="outcomes-title" className="mb-5">
      <h2 id="outcomes-title">{t('cases.outcomes.title')}</h2>
      {outcomes.isPending || outcomes.error !== null ? (
        <RecordStatus query={outcomes} />
      ) : (
        <>
          <h3 className="h5">{t('cases.outcomes.contractsTitle')}</h3>
          <ContractsTable outcomes={outcomes.data} />
          <h3 className="h5 mt-4">{t('cases.outcomes.outcomesTitle')}</h3>
          <OutcomesTable outcomes={outcomes.data} />
        </>
      )}
      {canWrite && (
        <div className="mt-4 d-flex flex-column">
          <OnDemand openLabel={t('cases.casePage.addContract')} closeLabel={t('cases.casePage.closeForm')}>
            <ContractForm detail={detail} />
          </OnDemand>
          <OnDemand openLabel={t('cases.casePage.addOutcome')} closeLabel={t('cases.casePage.closeForm')}>
            <OutcomeForm detail={detail} />
          </OnDemand>
        </div>
      )}
    </section>
  );
}
