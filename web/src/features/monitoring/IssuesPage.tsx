import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { SearchFilters } from '../../components/SearchFilters';
import { Alert } from '../../components/Alert';
import { oneOf, useListParams } from '../../lib/listParams';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { useIssues } from './api/find-issues';
import { usePilotComuni } from './api/find-pilot-comuni';
import { useMonitoringFormat } from './format';
import { IssueCreateForm } from './IssueCreateForm';
import { IssueEditForm } from './IssueEditForm';
import { ISSUE_STATUSES, type Issue, type IssuesQuery } from './types';

function useIssuesQuery(national: boolean): IssuesQuery {
  const { get, page, pageSize } = useListParams();
  const query: IssuesQuery = { page, pageSize };
  const status = oneOf(get('status'), ISSUE_STATUSES);
  if (status !== undefined) query.status = status;
  if (national && /^\d{6}$/.test(get('comune'))) query.comune = get('comune');
  return query;
}

/** A section holding a form, whose heading takes focus when it opens. */
function FormSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby={id} className="my-5">
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function IssuesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useMonitoringFormat();
  const { get, update } = useListParams();
  const national = me.scope.level !== 'comune';
  const ownComune = me.scope.level === 'comune' ? me.scope.comuneIstat : null;
  const canManage = hasPermission(me, Permission.pilotIssuesManage);
  const comuni = usePilotComuni(national);
  const comuneOptions = (comuni.data?.items ?? []).map((c) => ({ value: c.istatCode, label: c.name }));
  const issues = useIssues(useIssuesQuery(national));
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Issue | null>(null);

  return (
    <>
      <PageHeader title={t('monitoring.issues.title')} lead={t('monitoring.issues.lead')}>
        {canManage && !creating && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setEditing(null);
              setCreating(true);
            }}
          >
            {t('monitoring.issues.create')}
          </button>
        )}
      </PageHeader>
      <Alert kind="warning" className="mb-4">
        <strong>{t('monitoring.issues.noPersonalDataTitle')}</strong> {t('monitoring.issues.noPersonalData')}
      </Alert>
      {creating && (
        <FormSection id="create-title" title={t('monitoring.issues.create')}>
          <IssueCreateForm ownComune={ownComune} comuni={comuneOptions} onDone={() => setCreating(false)} />
        </FormSection>
      )}
      {editing !== null && (
        <FormSection
          key={editing.id}
          id="edit-title"
          title={t('monitoring.issues.editTitle', { title: editing.title })}
        >
          <p>
            {editing.comuneName} · {t(`monitoring.issueCategories.${editing.category}`)}
          </p>
          <p className="incas-prose">{editing.description}</p>
          <IssueEditForm issue={editing} onDone={() => setEditing(null)} />
        </FormSection>
      )}
      <SearchFilters label={t('monitoring.issues.filters')} clearTo="/criticita" onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          {national && (
            <div className="col-md-6 col-lg-4">
              <SelectField
                id="filter-comune"
                label={t('monitoring.issues.comune')}
                emptyOption={t('common.all')}
                value={get('comune')}
                onChange={(e) => update({ comune: e.target.value })}
                options={comuneOptions}
              />
            </div>
          )}
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="filter-status"
              label={t('monitoring.issues.status')}
              emptyOption={t('common.all')}
              value={get('status')}
              onChange={(e) => update({ status: e.target.value })}
              options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`monitoring.issueStatuses.${s}`) }))}
            />
          </div>
        </div>
      </SearchFilters>
      <ListResults
        query={issues}
        hover={false}
        busy={issues.isFetching}
        count={(values) => t('monitoring.issues.count', values)}
        caption={(page) => t('monitoring.issues.caption', { page })}
        columns={
          <>
            <th scope="col">{t('monitoring.issues.issueTitle')}</th>
            <th scope="col">{t('monitoring.issues.comune')}</th>
            <th scope="col">{t('monitoring.issues.category')}</th>
            <th scope="col">{t('monitoring.issues.owner')}</th>
            <th scope="col">{t('monitoring.issues.dueOn')}</th>
            <th scope="col">{t('monitoring.issues.status')}</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">{t('monitoring.issues.actions')}</span>
              </th>
            )}
          </>
        }
        row={(issue) => (
          <tr key={issue.id}>
            <th scope="row">{issue.title}</th>
            <td>{issue.comuneName}</td>
            <td>{t(`monitoring.issueCategories.${issue.category}`)}</td>
            <td>{issue.owner}</td>
            <td>
              {format.date(issue.dueOn)}
              {issue.overdue && <span className="badge bg-danger ms-2">{t('monitoring.issues.overdue')}</span>}
            </td>
            <td>{t(`monitoring.issueStatuses.${issue.status}`)}</td>
            {canManage && (
              <td>
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  onClick={() => {
                    setCreating(false);
                    setEditing(issue);
                  }}
                >
                  {t('monitoring.issues.edit')}
                  <span className="visually-hidden">: {issue.title}</span>
                </button>
              </td>
            )}
          </tr>
        )}
      />
    </>
  );
}
