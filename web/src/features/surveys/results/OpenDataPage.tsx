import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useOpenDatasets, type OpenDataset } from './api/opendata';

/** "12 KB", "1,4 MB": the size of a download, for its link. */
export function useByteSize(): (bytes: number) => string {
  const f = useFormat();
  return (bytes) =>
    bytes < 1024 * 1024
      ? `${f.number(Math.max(1, Math.round(bytes / 1024)))} KB`
      : `${f.number(Math.round(bytes / 104857.6) / 10)} MB`;
}

function DatasetCard({ d }: { d: OpenDataset }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const size = useByteSize();
  const english = i18n.language === 'en';
  const title = (english && d.title.en) || d.title.it;
  const description = (english && d.description.en) || d.description.it;
  const headingId = `dataset-${d.id}`;
  return (
    <article className="card card-bg mb-4" aria-labelledby={headingId} id={d.id}>
      <div className="card-body">
        <h2 id={headingId} className="h4 card-title">
          {title}
        </h2>
        <p className="card-text">{description}</p>
        <dl className="row mb-2">
          <dt className="col-sm-4">{t('surveys.opendata.coverage')}</dt>
          <dd className="col-sm-8">
            {d.spatial.name}, {t(`surveys.opendata.levels.${d.level}`)}
          </dd>
          <dt className="col-sm-4">{t('surveys.opendata.period')}</dt>
          <dd className="col-sm-8">
            {t('surveys.opendata.periodValue', { from: f.date(d.temporal.start), to: f.date(d.temporal.end) })}
          </dd>
          <dt className="col-sm-4">{t('surveys.opendata.issued')}</dt>
          <dd className="col-sm-8">{f.date(d.issued)}</dd>
          <dt className="col-sm-4">{t('surveys.opendata.keywords')}</dt>
          <dd className="col-sm-8">
            {t(`surveys.opendata.themes.${d.theme}`)} · {d.keywords.join(', ')}
          </dd>
          <dt className="col-sm-4">{t('surveys.opendata.licence')}</dt>
          <dd className="col-sm-8">
            <a href={d.licence.url} rel="license noreferrer" target="_blank" className="badge bg-primary text-white">
              CC BY 4.0
            </a>{' '}
            <span className="small">{d.licence.name}</span>
          </dd>
        </dl>
        <ul className="list-inline mb-0">
          <li className="list-inline-item mb-2">
            <a
              className="btn btn-primary btn-sm"
              href={d.distribution.downloadUrl}
              download
              aria-label={t('surveys.opendata.downloadCsvOf', { title, size: size(d.distribution.byteSize) })}
            >
              {t('surveys.opendata.downloadCsv', { size: size(d.distribution.byteSize) })}
            </a>
          </li>
          <li className="list-inline-item mb-2">
            <a
              className="btn btn-outline-primary btn-sm"
              href={d.metadata.jsonld}
              aria-label={t('surveys.opendata.metadataOf', { format: t('surveys.opendata.metadataJsonLd'), title })}
            >
              {t('surveys.opendata.metadataJsonLd')}
            </a>
          </li>
          <li className="list-inline-item mb-2">
            <a
              className="btn btn-outline-primary btn-sm"
              href={d.metadata.turtle}
              aria-label={t('surveys.opendata.metadataOf', { format: t('surveys.opendata.metadataTurtle'), title })}
            >
              {t('surveys.opendata.metadataTurtle')}
            </a>
          </li>
        </ul>
      </div>
    </article>
  );
}

/**
 * The public open-data page (no login; decision 0044): every dataset ANCI/Cittalia released and
 * did not withdraw, with its coverage, licence, CSV and DCAT-AP_IT metadata, and the catalogue
 * for harvesting.
 */
export function OpenDataPage() {
  const { t } = useTranslation();
  const datasets = useOpenDatasets();
  return (
    <>
      <PageHeader title={t('surveys.opendata.title')} lead={t('surveys.opendata.lead')} />
      {datasets.isPending && <Loading />}
      {datasets.isError && <QueryError error={datasets.error} onRetry={() => void datasets.refetch()} />}
      {datasets.data && (
        <>
          <p aria-live="polite">
            {datasets.data.items.length
              ? t('surveys.opendata.count', { count: datasets.data.items.length })
              : t('surveys.opendata.empty')}
          </p>
          {datasets.data.items.map((d) => (
            <DatasetCard key={d.id} d={d} />
          ))}
          <p className="small">
            {t('surveys.opendata.catalogue')}{' '}
            <a href={datasets.data.catalogue.jsonld}>{t('surveys.opendata.catalogueJsonLd')}</a>
            {' · '}
            <a href={datasets.data.catalogue.turtle}>{t('surveys.opendata.catalogueTurtle')}</a>
          </p>
        </>
      )}
    </>
  );
}
