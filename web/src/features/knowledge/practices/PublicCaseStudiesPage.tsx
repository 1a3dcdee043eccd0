import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { useListParams } from '../../../lib/listParams';
import { usePublicCaseStudies } from './api/practices';

/** /casi-studio: the published case studies (no login). */
export function PublicCaseStudiesPage() {
  const { t } = useTranslation();
  const { page, pageSize } = useListParams();
  const cases = usePublicCaseStudies(page, pageSize);
  return (
    <>
      <PageHeader
        title={t('knowledge.practices.cases.title')}
        lead={t('knowledge.practices.cases.lead')}
        breadcrumbs={[{ to: '/buone-pratiche', label: t('knowledge.practices.public.title') }]}
      />
      {cases.isPending ? (
        <Loading />
      ) : cases.isError ? (
        <QueryError error={cases.error} onRetry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <p>{t('knowledge.practices.cases.none')}</p>
      ) : (
        <>
          {cases.data.items.map((c) => (
            <article key={c.slug} className="card card-bg mb-4" aria-labelledby={`caso-${c.slug}`}>
              <div className="card-body">
                <h2 id={`caso-${c.slug}`} className="h5 card-title">
                  <Link to={`/casi-studio/${c.slug}`}>{c.title}</Link>
                </h2>
                <p className="card-text">{c.summary}</p>
              </div>
            </article>
          ))}
          <Pagination page={cases.data.page} pageSize={cases.data.pageSize} total={cases.data.total} />
        </>
      )}
    </>
  );
}
