import { useDeferredValue, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { comparativeXlsxHref, periodOf, useComparative } from './api/get-comparative';
import { BarChart } from './BarChart';
import { ComparativeTables } from './ComparativeTables';
import { PseudonymisedRecords } from './PseudonymisedRecords';
import { isIsoDate, useMonitoringFormat } from './format';
import type { Comparative } from './types';
import { Term } from '../../components/Term';

/** The period in the URL (shareable), defaulting to 1 January of this year → today. */
function usePeriod() {
  const [params, setParams] = useSearchParams();
  const { from, to } = periodOf(params);
  return {
    from,
    to,
    // keeps the other params (the Comune and page of the pseudonymised rows)
    set: (next: { from: string; to: string }) =>
      setParams((previous) => {
        const params = new URLSearchParams(previous);
        params.set('from', next.from);
        params.set('to', next.to);
        return params;
      }),
  };
}

/** What is wrong with a period typed in the form, field by field (empty when it can be applied). */
function periodErrors(p: { from: string; to: string }): {
  from?: 'dateInvalid';
  to?: 'dateInvalid' | 'toBeforeFrom';
} {
  const errors: { from?: 'dateInvalid'; to?: 'dateInvalid' | 'toBeforeFrom' } = {};
  if (!isIsoDate(p.from)) errors.from = 'dateInvalid';
  if (!isIsoDate(p.to)) errors.to = 'dateInvalid';
  else if (errors.from === undefined && p.to < p.from) errors.to = 'toBeforeFrom';
  return errors;
}

/**
 * The period of the quadro. A plain form, not the schema-form layer (Zod, react-hook-form: 36 KB
 * that the quadro's first download would carry for two date fields; decision 0026). The same
 * rules as the API's: two real dates, the second not before the first.
 */
function PeriodForm({
  from,
  to,
  onApply,
}: {
  from: string;
  to: string;
  onApply: (p: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ from, to });
  const [shown, setShown] = useState<ReturnType<typeof periodErrors>>({});
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = periodErrors(values);
    setShown(errors);
    const first = errors.from !== undefined ? 'period-from' : errors.to !== undefined ? 'period-to' : null;
    if (first === null) onApply(values);
    else document.getElementById(first)?.focus();
  };
  const message = (key: 'dateInvalid' | 'toBeforeFrom' | undefined) =>
    key === undefined ? undefined : t(`monitoring.comparative.${key}`);
  return (
    <form noValidate onSubmit={onSubmit} aria-label={t('monitoring.comparative.periodForm')} className="mb-4">
      <div className="row align-items-end">
        <div className="col-sm-6 col-lg-3">
          <TextField
            id="period-from"
            type="date"
            label={t('monitoring.comparative.from')}
            value={values.from}
            error={message(shown.from)}
            onChange={(e) => setValues((v) => ({ ...v, from: e.target.value }))}
          />
        </div>
        <div className="col-sm-6 col-lg-3">
          <TextField
            id="period-to"
            type="date"
            label={t('monitoring.comparative.to')}
            value={values.to}
            error={message(shown.to)}
            onChange={(e) => setValues((v) => ({ ...v, to: e.target.value }))}
          />
        </div>
        <div className="col-lg-3 mb-4">
          <button type="submit" className="btn btn-primary">
            {t('monitoring.comparative.apply')}
          </button>
        </div>
      </div>
    </form>
  );
}

function Charts({ data }: { data: Comparative }) {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  const comuni = data.rows.filter((r) => r.comuneIstat !== null);
  return (
    <section aria-labelledby="charts-title" className="mb-5">
      <h2 id="charts-title">{t('monitoring.comparative.chartsTitle')}</h2>
      <BarChart
        id="chart-cases"
        title={t('monitoring.comparative.chartCases')}
        dataNote={t('monitoring.chart.dataIn', { block: t('monitoring.blocks.presa_in_carico') })}
        series={[{ label: t('monitoring.comparative.chartCasesSeries'), look: 'solid' }]}
        data={comuni.map((r) => ({ name: r.comuneName, values: [r.cells.cases_opened] }))}
        format={format.count}
      />
      <BarChart
        id="chart-budget"
        title={t('monitoring.comparative.chartBudget')}
        dataNote={t('monitoring.chart.dataIn', { block: t('monitoring.blocks.finance') })}
        series={[
          { label: t('monitoring.comparative.chartAllocation'), look: 'outline' },
          { label: t('monitoring.comparative.chartCommitted'), look: 'solid' },
        ]}
        data={comuni.map((r) => ({ name: r.comuneName, values: [r.cells.allocation, r.cells.committed] }))}
        format={format.euro}
      />
    </section>
  );
}

export function ComparativePage() {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  const { dateTime } = useFormat();
  const me = useSession();
  const period = usePeriod();
  const comparative = useComparative(period.from, period.to);
  // the tables and charts are drawn in a background render that React slices, so that the phone's
  // main thread is never blocked for long by the quadro's few hundred cells
  const data = useDeferredValue(comparative.data);
  const periodText = t('monitoring.comparative.period', { from: format.date(period.from), to: format.date(period.to) });

  return (
    <>
      <PageHeader
        title={t('monitoring.comparative.title')}
        lead={
          <>
            {t('monitoring.comparative.lead')} <Term id="quadro-comparativo" />
          </>
        }
      />
      <PeriodForm key={`${period.from}/${period.to}`} from={period.from} to={period.to} onApply={period.set} />
      {comparative.error !== null && (
        <QueryError error={comparative.error} onRetry={() => void comparative.refetch()} />
      )}
      {/* until the deferred render has drawn the data, so that nothing collapses in between */}
      {data === undefined && comparative.error === null && <Loading />}
      <p role="status" className="fw-semibold" aria-busy={comparative.isFetching}>
        {data === undefined ? '' : t('monitoring.comparative.shown', { period: periodText })}
      </p>
      {data !== undefined && (
        <>
          <Alert kind="info">
            <h2 className="h5">{t('monitoring.comparative.disclosureTitle')}</h2>
            <p className="mb-2">
              {data.note[format.language]} <Term id="controllo-divulgazione" />
            </p>
            <p className="mb-0">
              {data.viewer === 'exact_own'
                ? t('monitoring.comparative.viewerOwn')
                : t('monitoring.comparative.viewerControlled')}
            </p>
          </Alert>
          <p>
            <a className="btn btn-outline-primary" href={comparativeXlsxHref(data.from, data.to)} download>
              {t('monitoring.comparative.export')}
            </a>
            <span className="ms-3 small">
              {t('monitoring.comparative.generatedAt', { at: dateTime(data.generatedAt) })}
            </span>
          </p>
          <Charts data={data} />
          <section aria-labelledby="tables-title">
            <h2 id="tables-title">{t('monitoring.comparative.tablesTitle')}</h2>
            <ComparativeTables data={data} period={periodText} />
          </section>
        </>
      )}
      {hasPermission(me, Permission.pilotPseudonymisedRead) && <PseudonymisedRecords />}
    </>
  );
}
