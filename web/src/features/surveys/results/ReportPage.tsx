import { useId, useMemo, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { dayFormat, numberFormat, useFormat } from '../../../lib/format';
import { ChoroplethMap } from '../maps/ChoroplethMap';
import { useWaveReport, type QuestionResult, type WaveReport } from './api/results';
import { PublishReportAction } from './PublishReportAction';

type RateRow = WaveReport['responseRate']['overall'];
type SettlementGroup = NonNullable<WaveReport['settlements']>['total'];
type Figure = number | '<10' | null;

const formats = ['pdf', 'docx', 'xlsx'] as const;

/** One captioned table: column headers (scope col), row headers (scope row), an optional total row. */
function Table({
  caption,
  head,
  rows,
  total,
  note,
}: {
  caption: string;
  head: string[];
  rows: { key: string; label: string; cells: ReactNode[] }[];
  total?: { label: string; cells: ReactNode[] } | null;
  note?: string | null;
}) {
  return (
    <>
      <div className="table-responsive">
        <table className="table table-sm incas-report-table">
          <caption className="caption-top fw-semibold text-body">{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th key={h} scope="col" className={i ? 'text-end' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="fw-normal">
                  {r.label}
                </th>
                {r.cells.map((c, i) => (
                  <td key={i} className="text-end">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {total && (
            <tfoot>
              <tr className="fw-semibold">
                <th scope="row">{total.label}</th>
                {total.cells.map((c, i) => (
                  <td key={i} className="text-end">
                    {c}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      {note && <p className="small incas-report-note">{note}</p>}
    </>
  );
}

/**
 * `/indagini/rilevazioni/:waveId/rapporto`: the wave's report (issue 11 item 7; decision 0045), the
 * same model the PDF, DOCX and XLSX render: response rate by Region (with its map) and by band, the
 * main tables by section, the settlements. Prints like the PDF (the print stylesheet hides the
 * page's chrome and the buttons).
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const { waveId = '' } = useParams();
  const report = useWaveReport(waveId);
  const format = useFormat();
  const id = useId();
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const pct = useMemo(
    () => numberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 }),
    [format.locale],
  );
  const num = useMemo(
    () => numberFormat(format.locale, { useGrouping: 'always', maximumFractionDigits: 2 }),
    [format.locale],
  );
  const day = dayFormat(format.locale);
  const n = (v: Figure | undefined): string =>
    v === null || v === undefined ? '—' : v === '<10' ? '<10' : num.format(v);
  const p = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : pct.format(v));
  const local = (l: { it?: string; en?: string }, fallback: string) => (en ? (l.en ?? l.it) : l.it) ?? fallback;

  const base = `/api/v1/surveys/waves/${encodeURIComponent(waveId)}/report`;
  const r = report.data;

  const rateTable = (caption: string, first: string, rows: RateRow[], label: (x: RateRow) => string) => (
    <Table
      caption={caption}
      head={[first, t('surveys.report.invited'), t('surveys.report.answered'), t('surveys.report.rate')]}
      rows={rows.map((x) => ({ key: x.code, label: label(x), cells: [n(x.invited), n(x.answered), p(x.rate)] }))}
      total={
        r
          ? {
              label: t('surveys.report.total'),
              cells: [
                n(r.responseRate.overall.invited),
                n(r.responseRate.overall.answered),
                p(r.responseRate.overall.rate),
              ],
            }
          : null
      }
    />
  );

  const questionTable = (q: QuestionResult, i: number) => {
    const label = local(q.question.label, q.question.name);
    const caption = t('surveys.report.tableCaption', { n: i + 1, question: label });
    const baseNote = q.question.inRepeat
      ? t('surveys.report.baseEntries', { base: n(q.base), entries: n(q.entries ?? 0) })
      : t('surveys.report.base', { base: n(q.base) });
    if (q.suppressed)
      return (
        <div key={q.question.name}>
          <p className="fw-semibold mb-1">{caption}</p>
          <p className="small incas-report-note">
            {baseNote} {t('surveys.report.suppressed')}
          </p>
        </div>
      );
    if (q.choices)
      return (
        <Table
          key={q.question.name}
          caption={caption}
          head={[
            t('surveys.results.answer'),
            q.question.inRepeat ? t('surveys.results.entryCount') : t('surveys.results.comuni'),
            t('surveys.report.share'),
          ]}
          rows={q.choices.map((c) => ({ key: c.code, label: local(c.label, c.code), cells: [n(c.count), p(c.share)] }))}
          note={q.question.kind === 'multiple' ? `${baseNote} ${t('surveys.report.multiple')}` : baseNote}
        />
      );
    const stats: [string, string][] = q.number
      ? (['n', 'sum', 'mean', 'median', 'min', 'max'] as const).map((k) => [
          t(`surveys.results.number.${k}`),
          n(q.number![k]),
        ])
      : q.range
        ? [
            [t('surveys.results.range.n'), n(q.range.n)],
            [t('surveys.results.range.sumMin'), n(q.range.sumMin)],
            [t('surveys.results.range.sumMax'), n(q.range.sumMax)],
            [t('surveys.results.range.certain'), n(q.range.certain)],
            [t('surveys.results.range.estimated'), n(q.range.estimated)],
            [t('surveys.results.range.unknown'), n(q.range.unknown)],
            [t('surveys.results.range.estimateShare'), p(q.range.estimateShare)],
          ]
        : [];
    return (
      <Table
        key={q.question.name}
        caption={caption}
        head={[t('surveys.results.statistic'), t('surveys.results.value')]}
        rows={stats.map(([label, value]) => ({ key: label, label, cells: [value] }))}
        note={baseNote}
      />
    );
  };

  const settlementTable = (caption: string, first: string, groups: SettlementGroup[], total: SettlementGroup) => (
    <Table
      caption={caption}
      head={[
        first,
        t('surveys.report.settlements'),
        t('surveys.results.comuni'),
        t('surveys.report.personsMin'),
        t('surveys.report.personsMax'),
      ]}
      rows={groups.map((g) => ({
        key: g.code,
        label: g.label,
        cells: [n(g.settlements), n(g.comuni), n(g.personsMin), n(g.personsMax)],
      }))}
      total={{
        label: t('surveys.report.total'),
        cells: [n(total.settlements), n(total.comuni), n(total.personsMin), n(total.personsMax)],
      }}
      note={groups.some((g) => g.suppressed) || total.suppressed ? t('surveys.report.groupSuppressed') : null}
    />
  );

  // the tables grouped by the questionnaire's sections, in its order
  const groups = useMemo(() => {
    const out: { key: string; heading: string | null; items: { q: QuestionResult; i: number }[] }[] = [];
    (r?.tables ?? []).forEach((q, i) => {
      const heading = q.question.section ? local(q.question.section.label, q.question.section.name) : null;
      const last = out.at(-1);
      if (last && last.heading === heading) last.items.push({ q, i });
      else out.push({ key: `${i}`, heading, items: [{ q, i }] });
    });
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `local` follows `en`
  }, [r, en]);

  return (
    <div className="incas-report">
      <PageHeader
        title={t('surveys.report.title')}
        lead={t('surveys.report.lead')}
        breadcrumbs={[
          { label: t('surveys.results.wave'), to: `/indagini/rilevazioni/${waveId}` },
          { label: t('surveys.results.title'), to: `/indagini/rilevazioni/${waveId}/risultati` },
        ]}
      />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <section aria-labelledby={`${id}-downloads`} className="incas-no-print mb-4">
            <h2 id={`${id}-downloads`} className="visually-hidden">
              {t('surveys.report.downloads')}
            </h2>
            <ul className="list-inline">
              {formats.map((f) => (
                <li key={f} className="list-inline-item mb-2">
                  <a className="btn btn-primary" href={`${base}?format=${f}`} download>
                    {t(`surveys.report.download.${f}`)}
                  </a>
                </li>
              ))}
              <li className="list-inline-item mb-2">
                <button type="button" className="btn btn-outline-primary" onClick={() => window.print()}>
                  {t('surveys.report.print')}
                </button>
              </li>
            </ul>
          </section>
          <PublishReportAction waveId={waveId} />
          {!r!.full && <p className="alert alert-info">{t('surveys.report.controlled')}</p>}
          <h2 className="h3">
            {r!.survey} — {r!.wave}
          </h2>
          <p className="mb-1">
            {t('surveys.report.period', {
              from: day.format(new Date(`${r!.opensOn}T00:00:00Z`)),
              to: day.format(new Date(`${r!.closesOn}T00:00:00Z`)),
            })}
          </p>
          <p>
            {t('surveys.report.overall', {
              invited: n(r!.responseRate.overall.invited),
              answered: n(r!.responseRate.overall.answered),
              rate: p(r!.responseRate.overall.rate),
            })}
          </p>
          <p className="small">{local(r!.note, '')}</p>

          <section aria-labelledby={`${id}-participation`} className="mt-4">
            <h2 id={`${id}-participation`} className="h3">
              {t('surveys.report.participation')}
            </h2>
            {rateTable(
              t('surveys.report.byRegion'),
              t('surveys.results.region'),
              r!.responseRate.byRegion,
              (x) => x.label,
            )}
            {rateTable(t('surveys.report.byBand'), t('surveys.results.band'), r!.responseRate.byBand, (x) =>
              t(`surveys.results.bands.${x.code}`, { defaultValue: x.label }),
            )}
            <h3 className="visually-hidden">{t('surveys.report.mapTitle')}</h3>
            <ChoroplethMap
              title={t('surveys.report.mapTitle')}
              level="regione"
              items={r!.responseRate.byRegion.map((x) => ({
                code: x.code,
                name: x.label,
                value: x.rate,
                base: x.invited,
              }))}
              valueLabel={t('surveys.report.rate')}
              legendTitle={t('surveys.report.rate')}
              formatValue={(v) => pct.format(v)}
              fileName={`rapporto-tasso-di-risposta`}
            />
          </section>

          <section aria-labelledby={`${id}-tables`} className="mt-5">
            <h2 id={`${id}-tables`} className="h3">
              {t('surveys.report.tables')}
            </h2>
            {groups.length === 0 && <p>{t('surveys.report.noTables')}</p>}
            {groups.map((g) => (
              <div key={g.key}>
                {g.heading && <h3 className="h5 mt-4">{g.heading}</h3>}
                {g.items.map(({ q, i }) => questionTable(q, i))}
              </div>
            ))}
          </section>

          {r!.settlements && (
            <section aria-labelledby={`${id}-settlements`} className="mt-5">
              <h2 id={`${id}-settlements`} className="h3">
                {t('surveys.report.settlementsTitle')}
              </h2>
              {settlementTable(
                t('surveys.report.byKind'),
                t('surveys.report.kind'),
                r!.settlements.byKind,
                r!.settlements.total,
              )}
              {settlementTable(
                t('surveys.report.settlementsByRegion'),
                t('surveys.results.region'),
                r!.settlements.byRegion,
                r!.settlements.total,
              )}
            </section>
          )}
        </>
      )}
    </div>
  );
}
