import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { SearchFilters } from '../../../components/SearchFilters';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { oneOf, useListParams, useListSearch } from '../../../lib/listParams';
import { usePublications } from './api/publications';
import { publicationKinds, publicationStatuses } from './vocabulary';

/** /pubblicazioni-gestione: every publication for ANCI/Cittalia (and MLPS, reading), drafts included. */
export function PublicationsAdminPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = hasPermission(me, Permission.knowledgePublicationsManage);
  const { get, update, page, pageSize } = useListParams();
  const { text, setText, submit } = useListSearch();
  const q = get('q').trim();
  const kind = oneOf(get('kind'), publicationKinds);
  const status = oneOf(get('status'), publicationStatuses);
  const list = usePublications({
    page,
    pageSize,
    ...(q ? { q } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
  });
  return (
    <>
      <PageHeader title={t('knowledge.publications.admin.title')} lead={t('knowledge.publications.admin.lead')}>
        {canManage && (
          <Link to="/pubblicazioni-gestione/nuova" className="btn btn-primary">
            {t('knowledge.publications.admin.new')}
          </Link>
        )}
      </PageHeader>
      <SearchFilters
        label={t('knowledge.publications.admin.filters')}
        clearTo="/pubblicazioni-gestione"
        onSubmit={submit}
      >
        <div className="row">
          <div className="col-md-4">
            <TextField
              id="publications-admin-q"
              type="search"
              label={t('knowledge.publications.admin.search')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="publications-admin-kind"
              label={t('knowledge.publications.public.kind')}
              emptyOption={t('knowledge.publications.public.anyKind')}
              value={kind ?? ''}
              onChange={(e) => update({ kind: e.target.value })}
              options={publicationKinds.map((k) => ({ value: k, label: t(`knowledge.publications.kinds.${k}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="publications-admin-status"
              label={t('knowledge.publications.admin.status')}
              emptyOption={t('knowledge.publications.admin.anyStatus')}
              value={status ?? ''}
              onChange={(e) => update({ status: e.target.value })}
              options={publicationStatuses.map((s) => ({
                value: s,
                label: t(`knowledge.publications.statuses.${s}`),
              }))}
            />
          </div>
        </div>
      </SearchFilters>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p>{t('knowledge.publications.admin.none')}</p>
      ) : (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('knowledge.publications.admin.caption', { count: list.data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('knowledge.publications.admin.colTitle')}</th>
                  <th scope="col">{t('knowledge.publications.admin.colStatus')}</th>
                  <th scope="col" className="text-end">
                    {t('knowledge.publications.admin.colVersion')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('knowledge.publications.admin.colLatest')}
                  </th>
                  <th scope="col">{t('knowledge.publications.admin.colCheck')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/pubblicazioni-gestione/${p.id}`}>{p.title}</Link>
                      <span className="d-block small">{t(`knowledge.publications.kinds.${p.kind}`)}</span>
                    </th>
                    <td>{t(`knowledge.publications.statuses.${p.status}`)}</td>
                    <td className="text-end">{p.publishedVersion ?? t('knowledge.publications.admin.noVersion')}</td>
                    <td className="text-end">{p.latestVersion ?? t('knowledge.publications.admin.noVersion')}</td>
                    <td>
                      {p.latestAccessible === null
                        ? '—'
                        : p.latestAccessible
                          ? t('knowledge.publications.admin.passed')
                          : t('knowledge.publications.admin.failed')}
                    </td>
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
