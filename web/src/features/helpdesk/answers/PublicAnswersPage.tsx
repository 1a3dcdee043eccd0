/** `/domande-frequenti`: the public knowledge base (no login): published entries, Italian full-text search. */
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { usePublicAnswerSearch } from './api/answers';
import { Hit, SearchForm, useSearchState } from './SearchForm';

export function PublicAnswersPage() {
  const { t } = useTranslation();
  const { q, topic } = useSearchState();
  const hits = usePublicAnswerSearch({ q: q || undefined, topic });
  return (
    <>
      <PageHeader title={t('helpdesk.answers.search.publicTitle')} lead={t('helpdesk.answers.search.publicLead')} />
      <SearchForm />
      {hits.isPending ? (
        <Loading />
      ) : hits.isError ? (
        <QueryError error={hits.error} onRetry={() => void hits.refetch()} />
      ) : (
        <>
          <p role="status">{t('helpdesk.answers.search.results', { count: hits.data.items.length })}</p>
          {hits.data.items.length === 0 ? (
            <p>{t('helpdesk.answers.search.empty')}</p>
          ) : (
            <ul className="list-unstyled">
              {hits.data.items.map((h) => (
                <Hit
                  key={h.slug}
                  to={`/domande-frequenti/${h.slug}`}
                  question={h.question}
                  topic={h.topic}
                  excerpt={h.excerpt}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
