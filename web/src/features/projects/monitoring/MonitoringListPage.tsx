import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useCreateReport } from './api/create-report';
import { useMonitoringReports } from './api/list-reports';
import { dmy } from './types';

/** `/progetti/:projectId/monitoraggio`: the schede trimestrali by quarter, with their state; a new scheda. */
export function MonitoringListPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const me = useSession();
  const navigate = useNavigate();
  const { messageOf } = useProblemMessages();
  const list = useMonitoringReports(projectId);
  const create = useCreateReport(projectId);
  const [quarter, setQuarter] = useState('');
  const canWrite = hasPermission(me, Permission.projectsMonitoringWrite);
  const missing = list.data?.missingQuarters ?? [];

  return (
    <>
      <PageHeader
        title={t('projects.monitoring.list.title')}
        lead={t('projects.monitoring.list.lead')}
        breadcrumbs={[{ label: t('projects.monitoring.project'), to: `/progetti/${projectId}` }]}
      />
      <ProjectTabs projectId={projectId} current="monitoraggio" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.items.length === 0 ? (
            <p>{t('projects.monitoring.list.empty')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table">
                <caption>{t('projects.monitoring.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.monitoring.quarter')}</th>
                    <th scope="col">{t('projects.monitoring.status')}</th>
                    <th scope="col">{t('projects.monitoring.list.submittedAt')}</th>
                    <th scope="col">{t('projects.monitoring.list.approvedAt')}</th>
                    <th scope="col">{t('projects.monitoring.list.openComments')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/progetti/${projectId}/monitoraggio/${r.id}`}>
                          {t('projects.monitoring.quarterLabel', { year: r.year, quarter: r.quarter })}
                        </Link>
                      </th>
                      <td>{t(`projects.monitoring.statuses.${r.status}`)}</td>
                      <td>{dmy(r.submittedAt)}</td>
                      <td>{dmy(r.approvedAt)}</td>
                      <td>{r.openComments}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {missing.length > 0 && (
            <Alert kind="info">
              {t('projects.monitoring.list.missing', {
                quarters: missing.map((q) => t('projects.monitoring.quarterLabel', q)).join(', '),
              })}
            </Alert>
          )}
          {canWrite && missing.length > 0 && (
            <form
              className="mt-4"
              onSubmit={(e) => {
                e.preventDefault();
                const [year, q] = quarter.split('-').map(Number);
                if (!year || !q) return;
                create.mutate(
                  { year, quarter: q },
                  { onSuccess: (r) => void navigate(`/progetti/${projectId}/monitoraggio/${r.id}`) },
                );
              }}
            >
              <h2 className="h4">{t('projects.monitoring.list.new')}</h2>
              {create.isError && (
                <Alert kind="danger" live="alert">
                  {messageOf(create.error)}
                </Alert>
              )}
              <div className="row align-items-end">
                <div className="col-md-6">
                  <SelectField
                    id="new-quarter"
                    label={t('projects.monitoring.quarter')}
                    emptyOption={t('projects.monitoring.list.choose')}
                    value={quarter}
                    onChange={(e) => setQuarter(e.target.value)}
                    options={missing.map((q) => ({
                      value: `${q.year}-${q.quarter}`,
                      label: t('projects.monitoring.quarterLabel', q),
                    }))}
                  />
                </div>
                <div className="col-md-6 mb-4">
                  <button type="submit" className="btn btn-primary" disabled={!quarter || create.isPending}>
                    {t('projects.monitoring.list.create')}
                  </button>
                </div>
              </div>
            </form>
          )}
        </>
      )}
    </>
  );
}
