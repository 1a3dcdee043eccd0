import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { oneOf, useListParams, useListSearch } from '../../../lib/listParams';
import { axes } from '../../../lib/plan-vocabulary';
import { practiceSectors, sizeClasses } from '../../../lib/practice-vocabulary';
import { usePublicPracticeRegions, usePublicPractices, type PublicPracticeSummary } from './api/practices';
import { Snippet } from './TextBlocks';

function PracticeCard({ p }: { p: PublicPracticeSummary }) {
  const { t } = useTranslation();
  const headingId = `pratica-${p.slug}`;
  return (
    <article className="card card-bg mb-4" aria-labelledby={headingId}>
      <div className="card-body">
        <p className="mb-1 small text-uppercase fw-semibold">
          {t(`plans.common.axes.${p.axis}`)} · {t(`knowledge.practices.sectors.${p.sector}`)}
        </p>
        <h3 id={headingId} className="h5 card-title">
          <Link to={`/buone-pratiche/${p.slug}`}>{p.title}</Link>
        </h3>
        {p.snippet && p.snippet.length > 0 ? (
          <p className="card-text">
            <Snippet segments={p.snippet} />
          </p>
        ) : (
          <p className="card-text">{p.summary}</p>
        )}
        <p className="small mb-0">
          {[p.comuneName, p.regionNames.join(', '), p.sizeClass ? t(`bands.${p.sizeClass}`) : null]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
    </article>
  );
}

/**
 * /buone-pratiche: the published good practices for everyone (no login): words searched with the
 * Italian stemmer, filters by axis, sector, Region and size class; everything in the address, so a
 * search can be shared (?q=…&asse=…&settore=…&regione=…&classe=…&page=…).
 */
export function PublicPracticesPage() {
  const { t } = useTranslation();
  const { get, update, page, pageSize } = useListParams();
  const q = get('q').trim();
  const axis = oneOf(get('asse'), axes);
  const sector = oneOf(get('settore'), practiceSectors);
  const size = oneOf(get('classe'), sizeClasses);
  const region = /^[0-9]{2}$/.test(get('regione')) ? get('regione') : undefined;
  // what is typed reaches the address after a pause, or at once with the button (Enter)
  const { text, setText, submit } = useListSearch();
  const regions = usePublicPracticeRegions();
  const practices = usePublicPractices({
    page,
    pageSize,
    ...(q ? { q } : {}),
    ...(axis ? { axis } : {}),
    ...(sector ? { sector } : {}),
    ...(region ? { region } : {}),
    ...(size ? { size } : {}),
  });
  const items = practices.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('knowledge.practices.public.title')} lead={t('knowledge.practices.public.lead')} />
      <p>
        <Link to="/casi-studio">{t('knowledge.practices.public.toCaseStudies')}</Link>
      </p>
      <form role="search" aria-label={t('knowledge.practices.public.searchLabel')} onSubmit={submit} className="mb-3">
        <div className="row align-items-end">
          <div className="col-md-9">
            <TextField
              id="practices-q"
              type="search"
              label={t('knowledge.practices.public.words')}
              hint={t('knowledge.practices.public.wordsHint')}
              value={text}
              maxLength={200}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="col-md-3 mb-3">
            <button type="submit" className="btn btn-primary w-100">
              {t('knowledge.practices.public.search')}
            </button>
          </div>
        </div>
      </form>
      <form aria-label={t('knowledge.practices.public.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-3">
            <SelectField
              id="practices-axis"
              label={t('knowledge.practices.fields.axis')}
              emptyOption={t('knowledge.practices.public.any')}
              value={axis ?? ''}
              onChange={(e) => update({ asse: e.target.value })}
              options={axes.map((a) => ({ value: a, label: t(`plans.common.axes.${a}`) }))}
            />
          </div>
          <div className="col-md-3">
            <SelectField
              id="practices-sector"
              label={t('knowledge.practices.fields.sector')}
              emptyOption={t('knowledge.practices.public.any')}
              value={sector ?? ''}
              onChange={(e) => update({ settore: e.target.value })}
              options={practiceSectors.map((s) => ({ value: s, label: t(`knowledge.practices.sectors.${s}`) }))}
            />
          </div>
          <div className="col-md-3">
            <SelectField
              id="practices-region"
              label={t('knowledge.practices.fields.region')}
              emptyOption={t('knowledge.practices.public.anyRegion')}
              value={region ?? ''}
              onChange={(e) => update({ regione: e.target.value })}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.count})` }))}
            />
          </div>
          <div className="col-md-3">
            <SelectField
              id="practices-size"
              label={t('knowledge.practices.fields.sizeClass')}
              emptyOption={t('knowledge.practices.public.any')}
              value={size ?? ''}
              onChange={(e) => update({ classe: e.target.value })}
              options={sizeClasses.map((s) => ({ value: s, label: t(`bands.${s}`) }))}
            />
          </div>
        </div>
      </form>
      {practices.isPending ? (
        <Loading />
      ) : practices.isError ? (
        <QueryError error={practices.error} onRetry={() => void practices.refetch()} />
      ) : (
        <section aria-labelledby="pratiche-risultati">
          <h2 id="pratiche-risultati" className="h4" aria-live="polite">
            {t('knowledge.practices.public.found', { count: practices.data.total })}
          </h2>
          {items.length === 0 ? (
            <p>{t('knowledge.practices.public.none')}</p>
          ) : (
            items.map((p) => <PracticeCard key={p.slug} p={p} />)
          )}
          <Pagination page={practices.data.page} pageSize={practices.data.pageSize} total={practices.data.total} />
        </section>
      )}
    </>
  );
}
