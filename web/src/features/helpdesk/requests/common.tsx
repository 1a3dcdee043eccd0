/** What the help desk's request pages share: dates, problems in words, the table of requests. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dmy, dmyTime } from '../../../lib/format';
import { useProblemsOf } from '../../../lib/problemMessages';
import type { RequestSummary } from './api/requests';

export { dmy, dmyTime };
export { fieldErrorOf } from '../../../lib/problemMessages';

/** The help desk's own words for its problems, the shared ones otherwise. */
export const useHelpdeskProblem = () => useProblemsOf('helpdesk.common.errors');

/** Late and signalled badges. */
export function LateBadges({ r }: { r: Pick<RequestSummary, 'overdue' | 'escalatedAt'> }) {
  const { t } = useTranslation();
  return (
    <>
      {r.overdue && <span className="badge bg-danger ms-1">{t('helpdesk.common.overdue')}</span>}
      {r.escalatedAt && r.overdue && (
        <span className="badge bg-warning text-dark ms-1">{t('helpdesk.common.escalated')}</span>
      )}
    </>
  );
}

/** The requests in a table; the Comune's column for the help desk only. */
export function RequestTable({
  items,
  caption,
  showComune,
}: {
  items: RequestSummary[];
  caption: string;
  showComune: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('helpdesk.requests.columns.subject')}</th>
            {showComune && <th scope="col">{t('helpdesk.requests.columns.comune')}</th>}
            <th scope="col">{t('helpdesk.requests.columns.topic')}</th>
            <th scope="col">{t('helpdesk.requests.columns.status')}</th>
            <th scope="col">{t('helpdesk.requests.columns.assignee')}</th>
            <th scope="col">{t('helpdesk.requests.columns.opened')}</th>
            <th scope="col">{t('helpdesk.requests.columns.due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/assistenza-tecnica/richieste/${r.id}`}>{r.subject}</Link>
                <span className="d-block small fw-normal">{r.code}</span>
              </th>
              {showComune && (
                <td>
                  {r.comuneName}
                  <span className="d-block small">{r.regionName}</span>
                </td>
              )}
              <td>
                {t(`helpdesk.common.topics.${r.topic}`)}
                {r.priority === 'ALTA' && (
                  <span className="badge bg-primary ms-1">{t('helpdesk.common.priorities.ALTA')}</span>
                )}
              </td>
              <td>
                {t(`helpdesk.common.statuses.${r.status}`)}
                <LateBadges r={r} />
              </td>
              <td>{r.assigneeName ?? '—'}</td>
              <td>{dmy(r.createdAt.slice(0, 10))}</td>
              <td>{dmy(r.resolutionDue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
