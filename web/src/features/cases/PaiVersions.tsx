import { MeasuresTable } from './MeasuresTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordStatus } from '../../components/RecordStatus';
import { useFormat } from '../../lib/format';
import type { PaiDetail, PaiVersion } from './api/types';
import { usePilotPaiVersion } from './api/get-pai-version';
import { useCaseLabels } from './labels';

function Snapshot({ version }: { version: PaiVersion }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
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
      <MeasuresTable
        measures={s.measures}
        caption={t('cases.pai.versionMeasuresCaption', { version: version.version })}
        withActuals
        small
      />
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
      {opened &&
        (snapshot.isPending || snapshot.error !== null ? (
          <RecordStatus query={snapshot} />
        ) : (
          <Snapshot version={snapshot.data} />
        ))}
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
        pai.versions.map((v) => (
          <VersionItem key={v.version} paiId={pai.id} version={v.version} frozenAt={v.frozenAt} />
        ))
      )}
    </section>
  );
}
