/** The totals of a budget and its checks (caps and co-financing), each in Italian words with its outcome. */
import { useTranslation } from 'react-i18next';
import { euro } from './words';

export interface ChecksView {
  directCents: number;
  indirectCents: number;
  totalCents: number;
  caps: readonly { capId: string; ok: boolean; message: string }[];
  coFinancing: { ok: boolean; message: string };
}

export function BudgetChecks({ view, live }: { view: ChecksView; live: boolean }) {
  const { t } = useTranslation();
  const all = [
    ...view.caps.map((c) => ({ id: c.capId, ok: c.ok, message: c.message })),
    { id: 'cofin', ...view.coFinancing },
  ];
  return (
    <section aria-labelledby="budget-checks" className="mb-4">
      <h3 id="budget-checks" className="h5">
        {t(live ? 'projects.design.budget.checksLive' : 'projects.design.budget.checks')}
      </h3>
      <dl className="row mb-2">
        <div className="col-md-4">
          <dt>{t('projects.design.budget.direct')}</dt>
          <dd>{euro(view.directCents)}</dd>
        </div>
        <div className="col-md-4">
          <dt>{t('projects.design.budget.indirect')}</dt>
          <dd>{euro(view.indirectCents)}</dd>
        </div>
        <div className="col-md-4">
          <dt>{t('projects.design.budget.total')}</dt>
          <dd>{euro(view.totalCents)}</dd>
        </div>
      </dl>
      <ul className="list-unstyled" aria-live={live ? 'polite' : undefined}>
        {all.map((c) => (
          <li key={c.id} className={c.ok ? 'text-success' : 'text-danger fw-semibold'}>
            <span className="visually-hidden">
              {t(c.ok ? 'projects.design.budget.checkOk' : 'projects.design.budget.checkKo')}:{' '}
            </span>
            <span aria-hidden="true">{c.ok ? '✓ ' : '✗ '}</span>
            {c.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
