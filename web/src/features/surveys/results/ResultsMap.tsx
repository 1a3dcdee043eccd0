/**
 * The map of one question on the results page (issue 11; decisions 0038 and 0039): one value per
 * Region, province or Comune from the areas endpoint — for a choice question the share of the
 * answers with the chosen choice, for a number the mean, for a count of persons the sum of the
 * minima — drawn by the ChoroplethMap with its table. An area the disclosure control withholds is
 * hatched ("dato non diffuso"), never drawn as zero. Loaded on its own (d3-geo and the boundaries
 * are not in the page's chunk).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/listParams';
import { ChoroplethMap, type MapItem } from '../maps/ChoroplethMap';
import { useResultAreas, type AreaLevel, type PageFilters, type ResultAreas } from './api/results';

export const mapLevels = ['regione', 'provincia', 'comune'] as const satisfies readonly AreaLevel[];

/** The question as the map needs it, its words already in the reader's language. */
export interface MapQuestion {
  name: string;
  title: string;
  kind: 'choice' | 'multiple' | 'number' | 'range';
  inRepeat: boolean;
  choices: { code: string; label: string }[];
}

/** Shares as percentages, means with up to 2 decimals, persons whole; Italian grouping (1.234). */
function useValueFormat(measure: ResultAreas['measure']) {
  const format = useFormat();
  return useMemo(() => {
    const f =
      measure === 'share'
        ? new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 })
        : new Intl.NumberFormat(format.locale, {
            useGrouping: 'always',
            maximumFractionDigits: measure === 'mean' ? 2 : 0,
          });
    return (n: number) => f.format(n);
  }, [format.locale, measure]);
}

export default function ResultsMap({
  waveId,
  question,
  filters,
  full,
}: {
  waveId: string;
  question: MapQuestion;
  filters: PageFilters;
  full: boolean;
}) {
  const { t } = useTranslation();
  const { get, update } = useListParams();
  const levelParam = get('level');
  const level: AreaLevel = (mapLevels as readonly string[]).includes(levelParam)
    ? (levelParam as AreaLevel)
    : 'regione';
  const isChoice = question.kind === 'choice' || question.kind === 'multiple';
  const choiceParam = get('choice');
  const choice = isChoice
    ? (question.choices.find((c) => c.code === choiceParam) ?? question.choices[0] ?? null)
    : null;
  const areas = useResultAreas(waveId, question.name, level, isChoice ? (choice?.code ?? '') : null, filters);
  const measure: ResultAreas['measure'] = isChoice ? 'share' : question.kind === 'number' ? 'mean' : 'sum_min';
  const formatValue = useValueFormat(measure);

  const legendTitle =
    measure === 'share'
      ? t(question.inRepeat ? 'surveys.results.map.legend.shareEntries' : 'surveys.results.map.legend.share', {
          choice: choice?.label ?? '',
        })
      : measure === 'mean'
        ? t('surveys.results.map.legend.mean')
        : t('surveys.results.map.legend.sumMin');
  const items: MapItem[] = useMemo(() => areas.data?.items ?? [], [areas.data]);
  // only this request's areas: never the previous level's on this level's boundaries
  const current =
    areas.data &&
    areas.data.level === level &&
    areas.data.question === question.name &&
    areas.data.choice === (choice?.code ?? null);

  return (
    <section aria-labelledby="results-map-title" className="mt-5">
      <h2 id="results-map-title" className="h4">
        {t('surveys.results.map.title')}
      </h2>
      <p>{t('surveys.results.map.lead')}</p>
      {!full && <p className="small">{t('surveys.results.map.controlled')}</p>}
      <form aria-label={t('surveys.results.map.options')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id="map-level"
              label={t('surveys.results.map.level')}
              value={level}
              onChange={(e) => update({ level: e.target.value })}
              options={mapLevels.map((l) => ({ value: l, label: t(`surveys.maps.level.${l}`) }))}
            />
          </div>
          {isChoice && (
            <div className="col-md-8">
              <SelectField
                id="map-choice"
                label={t('surveys.results.map.choice')}
                value={choice?.code ?? ''}
                onChange={(e) => update({ choice: e.target.value })}
                options={question.choices.map((c) => ({ value: c.code, label: c.label }))}
              />
            </div>
          )}
        </div>
      </form>
      {areas.isError ? (
        <QueryError error={areas.error} onRetry={() => void areas.refetch()} />
      ) : !current ? (
        <Loading />
      ) : (
        <ChoroplethMap
          // a new Region filter shows that Region first
          key={filters.region ?? 'IT'}
          title={question.title}
          level={level}
          items={items}
          region={filters.region ?? null}
          valueLabel={t(`surveys.results.map.value.${measure}`)}
          legendTitle={legendTitle}
          formatValue={formatValue}
          fileName={`risultati-${question.name}-${level}`}
        />
      )}
    </section>
  );
}
