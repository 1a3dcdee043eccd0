import { Fragment, lazy, Suspense, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useRegions } from '../../../lib/lookups';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import {
  comuniXlsxHref,
  useFunnel,
  useWave,
  useWaveAction,
  useWaveComuni,
  type ComuniQuery,
  type Funnel,
  type Wave,
  type WaveAction,
} from './api/waves';
import { ContactsEditor, LinksPanel } from './ComuneAccess';
import { bands, macroAreas, responseStatuses } from './words';

// the map brings d3-geo and the boundaries: its own chunk, loaded once the wave is launched
const StatusMapSection = lazy(() => import('./StatusMap'));

const stages = ['universe', 'invited', 'opened', 'inProgress', 'submitted', 'validated'] as const;

/** Launch, extend, close: each asks for confirmation first. */
function WaveActions({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { messageOf } = useProblemMessages();
  const act = useWaveAction(wave.id);
  const [asking, setAsking] = useState<WaveAction | null>(null);
  const [closesOn, setClosesOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: WaveAction) => {
    setError(null);
    try {
      await act.mutateAsync({ action, closesOn });
      setAsking(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const available: WaveAction[] =
    wave.status === 'bozza' ? ['launch'] : wave.status === 'aperta' ? ['extend', 'close'] : [];
  if (!available.length) return null;
  return (
    <section aria-labelledby="wave-actions" className="mb-4">
      <h2 id="wave-actions" className="visually-hidden">
        {t('surveys.waves.actions')}
      </h2>
      {asking === null ? (
        <div className="d-flex gap-2">
          {available.map((a) => (
            <button
              key={a}
              type="button"
              className={a === 'close' ? 'btn btn-outline-danger' : 'btn btn-primary'}
              onClick={() => setAsking(a)}
            >
              {t(`surveys.waves.action.${a}`)}
            </button>
          ))}
        </div>
      ) : (
        <Alert kind="warning" live="status">
          <p>
            {t(`surveys.waves.confirm.${asking}`, {
              closesOn: format.date(wave.closesOn),
              count: wave.universeCount ?? 0,
            })}
          </p>
          {asking === 'extend' && (
            <TextField
              id="wave-extend-on"
              type="date"
              label={t('surveys.waves.newClosesOn')}
              hint={t('surveys.waves.dateHint')}
              value={closesOn}
              min={wave.closesOn}
              onChange={(e) => setClosesOn(e.target.value)}
            />
          )}
          {error !== null && (
            <p className="text-danger" role="alert">
              {error}
            </p>
          )}
          <div className="d-flex gap-2">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={act.isPending || (asking === 'extend' && !closesOn)}
              onClick={() => void run(asking)}
            >
              {t(`surveys.waves.confirmAction.${asking}`)}
            </button>
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setAsking(null)}>
              {t('surveys.waves.cancel')}
            </button>
          </div>
        </Alert>
      )}
    </section>
  );
}

/** The overall funnel as bars (their numbers are in the table next to them: the bars are decoration). */
function FunnelBars({ overall }: { overall: Funnel['overall'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = Math.max(1, overall.universe);
  return (
    <table className="table table-sm mb-4">
      <caption>{t('surveys.waves.funnel.overallCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('surveys.waves.funnel.stage')}</th>
          <th scope="col" className="text-end">
            {t('surveys.waves.funnel.comuni')}
          </th>
          <th scope="col" style={{ width: '50%' }}>
            <span className="visually-hidden">{t('surveys.waves.funnel.bar')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr key={s}>
            <th scope="row">{t(`surveys.waves.funnel.${s}`)}</th>
            <td className="text-end">{format.number(overall[s])}</td>
            <td>
              <div className="progress" aria-hidden="true">
                <div className="progress-bar" style={{ width: `${(overall[s] / max) * 100}%` }} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FunnelSection({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [groupBy, setGroupBy] = useState<Funnel['groupBy']>('region');
  const funnel = useFunnel(waveId, groupBy, true);
  const rate = (r: number) => format.number(Math.round(r * 1000) / 10) + ' %';
  return (
    <section aria-labelledby="funnel-title" className="mb-5">
      <h2 id="funnel-title" className="h4">
        {t('surveys.waves.funnel.title')}
      </h2>
      {funnel.isPending ? (
        <Loading />
      ) : funnel.isError ? (
        <QueryError error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <>
          <p>
            {t('surveys.waves.funnel.rate')} <strong>{rate(funnel.data.overall.responseRate)}</strong>
          </p>
          <FunnelBars overall={funnel.data.overall} />
          <div className="row">
            <SelectField
              id="funnel-group"
              className="col-md-4"
              label={t('surveys.waves.funnel.groupBy')}
              value={groupBy}
              onChange={(e) => setGroupBy(e.target.value as Funnel['groupBy'])}
              options={(['region', 'macroArea', 'band'] as const).map((g) => ({
                value: g,
                label: t(`surveys.waves.funnel.by.${g}`),
              }))}
            />
          </div>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>
                {t('surveys.waves.funnel.groupCaption', { by: t(`surveys.waves.funnel.by.${groupBy}`) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t(`surveys.waves.funnel.by.${groupBy}`)}</th>
                  {stages.map((s) => (
                    <th key={s} scope="col" className="text-end">
                      {t(`surveys.waves.funnel.${s}`)}
                    </th>
                  ))}
                  <th scope="col" className="text-end">
                    {t('surveys.waves.funnel.responseRate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {funnel.data.groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row">
                      {groupBy === 'band'
                        ? t(`surveys.waves.band.${g.key as (typeof bands)[number]}`)
                        : groupBy === 'macroArea'
                          ? t(`surveys.waves.macroArea.${g.key as (typeof macroAreas)[number]}`)
                          : g.label}
                    </th>
                    {stages.map((s) => (
                      <td key={s} className="text-end">
                        {format.number(g[s])}
                      </td>
                    ))}
                    <td className="text-end">{rate(g.responseRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function ComuniSection({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<string | null>(null);
  const canManage = hasPermission(me, Permission.surveysWavesManage);
  const canContacts = hasPermission(me, Permission.surveysContactsWrite);
  const canReview = hasPermission(me, Permission.surveysReview);
  const query: ComuniQuery = {
    status: (params.get('status') || undefined) as ComuniQuery['status'],
    region: params.get('region') || undefined,
    band: (params.get('band') || undefined) as ComuniQuery['band'],
    macroArea: (params.get('macroArea') || undefined) as ComuniQuery['macroArea'],
    q: params.get('q') || undefined,
    page: Number(params.get('page')) || 1,
  };
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as ComuniQuery;
  const comuni = useWaveComuni(wave.id, clean, true);
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const all = t('surveys.waves.list.all');
  return (
    <section aria-labelledby="comuni-title">
      <h2 id="comuni-title" className="h4">
        {t('surveys.waves.list.title')}
      </h2>
      <p>{t('surveys.waves.list.lead')}</p>
      <form role="search" aria-label={t('surveys.waves.list.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <TextField
            id="comuni-q"
            className="col-md-4"
            type="search"
            label={t('surveys.waves.list.q')}
            defaultValue={query.q ?? ''}
            onBlur={(e) => setFilter('q', e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setFilter('q', e.currentTarget.value.trim());
            }}
          />
          <SelectField
            id="comuni-status"
            className="col-md-4"
            label={t('surveys.waves.list.status')}
            value={query.status ?? ''}
            onChange={(e) => setFilter('status', e.target.value)}
            emptyOption={all}
            options={responseStatuses.map((s) => ({ value: s, label: t(`surveys.waves.status.${s}`) }))}
          />
          <SelectField
            id="comuni-region"
            className="col-md-4"
            label={t('surveys.waves.list.region')}
            value={query.region ?? ''}
            onChange={(e) => setFilter('region', e.target.value)}
            emptyOption={all}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
          />
          <SelectField
            id="comuni-macro"
            className="col-md-4"
            label={t('surveys.waves.list.macroArea')}
            value={query.macroArea ?? ''}
            onChange={(e) => setFilter('macroArea', e.target.value)}
            emptyOption={all}
            options={macroAreas.map((m) => ({ value: m, label: t(`surveys.waves.macroArea.${m}`) }))}
          />
          <SelectField
            id="comuni-band"
            className="col-md-4"
            label={t('surveys.waves.list.band')}
            value={query.band ?? ''}
            onChange={(e) => setFilter('band', e.target.value)}
            emptyOption={all}
            options={bands.map((b) => ({ value: b, label: t(`surveys.waves.band.${b}`) }))}
          />
        </div>
      </form>
      <p>
        <a href={comuniXlsxHref(wave.id, clean)} download>
          {t('surveys.waves.list.xlsx')}
        </a>
      </p>
      {comuni.isPending ? (
        <Loading />
      ) : comuni.isError ? (
        <QueryError error={comuni.error} onRetry={() => void comuni.refetch()} />
      ) : (
        <>
          <p aria-live="polite">
            {t('surveys.waves.list.total', { count: comuni.data.total, n: format.number(comuni.data.total) })}
          </p>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('surveys.waves.list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.waves.list.comune')}</th>
                  <th scope="col">{t('surveys.waves.list.region')}</th>
                  <th scope="col">{t('surveys.waves.list.status')}</th>
                  <th scope="col">{t('surveys.waves.list.since')}</th>
                  <th scope="col">{t('surveys.waves.list.lastActivity')}</th>
                  <th scope="col" className="text-end">
                    {t('surveys.waves.list.reminders')}
                  </th>
                  {(canManage || canContacts) && (
                    <th scope="col">
                      <span className="visually-hidden">{t('surveys.waves.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {comuni.data.items.map((c) => (
                  <Fragment key={c.responseId}>
                    <tr>
                      <th scope="row">
                        {canReview && c.status !== 'invitato' && c.status !== 'sollecitato' ? (
                          <Link to={`/indagini/risposte/${c.responseId}`}>{c.name}</Link>
                        ) : (
                          c.name
                        )}{' '}
                        ({c.provinceSigla})
                      </th>
                      <td>{c.regionName}</td>
                      <td>{t(`surveys.waves.status.${c.status}`)}</td>
                      <td>{format.date(c.statusChangedAt)}</td>
                      <td>
                        {c.lastActivityAt !== null ? format.dateTime(c.lastActivityAt) : t('surveys.waves.never')}
                      </td>
                      <td className="text-end">{format.number(c.remindersSent)}</td>
                      {(canManage || canContacts) && (
                        <td>
                          <button
                            type="button"
                            className="btn btn-link btn-sm p-0"
                            aria-expanded={open === c.responseId}
                            aria-controls={`access-${c.responseId}`}
                            onClick={() => setOpen(open === c.responseId ? null : c.responseId)}
                          >
                            {t('surveys.waves.list.access')}
                            <span className="visually-hidden"> {c.name}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                    {open === c.responseId && (
                      <tr id={`access-${c.responseId}`}>
                        <td colSpan={7}>
                          {canManage && wave.status === 'aperta' && (
                            <LinksPanel responseId={c.responseId} comune={c.name} />
                          )}
                          <ContactsEditor istat={c.istat} comune={c.name} canEdit={canContacts} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={comuni.data.page} pageSize={comuni.data.pageSize} total={comuni.data.total} />
        </>
      )}
    </section>
  );
}

export function WavePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const { waveId = '' } = useParams();
  const wave = useWave(waveId);
  if (wave.isPending) return <Loading />;
  if (wave.isError) return <QueryError error={wave.error} onRetry={() => void wave.refetch()} />;
  const w = wave.data;
  return (
    <>
      <PageHeader
        title={w.titleIt}
        breadcrumbs={[
          { label: t('surveys.waves.create.surveys'), to: '/indagini' },
          { label: w.surveyTitle, to: `/indagini/${w.surveyId}` },
        ]}
      />
      <dl className="row">
        <dt className="col-sm-3">{t('surveys.waves.state')}</dt>
        <dd className="col-sm-9">{t(`surveys.waves.waveStatus.${w.status}`)}</dd>
        <dt className="col-sm-3">{t('surveys.waves.version')}</dt>
        <dd className="col-sm-9">{t('surveys.waves.versionNo', { n: w.versionNo ?? 0 })}</dd>
        <dt className="col-sm-3">{t('surveys.waves.period')}</dt>
        <dd className="col-sm-9">
          {t('surveys.waves.fromTo', { from: format.date(w.opensOn), to: format.date(w.closesOn) })}
        </dd>
        <dt className="col-sm-3">{t('surveys.waves.reminderDays')}</dt>
        <dd className="col-sm-9">{t('surveys.waves.reminderDaysValue', { days: w.reminderDays.join(', ') })}</dd>
        {w.universeCount !== null && (
          <>
            <dt className="col-sm-3">{t('surveys.waves.universeCount')}</dt>
            <dd className="col-sm-9">
              {format.number(w.universeCount)}
              {w.referenceMonth !== null &&
                ` (${t('surveys.waves.populationOf', { month: format.month(w.referenceMonth) })})`}
            </dd>
          </>
        )}
        {w.launchedAt !== null && (
          <>
            <dt className="col-sm-3">{t('surveys.waves.launched')}</dt>
            <dd className="col-sm-9">
              {format.dateTime(w.launchedAt)}
              {w.launchedBy !== null && ` — ${w.launchedBy}`}
            </dd>
          </>
        )}
      </dl>
      {w.status !== 'bozza' && (
        <nav aria-label={t('surveys.waves.pages.label')} className="mb-4">
          <ul className="list-inline">
            {hasPermission(me, Permission.surveysReview) && (
              <li className="list-inline-item me-4">
                <Link to={`/indagini/rilevazioni/${w.id}/verifica`}>{t('surveys.waves.pages.review')}</Link>
              </li>
            )}
            <li className="list-inline-item me-4">
              <Link to={`/indagini/rilevazioni/${w.id}/messaggi`}>{t('surveys.waves.pages.messages')}</Link>
            </li>
            <li className="list-inline-item me-4">
              <Link to={`/indagini/rilevazioni/${w.id}/contatti-telefonici`}>{t('surveys.waves.pages.phone')}</Link>
            </li>
            {hasPermission(me, Permission.surveysResultsRead) && (
              <li className="list-inline-item">
                <Link to={`/indagini/rilevazioni/${w.id}/risultati`}>{t('surveys.waves.pages.results')}</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
      {hasPermission(me, Permission.surveysWavesManage) && <WaveActions wave={w} />}
      {w.status === 'bozza' ? (
        <p>{t('surveys.waves.notLaunched')}</p>
      ) : (
        <>
          <FunnelSection waveId={w.id} />
          <Suspense fallback={<Loading />}>
            <StatusMapSection waveId={w.id} waveTitle={w.titleIt} />
          </Suspense>
          <ComuniSection wave={w} />
        </>
      )}
    </>
  );
}
