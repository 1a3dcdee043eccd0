import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { SearchFilters } from '../../../components/SearchFilters';
import { oneOf, useListParams, useListSearch } from '../../../lib/listParams';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { useCallOptions } from './api/call-options';
import { useProjects } from './api/list-projects';
import type { ProjectStatus } from './api/types';
import { euro, formatDay } from './words';

export const projectStatuses: readonly ProjectStatus[] = [
  'BOZZA',
  'PRESENTATO',
  'APPROVATO',
  'IN_CORSO',
  'CONCLUSO',
  'REVOCATO',
];

/** /progetti: the projects the user reaches, with filters; "Nuovo progetto" for the Comune's staff. */
export function ProjectsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const { get, update, page, pageSize } = useListParams();
  const search = useListSearch();
  const status = oneOf(get('status'), projectStatuses);
  const callId = get('callId');
  const calls = useCallOptions();
  const projects = useProjects({
    page,
    pageSize,
    ...(get('q') ? { q: get('q') } : {}),
    ...(status ? { status } : {}),
    ...(callId ? { callId } : {}),
  });
  const canCreate = hasPermission(me, Permission.projectsDesignWrite);
  return (
    <>
      <PageHeader title={t('projects.design.list.title')} lead={t('projects.design.list.lead')}>
        {canCreate && (
          <Link to="/progetti/nuovo" className="btn btn-primary">
            {t('projects.design.list.new')}
          </Link>
        )}
      </PageHeader>
      <SearchFilters label={t('projects.design.list.filters')} clearTo="/progetti" onSubmit={search.submit}>
        <div className="row">
          <div className="col-md-4">
            <TextField
              id="projects-q"
              label={t('projects.design.list.q')}
              value={search.text}
              onChange={(e) => search.setText(e.target.value)}
              type="search"
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="projects-status"
              label={t('projects.design.list.status')}
              emptyOption={t('projects.design.list.anyStatus')}
              value={status ?? ''}
              onChange={(e) => update({ status: e.target.value })}
              options={projectStatuses.map((s) => ({ value: s, label: t(`projects.design.status.${s}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="projects-call"
              label={t('projects.design.list.call')}
              emptyOption={t('projects.design.list.anyCall')}
              value={callId}
              onChange={(e) => update({ callId: e.target.value })}
              options={(calls.data?.items ?? []).map((c) => ({ value: c.callId, label: c.titleIt }))}
            />
          </div>
        </div>
      </SearchFilters>
      {projects.isPending ? (
        <Loading />
      ) : projects.isError ? (
        <QueryError error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.items.length === 0 ? (
        <p>{t('projects.design.list.none')}</p>
      ) : (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('projects.design.list.caption', { count: projects.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.design.list.colTitle')}</th>
                  <th scope="col">{t('projects.design.fields.cup')}</th>
                  <th scope="col">{t('projects.design.list.colComune')}</th>
                  <th scope="col">{t('projects.design.fields.call')}</th>
                  <th scope="col">{t('projects.design.list.colDates')}</th>
                  <th scope="col">{t('projects.design.fields.status')}</th>
                  <th scope="col" className="text-end">
                    {t('projects.design.list.colBudget')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {projects.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/progetti/${p.id}`}>{p.title}</Link>
                    </th>
                    <td>{p.cup ?? '—'}</td>
                    <td>
                      {p.comuneName}
                      <span className="d-block small text-muted">{p.regionName}</span>
                    </td>
                    <td>{p.callTitle}</td>
                    <td>
                      {formatDay(p.startDate)} – {formatDay(p.endDate)}
                    </td>
                    <td>{t(`projects.design.status.${p.status}`)}</td>
                    <td className="text-end text-nowrap">
                      {p.budgetTotalCents === null ? t('projects.design.list.noBudget') : euro(p.budgetTotalCents)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={projects.data.page} pageSize={projects.data.pageSize} total={projects.data.total} />
        </>
      )}
    </>
  );
}
