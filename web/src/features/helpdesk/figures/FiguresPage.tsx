/**
 * `/assistenza-tecnica/cifre`: the help desk in figures for the monitoring reports — requests by
 * topic, Region and month, the times to the first answer and to the resolution, the share resolved
 * in time, the satisfaction. Counts of requests, never a Comune's name; a Region sees its own.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { numberFormat, useFormat } from '../../../lib/format';
import { useRegions } from '../../../lib/lookups';
import { useSession } from '../../../lib/session';
import { useHelpFigures, type FiguresFilters } from './api/figures';

export function FiguresPage() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormat();
  const regions = useRegions();
  const [filters, setFilters] = useState<FiguresFilters>({});
  const figures = useHelpFigures(filters);
  const national = me.scope.level === 'national' || me.scope.level === 'platform';
  const days = (v: number | null) =>
    v === null ? t('helpdesk.figures.none') : numberFormat(fmt.locale, { maximumFractionDigits: 1 }).format(v);
  const pct = numberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <>
      <PageHeader title={t('helpdesk.figures.title')} lead={t('helpdesk.figures.lead')} />
      <form className="row g-3 mb-4" aria-label={t('helpdesk.figures.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="col-md-4">
          <TextField
            id="hf-from"
            type="month"
            label={t('helpdesk.figures.from')}
            value={filters.from ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value || undefined }))}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="hf-to"
            type="month"
            label={t('helpdesk.figures.to')}
            value={filters.to ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value || undefined }))}
          />
        </div>
        {national && (
          <div className="col-md-4">
            <SelectField
              id="hf-region"
              label={t('helpdesk.figures.region')}
              value={filters.region ?? ''}
              emptyOption={t('helpdesk.figures.allRegions')}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              onChange={(e) => setFilters((f) => ({ ...f, region: e.target.value || undefined }))}
            />
          </div>
        )}
      </form>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          {figures.data.regionName && !national && (
            <p className="fw-semibold">{t('helpdesk.figures.ownRegion', { name: figures.data.regionName })}</p>
          )}
          <p role="status">
            {fmt.month(figures.data.from)} – {fmt.month(figures.data.to)}:{' '}
            {t('helpdesk.figures.summary', {
              total: fmt.number(figures.data.total),
              open: fmt.number(figures.data.open),
            })}
          </p>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('helpdesk.figures.times')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('helpdesk.figures.measure')}</th>
                  <th scope="col" className="text-end">
                    {t('helpdesk.figures.median')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('helpdesk.figures.p90')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('helpdesk.figures.measured')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(['firstAnswer', 'resolution'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`helpdesk.figures.${k}`)}</th>
                    <td className="text-end">{days(figures.data[k].median)}</td>
                    <td className="text-end">{days(figures.data[k].p90)}</td>
                    <td className="text-end">{fmt.number(figures.data[k].n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="row">
            <dt className="col-sm-4">{t('helpdesk.figures.inTime')}</dt>
            <dd className="col-sm-8">
              {figures.data.resolvedInTimeShare === null
                ? t('helpdesk.figures.none')
                : t('helpdesk.figures.inTimeValue', {
                    share: pct.format(figures.data.resolvedInTimeShare),
                    count: figures.data.resolved,
                  })}
            </dd>
            <dt className="col-sm-4">{t('helpdesk.figures.satisfaction')}</dt>
            <dd className="col-sm-8">
              {figures.data.satisfaction.average === null
                ? t('helpdesk.figures.none')
                : t('helpdesk.figures.satisfactionValue', {
                    average: days(figures.data.satisfaction.average),
                    count: figures.data.satisfaction.n,
                  })}
            </dd>
          </dl>
          <CountTable
            caption={t('helpdesk.figures.byTopic')}
            head={t('helpdesk.figures.topic')}
            rows={figures.data.byTopic.map((r) => ({
              key: r.topic,
              label: t(`helpdesk.common.topics.${r.topic}`),
              count: r.count,
            }))}
          />
          {figures.data.byRegion.length > 0 && (
            <CountTable
              caption={t('helpdesk.figures.byRegion')}
              head={t('helpdesk.figures.regionCol')}
              rows={figures.data.byRegion.map((r) => ({ key: r.regionCode, label: r.regionName, count: r.count }))}
            />
          )}
          <CountTable
            caption={t('helpdesk.figures.byMonth')}
            head={t('helpdesk.figures.month')}
            rows={figures.data.byMonth.map((r) => ({ key: r.month, label: fmt.month(r.month), count: r.count }))}
          />
        </>
      )}
    </>
  );
}

function CountTable({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: string;
  rows: { key: string; label: string; count: number }[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="text-end">
              {t('helpdesk.figures.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="text-end">{fmt.number(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
