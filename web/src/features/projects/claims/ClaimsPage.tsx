/**
 * A project's reimbursement claims: the list with period, state and amounts, a new claim for a
 * period (the Comune's staff), and the revisori assigned (the referente and ANCI/Cittalia assign).
 */
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useClaims, useCreateClaim } from './api/claims';
import { day, euro, MutationError, StatusLabel } from './common';
import { RevisoriSection } from './RevisoriSection';

function NewClaim({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const create = useCreateClaim(projectId);
  const [periodStart, setStart] = useState('');
  const [periodEnd, setEnd] = useState('');
  return (
    <form
      className="border rounded p-3 mb-4"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { periodStart, periodEnd },
          { onSuccess: (c) => void navigate(`/progetti/${projectId}/domande/${c.id}`) },
        );
      }}
    >
      <h2 className="h5">{t('projects.claims.list.new')}</h2>
      <div className="row">
        <TextField
          className="col-md-4"
          id={`${id}-start`}
          label={t('projects.claims.list.periodStart')}
          type="date"
          required
          value={periodStart}
          onChange={(e) => setStart(e.target.value)}
        />
        <TextField
          className="col-md-4"
          id={`${id}-end`}
          label={t('projects.claims.list.periodEnd')}
          type="date"
          required
          value={periodEnd}
          onChange={(e) => setEnd(e.target.value)}
        />
      </div>
      <MutationError error={create.error} />
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('projects.claims.list.create')}
      </button>
    </form>
  );
}

export function ClaimsPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const claims = useClaims(projectId);
  return (
    <>
      <PageHeader title={t('projects.claims.list.title')} lead={t('projects.claims.list.lead')} />
      <ProjectTabs projectId={projectId} current="domande" />
      {claims.isPending && <Loading />}
      {claims.isError && <QueryError error={claims.error} onRetry={() => void claims.refetch()} />}
      {claims.data && (
        <>
          {claims.data.actions.includes('CREATE') && <NewClaim projectId={projectId} />}
          {claims.data.items.length === 0 ? (
            <p>{t('projects.claims.list.none')}</p>
          ) : (
            <div className="table-responsive mb-5">
              <table className="table">
                <caption>{t('projects.claims.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.claims.list.number')}</th>
                    <th scope="col">{t('projects.claims.list.period')}</th>
                    <th scope="col">{t('projects.claims.list.status')}</th>
                    <th scope="col" className="text-end">
                      {t('projects.claims.list.requested')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('projects.claims.list.verified')}
                    </th>
                    <th scope="col" className="text-end">
                      {t('projects.claims.list.approved')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {claims.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link
                          to={`/progetti/${projectId}/domande/${c.id}`}
                          aria-label={t('projects.claims.list.open', { n: c.claimNo, v: c.versionNo })}
                        >
                          {`n. ${c.claimNo}`}
                        </Link>{' '}
                        <span className="small">{t('projects.claims.list.version', { n: c.versionNo })}</span>
                      </th>
                      <td>{`${day(c.periodStart)} – ${day(c.periodEnd)}`}</td>
                      <td>
                        <StatusLabel status={c.status} />
                      </td>
                      <td className="text-end">{euro(c.requestedCents)}</td>
                      <td className="text-end">{euro(c.verifiedCents)}</td>
                      <td className="text-end">{euro(c.approvedCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <RevisoriSection projectId={projectId} canAssign={claims.data.actions.includes('ASSIGN_REVISORE')} />
        </>
      )}
    </>
  );
}
