/**
 * /progetti/:projectId/spese — the project's expenses: the totals charged to each budget line
 * against its amount, the filters (kept in the address), the expenses by document date with their
 * warnings in words, a page at a time.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { RecordStatus } from '../../../components/RecordStatus';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useExpenses, type ExpenseQuery, type ExpenseStatus } from './api/listExpenses';
import { dayOf, euro, useExpenseWords } from './words';

const STATUSES: ExpenseStatus[] = ['BOZZA', 'CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA'];
const PAGE_SIZE = 50;

function queryOf(params: URLSearchParams): ExpenseQuery {
  const q: ExpenseQuery = { page: Number(params.get('page') ?? '1') || 1, pageSize: PAGE_SIZE };
  const lineKey = params.get('voce');
  const status = params.get('stato');
  const from = params.get('dal');
  const to = params.get('al');
  const text = params.get('q');
  if (lineKey) q.lineKey = lineKey;
  if (status && (STATUSES as string[]).includes(status)) q.status = status as ExpenseStatus;
  if (from) q.from = from;
  if (to) q.to = to;
  if (text) q.q = text;
  if (params.get('avvisi') === '1') q.withWarnings = 'true';
  return q;
}

export function ExpensesPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const expenses = useExpenses(projectId, query);
  const words = useExpenseWords();
  const data = expenses.data;
  const [filters, setFilters] = useState({
    voce: params.get('voce') ?? '',
    stato: params.get('stato') ?? '',
    dal: params.get('dal') ?? '',
    al: params.get('al') ?? '',
    q: params.get('q') ?? '',
    avvisi: params.get('avvisi') === '1',
  });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) {
      if (v === true) next.set(k, '1');
      else if (typeof v === 'string' && v.trim() !== '') next.set(k, v.trim());
    }
    setParams(next);
  };
  const reset = () => {
    setFilters({ voce: '', stato: '', dal: '', al: '', q: '', avvisi: false });
    setParams(new URLSearchParams());
  };
  const lineOf = (lineKey: string) => data?.lines.find((l) => l.lineKey === lineKey);

  return (
    <div>
      <PageHeader
        title={t('projects.expenses.title')}
        breadcrumbs={data ? [{ label: data.project.title, to: `/progetti/${projectId}` }] : []}
        lead={
          data
            ? `${data.project.title} — ${data.project.cup ? t('projects.expenses.cup', { cup: data.project.cup }) : t('projects.expenses.noCup')}`
            : undefined
        }
      />
      <ProjectTabs projectId={projectId} current="spese" />
      {!data ? (
        <RecordStatus query={expenses} />
      ) : (
        <>
          <p>
            {t('projects.expenses.eligibility', {
              from: dayOf(data.project.eligibleFrom),
              to: dayOf(data.project.eligibleTo),
            })}
          </p>
          {data.project.canEdit && (
            <p className="d-flex flex-wrap gap-2">
              <Link className="btn btn-primary" to={`/progetti/${projectId}/spese/nuova`}>
                {t('projects.expenses.new')}
              </Link>
              <Link className="btn btn-outline-primary" to={`/progetti/${projectId}/spese/importa`}>
                {t('projects.expenses.import')}
              </Link>
            </p>
          )}

          <h2 className="h4 mt-4">{t('projects.expenses.lines.title')}</h2>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('projects.expenses.lines.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.expenses.lines.line')}</th>
                  <th scope="col" className="text-end">
                    {t('projects.expenses.lines.budget')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('projects.expenses.lines.charged')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('projects.expenses.lines.residual')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('projects.expenses.lines.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((l) => (
                  <tr key={l.lineKey}>
                    <th scope="row" className="fw-normal">
                      {words.line(l)}
                    </th>
                    <td className="text-end">{euro(l.budgetCents)}</td>
                    <td className="text-end">{euro(l.chargedCents)}</td>
                    <td className={`text-end${l.over ? ' text-danger fw-semibold' : ''}`}>
                      {euro(l.budgetCents - l.chargedCents)}
                      {l.over && <span className="ms-1">({t('projects.expenses.lines.over')})</span>}
                    </td>
                    <td className="text-end">{l.expenseCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <form className="border rounded p-3 my-4" onSubmit={apply} aria-labelledby="expenses-filters">
            <h2 id="expenses-filters" className="h5">
              {t('projects.expenses.filters.title')}
            </h2>
            <div className="row g-3">
              <div className="col-md-4">
                <label htmlFor="filter-line" className="form-label">
                  {t('projects.expenses.filters.line')}
                </label>
                <select
                  id="filter-line"
                  className="form-select"
                  value={filters.voce}
                  onChange={(e) => setFilters({ ...filters, voce: e.target.value })}
                >
                  <option value="">{t('projects.expenses.filters.allLines')}</option>
                  {data.lines.map((l) => (
                    <option key={l.lineKey} value={l.lineKey}>
                      {words.line(l)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="col-md-3">
                <label htmlFor="filter-status" className="form-label">
                  {t('projects.expenses.filters.status')}
                </label>
                <select
                  id="filter-status"
                  className="form-select"
                  value={filters.stato}
                  onChange={(e) => setFilters({ ...filters, stato: e.target.value })}
                >
                  <option value="">{t('projects.expenses.filters.allStatuses')}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {words.status(s)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="col-md-5">
                <label htmlFor="filter-q" className="form-label">
                  {t('projects.expenses.filters.q')}
                </label>
                <input
                  id="filter-q"
                  type="search"
                  className="form-control"
                  value={filters.q}
                  onChange={(e) => setFilters({ ...filters, q: e.target.value })}
                />
              </div>
              <div className="col-md-3">
                <label htmlFor="filter-from" className="form-label">
                  {t('projects.expenses.filters.from')}
                </label>
                <input
                  id="filter-from"
                  type="date"
                  className="form-control"
                  value={filters.dal}
                  onChange={(e) => setFilters({ ...filters, dal: e.target.value })}
                />
              </div>
              <div className="col-md-3">
                <label htmlFor="filter-to" className="form-label">
                  {t('projects.expenses.filters.to')}
                </label>
                <input
                  id="filter-to"
                  type="date"
                  className="form-control"
                  value={filters.al}
                  onChange={(e) => setFilters({ ...filters, al: e.target.value })}
                />
              </div>
              <div className="col-md-6 d-flex align-items-end">
                <div className="form-check">
                  <input
                    id="filter-warnings"
                    type="checkbox"
                    checked={filters.avvisi}
                    onChange={(e) => setFilters({ ...filters, avvisi: e.target.checked })}
                  />
                  <label htmlFor="filter-warnings">{t('projects.expenses.filters.withWarnings')}</label>
                </div>
              </div>
            </div>
            <div className="d-flex gap-2 mt-3">
              <button type="submit" className="btn btn-primary btn-sm">
                {t('projects.expenses.filters.apply')}
              </button>
              <button type="button" className="btn btn-outline-primary btn-sm" onClick={reset}>
                {t('projects.expenses.filters.reset')}
              </button>
            </div>
          </form>

          <p role="status">{t('projects.expenses.count', { count: data.total })}</p>
          {data.items.length === 0 ? (
            <p>{t('projects.expenses.empty')}</p>
          ) : (
            <div className="table-responsive">
              <table className="table">
                <caption className="visually-hidden">{t('projects.expenses.table.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('projects.expenses.table.date')}</th>
                    <th scope="col">{t('projects.expenses.table.document')}</th>
                    <th scope="col">{t('projects.expenses.table.issuer')}</th>
                    <th scope="col">{t('projects.expenses.table.line')}</th>
                    <th scope="col" className="text-end">
                      {t('projects.expenses.table.charged')}
                    </th>
                    <th scope="col">{t('projects.expenses.table.status')}</th>
                    <th scope="col">{t('projects.expenses.table.warnings')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((e) => {
                    const l = lineOf(e.lineKey);
                    return (
                      <tr key={e.id}>
                        <td>{dayOf(e.docDate)}</td>
                        <td>
                          <Link to={`/progetti/${projectId}/spese/${e.id}`}>
                            {words.docType(e.docType)} {e.docNumber}
                          </Link>
                        </td>
                        <td>{e.issuerName}</td>
                        <td>{l ? words.line(l) : e.categoryCode}</td>
                        <td className="text-end">{euro(e.chargedCents)}</td>
                        <td>{words.status(e.status)}</td>
                        <td>
                          {e.warnings.length > 0 && (
                            <ul className="list-unstyled mb-0 small text-danger">
                              {e.warnings.map((w) => (
                                <li key={w.code}>{words.warning(w.code)}</li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
        </>
      )}
    </div>
  );
}
