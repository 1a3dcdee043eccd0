import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFigures, type EventKind, type Figures, type FiguresFilters } from './api/attendance';

const kinds: EventKind[] = ['WORKSHOP_TERRITORIALE', 'WEBINAR', 'CONFERENZA_NAZIONALE'];

type Counts = Figures['totals'];

function CountCells({ c }: { c: Counts }) {
  return (
    <>
      <td className="text-end">{c.registrations}</td>
      <td className="text-end">{c.confirmed}</td>
      <td className="text-end">{c.attended}</td>
      <td className="text-end">{c.events}</td>
    </>
  );
}

/** `/eventi/partecipazione`: participation in the events, by Region, organisation type and Comune (counts only). */
export function FiguresPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<FiguresFilters>({});
  const figures = useFigures(filters);
  const head = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="text-end">
          {t('events.attendance.figures.registrations')}
        </th>
        <th scope="col" className="text-end">
          {t('events.attendance.figures.confirmed')}
        </th>
        <th scope="col" className="text-end">
          {t('events.attendance.figures.attended')}
        </th>
        <th scope="col" className="text-end">
          {t('events.attendance.figures.events')}
        </th>
      </tr>
    </thead>
  );
  return (
    <>
      <PageHeader title={t('events.attendance.figures.title')} lead={t('events.attendance.figures.lead')} />
      <form
        className="row g-3 mb-4"
        onSubmit={(e) => e.preventDefault()}
        aria-label={t('events.attendance.figures.filters')}
      >
        <div className="col-md-4">
          <TextField
            id="fig-from"
            type="date"
            label={t('events.attendance.figures.from')}
            value={filters.from ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value || undefined }))}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="fig-to"
            type="date"
            label={t('events.attendance.figures.to')}
            value={filters.to ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value || undefined }))}
          />
        </div>
        <div className="col-md-4">
          <SelectField
            id="fig-kind"
            label={t('events.attendance.figures.kind')}
            value={filters.kind ?? ''}
            options={[
              { value: '', label: t('events.attendance.figures.allKinds') },
              ...kinds.map((k) => ({ value: k, label: t(`events.common.kinds.${k}`) })),
            ]}
            onChange={(e) =>
              setFilters((f) => ({ ...f, kind: (e.target.value || undefined) as EventKind | undefined }))
            }
          />
        </div>
      </form>
      {figures.isPending ? (
        <Loading />
      ) : figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : (
        <>
          <p>
            {t('events.attendance.figures.summary', {
              held: figures.data.eventsHeld,
              registrations: figures.data.totals.registrations,
              attended: figures.data.totals.attended,
            })}
          </p>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('events.attendance.figures.byRegion')}</caption>
              {head(t('events.attendance.figures.region'))}
              <tbody>
                {figures.data.byRegion.map((r) => (
                  <tr key={r.regionCode ?? 'none'}>
                    <th scope="row">{r.regionName ?? t('events.attendance.figures.noRegion')}</th>
                    <CountCells c={r} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-responsive">
            <table className="table">
              <caption>{t('events.attendance.figures.byType')}</caption>
              {head(t('events.attendance.figures.type'))}
              <tbody>
                {figures.data.byOrganisationType.map((r) => (
                  <tr key={r.organisationType ?? 'none'}>
                    <th scope="row">
                      {r.organisationType
                        ? t(`events.common.orgTypes.${r.organisationType}`)
                        : t('events.attendance.figures.noType')}
                    </th>
                    <CountCells c={r} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {figures.data.byComune.length > 0 && (
            <div className="table-responsive">
              <table className="table">
                <caption>{t('events.attendance.figures.byComune')}</caption>
                {head(t('events.attendance.figures.comune'))}
                <tbody>
                  {figures.data.byComune.map((r) => (
                    <tr key={r.comuneIstat}>
                      <th scope="row">{r.comuneName}</th>
                      <CountCells c={r} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
