/**
 * The map of the fieldwork on the wave's page (decision 0039): every Comune of the universe
 * coloured by the state of its response, those outside the universe white. A Regione's reader sees
 * its own Region only. Loaded on its own (d3-geo and the boundaries are not in the page's chunk).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { ChoroplethMap, type MapCategory, type MapItem } from '../maps/ChoroplethMap';
import { useStatusMap, type StatusMap } from './api/waves';

/** The map's categories in the order of the fieldwork; "aperto" is an invited Comune that opened the questionnaire. */
const mapStates = [
  'invitato',
  'sollecitato',
  'aperto',
  'in_compilazione',
  'inviato',
  'in_validazione',
  'validato',
  'consolidato',
  'da_ricontattare',
] as const;

/**
 * The map's category of a Comune: its state, or "aperto" when invited and the questionnaire was
 * opened (the return type makes every state of a response one of the map's categories).
 */
export function mapStateOf(item: StatusMap['items'][number]): (typeof mapStates)[number] {
  return item.opened && (item.status === 'invitato' || item.status === 'sollecitato') ? 'aperto' : item.status;
}

export default function StatusMapSection({ waveId, waveTitle }: { waveId: string; waveTitle: string }) {
  const { t } = useTranslation();
  const map = useStatusMap(waveId);
  const categories: MapCategory[] = useMemo(
    () =>
      mapStates.map((key) => ({
        key,
        label: key === 'aperto' ? t('surveys.maps.status.opened') : t(`surveys.waves.status.${key}`),
      })),
    [t],
  );
  const items: MapItem[] = useMemo(
    () => (map.data?.items ?? []).map((i) => ({ code: i.istat, name: i.name, category: mapStateOf(i) })),
    [map.data],
  );
  return (
    <section aria-labelledby="status-map-title" className="mb-5">
      <h2 id="status-map-title" className="h4">
        {t('surveys.maps.status.title')}
      </h2>
      <p>{t('surveys.maps.status.lead')}</p>
      {map.isPending ? (
        <Loading />
      ) : map.isError ? (
        <QueryError error={map.error} onRetry={() => void map.refetch()} />
      ) : (
        <ChoroplethMap
          title={waveTitle}
          level="comune"
          items={items}
          categories={categories}
          lockedRegion={map.data.region}
          absent="outside"
          valueLabel={t('surveys.waves.list.status')}
          fileName={`rilevazione-${waveId.slice(0, 8)}-stato`}
        />
      )}
    </section>
  );
}
