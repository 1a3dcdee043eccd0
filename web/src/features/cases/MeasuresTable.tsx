import { useTranslation } from 'react-i18next';
import type { Measure } from './api/types';
import { useCaseLabels, useDay, useEuro } from './labels';

/** The fields of a measure shown in a table: a live measure, or one frozen in an earlier PAI version. */
type MeasureRow = Pick<
  Measure,
  'id' | 'type' | 'providerName' | 'startOn' | 'endOn' | 'hoursPlanned' | 'costPlanned' | 'status'
> &
  Partial<Pick<Measure, 'hoursActual' | 'costActual' | 'outcome' | 'actualStartOn' | 'actualEndOn' | 'budgetYear'>>;

/**
 * The measures of a PAI as a captioned table. `withActuals` adds the actual dates, hours and cost
 * and the outcome: the live PAI, and a frozen version as it stood when it froze (its snapshot).
 */
export function MeasuresTable({
  measures,
  caption,
  withActuals,
  small,
}: {
  measures: MeasureRow[];
  caption: string;
  withActuals: boolean;
  small?: boolean;
}) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const day = useDay();
  const euro = useEuro();
  const actualDates = (start: string | null, end: string | null) =>
    start === null
      ? '—'
      : end === null
        ? t('cases.measures.from', { date: day(start) })
        : t('cases.measures.fromTo', { start: day(start), end: day(end) });
  if (measures.length === 0) return <p>{t('cases.measures.none')}</p>;
  return (
    <div className="table-responsive">
      <table className={small ? 'table table-sm' : 'table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.measures.type')}</th>
            <th scope="col">{t('cases.measures.provider')}</th>
            <th scope="col">{t('cases.measures.dates')}</th>
            {withActuals && <th scope="col">{t('cases.money.actualDates')}</th>}
            <th scope="col">{t('cases.measures.hours')}</th>
            <th scope="col">{t('cases.measures.cost')}</th>
            <th scope="col">{t('cases.measures.status')}</th>
            {withActuals && <th scope="col">{t('cases.measures.outcome')}</th>}
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id}>
              <th scope="row">{t(`cases.measureType.${m.type}`)}</th>
              <td>{m.providerName}</td>
              <td>
                {m.endOn === null
                  ? t('cases.measures.from', { date: day(m.startOn) })
                  : t('cases.measures.fromTo', { start: day(m.startOn), end: day(m.endOn) })}
                {m.budgetYear !== undefined && (
                  <>
                    <br />
                    <small>{t('cases.money.budgetYear', { year: m.budgetYear })}</small>
                  </>
                )}
              </td>
              {withActuals && <td>{actualDates(m.actualStartOn ?? null, m.actualEndOn ?? null)}</td>}
              <td>
                {withActuals ? (
                  <>
                    {m.hoursPlanned} / {m.hoursActual ?? '—'}
                  </>
                ) : (
                  m.hoursPlanned
                )}
              </td>
              <td>
                {withActuals ? (
                  <>
                    {euro(m.costPlanned)} / {euro(m.costActual ?? null)}
                  </>
                ) : (
                  euro(m.costPlanned)
                )}
              </td>
              <td>{label.measureStatus(m.status)}</td>
              {withActuals && <td>{m.outcome ?? '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
