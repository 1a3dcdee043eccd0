import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordStatus } from '../../components/RecordStatus';
import { useFormat } from '../../lib/format';
import type { PaiDetail, PaiVersion } from './api/types';
import { usePilotPaiVersion } from './api/get-pai-version';
import { useCaseLabels, useDay, useEuro } from './labels';

function Snapshot({ version }: { version: PaiVersion }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const day = useDay();
  const euro = useEuro();
  const s = version.snapshot;
  return (
    <div className="pt-3">
      <p>{t('cases.pai.versionStatus', { status: label.paiStatus(s.status) })}</p>
      <h3 className="h6">{t('cases.pai.objectives')}</h3>
      {s.objectives.length === 0 ? (
        <p>{t('cases.pai.noObjectives')}</p>
      ) : (
        <ol>
          {s.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ol>
      )}
      <h3 className="h6">{t('cases.measures.title')}</h3>
      {s.measures.length === 0 ? (
        <p>{t('cases.measures.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('cases.pai.versionMeasuresCaption', { version: version.version })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cases.measures.type')}</th>
                <th scope="col">{t('cases.measures.provider')}</th>
                <th scope="col">{t('cases.measures.dates')}</th>
                <th scope="col">{t('cases.measures.hours')}</th>
                <th scope="col">{t('cases.measures.cost')}</th>
                <th scope="col">{t('cases.measures.status')}</th>
              </tr>
            </thead>
            <tbody>
              {s.measures.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{t(`cases.measureType.${m.type}`)}</th>
                  <td>{m.providerName}</td>
                  <td>
                    {m.endOn === null
                      ? t('cases.measures.from', { from: day(m.startOn) })
                      : t('cases.measures.fromTo', { from: day(m.startOn), to: day(m.endOn) })}
                  </td>
                  <td>{m.hoursPlanned}</td>
                  <td>{euro(m.costPlanned)}</td>
                  <td>{label.measureStatus(m.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** One frozen version, fetched when its disclosure is first opened. */
function VersionItem({ paiId, version, frozenAt }: { paiId: string; version: number; frozenAt: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [opened, setOpened] = useState(false);
  const snapshot = usePilotPaiVersion(paiId, version, opened);
  return (
    <details className="mb-2" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{t('cases.pai.versionItem', { version, date: dateTime(frozenAt) })}</summary>
      {opened && (snapshot.isPending || snapshot.error !== null ? <RecordStatus query={snapshot} /> : <Snapshot version={snapshot.data} />)}
    </details>
  );
}

/** "Versioni precedenti": each earlier version opens its frozen objectives and measures, read-only. */
export function PaiVersions({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="pai-versions-title" className="mb-5">
      <h2 id="pai-versions-title">{t('cases.pai.versionsTitle')}</h2>
      {pai.versions.length === 0 ? (
        <p>{t('cases.pai.noVersions')}</p>
      ) : (
        pai.versions.map((v) => <VersionItem key={v.version} paiId={pai.id} version={v.version} frozenAt={v.frozenAt} />)
      )}
    </section>
  );
}
