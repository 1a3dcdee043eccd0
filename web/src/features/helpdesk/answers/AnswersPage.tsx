/**
 * `/base-di-conoscenza`: the knowledge base for every logged-in user (published entries, Italian
 * full-text search); the help desk also sees drafts and withdrawn entries and writes new ones.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { useAnswerSearch, type AnswerStatus } from './api/answers';
import { Hit, SearchForm, useSearchState } from './SearchForm';

const answerStatuses: readonly AnswerStatus[] = ['PUBBLICATA', 'BOZZA', 'RITIRATA'];

export function AnswersPage() {
  const { t } = useTranslation();
  const me = useSession();
  const staff = hasPermission(me, Permission.helpdeskHandle);
  const asker = hasPermission(me, Permission.helpdeskRequest);
  const { q, topic, params, set } = useSearchState();
  const statusParam = params.get('stato') ?? '';
  const status =
    staff && (answerStatuses as readonly string[]).includes(statusParam) ? (statusParam as AnswerStatus) : undefined;
  const hits = useAnswerSearch({ q: q || undefined, topic, status });
  return (
    <>
      <PageHeader title={t('helpdesk.answers.search.title')} lead={t('helpdesk.answers.search.lead')} />
      {staff && (
        <p>
          <Link className="btn btn-outline-primary" to="/base-di-conoscenza/nuova">
            {t('helpdesk.answers.search.new')}
          </Link>
        </p>
      )}
      <SearchForm
        extra={
          staff && (
            <div className="col-md-4">
              <SelectField
                id="kb-status"
                label={t('helpdesk.answers.search.status')}
                value={status ?? ''}
                options={answerStatuses.map((s) => ({
                  value: s === 'PUBBLICATA' ? '' : s,
                  label: t(`helpdesk.common.answerStatuses.${s}`),
                }))}
                onChange={(e) => set({ stato: e.target.value })}
              />
            </div>
          )
        }
      />
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
                  key={h.id}
                  to={`/base-di-conoscenza/${h.id}`}
                  question={h.question}
                  topic={h.topic}
                  excerpt={h.excerpt}
                />
              ))}
            </ul>
          )}
        </>
      )}
      {asker && (
        <p className="mt-4">
          <Link to="/assistenza-tecnica/nuova">{t('helpdesk.answers.search.ask')}</Link>
        </p>
      )}
    </>
  );
}
