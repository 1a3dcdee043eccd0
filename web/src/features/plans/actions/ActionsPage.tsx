/**
 * `/piani/:planId/azioni`: the plan's actions grouped by the Piano triennale's axes, each with its
 * priority action in words, state, lead and partners, budget, funding, linked project and
 * indicators with their latest values against the targets; the summary table axes × priority
 * actions; for the Comune's referente while the plan allows it, the editor (add, change, delete).
 */
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { useNotify } from '../../../components/Notifications';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { axes, priorityActions, type PriorityAction } from '../../../lib/plan-vocabulary';
import { PlanTabs } from '../shared/PlanTabs';
import { ActionEditor } from './ActionEditor';
import { useDeleteAction, usePlanActions } from './api/actions';
import type { ActionList, PlanAction } from './api/types';
import { dmy, useActionProblems, useNumbers } from './words';

export function ActionsPage() {
  const { t } = useTranslation();
  const { planId = '' } = useParams();
  const q = usePlanActions(planId);
  const [editing, setEditing] = useState<string | null>(null);
  const data = q.data;
  return (
    <>
      <PageHeader
        title={t('plans.actions.pageTitle')}
        lead={
          data
            ? t('plans.actions.lead', {
                title: data.plan.title,
                comune: data.plan.comuneName,
                from: data.plan.periodFrom,
                to: data.plan.periodTo,
                status: t(`plans.common.planStatus.${data.plan.status}`),
              })
            : undefined
        }
        breadcrumbs={[
          { label: t('plans.actions.breadcrumbPlans'), to: '/piani' },
          ...(data ? [{ label: data.plan.title, to: `/piani/${planId}` }] : []),
        ]}
      />
      <PlanTabs planId={planId} current="azioni" />
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ActionsBody data={q.data} editing={editing} onEdit={setEditing} />
      )}
    </>
  );
}

function ActionsBody({
  data,
  editing,
  onEdit,
}: {
  data: ActionList;
  editing: string | null;
  onEdit: (what: string | null) => void;
}) {
  const { t } = useTranslation();
  const { euro } = useNumbers();
  const editingAction = editing && editing !== 'new' ? (data.items.find((a) => a.id === editing) ?? null) : null;
  return (
    <>
      {!data.canEdit && data.editBlockedBy && (
        <Alert kind="info">
          {t(`plans.actions.blocked.${data.editBlockedBy}`, {
            status: t(`plans.common.planStatus.${data.plan.status}`),
          })}
        </Alert>
      )}
      {data.canEdit &&
        (editing === null ? (
          <button type="button" className="btn btn-primary mb-4" onClick={() => onEdit('new')}>
            {t('plans.actions.add')}
          </button>
        ) : (
          <ActionEditor
            key={editing}
            data={data}
            action={editing === 'new' ? null : editingAction}
            onDone={() => onEdit(null)}
          />
        ))}

      {data.items.length === 0 && <p>{t('plans.actions.noActions')}</p>}
      {axes.map((axis) => {
        const items = data.items.filter((a) => a.axis === axis);
        const total = data.totals.byAxis.find((x) => x.axis === axis);
        return (
          <section key={axis} className="mb-5" aria-labelledby={`axis-${axis}`}>
            <h2 id={`axis-${axis}`} className="h3">
              {t(`plans.common.axes.${axis}`)}
            </h2>
            {items.length === 0 ? (
              <p className="text-secondary">{t('plans.actions.axisEmpty')}</p>
            ) : (
              <>
                <p className="small">
                  {t('plans.actions.axisCount', { count: total?.actions ?? 0, budget: euro(total?.budgetCents ?? 0) })}
                </p>
                {items.map((a) => (
                  <ActionCard key={a.id} planId={data.plan.id} action={a} canEdit={data.canEdit} onEdit={onEdit} />
                ))}
              </>
            )}
          </section>
        );
      })}
      <SummaryTable data={data} />
    </>
  );
}

function ActionCard({
  planId,
  action: a,
  canEdit,
  onEdit,
}: {
  planId: string;
  action: PlanAction;
  canEdit: boolean;
  onEdit: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { euro, measure } = useNumbers();
  const notify = useNotify();
  const problems = useActionProblems();
  const remove = useDeleteAction(planId);
  const dates =
    a.startDate && a.endDate
      ? t('plans.actions.datesFromTo', { from: dmy(a.startDate), to: dmy(a.endDate) })
      : a.startDate
        ? t('plans.actions.datesFrom', { from: dmy(a.startDate) })
        : a.endDate
          ? t('plans.actions.datesTo', { to: dmy(a.endDate) })
          : null;
  return (
    <article className="card card-bg p-3 mb-3" aria-labelledby={`action-${a.id}`}>
      <h3 id={`action-${a.id}`} className="h5">
        {a.code} — {a.title}
      </h3>
      {a.description && <p>{a.description}</p>}
      <dl className="row mb-2">
        <dt className="col-sm-3">{t('plans.actions.field.priorityAction')}</dt>
        <dd className="col-sm-9">
          {a.priorityAction}. {t(`plans.common.priorityActions.${a.priorityAction as PriorityAction}`)}
        </dd>
        <dt className="col-sm-3">{t('plans.actions.field.status')}</dt>
        <dd className="col-sm-9">{t(`plans.common.actionStatus.${a.status}`)}</dd>
        <dt className="col-sm-3">{t('plans.actions.field.lead')}</dt>
        <dd className="col-sm-9">{a.lead?.name ?? t('plans.actions.none')}</dd>
        <dt className="col-sm-3">{t('plans.actions.field.partners')}</dt>
        <dd className="col-sm-9">
          {a.partners.length === 0
            ? t('plans.actions.none')
            : a.partners
                .map((p) =>
                  t('plans.actions.partnerWithRole', { name: p.name, role: t(`plans.common.partnerRoles.${p.role}`) }),
                )
                .join('; ')}
        </dd>
        <dt className="col-sm-3">{t('plans.actions.field.budget')}</dt>
        <dd className="col-sm-9">{a.budgetCents === null ? t('plans.actions.none') : euro(a.budgetCents)}</dd>
        <dt className="col-sm-3">{t('plans.actions.field.funding')}</dt>
        <dd className="col-sm-9">
          {a.fundingSource ? t(`plans.common.fundingSources.${a.fundingSource}`) : t('plans.actions.noneFem')}
        </dd>
        <dt className="col-sm-3">{t('plans.actions.field.project')}</dt>
        <dd className="col-sm-9">
          {a.project
            ? `${a.project.title} — ${a.project.cup ? t('plans.actions.cup', { cup: a.project.cup }) : t('plans.actions.noCup')}`
            : t('plans.actions.none')}
        </dd>
        {dates && (
          <>
            <dt className="col-sm-3">{t('plans.actions.field.dates')}</dt>
            <dd className="col-sm-9">{dates}</dd>
          </>
        )}
      </dl>
      {a.indicators.length === 0 ? (
        <p className="small">{t('plans.actions.indicators.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('plans.actions.indicators.caption', { code: a.code })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.actions.indicators.name')}</th>
                <th scope="col">{t('plans.actions.indicators.unit')}</th>
                <th scope="col">{t('plans.actions.indicators.baseline')}</th>
                <th scope="col">{t('plans.actions.indicators.targets')}</th>
                <th scope="col">{t('plans.actions.indicators.latest')}</th>
              </tr>
            </thead>
            <tbody>
              {a.indicators.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.name}</th>
                  <td>{i.unit}</td>
                  <td>{i.baseline === null ? '' : measure(i.baseline)}</td>
                  <td>
                    {i.targets
                      .map((x) =>
                        t('plans.actions.indicators.targetOf', { period: x.period, target: measure(x.target) }),
                      )
                      .join('; ')}
                  </td>
                  <td>
                    {i.latest === null
                      ? t('plans.actions.indicators.notReported')
                      : i.latest.target === null || i.latest.percent === null
                        ? t('plans.actions.indicators.progressNoTarget', {
                            value: measure(i.latest.value),
                            period: i.latest.period,
                          })
                        : t('plans.actions.indicators.progress', {
                            value: measure(i.latest.value),
                            target: measure(i.latest.target),
                            percent: i.latest.percent,
                            period: i.latest.period,
                          })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <div className="d-flex gap-2">
          <button
            type="button"
            className="btn btn-outline-primary btn-sm"
            aria-label={t('plans.actions.editLabel', { code: a.code })}
            onClick={() => onEdit(a.id)}
          >
            {t('plans.actions.edit')}
          </button>
          <button
            type="button"
            className="btn btn-outline-danger btn-sm"
            aria-label={t('plans.actions.removeLabel', { code: a.code })}
            disabled={remove.isPending}
            onClick={() => {
              if (!window.confirm(t('plans.actions.confirmRemove', { code: a.code, title: a.title }))) return;
              remove.mutate(a.id, { onSuccess: () => notify(t('plans.actions.removed', { code: a.code })) });
            }}
          >
            {t('plans.actions.remove')}
          </button>
        </div>
      )}
      {remove.isError && (
        <Alert kind="danger" live="alert" className="mt-2">
          {problems(remove.error)}
        </Alert>
      )}
    </article>
  );
}

/** Axes × priority actions: how many actions in each cell, with the totals and the budget. */
function SummaryTable({ data }: { data: ActionList }) {
  const { t } = useTranslation();
  const { euro } = useNumbers();
  const count = (n: number) =>
    n === 0 ? t('plans.actions.summary.empty') : t('plans.actions.summary.actions', { count: n });
  return (
    <section className="mb-5" aria-labelledby="actions-summary">
      <h2 id="actions-summary" className="h3">
        {t('plans.actions.summary.title')}
      </h2>
      <div className="table-responsive">
        <table className="table table-bordered">
          <caption>{t('plans.actions.summary.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plans.actions.summary.priorityAction')}</th>
              {axes.map((axis) => (
                <th scope="col" key={axis}>
                  {t(`plans.common.axes.${axis}`)}
                </th>
              ))}
              <th scope="col">{t('plans.actions.summary.total')}</th>
              <th scope="col">{t('plans.actions.summary.budget')}</th>
            </tr>
          </thead>
          <tbody>
            {priorityActions.map((p) => {
              const row = data.totals.byPriorityAction.find((x) => x.priorityAction === p);
              return (
                <tr key={p}>
                  <th scope="row">
                    {p}. {t(`plans.common.priorityActions.${p}`)}
                  </th>
                  {axes.map((axis) => {
                    const cell = data.totals.cells.find((c) => c.axis === axis && c.priorityAction === p);
                    return <td key={axis}>{count(cell?.actions ?? 0)}</td>;
                  })}
                  <td>{count(row?.actions ?? 0)}</td>
                  <td>{euro(row?.budgetCents ?? 0)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('plans.actions.summary.total')}</th>
              {axes.map((axis) => {
                const x = data.totals.byAxis.find((b) => b.axis === axis);
                return (
                  <td key={axis}>
                    {count(x?.actions ?? 0)}
                    {x && x.actions > 0 && <span className="d-block small">{euro(x.budgetCents)}</span>}
                  </td>
                );
              })}
              <td>{count(data.totals.all.actions)}</td>
              <td>{euro(data.totals.all.budgetCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
