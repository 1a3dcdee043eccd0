/**
 * `/piani/copertura` (issue 13 item 2; `plans.coverage.read`: ANCI/Cittalia, MLPS, a Regione over
 * its own Comuni): the filters (kept in the address), the matrix Comuni × the ten priority actions
 * grouped under the four axes with the column totals, the map of the Comuni with a plan, the
 * priority actions no plan of a Region covers and the XLSX download with the same filters.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { AreaMap } from '../../../lib/area-map';
import { axes, axisOfPriorityAction, priorityActions, type Axis, type PriorityAction } from '../../../lib/plan-vocabulary';
import {
  coverageXlsxHref,
  useCoverage,
  useCoverageMap,
  useUncovered,
  type Coverage,
  type CoverageFilters,
  type CoverageQuery,
  type CoverageRow,
} from './api/coverage';

const PAGE_SIZE = 100;
const BANDS = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;
const GROUPS = ['all', 'adopted', 'preparation'] as const;
type FilterName = 'region' | 'band' | 'statusGroup' | 'axis' | 'priorityAction';

function useFilters(): [CoverageQuery, (name: FilterName, value: string) => void, () => void] {
  const [params, setParams] = useSearchParams();
  const band = params.get('band');
  const group = params.get('statusGroup');
  const axis = params.get('axis');
  const pa = Number(params.get('priorityAction'));
  const query: CoverageQuery = {
    ...(params.get('region') ? { region: params.get('region')! } : {}),
    ...(band && (BANDS as readonly string[]).includes(band) ? { band: band as (typeof BANDS)[number] } : {}),
    ...(group && (GROUPS as readonly string[]).includes(group) ? { statusGroup: group as (typeof GROUPS)[number] } : {}),
    ...(axis && (axes as readonly string[]).includes(axis) ? { axis: axis as Axis } : {}),
    ...(Number.isInteger(pa) && pa >= 1 && pa <= 10 ? { priorityAction: pa } : {}),
    page: Math.max(1, Number(params.get('page')) || 1),
    pageSize: PAGE_SIZE,
  };
  const set = (name: FilterName, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('page');
      return next;
    });
  return [query, set, () => setParams(new URLSearchParams())];
}

/** The priority actions under their axis in the Piano triennale (1–7 prevention, then one each). */
const AXIS_GROUPS = axes.map((axis) => ({ axis, actions: priorityActions.filter((p) => axisOfPriorityAction[p] === axis) }));

function Filters({
  query,
  set,
  reset,
  regions,
}: {
  query: CoverageQuery;
  set: (name: FilterName, value: string) => void;
  reset: () => void;
  regions: Coverage['options']['regions'];
}) {
  const { t } = useTranslation();
  const national = regions.length > 1;
  const any = query.region ?? query.band ?? query.statusGroup ?? query.axis ?? query.priorityAction;
  return (
    <form className="row" aria-label={t('plans.coverage.filters.legend')} onSubmit={(e) => e.preventDefault()}>
      {national && (
        <SelectField
          id="copertura-regione"
          className="col-md-4"
          label={t('plans.coverage.filters.region')}
          value={query.region ?? ''}
          onChange={(e) => set('region', e.target.value)}
          emptyOption={t('plans.coverage.filters.allRegions')}
          options={regions.map((r) => ({ value: r.code, label: r.name }))}
        />
      )}
      <SelectField
        id="copertura-fascia"
        className="col-md-4"
        label={t('plans.coverage.filters.band')}
        value={query.band ?? ''}
        onChange={(e) => set('band', e.target.value)}
        emptyOption={t('plans.coverage.filters.allBands')}
        options={BANDS.map((b) => ({ value: b, label: t(`bands.${b}`) }))}
      />
      <SelectField
        id="copertura-piani"
        className="col-md-4"
        label={t('plans.coverage.filters.statusGroup')}
        value={query.statusGroup ?? 'all'}
        onChange={(e) => set('statusGroup', e.target.value === 'all' ? '' : e.target.value)}
        options={GROUPS.map((g) => ({ value: g, label: t(`plans.coverage.filters.statusGroups.${g}`) }))}
      />
      <SelectField
        id="copertura-asse"
        className="col-md-4"
        label={t('plans.coverage.filters.axis')}
        value={query.axis ?? ''}
        onChange={(e) => set('axis', e.target.value)}
        emptyOption={t('plans.coverage.filters.allAxes')}
        options={axes.map((a) => ({ value: a, label: t(`plans.common.axes.${a}`) }))}
      />
      <SelectField
        id="copertura-azione"
        className="col-md-8"
        label={t('plans.coverage.filters.priorityAction')}
        value={query.priorityAction ? String(query.priorityAction) : ''}
        onChange={(e) => set('priorityAction', e.target.value)}
        emptyOption={t('plans.coverage.filters.allPriorityActions')}
        options={priorityActions.map((p) => ({
          value: String(p),
          label: `${p}. ${t(`plans.common.priorityActions.${p}`)}`,
        }))}
      />
      {any !== undefined && (
        <div className="col-12 mb-3">
          <button type="button" className="btn btn-link p-0" onClick={reset}>
            {t('plans.coverage.filters.reset')}
          </button>
        </div>
      )}
    </form>
  );
}

/** A count with its words for screen readers: "3 azioni: Programmata 2, Avviata 1". */
function CountCell({
  count,
  statuses,
  order,
}: {
  count: number;
  statuses: number[];
  order: Coverage['actionStatuses'];
}) {
  const { t } = useTranslation();
  const detail = order
    .map((s, i) => ({ s, n: statuses[i] ?? 0 }))
    .filter((x) => x.n > 0)
    .map((x) => t('plans.coverage.matrix.statusCount', { status: t(`plans.common.actionStatus.${x.s}`), count: x.n }))
    .join(', ');
  const words = count === 0 ? t('plans.coverage.matrix.cellNone') : t('plans.coverage.matrix.cell', { count, detail });
  return (
    <td className={`text-end${count === 0 ? ' text-secondary' : ''}`} title={count ? words : undefined}>
      <span aria-hidden="true">{count === 0 ? '–' : count}</span>
      <span className="visually-hidden">{words}</span>
    </td>
  );
}

function Matrix({ d }: { d: Coverage }) {
  const { t } = useTranslation();
  const national = d.options.regions.length > 1;
  const regionNames = new Map(d.options.regions.map((r) => [r.code, r.name]));
  const rows: CoverageRow[] = d.rows.items;
  return (
    <div className="table-responsive mb-3">
      <table className="table table-sm table-bordered align-middle" id="matrice-copertura">
        <caption>{t('plans.coverage.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('plans.coverage.matrix.comune')}
            </th>
            {national && (
              <th scope="col" rowSpan={2}>
                {t('plans.coverage.matrix.region')}
              </th>
            )}
            <th scope="col" rowSpan={2}>
              {t('plans.coverage.matrix.status')}
            </th>
            {AXIS_GROUPS.map((g) => (
              <th key={g.axis} scope="colgroup" colSpan={g.actions.length} className="text-center">
                {t('plans.coverage.matrix.axisHeading', { axis: t(`plans.common.axes.${g.axis}`) })}
              </th>
            ))}
            <th scope="col" rowSpan={2} className="text-end">
              {t('plans.coverage.matrix.total')}
            </th>
          </tr>
          <tr>
            {AXIS_GROUPS.flatMap((g) =>
              g.actions.map((p) => (
                <th key={p} scope="col" className="text-end" title={t(`plans.common.priorityActions.${p}`)}>
                  <span aria-hidden="true">{p}</span>
                  <span className="visually-hidden">{`${p}. ${t(`plans.common.priorityActions.${p}`)}`}</span>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.planId}>
              <th scope="row">
                {r.comuneName} <span className="text-secondary small">({r.provinceSigla})</span>
              </th>
              {national && <td>{regionNames.get(r.regionCode) ?? r.regionCode}</td>}
              <td>{t(`plans.common.planStatus.${r.status}`)}</td>
              {AXIS_GROUPS.flatMap((g) =>
                g.actions.map((p) => (
                  <CountCell
                    key={p}
                    count={r.priorityActions[p - 1] ?? 0}
                    statuses={r.priorityActionStatuses?.[p - 1] ?? []}
                    order={d.actionStatuses}
                  />
                )),
              )}
              <td className="text-end">{r.actions}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={national ? 3 : 2}>
              {t('plans.coverage.matrix.totalActions')}
            </th>
            {AXIS_GROUPS.flatMap((g) =>
              g.actions.map((p) => {
                const x = d.totals.priorityActions[p - 1]!;
                return <CountCell key={p} count={x.actions} statuses={x.statuses} order={d.actionStatuses} />;
              }),
            )}
            <td className="text-end">{d.totals.actions}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={national ? 3 : 2}>
              {t('plans.coverage.matrix.comuniCovering')}
            </th>
            {AXIS_GROUPS.flatMap((g) =>
              g.actions.map((p) => {
                const n = d.totals.priorityActions[p - 1]!.comuni;
                return (
                  <td key={p} className="text-end">
                    <span aria-hidden="true">{n}</span>
                    <span className="visually-hidden">{t('plans.coverage.matrix.comuniCell', { count: n })}</span>
                  </td>
                );
              }),
            )}
            <td className="text-end">{d.totals.comuni}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function CoverageMap({ filters, lockedRegion }: { filters: CoverageFilters; lockedRegion: string | null }) {
  const { t } = useTranslation();
  const map = useCoverageMap(filters);
  const coverage = filters.axis !== undefined || filters.priorityAction !== undefined;
  const categories = useMemo(
    () =>
      (coverage ? (['covered', 'not_covered'] as const) : (['adopted', 'preparation'] as const)).map((key) => ({
        key,
        label: t(`plans.coverage.map.categories.${key}`),
      })),
    [coverage, t],
  );
  return (
    <section aria-labelledby="copertura-mappa" className="mb-5">
      <h2 id="copertura-mappa" className="h3">
        {t('plans.coverage.map.title')}
      </h2>
      <p>{t('plans.coverage.map.lead')}</p>
      {map.isPending ? (
        <Loading />
      ) : map.isError ? (
        <QueryError error={map.error} onRetry={() => void map.refetch()} />
      ) : (
        <AreaMap
          title={t('plans.coverage.map.mapTitle')}
          level="comune"
          items={map.data.items}
          categories={categories}
          region={filters.region ?? null}
          lockedRegion={lockedRegion}
          valueLabel={t('plans.coverage.map.legend')}
          fileName="copertura-piani"
        />
      )}
    </section>
  );
}

function Uncovered({ filters }: { filters: CoverageFilters }) {
  const { t } = useTranslation();
  const q = useUncovered({
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.band ? { band: filters.band } : {}),
    ...(filters.statusGroup ? { statusGroup: filters.statusGroup } : {}),
  });
  const name = (p: number) => `${p}. ${t(`plans.common.priorityActions.${p as PriorityAction}`)}`;
  return (
    <section aria-labelledby="copertura-non-coperte" className="mb-5">
      <h2 id="copertura-non-coperte" className="h3">
        {t('plans.coverage.uncovered.title')}
      </h2>
      <p>{t('plans.coverage.uncovered.lead')}</p>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        q.data.regions.map((r) => (
          <article key={r.code} className="mb-4" aria-labelledby={`non-coperte-${r.code}`}>
            <h3 id={`non-coperte-${r.code}`} className="h5">
              {t('plans.coverage.uncovered.region', { name: r.name, count: r.comuni })}
            </h3>
            {r.uncovered.length === 0 ? (
              <p>{t('plans.coverage.uncovered.none')}</p>
            ) : (
              <>
                <h4 className="h6">{t('plans.coverage.uncovered.uncoveredHeading')}</h4>
                <ul>
                  {r.uncovered.map((p) => (
                    <li key={p}>{name(p)}</li>
                  ))}
                </ul>
              </>
            )}
            {r.covered.length > 0 && (
              <>
                <h4 className="h6">{t('plans.coverage.uncovered.coveredHeading')}</h4>
                <ul>
                  {r.covered.map((c) => (
                    <li key={c.priorityAction}>
                      {t('plans.coverage.uncovered.coveredItem', { name: name(c.priorityAction), count: c.comuni })}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </article>
        ))
      )}
    </section>
  );
}

/** `/piani/copertura`. */
export function CoveragePage() {
  const { t } = useTranslation();
  const [query, set, reset] = useFilters();
  // the cells show each count's breakdown by action state: asked for, a page of rows at a time
  const q = useCoverage({ ...query, detail: 'states' });
  const d = q.data;
  const { page: _page, pageSize: _size, ...filters } = query;
  const lockedRegion = d && d.options.regions.length === 1 ? d.options.regions[0]!.code : null;
  return (
    <>
      <PageHeader title={t('plans.coverage.title')} lead={t('plans.coverage.lead')}>
        <a className="btn btn-outline-primary" href={coverageXlsxHref(filters)} download aria-describedby="copertura-file">
          {t('plans.coverage.download')}
        </a>
        <p id="copertura-file" className="small mt-2 mb-0">
          {t('plans.coverage.downloadNote')}
        </p>
      </PageHeader>
      {q.isPending && <Loading />}
      {q.isError && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {d && (
        <>
          <Filters query={query} set={set} reset={reset} regions={d.options.regions} />
          <section aria-labelledby="copertura-matrice" className="mb-5">
            <h2 id="copertura-matrice" className="h3">
              {t('plans.coverage.matrix.title')}
            </h2>
            <p aria-live="polite">
              {t('plans.coverage.summary', {
                comuni: d.totals.comuni,
                adopted: d.totals.adopted,
                preparation: d.totals.preparation,
                actions: d.totals.actions,
              })}
            </p>
            {d.rows.total === 0 ? (
              <p>{t('plans.coverage.empty')}</p>
            ) : (
              <>
                <Matrix d={d} />
                <Pagination page={d.rows.page} pageSize={d.rows.pageSize} total={d.rows.total} />
              </>
            )}
            <h3 className="h6">{t('plans.coverage.matrix.legend')}</h3>
            <ol className="small">
              {priorityActions.map((p) => (
                <li key={p}>
                  {t(`plans.common.priorityActions.${p}`)} ({t(`plans.common.axes.${axisOfPriorityAction[p]}`)})
                </li>
              ))}
            </ol>
          </section>
          <CoverageMap filters={filters} lockedRegion={lockedRegion} />
          <Uncovered filters={filters} />
        </>
      )}
    </>
  );
}
