/**
 * One reimbursement claim (issue 12 items 4–5): its facts, the steps the caller may take, the
 * expenses (a draft's chooser; the revisore's verification table), the totals per category
 * against the budget with the cumulative progress, the verbale's downloads and the history.
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useClaim, verbaleDocumentUrl, type ClaimDetail } from './api/claims';
import { ClaimActions } from './ClaimActions';
import { ExpenseChooser, ExpenseTable } from './ClaimExpenses';
import { day, euro, formatBp, StatusLabel } from './common';

const DOCUMENTS = ['verbale.pdf', 'allegato-1.pdf', 'allegato-2.pdf', 'allegato-1.xlsx', 'allegato-2.xlsx'] as const;

function Facts({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const base = `/progetti/${claim.projectId}/domande`;
  return (
    <section aria-labelledby="claim-facts" className="mb-4">
      <h2 id="claim-facts" className="h4">
        {t('projects.claims.detail.facts')}
      </h2>
      <dl className="row">
        <dt className="col-sm-4">{t('projects.claims.detail.status')}</dt>
        <dd className="col-sm-8">
          <StatusLabel status={claim.status} />
        </dd>
        <dt className="col-sm-4">{t('projects.claims.detail.period')}</dt>
        <dd className="col-sm-8">
          {t('projects.claims.detail.periodValue', { from: day(claim.periodStart), to: day(claim.periodEnd) })}
        </dd>
        {claim.submittedAt && (
          <>
            <dt className="col-sm-4">{t('projects.claims.detail.submittedAt')}</dt>
            <dd className="col-sm-8">{day(claim.submittedAt)}</dd>
          </>
        )}
        <dt className="col-sm-4">{t('projects.claims.detail.requested')}</dt>
        <dd className="col-sm-8">{euro(claim.requestedCents ?? claim.totals.claimedCents)}</dd>
        {claim.verifiedCents !== null && (
          <>
            <dt className="col-sm-4">{t('projects.claims.detail.verified')}</dt>
            <dd className="col-sm-8">{euro(claim.verifiedCents)}</dd>
          </>
        )}
        {claim.approvedCents !== null && (
          <>
            <dt className="col-sm-4">{t('projects.claims.detail.approved')}</dt>
            <dd className="col-sm-8">{euro(claim.approvedCents)}</dd>
          </>
        )}
        {claim.paidCents !== null && (
          <>
            <dt className="col-sm-4">{t('projects.claims.detail.paid')}</dt>
            <dd className="col-sm-8">
              {euro(claim.paidCents)} {t('projects.claims.detail.paidOn', { date: day(claim.paidOn) })}
            </dd>
          </>
        )}
        {claim.supersedesId && (
          <>
            <dt className="col-sm-4">{t('projects.claims.detail.supersedes')}</dt>
            <dd className="col-sm-8">
              <Link to={`${base}/${claim.supersedesId}`}>{t('projects.claims.detail.openVersion')}</Link>
            </dd>
          </>
        )}
        {claim.supersededById && (
          <>
            <dt className="col-sm-4">{t('projects.claims.detail.supersededBy')}</dt>
            <dd className="col-sm-8">
              <Link to={`${base}/${claim.supersededById}`}>{t('projects.claims.detail.openVersion')}</Link>
            </dd>
          </>
        )}
      </dl>
      {claim.status !== 'BOZZA' && <p className="small">{t('projects.claims.detail.frozen')}</p>}
    </section>
  );
}

function Totals({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  const x = claim.totals;
  return (
    <section aria-labelledby="claim-totals" className="mb-4">
      <h2 id="claim-totals" className="h4">
        {t('projects.claims.detail.totals')}
      </h2>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('projects.claims.detail.totalsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.claims.detail.category')}</th>
              <th scope="col" className="text-end">
                {t('projects.claims.detail.budget')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.claims.detail.claimed')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.claims.detail.previous')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.claims.detail.cumulative')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.claims.detail.progress')}
              </th>
            </tr>
          </thead>
          <tbody>
            {x.categories.map((c) => (
              <tr key={c.code}>
                <th scope="row">{`${c.code} – ${c.label}`}</th>
                <td className="text-end">{euro(c.budgetCents)}</td>
                <td className="text-end">{euro(c.claimedCents)}</td>
                <td className="text-end">{euro(c.previousCents)}</td>
                <td className="text-end">{euro(c.cumulativeCents)}</td>
                <td className="text-end">{formatBp(c.progressBp)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('projects.claims.detail.total')}</th>
              <td className="text-end">{euro(x.budgetCents)}</td>
              <td className="text-end">{euro(x.claimedCents)}</td>
              <td className="text-end">{euro(x.previousCents)}</td>
              <td className="text-end">{euro(x.cumulativeCents)}</td>
              <td className="text-end">{formatBp(x.progressBp)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Verbale({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  if (!claim.verbale) return null;
  return (
    <section aria-labelledby="claim-verbale" className="mb-4">
      <h2 id="claim-verbale" className="h4">
        {t('projects.claims.detail.downloads')}
      </h2>
      <p>
        {t('projects.claims.detail.verbaleIssued', {
          n: claim.verbale.number,
          date: day(claim.verbale.issuedAt),
          by: claim.verbale.byName ?? '—',
        })}
      </p>
      <ul className="list-unstyled d-flex flex-wrap gap-2">
        {DOCUMENTS.map((doc) => (
          <li key={doc}>
            <a
              className="btn btn-outline-primary btn-sm"
              href={verbaleDocumentUrl(claim.projectId, claim.id, doc)}
              download
            >
              {t(`projects.claims.detail.download.${doc}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ claim }: { claim: ClaimDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="claim-events" className="mb-4">
      <h2 id="claim-events" className="h4">
        {t('projects.claims.detail.events')}
      </h2>
      <ol>
        {claim.events.map((e) => (
          <li key={e.id}>
            {e.from === e.to && e.note ? (
              // not a change of state (the verbale): what happened is the note
              t('projects.claims.detail.eventNote', { date: day(e.at), note: e.note, actor: e.actorName ?? '—' })
            ) : (
              <>
                {t('projects.claims.detail.event', {
                  date: day(e.at),
                  to: t(`projects.claims.status.${e.to}`, e.to),
                  actor: e.actorName ?? '—',
                })}
                {e.note && <div className="small">{e.note}</div>}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ClaimPage() {
  const { t } = useTranslation();
  const { projectId = '', claimId = '' } = useParams();
  const claim = useClaim(projectId, claimId);
  const title = claim.data
    ? t('projects.claims.detail.title', { n: claim.data.claimNo, v: claim.data.versionNo })
    : t('projects.claims.list.title');
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: t('projects.claims.list.title'), to: `/progetti/${projectId}/domande` }]}
        lead={
          claim.data
            ? `${claim.data.project.title}${claim.data.project.cup ? ` – CUP ${claim.data.project.cup}` : ''}`
            : undefined
        }
      />
      <ProjectTabs projectId={projectId} current="domande" />
      {claim.isPending && <Loading />}
      {claim.isError && <QueryError error={claim.error} onRetry={() => void claim.refetch()} />}
      {claim.data && (
        <>
          {claim.data.status === 'SOSTITUITA' && <Alert kind="info">{t('projects.claims.detail.supersededBy')}</Alert>}
          <Facts claim={claim.data} />
          <ClaimActions claim={claim.data} />
          {claim.data.actions.includes('EXPENSES') && <ExpenseChooser key={claim.data.rowVersion} claim={claim.data} />}
          <ExpenseTable claim={claim.data} />
          <Totals claim={claim.data} />
          <Verbale claim={claim.data} />
          <History claim={claim.data} />
        </>
      )}
    </>
  );
}
