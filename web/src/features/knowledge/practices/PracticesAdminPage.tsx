import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { oneOf, useListParams } from '../../../lib/listParams';
import { Permission } from '../../../lib/permissions';
import { practiceStatuses } from '../../../lib/practice-vocabulary';
import { hasPermission, useSession } from '../../../lib/session';
import { usePractices } from './api/practices';

/** /buone-pratiche-gestione: the practices the user writes (their Comune's) or reviews (all), with their states. */
export function PracticesAdminPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const me = useSession();
  const { get, update, page, pageSize } = useListParams();
  const status = oneOf(get('stato'), practiceStatuses);
  const list = usePractices({ page, pageSize, ...(status ? { status } : {}) });
  return (
    <>
      <PageHeader title={t('knowledge.practices.admin.title')} lead={t('knowledge.practices.admin.lead')} />
      <p>
        <Link className="btn btn-primary me-2" to="/buone-pratiche-gestione/nuova">
          {t('knowledge.practices.admin.new')}
        </Link>
        {hasPermission(me, Permission.knowledgeCase_studiesWrite) && (
          <Link to="/casi-studio-gestione">{t('knowledge.practices.admin.caseStudies')}</Link>
        )}
      </p>
      <form aria-label={t('knowledge.practices.public.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="practices-status"
              label={t('knowledge.practices.form.status')}
              emptyOption={t('knowledge.practices.public.any')}
              value={status ?? ''}
              onChange={(e) => update({ stato: e.target.value })}
              options={practiceStatuses.map((s) => ({ value: s, label: t(`knowledge.practices.statuses.${s}`) }))}
            />
          </div>
        </div>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('knowledge.practices.admin.none')}</p>
      ) : (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('knowledge.practices.admin.caption', { count: list.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('knowledge.practices.fields.title')}</th>
                  <th scope="col">{t('knowledge.practices.fields.comune')}</th>
                  <th scope="col">{t('knowledge.practices.form.status')}</th>
                  <th scope="col">{t('knowledge.practices.admin.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/buone-pratiche-gestione/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>{p.comuneName ?? t('knowledge.practices.admin.national')}</td>
                    <td>{t(`knowledge.practices.statuses.${p.status}`)}</td>
                    <td>{date(p.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} />
        </>
      )}
    </>
  );
}
