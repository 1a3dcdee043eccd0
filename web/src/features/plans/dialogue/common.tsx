/** What the dialogue's pages share: dates in words, the error text of a problem, the table of threads. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dmy, dmyTime } from '../../../lib/format';
import { useProblemsOf } from '../../../lib/problemMessages';
import type { ThreadSummary } from './api/threads';

export { dmy, dmyTime };
export { fieldErrorOf } from '../../../lib/problemMessages';

/** The dialogue's own words for its problems, the shared ones otherwise. */
export const useDialogueProblem = () => useProblemsOf('plans.dialogue.errors');

/** The overdue badge of a thread. */
export function OverdueBadge({ thread }: { thread: Pick<ThreadSummary, 'daysOverdue'> }) {
  const { t } = useTranslation();
  if (thread.daysOverdue === null) return null;
  return <span className="badge bg-danger ms-1">{t('plans.dialogue.overdue', { count: thread.daysOverdue })}</span>;
}

/** The threads in a table: subject (link), Comune and Region, anchor, last message, due date, status. */
export function ThreadTable({ items, caption }: { items: ThreadSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.dialogue.columns.subject')}</th>
            <th scope="col">{t('plans.dialogue.columns.comune')}</th>
            <th scope="col">{t('plans.dialogue.columns.anchor')}</th>
            <th scope="col">{t('plans.dialogue.columns.lastMessage')}</th>
            <th scope="col">{t('plans.dialogue.columns.due')}</th>
            <th scope="col">{t('plans.dialogue.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((th) => (
            <tr key={th.id}>
              <th scope="row">
                <Link to={`/dialogo/${th.id}`}>{th.subject}</Link>
                {th.awaitingMe && <span className="badge bg-primary ms-2">{t('plans.dialogue.awaitingMe')}</span>}
              </th>
              <td>
                {th.comuneName}
                <span className="d-block small">{th.regionName}</span>
              </td>
              <td>
                {t(`plans.dialogue.anchorKinds.${th.anchorKind}`)}
                {th.anchorLabel && <span className="d-block small">{th.anchorLabel}</span>}
              </td>
              <td>
                {th.lastMessageAt ? dmyTime(th.lastMessageAt) : ''}
                <span className="d-block small">{t('plans.dialogue.messagesCount', { count: th.messages })}</span>
              </td>
              <td>
                {th.dueDate ? dmy(th.dueDate) : t('plans.dialogue.noDue')}
                <OverdueBadge thread={th} />
              </td>
              <td>{t(`plans.dialogue.statuses.${th.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
