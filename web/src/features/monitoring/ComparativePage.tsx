import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PageHeader } from '../../components/PageHeader';
import { FormSummary, FormText } from '../../components/SchemaFields';
import { Alert } from '../../components/Alert';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import { useFormat } from '../../lib/format';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { comparativeXlsxHref, useComparative } from './api/get-comparative';
import { BarChart } from './BarChart';
import { ComparativeTables } from './ComparativeTables';
import { PseudonymisedRecords } from './PseudonymisedRecords';
import { isIsoDate, todayIso, useMonitoringFormat } from './format';
import type { Comparative } from './types';

/** The period in the URL (shareable), defaulting to 1 January of this year → today. */
function usePeriod() {
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  return {
    from: valid ? from : `${today.slice(0, 4)}-01-01`,
    to: valid ? to : today,
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

const periodSchema = (t: TFunction) =>
  z
    .object({
      from: z.string().refine(isIsoDate, t('monitoring.comparative.dateInvalid')),
      to: z.string().refine(isIsoDate, t('monitoring.comparative.dateInvalid')),
    })
    .refine((v) => !isIsoDate(v.from) || !isIsoDate(v.to) || v.to >= v.from, {
      message: t('monitoring.comparative.toBeforeFrom'),
      path: ['to'],
      when: () => true,
    });

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
  const form = useSchemaForm({ schema: periodSchema, defaultValues: { from, to } });
  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form
        noValidate
        onSubmit={form.submit(onApply)}
        aria-label={t('monitoring.comparative.periodForm')}
        className="mb-4"
      >
        <div className="row align-items-end">
          <div className="col-sm-6 col-lg-3">
            <FormText name="from" type="date" label={t('monitoring.comparative.from')} />
          </div>
          <div className="col-sm-6 col-lg-3">
            <FormText name="to" type="date" label={t('monitoring.comparative.to')} />
          </div>
          <div className="col-lg-3 mb-4">
            <button type="submit" className="btn btn-primary">
              {t('monitoring.comparative.apply')}
            </button>
          </div>
        </div>
      </form>
    </SchemaFormProvider>
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
  const data = comparative.data;
  const periodText = t('monitoring.comparative.period', { from: format.date(period.from), to: format.date(period.to) });

  return (
    <>
      <PageHeader title={t('monitoring.comparative.title')} lead={t('monitoring.comparative.lead')} />
      <PeriodForm key={`${period.from}/${period.to}`} from={period.from} to={period.to} onApply={period.set} />
      {comparative.error !== null && (
        <QueryError error={comparative.error} onRetry={() => void comparative.refetch()} />
      )}
      {comparative.isPending && <Loading />}
      <p role="status" className="fw-semibold" aria-busy={comparative.isFetching}>
        {data === undefined ? '' : t('monitoring.comparative.shown', { period: periodText })}
      </p>
      {data !== undefined && (
        <>
          <Alert kind="info">
            <h2 className="h5">{t('monitoring.comparative.disclosureTitle')}</h2>
            <p className="mb-2">{data.note[format.language]}</p>
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
