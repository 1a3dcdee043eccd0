import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { formatEuro, parseEuroCents } from '../../../lib/project-rules';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useMonitoringReport } from './api/get-report';
import { usePutContent } from './api/put-content';
import { useSubmitReport } from './api/submit-report';
import { FieldComments, ReviewPanel } from './ReviewPanel';
import { dmy, PROCEDURES, STEPS, type Content, type Procurement, type Report } from './types';

/** A procurement as typed: the amount as the person writes it ("1.234,50"). */
type DraftProcurement = Omit<Procurement, 'amountCents'> & { amount: string };
type Draft = Omit<Content, 'procurements' | 'indicators'> & {
  procurements: DraftProcurement[];
  indicators: { indicatorCode: string; value: string; source: string }[];
};

const euroInput = (cents: number) => formatEuro(cents).replace(/\s*€$/, '');

function draftOf(r: Report): Draft {
  const c = r.content;
  return {
    ...c,
    procurements: c.procurements.map(({ amountCents, ...p }) => ({ ...p, amount: euroInput(amountCents) })),
    indicators: r.computed.indicators
      .filter((i) => i.computedValue === null)
      .map((i) => {
        const e = c.indicators.find((x) => x.indicatorCode === i.indicatorCode);
        return {
          indicatorCode: i.indicatorCode,
          value: e ? String(e.value).replace('.', ',') : '',
          source: e?.source ?? '',
        };
      }),
  };
}

/** The draft as the API takes it, or the first thing that cannot be read. */
function contentOf(d: Draft): { ok: true; content: Content } | { ok: false; field: string } {
  const procurements: Procurement[] = [];
  for (const [i, p] of d.procurements.entries()) {
    const cents = parseEuroCents(p.amount);
    if (cents === null) return { ok: false, field: `proc-${i}-amount` };
    const { amount: _amount, ...rest } = p;
    void _amount;
    procurements.push({ ...rest, cig: rest.cig ? rest.cig : null, amountCents: cents });
  }
  const indicators: Content['indicators'] = [];
  for (const [i, e] of d.indicators.entries()) {
    if (e.value.trim() === '' && e.source.trim() === '') continue;
    const value = Number(e.value.replace(/\./g, '').replace(',', '.'));
    if (!Number.isFinite(value) || value < 0) return { ok: false, field: `ind-${i}-value` };
    indicators.push({ indicatorCode: e.indicatorCode, value, source: e.source });
  }
  return { ok: true, content: { ...d, procurements, indicators } };
}

/** `/progetti/:projectId/monitoraggio/:reportId`: the scheda trimestrale as a form, with its review. */
export function MonitoringReportPage() {
  const { t } = useTranslation();
  const { projectId = '', reportId = '' } = useParams();
  const me = useSession();
  const report = useMonitoringReport(projectId, reportId);

  return (
    <>
      <PageHeader
        title={
          report.data
            ? t('projects.monitoring.report.title', { year: report.data.year, quarter: report.data.quarter })
            : t('projects.monitoring.report.titleLoading')
        }
        breadcrumbs={[
          { label: t('projects.monitoring.project'), to: `/progetti/${projectId}` },
          { label: t('projects.monitoring.list.title'), to: `/progetti/${projectId}/monitoraggio` },
        ]}
      />
      <ProjectTabs projectId={projectId} current="monitoraggio" />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportForm
          key={report.data.id}
          report={report.data}
          projectId={projectId}
          canWrite={hasPermission(me, Permission.projectsMonitoringWrite)}
          canAsk={hasPermission(me, Permission.projectsQueriesOpen)}
          reviewLevel={
            !hasPermission(me, Permission.projectsMonitoringReview)
              ? null
              : report.data.status === 'INVIATA' && me.roles.includes('assistenza_tecnica')
                ? 'ANCI'
                : report.data.status === 'VALIDATA_ANCI' && me.roles.includes('mlps')
                  ? 'MLPS'
                  : null
          }
        />
      )}
    </>
  );
}

function ReportForm({
  report,
  projectId,
  canWrite,
  canAsk,
  reviewLevel,
}: {
  report: Report;
  projectId: string;
  canWrite: boolean;
  canAsk: boolean;
  reviewLevel: 'ANCI' | 'MLPS' | null;
}) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const [draft, setDraft] = useState<Draft>(() => draftOf(report));
  const [badField, setBadField] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = usePutContent(projectId, report.id);
  const submit = useSubmitReport(projectId, report.id);
  const editable = canWrite && (report.status === 'BOZZA' || report.status === 'RESTITUITA');
  const c = report.computed;
  const f = c.financial;
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setSaved(false);
    setDraft({ ...draft, [k]: v });
  };
  const setProc = (i: number, p: Partial<DraftProcurement>) =>
    set(
      'procurements',
      draft.procurements.map((x, j) => (j === i ? { ...x, ...p } : x)),
    );
  const doSave = (then?: (rowVersion: number) => void) => {
    const parsed = contentOf(draft);
    if (!parsed.ok) {
      setBadField(parsed.field);
      document.getElementById(parsed.field)?.focus();
      return;
    }
    setBadField(null);
    save.mutate(
      { rowVersion: report.rowVersion, content: parsed.content },
      { onSuccess: (r) => (then ? then(r.rowVersion) : setSaved(true)) },
    );
  };

  return (
    <>
      <p>
        <span className="fw-semibold">{t('projects.monitoring.status')}:</span>{' '}
        {t(`projects.monitoring.statuses.${report.status}`)}
        {report.submittedAt && <> · {t('projects.monitoring.report.submittedOn', { date: dmy(report.submittedAt) })}</>}
      </p>
      {report.locked && <Alert kind="success">{t('projects.monitoring.report.locked')}</Alert>}
      {report.status === 'RESTITUITA' && canWrite && (
        <Alert kind="warning">{t('projects.monitoring.report.returned')}</Alert>
      )}
      <p className="small">
        {report.frozen
          ? t('projects.monitoring.report.frozen', { date: dmy(c.computedAt) })
          : t('projects.monitoring.report.live', { date: dmy(c.asOf) })}
      </p>
      {(save.isError || submit.isError) && (
        <Alert kind="danger" live="alert">
          {messageOf(save.error ?? submit.error)}
          {[
            ...(save.error && 'fieldErrors' in save.error
              ? (save.error.fieldErrors as { path: string; message: string }[])
              : []),
          ].map((e) => (
            <span key={e.path} className="d-block small">
              {e.path.replace(/^body\.content\./, '')}: {e.message}
            </span>
          ))}
        </Alert>
      )}
      {badField && (
        <Alert kind="danger" live="alert">
          {t('projects.monitoring.report.unreadable')}
        </Alert>
      )}
      {saved && (
        <Alert kind="success" live="status">
          {t('projects.monitoring.report.saved')}
        </Alert>
      )}

      <form
        onSubmit={(e) => {
          e.preventDefault();
          doSave();
        }}
      >
        <fieldset disabled={!editable}>
          <section className="mb-5" aria-labelledby="sec-general">
            <h2 id="sec-general" className="h4">
              {t('projects.monitoring.sections.general')}
            </h2>
            <FieldComments comments={report.comments} section="general" />
            <dl className="row">
              <dt className="col-sm-3">{t('projects.monitoring.general.title')}</dt>
              <dd className="col-sm-9">{c.project.title}</dd>
              <dt className="col-sm-3">{t('projects.monitoring.general.cup')}</dt>
              <dd className="col-sm-9">{c.project.cup ?? '—'}</dd>
              <dt className="col-sm-3">{t('projects.monitoring.general.dates')}</dt>
              <dd className="col-sm-9">
                {dmy(c.project.startDate)} – {dmy(c.project.endDate)}
              </dd>
            </dl>
            <TextField
              id="referenteName"
              label={t('projects.monitoring.general.referenteName')}
              value={draft.general.referenteName}
              onChange={(e) => set('general', { ...draft.general, referenteName: e.target.value })}
            />
            <TextAreaField
              id="summary"
              label={t('projects.monitoring.general.summary')}
              value={draft.general.summary}
              onChange={(e) => set('general', { ...draft.general, summary: e.target.value })}
            />
          </section>

          <section className="mb-5" aria-labelledby="sec-procurements">
            <h2 id="sec-procurements" className="h4">
              {t('projects.monitoring.sections.procurements')}
            </h2>
            <FieldComments comments={report.comments} section="procurements" />
            {draft.procurements.length === 0 && <p>{t('projects.monitoring.procurements.none')}</p>}
            {draft.procurements.map((p, i) => (
              <fieldset key={i} className="border rounded p-3 mb-3">
                <legend className="h6 w-auto px-2">{t('projects.monitoring.procurements.legend', { n: i + 1 })}</legend>
                <TextField
                  id={`proc-${i}-object`}
                  label={t('projects.monitoring.procurements.object')}
                  value={p.object}
                  onChange={(e) => setProc(i, { object: e.target.value })}
                />
                <div className="row">
                  <div className="col-md-4">
                    <SelectField
                      id={`proc-${i}-procedure`}
                      label={t('projects.monitoring.procurements.procedure')}
                      value={p.procedure}
                      onChange={(e) => setProc(i, { procedure: e.target.value as Procurement['procedure'] })}
                      options={PROCEDURES.map((v) => ({ value: v, label: t(`projects.monitoring.procedures.${v}`) }))}
                    />
                  </div>
                  <div className="col-md-4">
                    <TextField
                      id={`proc-${i}-cig`}
                      label={t('projects.monitoring.procurements.cig')}
                      hint={t('projects.monitoring.procurements.cigHint')}
                      maxLength={10}
                      value={p.cig ?? ''}
                      onChange={(e) => setProc(i, { cig: e.target.value.toUpperCase() })}
                    />
                  </div>
                  <div className="col-md-4">
                    <TextField
                      id={`proc-${i}-amount`}
                      label={t('projects.monitoring.procurements.amount')}
                      inputMode="decimal"
                      error={badField === `proc-${i}-amount` ? t('projects.monitoring.amountError') : undefined}
                      hint={
                        parseEuroCents(p.amount) !== null
                          ? `= ${formatEuro(parseEuroCents(p.amount)!)}`
                          : t('projects.monitoring.amountHint')
                      }
                      value={p.amount}
                      onChange={(e) => setProc(i, { amount: e.target.value })}
                    />
                  </div>
                </div>
                <table className="table table-sm">
                  <caption>{t('projects.monitoring.procurements.steps')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('projects.monitoring.procurements.step')}</th>
                      <th scope="col">{t('projects.monitoring.procurements.plannedOn')}</th>
                      <th scope="col">{t('projects.monitoring.procurements.doneOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {STEPS.map((s) => {
                      const step = p.steps.find((x) => x.step === s) ?? { step: s, plannedOn: null, doneOn: null };
                      const setStep = (k: 'plannedOn' | 'doneOn', v: string) => {
                        const next = { ...step, [k]: v === '' ? null : v };
                        const others = p.steps.filter((x) => x.step !== s);
                        setProc(i, {
                          steps: [...others, ...(next.plannedOn || next.doneOn ? [next] : [])].sort(
                            (a, b) => STEPS.indexOf(a.step) - STEPS.indexOf(b.step),
                          ),
                        });
                      };
                      return (
                        <tr key={s}>
                          <th scope="row">{t(`projects.monitoring.steps.${s}`)}</th>
                          <td>
                            <input
                              type="date"
                              className="form-control"
                              aria-label={`${t(`projects.monitoring.steps.${s}`)} – ${t('projects.monitoring.procurements.plannedOn')}`}
                              value={step.plannedOn ?? ''}
                              onChange={(e) => setStep('plannedOn', e.target.value)}
                            />
                          </td>
                          <td>
                            <input
                              type="date"
                              className="form-control"
                              aria-label={`${t(`projects.monitoring.steps.${s}`)} – ${t('projects.monitoring.procurements.doneOn')}`}
                              value={step.doneOn ?? ''}
                              onChange={(e) => setStep('doneOn', e.target.value)}
                            />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
                {editable && (
                  <button
                    type="button"
                    className="btn btn-outline-danger btn-sm"
                    onClick={() =>
                      set(
                        'procurements',
                        draft.procurements.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {t('projects.monitoring.procurements.remove')}
                  </button>
                )}
              </fieldset>
            ))}
            {editable && (
              <button
                type="button"
                className="btn btn-outline-primary btn-sm"
                onClick={() =>
                  set('procurements', [
                    ...draft.procurements,
                    { object: '', procedure: 'AFFIDAMENTO_DIRETTO', cig: null, amount: '', steps: [] },
                  ])
                }
              >
                {t('projects.monitoring.procurements.add')}
              </button>
            )}
          </section>

          <section className="mb-5" aria-labelledby="sec-activities">
            <h2 id="sec-activities" className="h4">
              {t('projects.monitoring.sections.activities')}
            </h2>
            <FieldComments comments={report.comments} section="activities" />
            {c.activities.length === 0 ? (
              <p>{t('projects.monitoring.activities.none')}</p>
            ) : (
              <div className="table-responsive">
                <table className="table">
                  <caption>{t('projects.monitoring.activities.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('projects.monitoring.activities.activity')}</th>
                      <th scope="col">{t('projects.monitoring.activities.planned')}</th>
                      <th scope="col">{t('projects.monitoring.activities.platform')}</th>
                      <th scope="col">{t('projects.monitoring.activities.progress')}</th>
                      <th scope="col">{t('projects.monitoring.activities.note')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.activities.map((a) => {
                      const entry = draft.activities.find((x) => x.activityId === a.activityId);
                      const setEntry = (e: { progressPct?: number; note?: string }) =>
                        set('activities', [
                          ...draft.activities.filter((x) => x.activityId !== a.activityId),
                          {
                            activityId: a.activityId,
                            progressPct: entry?.progressPct ?? a.progressPct,
                            note: entry?.note ?? '',
                            ...e,
                          },
                        ]);
                      return (
                        <tr key={a.activityId}>
                          <th scope="row">
                            {a.code} {a.title}
                          </th>
                          <td>
                            {dmy(a.plannedStart)} – {dmy(a.plannedEnd)}
                          </td>
                          <td>{a.progressPct}%</td>
                          <td>
                            <input
                              type="number"
                              min={0}
                              max={100}
                              className="form-control"
                              aria-label={t('projects.monitoring.activities.progressOf', { code: a.code })}
                              value={entry?.progressPct ?? ''}
                              onChange={(e) =>
                                setEntry({ progressPct: Math.max(0, Math.min(100, Number(e.target.value))) })
                              }
                            />
                          </td>
                          <td>
                            <input
                              type="text"
                              className="form-control"
                              aria-label={t('projects.monitoring.activities.noteOf', { code: a.code })}
                              value={entry?.note ?? ''}
                              onChange={(e) => setEntry({ note: e.target.value })}
                            />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="mb-5" aria-labelledby="sec-indicators">
            <h2 id="sec-indicators" className="h4">
              {t('projects.monitoring.sections.indicators')}
            </h2>
            <FieldComments comments={report.comments} section="indicators" />
            {c.indicators.length === 0 ? (
              <p>{t('projects.monitoring.indicators.none')}</p>
            ) : (
              <div className="table-responsive">
                <table className="table">
                  <caption>{t('projects.monitoring.indicators.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('projects.monitoring.indicators.indicator')}</th>
                      <th scope="col">{t('projects.monitoring.indicators.target')}</th>
                      <th scope="col">{t('projects.monitoring.indicators.value')}</th>
                      <th scope="col">{t('projects.monitoring.indicators.source')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.indicators.map((ind) => {
                      const i = draft.indicators.findIndex((x) => x.indicatorCode === ind.indicatorCode);
                      const e = draft.indicators[i];
                      const label = `${ind.indicatorCode} ${ind.labelIt}`;
                      return (
                        <tr key={ind.indicatorCode}>
                          <th scope="row">
                            {label} <span className="small">({ind.unit})</span>
                          </th>
                          <td>{ind.target ?? '—'}</td>
                          {ind.computedValue !== null || !e ? (
                            <>
                              <td>{ind.computedValue}</td>
                              <td>{t('projects.monitoring.indicators.computed')}</td>
                            </>
                          ) : (
                            <>
                              <td>
                                <input
                                  id={`ind-${i}-value`}
                                  type="text"
                                  inputMode="decimal"
                                  className={`form-control${badField === `ind-${i}-value` ? ' is-invalid' : ''}`}
                                  aria-label={t('projects.monitoring.indicators.valueOf', { code: ind.indicatorCode })}
                                  value={e.value}
                                  onChange={(x) =>
                                    set(
                                      'indicators',
                                      draft.indicators.map((y, j) => (j === i ? { ...y, value: x.target.value } : y)),
                                    )
                                  }
                                />
                              </td>
                              <td>
                                <input
                                  type="text"
                                  className="form-control"
                                  aria-label={t('projects.monitoring.indicators.sourceOf', { code: ind.indicatorCode })}
                                  value={e.source}
                                  onChange={(x) =>
                                    set(
                                      'indicators',
                                      draft.indicators.map((y, j) => (j === i ? { ...y, source: x.target.value } : y)),
                                    )
                                  }
                                />
                              </td>
                            </>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section className="mb-5" aria-labelledby="sec-financial">
            <h2 id="sec-financial" className="h4">
              {t('projects.monitoring.sections.financial')}
            </h2>
            <FieldComments comments={report.comments} section="financial" />
            <div className="table-responsive">
              <table className="table">
                <caption>{t('projects.monitoring.financial.caption', { date: dmy(c.asOf) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.monitoring.financial.figure')}</th>
                    <th scope="col" className="text-end">
                      {t('projects.monitoring.financial.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      'plannedCents',
                      'committedCents',
                      'spentCents',
                      'claimedCents',
                      'verifiedCents',
                      'paidCents',
                    ] as const
                  ).map((k) => (
                    <tr key={k}>
                      <th scope="row">{t(`projects.monitoring.financial.${k}`)}</th>
                      <td className="text-end">{formatEuro(f[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {f.byCategory.length > 0 && (
              <div className="table-responsive">
                <table className="table table-sm">
                  <caption>{t('projects.monitoring.financial.byCategory')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('projects.monitoring.financial.category')}</th>
                      <th scope="col" className="text-end">
                        {t('projects.monitoring.financial.plannedCents')}
                      </th>
                      <th scope="col" className="text-end">
                        {t('projects.monitoring.financial.spentCents')}
                      </th>
                      <th scope="col" className="text-end">
                        {t('projects.monitoring.financial.claimedCents')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.byCategory.map((row) => (
                      <tr key={row.categoryCode}>
                        <th scope="row">{row.categoryCode}</th>
                        <td className="text-end">{formatEuro(row.plannedCents)}</td>
                        <td className="text-end">{formatEuro(row.spentCents)}</td>
                        <td className="text-end">{formatEuro(row.claimedCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <FieldComments comments={report.comments} section="financialNotes" />
            <TextAreaField
              id="financialNotes"
              label={t('projects.monitoring.sections.financialNotes')}
              value={draft.financialNotes}
              onChange={(e) => set('financialNotes', e.target.value)}
            />
          </section>

          <section className="mb-5" aria-labelledby="sec-critical">
            <h2 id="sec-critical" className="h4">
              {t('projects.monitoring.sections.criticalIssues')}
            </h2>
            <FieldComments comments={report.comments} section="criticalIssues" />
            <TextAreaField
              id="criticalIssues"
              label={t('projects.monitoring.criticalIssuesLabel')}
              value={draft.criticalIssues}
              onChange={(e) => set('criticalIssues', e.target.value)}
            />
          </section>
        </fieldset>
        {editable && (
          <div className="d-flex gap-3 flex-wrap">
            <button type="submit" className="btn btn-outline-primary" disabled={save.isPending}>
              {t('projects.monitoring.report.save')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={save.isPending || submit.isPending}
              onClick={() => doSave((rowVersion) => submit.mutate(rowVersion))}
            >
              {t('projects.monitoring.report.submit')}
            </button>
          </div>
        )}
      </form>
      {canAsk && (
        <p className="mt-4">
          <Link to={`/progetti/${projectId}/chiarimenti?anchorType=MONITORAGGIO&anchorId=${report.id}`}>
            {t('projects.monitoring.report.ask')}
          </Link>
        </p>
      )}
      {reviewLevel && <ReviewPanel report={report} projectId={projectId} level={reviewLevel} />}
    </>
  );
}
