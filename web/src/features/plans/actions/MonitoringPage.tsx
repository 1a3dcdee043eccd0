/**
 * `/piani/:planId/monitoraggio`: the plan's monitorings, newest first, each with its values against
 * the targets of its period and the state every action was in at it (today's beside it when it has
 * changed since); for the Comune's referente, once the plan is being implemented, the
 * form to record one: the period, the reference date, a value per indicator with the target beside
 * it, and the state of each action.
 */
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { useNotify } from '../../../components/Notifications';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { parseNumber } from '../../../lib/number';
import { actionStatuses } from '../../../lib/plan-vocabulary';
import { PlanTabs } from '../shared/PlanTabs';
import { usePlanActions } from './api/actions';
import { useCreateMonitoring, usePlanMonitoring, usePlanMonitorings } from './api/monitorings';
import type { ActionList, Monitoring, MonitoringList, PlanAction } from './api/types';
import { dmy, MEASURE, useActionProblems, useNumbers, usePeriodWords } from './words';

/** The target that applies to a period (its own; for a semester the year's; for a year its second semester's). */
function targetFor(targets: ReadonlyArray<{ period: string; target: number }>, period: string): number | null {
  const exact = targets.find((x) => x.period === period);
  if (exact) return exact.target;
  const [year, half] = period.split('-S');
  const fallback = half === undefined ? `${year}-S2` : year;
  return targets.find((x) => x.period === fallback)?.target ?? null;
}

export function MonitoringPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const list = usePlanMonitorings(planId);
  const actions = usePlanActions(planId);
  const plan = list.data?.plan;
  return (
    <>
      <PageHeader
        title={t('plans.actions.monitoring.pageTitle')}
        lead={
          plan
            ? t('plans.actions.lead', {
                title: plan.title,
                comune: plan.comuneName,
                from: plan.periodFrom,
                to: plan.periodTo,
                status: t(`plans.common.planStatus.${plan.status}`),
              })
            : undefined
        }
        breadcrumbs={[
          { label: t('plans.actions.breadcrumbPlans'), to: '/piani' },
          ...(plan ? [{ label: plan.title, to: `/piani/${planId}` }] : []),
        ]}
      />
      <PlanTabs planId={planId} current="monitoraggio" />
      {list.isPending || actions.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : actions.isError ? (
        <QueryError error={actions.error} onRetry={() => void actions.refetch()} />
      ) : (
        <>
          {!list.data.canRecord && list.data.recordBlockedBy && (
            <Alert kind="info">
              {t(`plans.actions.monitoring.blocked.${list.data.recordBlockedBy}`, {
                status: t(`plans.common.planStatus.${list.data.plan.status}`),
              })}
            </Alert>
          )}
          <MonitoringTable
            planId={planId}
            data={list.data}
            current={Object.fromEntries(actions.data.items.map((a) => [a.id, a.status]))}
          />
          {list.data.canRecord && <MonitoringForm data={list.data} actions={actions.data} />}
        </>
      )}
    </>
  );
}

/** Each action's state today, by its id. */
type CurrentStates = Readonly<Record<string, PlanAction['status']>>;

function MonitoringTable({ planId, data, current }: { planId: string; data: MonitoringList; current: CurrentStates }) {
  const { t } = useTranslation();
  const periodWords = usePeriodWords();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="mb-5" aria-labelledby="monitorings-title">
      <h2 id="monitorings-title" className="h3">
        {t('plans.actions.monitoring.list')}
      </h2>
      {data.items.length === 0 ? (
        <p>{t('plans.actions.monitoring.empty')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table">
            <caption>{t('plans.actions.monitoring.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.actions.monitoring.period')}</th>
                <th scope="col">{t('plans.actions.monitoring.referenceDate')}</th>
                <th scope="col">{t('plans.actions.monitoring.values')}</th>
                <th scope="col">{t('plans.actions.monitoring.by')}</th>
                <th scope="col">{t('plans.actions.monitoring.note')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="btn btn-link p-0 text-start"
                      aria-expanded={open === m.id}
                      aria-label={t('plans.actions.monitoring.show', { period: periodWords(m.period) })}
                      onClick={() => setOpen(open === m.id ? null : m.id)}
                    >
                      {periodWords(m.period)}
                    </button>
                  </th>
                  <td>{dmy(m.referenceDate)}</td>
                  <td>{m.values}</td>
                  <td>{m.createdBy ?? ''}</td>
                  <td>{m.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open !== null && (
        <MonitoringDetail planId={planId} monitoringId={open} current={current} onClose={() => setOpen(null)} />
      )}
    </section>
  );
}

function MonitoringDetail({
  planId,
  monitoringId,
  current,
  onClose,
}: {
  planId: string;
  monitoringId: string;
  current: CurrentStates;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const periodWords = usePeriodWords();
  const { measure } = useNumbers();
  const q = usePlanMonitoring(planId, monitoringId);
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const m = q.data;
  return (
    <div className="card card-bg p-3">
      <h3 className="h4">{t('plans.actions.monitoring.detailTitle', { period: periodWords(m.period) })}</h3>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('plans.actions.monitoring.detailCaption', { period: periodWords(m.period) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.actions.monitoring.action')}</th>
              <th scope="col">{t('plans.actions.monitoring.indicator')}</th>
              <th scope="col">{t('plans.actions.monitoring.value')}</th>
              <th scope="col">{t('plans.actions.monitoring.target')}</th>
              <th scope="col">{t('plans.actions.monitoring.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {m.items.map((v) => (
              <tr key={v.indicatorId}>
                <td>
                  {v.actionCode} — {v.actionTitle}
                </td>
                <th scope="row">
                  {v.indicatorName} ({v.unit})
                </th>
                <td>{measure(v.value)}</td>
                <td>{v.target === null ? t('plans.actions.monitoring.noTarget') : measure(v.target)}</td>
                <td>
                  {v.target === null
                    ? measure(v.value)
                    : `${measure(v.value)}/${measure(v.target)}${v.percent === null ? '' : ` (${v.percent}%)`}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ActionStates m={m} current={current} />
      <div>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onClose}>
          {t('plans.actions.monitoring.close')}
        </button>
      </div>
    </div>
  );
}

/** The state each action of the plan was in at the monitoring, with today's when it differs. */
function ActionStates({ m, current }: { m: Monitoring; current: CurrentStates }) {
  const { t } = useTranslation();
  const periodWords = usePeriodWords();
  const headingId = `monitoring-states-${m.id}`;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId} className="h5">
        {t('plans.actions.monitoring.states')}
      </h4>
      {m.actions.length === 0 ? (
        <p>{t('plans.actions.monitoring.statesNone')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('plans.actions.monitoring.statesCaption', { period: periodWords(m.period) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.actions.monitoring.statesCode')}</th>
                <th scope="col">{t('plans.actions.monitoring.action')}</th>
                <th scope="col">{t('plans.actions.monitoring.statesStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {m.actions.map((a) => {
                const today = current[a.actionId];
                return (
                  <tr key={a.actionId}>
                    <th scope="row">{a.actionCode}</th>
                    <td>{a.actionTitle}</td>
                    <td>
                      {t(`plans.common.actionStatus.${a.status}`)}
                      {today !== undefined && today !== a.status && (
                        <span className="d-block small">
                          {t('plans.actions.monitoring.statesToday', {
                            status: t(`plans.common.actionStatus.${today}`),
                          })}
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MonitoringForm({ data, actions }: { data: MonitoringList; actions: ActionList }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const problems = useActionProblems();
  const periodWords = usePeriodWords();
  const { locale, measure } = useNumbers();
  const create = useCreateMonitoring(data.plan.id);
  const taken = new Set(data.items.map((m) => m.period));
  const periods: string[] = [];
  for (let y = data.plan.periodFrom; y <= data.plan.periodTo; y++) periods.push(`${y}-S1`, `${y}-S2`, `${y}`);
  const free = periods.filter((p) => !taken.has(p));
  const [period, setPeriod] = useState('');
  const [referenceDate, setReferenceDate] = useState('');
  const [note, setNote] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [statuses, setStatuses] = useState<Record<string, string>>(() =>
    Object.fromEntries(actions.items.map((a) => [a.id, a.status])),
  );
  const [message, setMessage] = useState<string | null>(null);
  const indicators = actions.items.flatMap((a) => a.indicators.map((i) => ({ action: a, indicator: i })));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (period === '') return setMessage(t('plans.actions.monitoring.periodRequired'));
    if (referenceDate === '') return setMessage(t('plans.actions.monitoring.dateRequired'));
    const body = [];
    for (const { indicator } of indicators) {
      const text = values[indicator.id] ?? '';
      if (text.trim() === '') continue;
      const parsed = parseNumber(text, locale, MEASURE);
      if (!parsed.ok) return setMessage(t('plans.actions.editor.numberInvalid', { value: text }));
      body.push({ indicatorId: indicator.id, value: parsed.value, note: null });
    }
    create.mutate(
      {
        period,
        referenceDate,
        note: note.trim() === '' ? null : note.trim(),
        values: body,
        actionStatuses: actions.items
          .filter((a) => statuses[a.id] !== undefined)
          .map((a) => ({ actionId: a.id, status: statuses[a.id] as (typeof actionStatuses)[number] })),
      },
      {
        onSuccess: (m) => {
          notify(t('plans.actions.monitoring.saved', { period: periodWords(m.period) }));
          setPeriod('');
          setReferenceDate('');
          setNote('');
          setValues({});
        },
      },
    );
  };

  return (
    <section className="card card-bg p-4 mb-5" aria-labelledby="monitoring-new">
      <h2 id="monitoring-new" className="h3">
        {t('plans.actions.monitoring.new')}
      </h2>
      {free.length === 0 ? (
        <p>{t('plans.actions.monitoring.periodTaken')}</p>
      ) : (
        <form noValidate onSubmit={onSubmit}>
          {(message ?? (create.isError ? problems(create.error) : null)) && (
            <Alert kind="danger" live="alert">
              {message ?? problems(create.error)}
            </Alert>
          )}
          <div className="row">
            <SelectField
              id="monitoring-period"
              className="col-md-6"
              label={t('plans.actions.monitoring.period')}
              emptyOption={t('plans.actions.monitoring.choosePeriod')}
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              options={free.map((p) => ({ value: p, label: periodWords(p) }))}
            />
            <TextField
              id="monitoring-date"
              type="date"
              className="col-md-6"
              label={t('plans.actions.monitoring.referenceDate')}
              value={referenceDate}
              onChange={(e) => setReferenceDate(e.target.value)}
            />
            <TextAreaField
              id="monitoring-note"
              className="col-12"
              label={t('plans.actions.monitoring.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <fieldset className="mb-4">
            <legend className="h5">{t('plans.actions.monitoring.valuesLegend')}</legend>
            {indicators.length === 0 ? (
              <p className="small">{t('plans.actions.monitoring.noIndicators')}</p>
            ) : (
              <>
                <p className="small">{t('plans.actions.monitoring.valuesHint')}</p>
                <div className="row">
                  {indicators.map(({ action, indicator }) => {
                    const target = period === '' ? null : targetFor(indicator.targets, period);
                    return (
                      <TextField
                        key={indicator.id}
                        id={`value-${indicator.id}`}
                        className="col-md-6"
                        inputMode="decimal"
                        label={t('plans.actions.monitoring.valueLabel', {
                          indicator: indicator.name,
                          unit: indicator.unit,
                          code: action.code,
                        })}
                        hint={
                          period === ''
                            ? undefined
                            : target === null
                              ? t('plans.actions.monitoring.noTargetBeside')
                              : t('plans.actions.monitoring.targetBeside', { target: measure(target) })
                        }
                        value={values[indicator.id] ?? ''}
                        onChange={(e) => setValues({ ...values, [indicator.id]: e.target.value })}
                      />
                    );
                  })}
                </div>
              </>
            )}
          </fieldset>
          {actions.items.length > 0 && (
            <fieldset className="mb-4">
              <legend className="h5">{t('plans.actions.monitoring.statusesLegend')}</legend>
              <div className="row">
                {actions.items.map((a) => (
                  <SelectField
                    key={a.id}
                    id={`status-${a.id}`}
                    className="col-md-6"
                    label={t('plans.actions.monitoring.statusLabel', { code: a.code, title: a.title })}
                    value={statuses[a.id] ?? a.status}
                    onChange={(e) => setStatuses({ ...statuses, [a.id]: e.target.value })}
                    options={actionStatuses.map((s) => ({ value: s, label: t(`plans.common.actionStatus.${s}`) }))}
                  />
                ))}
              </div>
            </fieldset>
          )}
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('plans.actions.monitoring.save')}
          </button>
        </form>
      )}
    </section>
  );
}
