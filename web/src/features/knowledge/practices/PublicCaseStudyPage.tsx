import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { usePublicCaseStudy } from './api/practices';
import { TextBlocks } from './TextBlocks';

/** /casi-studio/:slug: a case study (no login): its sections as plain text, its sources, Comuni and practices. */
export function PublicCaseStudyPage() {
  const { t } = useTranslation();
  const { date } = useFormat();
  const { slug = '' } = useParams();
  const cs = usePublicCaseStudy(slug);
  if (cs.isPending) return <Loading />;
  if (cs.isError) return <QueryError error={cs.error} onRetry={() => void cs.refetch()} />;
  const c = cs.data;
  return (
    <>
      <PageHeader
        title={c.title}
        lead={c.summary}
        breadcrumbs={[{ to: '/casi-studio', label: t('knowledge.practices.cases.title') }]}
      />
      <p className="small">
        {t('knowledge.practices.public.publishedOn')}: {date(c.publishedAt)}
      </p>
      {c.sections.length > 1 && (
        <nav aria-labelledby="caso-indice" className="mb-4">
          <h2 id="caso-indice" className="h5">
            {t('knowledge.practices.cases.contents')}
          </h2>
          <ol>
            {c.sections.map((s, i) => (
              <li key={i}>
                <a href={`#sezione-${i + 1}`}>{s.heading}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {c.sections.map((s, i) => (
        <section key={i} aria-labelledby={`sezione-${i + 1}`} className="mb-4">
          <h2 id={`sezione-${i + 1}`} className="h4">
            {s.heading}
          </h2>
          <TextBlocks text={s.body} />
        </section>
      ))}
      {(c.practices.length > 0 || c.comuni.length > 0) && (
        <section aria-labelledby="caso-collegamenti" className="mb-4">
          <h2 id="caso-collegamenti" className="h4">
            {t('knowledge.practices.cases.related')}
          </h2>
          {c.practices.length > 0 && (
            <ul>
              {c.practices.map((p) => (
                <li key={p.slug}>
                  <Link to={`/buone-pratiche/${p.slug}`}>{p.title}</Link>
                </li>
              ))}
            </ul>
          )}
          {c.comuni.length > 0 && (
            <p>
              {t('knowledge.practices.cases.comuni')}: {c.comuni.map((x) => x.name).join(', ')}
            </p>
          )}
        </section>
      )}
      {c.sources.length > 0 && (
        <section aria-labelledby="caso-fonti" className="mb-4">
          <h2 id="caso-fonti" className="h4">
            {t('knowledge.practices.cases.sources')}
          </h2>
          <ol>
            {c.sources.map((s, i) => (
              <li key={i}>
                {s.citation}
                {s.url && (
                  <>
                    {' — '}
                    <a href={s.url} rel="noreferrer noopener">
                      {s.url}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
