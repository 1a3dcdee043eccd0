import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { publicFileUrl, usePublicPublication } from './api/publications';
import { dayIt } from './words';

/** /pubblicazioni/:slug: a publication's public page (no login): metadata, the PDF, the earlier versions. */
export function PublicPublicationPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug = '' } = useParams();
  const pub = usePublicPublication(slug);
  if (pub.isPending) return <Loading />;
  if (pub.isError) return <QueryError error={pub.error} onRetry={() => void pub.refetch()} />;
  const p = pub.data;
  const languageKey = `knowledge.publications.form.languages.${p.language.slice(0, 2)}`;
  const row = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt className="col-sm-4">{label}</dt>
        <dd className="col-sm-8">{value}</dd>
      </>
    ) : null;
  return (
    <>
      <PageHeader
        title={p.title}
        breadcrumbs={[{ to: '/pubblicazioni', label: t('knowledge.publications.page.crumb') }]}
      />
      <div className="row">
        <div className="col-lg-8">
          <section aria-labelledby="pubblicazione-sintesi" className="mb-4">
            <h2 id="pubblicazione-sintesi" className="h4">
              {t('knowledge.publications.page.abstract')}
            </h2>
            {p.abstract.split('\n').map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </section>
          <dl className="row">
            {row(t('knowledge.publications.page.kind'), t(`knowledge.publications.kinds.${p.kind}`))}
            {row(t('knowledge.publications.page.authors'), p.authors.join('; '))}
            {row(t('knowledge.publications.page.publishedOn'), dayIt(p.publishedOn))}
            {row(
              t('knowledge.publications.page.language'),
              t(languageKey as 'knowledge.publications.form.languages.it', { defaultValue: p.language }),
            )}
            {row(t('knowledge.publications.page.keywords'), p.keywords.join(', '))}
            {row(
              t('knowledge.publications.page.topics'),
              p.topics.map((x) => t(`knowledge.publications.topics.${x}`)).join(', '),
            )}
            {row(t('knowledge.publications.page.region'), p.regionName)}
            {row(t('knowledge.publications.page.licence'), p.licence)}
          </dl>
        </div>
        <div className="col-lg-4">
          <p>
            <a className="btn btn-primary" href={publicFileUrl(p.slug, p.version)} download>
              {t('knowledge.publications.page.download', { n: p.version, size: format.size(p.sizeBytes) })}
            </a>
            <span className="d-block small mt-1">{t('knowledge.publications.page.downloadHint')}</span>
          </p>
          <p className="small">
            {p.accessible
              ? t('knowledge.publications.page.accessible')
              : t('knowledge.publications.page.notAccessible')}
          </p>
        </div>
      </div>
      <section aria-labelledby="pubblicazione-versioni" className="mb-4">
        <h2 id="pubblicazione-versioni" className="h4">
          {t('knowledge.publications.page.versions')}
        </h2>
        <div className="table-responsive">
          <table className="table">
            <caption>{t('knowledge.publications.page.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('knowledge.publications.page.colVersion')}</th>
                <th scope="col">{t('knowledge.publications.page.colDate')}</th>
                <th scope="col">{t('knowledge.publications.page.colNote')}</th>
                <th scope="col">{t('knowledge.publications.page.colFile')}</th>
              </tr>
            </thead>
            <tbody>
              {p.versions.map((v) => (
                <tr key={v.number}>
                  <th scope="row">
                    {v.number}
                    {v.number === p.version && <> ({t('knowledge.publications.page.current')})</>}
                  </th>
                  <td>{dayIt(v.uploadedAt)}</td>
                  <td>
                    {v.note}
                    {v.pageCount !== null && (
                      <span className="d-block small">
                        {t('knowledge.publications.page.pages', { count: v.pageCount })}
                      </span>
                    )}
                  </td>
                  <td>
                    <a href={publicFileUrl(p.slug, v.number)} download>
                      {t('knowledge.publications.page.downloadVersion', {
                        n: v.number,
                        size: format.size(v.sizeBytes),
                      })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
