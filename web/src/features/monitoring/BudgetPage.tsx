import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { isProblem } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/FormField';
import { AmountField } from '../../components/AmountField';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../components/Notifications';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import { amountField, numberLocaleOf } from '../../lib/amount';
import { editableNumber, MONEY } from '../../lib/number';
import { useBudget } from './api/get-budget';
import { useSetBudget } from './api/set-budget';
import { useMonitoringFormat } from './format';
import type { BudgetComune } from './types';
import { TermDefinitions } from '../../components/Term';

const FIRST_YEAR = 2025;

/** Allocations are set up to three years ahead (as the server allows); readers see the next year too. */
function useYear(ahead: number) {
  const [params, setParams] = useSearchParams();
  const current = new Date().getFullYear();
  const years: number[] = [];
  for (let y = current + ahead; y >= FIRST_YEAR; y -= 1) years.push(y);
  const asked = Number(params.get('year'));
  const year = years.includes(asked) ? asked : current;
  return { year, years, set: (y: string) => setParams(y === '' ? {} : { year: y }) };
}

/** "45%" with a bar; the bar only repeats the text, so it is hidden from assistive technology. */
function Progress({ percent }: { percent: number | null }) {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  if (percent === null) return <>{t('monitoring.budget.noAllocation')}</>;
  return (
    <div style={{ minWidth: '8rem' }}>
      <span>{format.percent(percent)}</span>
      <div className="progress mt-1" aria-hidden="true">
        <div className="progress-bar" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
      </div>
    </div>
  );
}

const allocationSchema = (t: TFunction) => z.object({ allocation: amountField(t, MONEY) });

/** The allocation cell: the amount, and for the platform administrator a small form to change it. */
function AllocationCell({ row, year, canEdit }: { row: BudgetComune; year: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  const [editing, setEditing] = useState(false);

  const shown = row.allocation === null ? t('monitoring.budget.noAllocation') : format.euro(row.allocation);
  if (editing) return <AllocationForm row={row} year={year} onDone={() => setEditing(false)} />;
  return (
    <>
      {shown}
      {canEdit && (
        <button type="button" className="btn btn-link btn-sm p-0 ms-2" onClick={() => setEditing(true)}>
          {t('monitoring.budget.edit')}
          <span className="visually-hidden"> {t('monitoring.budget.allocationOf', { comune: row.comuneName })}</span>
        </button>
      )}
    </>
  );
}

function AllocationForm({ row, year, onDone }: { row: BudgetComune; year: number; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const setBudget = useSetBudget();
  const format = useMonitoringFormat();
  const locale = numberLocaleOf(i18n.resolvedLanguage ?? i18n.language);
  const form = useSchemaForm({
    schema: allocationSchema,
    defaultValues: { allocation: editableNumber(row.allocation, locale, MONEY) },
    idPrefix: `allocation-${row.comuneIstat}-`,
  });

  const onSubmit = form.submit(async ({ allocation }) => {
    try {
      await setBudget.mutateAsync({ comuneIstat: row.comuneIstat, year, allocation });
    } catch (error) {
      // below what is committed: said beside the field, with the amount the allocation must cover
      if (!isProblem(error, 'pilot.allocation_below_committed')) throw error;
      const committed = typeof error.context.committed === 'number' ? error.context.committed : row.committed;
      form.show('allocation', t('monitoring.budget.belowCommitted', { committed: format.euro(committed), year }));
      return;
    }
    notify(t('monitoring.budget.saved', { comune: row.comuneName }));
    onDone();
  });

  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit} className="d-flex flex-wrap gap-2 align-items-start">
        <AmountField
          name="allocation"
          id={`allocation-${row.comuneIstat}`}
          label={t('monitoring.budget.allocationOf', { comune: row.comuneName })}
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the field the person just asked to edit
          autoFocus
        />
        <button type="submit" className="btn btn-primary btn-sm" disabled={setBudget.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {form.general !== null && (
          <div className="invalid-feedback d-block w-100" role="alert">
            {form.general}
          </div>
        )}
      </form>
    </SchemaFormProvider>
  );
}

export function BudgetPage() {
  const { t } = useTranslation();
  const me = useSession();
  const format = useMonitoringFormat();
  const canManage = hasPermission(me, Permission.pilotBudgetManage);
  const { year, years, set } = useYear(canManage ? 3 : 1);
  const budget = useBudget(year);
  // the server takes allocations from last year on
  const canEdit = canManage && year >= new Date().getFullYear() - 1;
  const data = budget.data;
  const percentOf = (committed: number, allocation: number | null) =>
    allocation === null || allocation <= 0 ? null : (committed / allocation) * 100;

  return (
    <>
      <PageHeader title={t('monitoring.budget.title')} lead={t('monitoring.budget.lead')} />
      <p>{t(canManage ? 'monitoring.budgetYears.manage' : 'monitoring.budgetYears.who')}</p>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('monitoring.budget.yearForm')} className="row">
        <div className="col-sm-6 col-lg-3">
          <SelectField
            id="year"
            label={t('monitoring.budget.year')}
            value={String(year)}
            onChange={(e) => set(e.target.value)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
        </div>
      </form>
      <p className="mb-2">{t('help.hints.budget')}</p>
      <TermDefinitions ids={['assegnazione', 'impegnato', 'speso', 'disponibile']} />
      {budget.error !== null && <QueryError error={budget.error} onRetry={() => void budget.refetch()} />}
      {budget.isPending && <Loading />}
      <p role="status" className="fw-semibold" aria-busy={budget.isFetching}>
        {data === undefined ? '' : t('monitoring.budgetYears.shown', { year: data.year, count: data.comuni.length })}
      </p>
      {data !== undefined && (
        <>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('monitoring.budget.caption', { year: data.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.comparative.comune')}</th>
                  <th scope="col">{t('monitoring.budget.allocation')}</th>
                  <th scope="col" className="text-end">
                    {t('monitoring.budget.committed')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('monitoring.budget.spent')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('monitoring.budget.available')}
                  </th>
                  <th scope="col">{t('monitoring.budget.percentCommitted')}</th>
                </tr>
              </thead>
              <tbody>
                {data.comuni.map((row) => (
                  <tr key={row.comuneIstat}>
                    <th scope="row">{row.comuneName}</th>
                    <td>
                      <AllocationCell row={row} year={data.year} canEdit={canEdit} />
                    </td>
                    <td className="text-end">{format.euro(row.committed)}</td>
                    <td className="text-end">{format.euro(row.spent)}</td>
                    <td className="text-end">
                      {row.available === null ? t('monitoring.budget.noAllocation') : format.euro(row.available)}
                    </td>
                    <td>
                      <Progress percent={percentOf(row.committed, row.allocation)} />
                    </td>
                  </tr>
                ))}
                {data.comuni.length > 1 && (
                  <tr className="fw-bold">
                    <th scope="row">{t('monitoring.comparative.total')}</th>
                    <td>{format.euro(data.total.allocation)}</td>
                    <td className="text-end">{format.euro(data.total.committed)}</td>
                    <td className="text-end">{format.euro(data.total.spent)}</td>
                    <td className="text-end">{format.euro(data.total.available)}</td>
                    <td>
                      <Progress percent={percentOf(data.total.committed, data.total.allocation)} />
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
          <section aria-labelledby="by-type-title" className="mt-5">
            <h2 id="by-type-title">{t('monitoring.budget.byTypeTitle')}</h2>
            {data.comuni.every((c) => c.byType.length === 0) && <p>{t('monitoring.budget.byTypeEmpty')}</p>}
            {data.comuni
              .filter((c) => c.byType.length > 0)
              .map((c) => (
                <div className="table-responsive mb-4" key={c.comuneIstat}>
                  <table className="table table-sm">
                    <caption>{t('monitoring.budget.byTypeCaption', { comune: c.comuneName, year: data.year })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('monitoring.budget.measureType')}</th>
                        <th scope="col" className="text-end">
                          {t('monitoring.budget.committed')}
                        </th>
                        <th scope="col" className="text-end">
                          {t('monitoring.budget.spent')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.byType.map((m) => (
                        <tr key={m.type}>
                          <th scope="row">{t(`monitoring.measureType.${m.type}`)}</th>
                          <td className="text-end">{format.euro(m.committed)}</td>
                          <td className="text-end">{format.euro(m.spent)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
          </section>
        </>
      )}
    </>
  );
}
