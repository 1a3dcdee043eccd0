import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { SearchFilters } from '../../../components/SearchFilters';
import { useFormat } from '../../../lib/format';
import { oneOf, useListParams, useListSearch } from '../../../lib/listParams';
import { usePublicPublications, type PublicPublicationSummary } from './api/publications';
import { publicationKinds, publicationTopics } from './vocabulary';
import { dayIt } from './words';

// the years a filter offers: from the project's first documents to this year
const FIRST_YEAR = 2024;
const years = () => {
  const out: number[] = [];
  for (let y = new Date().getFullYear(); y >= FIRST_YEAR; y--) out.push(y);
  return out;
};

function PublicationCard({ p }: { p: PublicPublicationSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = `pubblicazione-${p.slug}`;
  return (
    <article className="card card-bg mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <p className="mb-1 small text-uppercase fw-semibold">{t(`knowledge.publications.kinds.${p.kind}`)}</p>
        <h3 id={headingId} className="h5 card-title">
          <Link to={`/pubblicazioni/${p.slug}`}>{p.title}</Link>
        </h3>
        <p className="card-text">{p.abstract}</p>
        <ul className="list-inline small mb-0">
          {p.publishedOn && (
            <li className="list-inline-item">
              {t('knowledge.publications.public.publishedOn', { date: dayIt(p.publishedOn) })}
            </li>
          )}
          <li className="list-inline-item">
            {t('knowledge.publications.public.pdf', { size: format.size(p.sizeBytes) })}
          </li>
          {p.accessible && <li className="list-inline-item">{t('knowledge.publications.public.accessible')}</li>}
        </ul>
      </div>
    </article>
  );
}

/** /pubblicazioni: the public library (no login): search in Italian, filters by type, year and axis. */
export function PublicPublicationsPage() {
  const { t } = useTranslation();
  const { get, update, page, pageSize } = useListParams();
  const { text, setText, submit } = useListSearch();
  const q = get('q').trim();
  const kind = oneOf(get('kind'), publicationKinds);
  const topic = oneOf(get('topic'), publicationTopics);
  const yearText = get('year');
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const list = usePublicPublications({
    page,
    pageSize,
    ...(q ? { q } : {}),
    ...(kind ? { kind } : {}),
    ...(topic ? { topic } : {}),
    ...(year ? { year } : {}),
  });
  return (
    <>
      <PageHeader title={t('knowledge.publications.public.title')} lead={t('knowledge.publications.public.lead')} />
      <SearchFilters label={t('knowledge.publications.public.filters')} clearTo="/pubblicazioni" onSubmit={submit}>
        <div className="row align-items-end">
          <div className="col-md-6">
            <TextField
              id="publications-q"
              type="search"
              label={t('knowledge.publications.public.search')}
              hint={t('knowledge.publications.public.searchHint')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
            />
          </div>
          <div className="col-md-2 mb-3">
            <button type="submit" className="btn btn-primary">
              {t('knowledge.publications.public.searchButton')}
            </button>
          </div>
        </div>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="publications-kind"
              label={t('knowledge.publications.public.kind')}
              emptyOption={t('knowledge.publications.public.anyKind')}
              value={kind ?? ''}
              onChange={(e) => update({ kind: e.target.value })}
              options={publicationKinds.map((k) => ({ value: k, label: t(`knowledge.publications.kinds.${k}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="publications-year"
              label={t('knowledge.publications.public.year')}
              emptyOption={t('knowledge.publications.public.anyYear')}
              value={year ? String(year) : ''}
              onChange={(e) => update({ year: e.target.value })}
              options={years().map((y) => ({ value: String(y), label: String(y) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="publications-topic"
              label={t('knowledge.publications.public.topic')}
              emptyOption={t('knowledge.publications.public.anyTopic')}
              value={topic ?? ''}
              onChange={(e) => update({ topic: e.target.value })}
              options={publicationTopics.map((x) => ({ value: x, label: t(`knowledge.publications.topics.${x}`) }))}
            />
          </div>
        </div>
      </SearchFilters>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <section aria-labelledby="pubblicazioni-risultati">
          <h2 id="pubblicazioni-risultati" className="h4" aria-live="polite">
            {t('knowledge.publications.public.results', { count: list.data.total })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{t('knowledge.publications.public.none')}</p>
          ) : (
            <>
              {list.data.items.map((p) => (
                <PublicationCard key={p.id} p={p} />
              ))}
              <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} />
            </>
          )}
        </section>
      )}
    </>
  );
}
