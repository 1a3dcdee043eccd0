import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { Pagination } from '../../../components/Pagination';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/listParams';
import { RegionSelect } from './common';
import { useResultQuestions, useSettlements, type Settlement, type SettlementFilters } from './api/results';

const types = ['formale', 'informale'] as const;

/** `/indagini/rilevazioni/:waveId/insediamenti`: the settlements of a wave, each with its Comune (never a finer place). */
export function SettlementsPage() {
  const { t, i18n } = useTranslation();
  const { waveId = '' } = useParams();
  const { get, update, page, pageSize } = useListParams();
  const format = useFormat();
  const questions = useResultQuestions(waveId);
  const filters: SettlementFilters = {};
  if (/^\d{2}$/.test(get('region'))) filters.region = get('region');
  const type = get('type');
  if ((types as readonly string[]).includes(type)) filters.type = type as SettlementFilters['type'];
  if (get('kind')) filters.kind = get('kind');
  const list = useSettlements(waveId, filters, page, pageSize);

  // the questionnaire's words for the codes (kinds, seasons, services, qualities)
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const labels = useMemo(() => {
    const m = new Map<string, Map<string, string>>();
    for (const q of questions.data?.items ?? [])
      m.set(q.name, new Map(q.choices.map((c) => [c.code, (en ? (c.label.en ?? c.label.it) : c.label.it) ?? c.code])));
    return m;
  }, [questions.data, en]);
  const word = (question: string, code: string | null) =>
    code === null ? '—' : (labels.get(question)?.get(code) ?? code);
  const kinds = [
    ...(filters.type !== 'informale' ? (labels.get('ins_tipologia_formale') ?? new Map<string, string>()) : []),
    ...(filters.type !== 'formale' ? (labels.get('ins_tipologia_informale') ?? new Map<string, string>()) : []),
  ];
  const number = useMemo(
    () => new Intl.NumberFormat(format.locale, { useGrouping: 'always', maximumFractionDigits: 1 }),
    [format.locale],
  );
  const persons = (s: Settlement['persons']) => {
    const f = (v: number | '<10' | null) => (v === null ? '' : v === '<10' ? '<10' : number.format(v));
    const text = s.min === null && s.max === null ? '—' : s.min === s.max ? f(s.min) : `${f(s.min)}–${f(s.max)}`;
    return s.quality
      ? `${text} (${t(`surveys.results.settlements.quality.${s.quality}`, { defaultValue: s.quality })})`
      : text;
  };
  const full = list.data?.full ?? true;

  return (
    <>
      <PageHeader
        title={t('surveys.results.settlements.title')}
        lead={t('surveys.results.settlements.lead')}
        breadcrumbs={[
          { label: t('surveys.results.wave'), to: `/indagini/rilevazioni/${waveId}` },
          { label: t('surveys.results.title'), to: `/indagini/rilevazioni/${waveId}/risultati` },
        ]}
      />
      {list.data && !list.data.full && (
        <p className="alert alert-info">{t('surveys.results.settlements.controlled')}</p>
      )}
      <form aria-label={t('surveys.results.settlements.filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <RegionSelect
              id="settlements-region"
              value={filters.region ?? ''}
              onChange={(v) => update({ region: v })}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="settlements-type"
              label={t('surveys.results.settlements.type')}
              emptyOption={t('surveys.results.all')}
              value={filters.type ?? ''}
              onChange={(e) => update({ type: e.target.value, kind: '' })}
              options={types.map((x) => ({ value: x, label: word('ins_tipo', x) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id="settlements-kind"
              label={t('surveys.results.settlements.kind')}
              emptyOption={t('surveys.results.all')}
              value={filters.kind ?? ''}
              onChange={(e) => update({ kind: e.target.value })}
              options={kinds.map(([value, label]) => ({ value, label }))}
            />
          </div>
        </div>
      </form>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : (
        <div aria-busy={list.isFetching}>
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>
                {t('surveys.results.settlements.caption', {
                  count: list.data.total,
                  n: number.format(list.data.total),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.results.comune')}</th>
                  <th scope="col">{t('surveys.results.settlements.province')}</th>
                  <th scope="col">{t('surveys.results.region')}</th>
                  {full && <th scope="col">{t('surveys.results.settlements.place')}</th>}
                  <th scope="col">{t('surveys.results.settlements.type')}</th>
                  <th scope="col">{t('surveys.results.settlements.kind')}</th>
                  <th scope="col" className="text-end">
                    {t('surveys.results.settlements.persons')}
                  </th>
                  <th scope="col">{t('surveys.results.settlements.season')}</th>
                  <th scope="col">{t('surveys.results.settlements.services')}</th>
                  <th scope="col" className="text-end">
                    {t('surveys.results.settlements.distance')}
                  </th>
                  <th scope="col" className="text-end">
                    {t('surveys.results.settlements.years')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={`${s.comune.istat}-${s.entry}`}>
                    <th scope="row">
                      {s.comune.name}
                      {s.entry > 1 && <span className="text-secondary"> ({s.entry})</span>}
                    </th>
                    <td>{s.comune.province.name}</td>
                    <td>{s.comune.region.name}</td>
                    {full && <td className="text-break">{s.place ?? '—'}</td>}
                    <td>{word('ins_tipo', s.type)}</td>
                    <td>{word(s.type === 'formale' ? 'ins_tipologia_formale' : 'ins_tipologia_informale', s.kind)}</td>
                    <td className="text-end">{persons(s.persons)}</td>
                    <td>{word('ins_stagionalita', s.season)}</td>
                    <td>{s.services.length ? s.services.map((c) => word('ins_servizi', c)).join(', ') : '—'}</td>
                    <td className="text-end">{s.distanceKm === null ? '—' : number.format(s.distanceKm)}</td>
                    <td className="text-end">{s.years === null ? '—' : number.format(s.years)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} />
        </div>
      )}
      <p>
        <Link to={`/indagini/rilevazioni/${waveId}/risultati`}>{t('surveys.results.settlements.back')}</Link>
      </p>
    </>
  );
}
