import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useDataSources } from './api/get-sources';

/** Attribution required by the open-data licences of the registry (CC BY 4.0 asks for it). */
export function SourcesAttribution({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const { date, month } = useFormat();
  // Reference dates come as a day (2023-05-16) or a month (2026-04).
  const when = (value: string) =>
    /^\d{4}-\d{2}-\d{2}/.test(value) ? date(value) : /^\d{4}-\d{2}$/.test(value) ? month(value) : value;
  const { data } = useDataSources();
  if (data === undefined || data.items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="data-sources-title">
      <Heading id="data-sources-title" className="h6 text-uppercase">
        {t('footer.sourcesTitle')}
      </Heading>
      <ul className="list-unstyled incas-sources">
        {data.items.map((source) => (
          <li key={source.id} className="mb-2">
            <a href={source.url} rel="noopener noreferrer external">
              {source.title}
            </a>{' '}
            — {source.attribution} ({t('footer.licence')}: {source.licence}; {t('footer.referenceDate')}:{' '}
            {when(source.referenceDate)})
          </li>
        ))}
      </ul>
    </section>
  );
}
