/** What the help desk's request pages share: dates, problems in words, the table of requests. */
import { useCallback } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { useProblemMessages } from '../../../lib/problemMessages';
import type { RequestSummary } from './api/requests';

/** 2026-03-05 → 05/03/2026 (gg/mm/aaaa). */
export const dmy = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';

/** An instant as gg/mm/aaaa hh:mm, in Italy's time. */
export const dmyTime = (iso: string): string =>
  new Date(iso).toLocaleString('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The help desk's own words for its problems, the shared ones otherwise. */
export function useHelpdeskProblem() {
  const { t, i18n } = useTranslation();
  const { messageOf } = useProblemMessages();
  return useCallback(
    (error: unknown): string => {
      if (error instanceof ApiProblem) {
        const key = `helpdesk.common.errors.${error.code.replace(/\./g, '_')}`;
        if (i18n.exists(key)) return t(key as 'helpdesk.common.overdue');
      }
      return messageOf(error);
    },
    [t, i18n, messageOf],
  );
}

/** The field message of a problem for one field of the body (`body.subject`), if any. */
export function fieldErrorOf(error: unknown, path: string): string | undefined {
  return error instanceof ApiProblem ? error.fieldErrors.find((e) => e.path === path)?.message : undefined;
}

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
