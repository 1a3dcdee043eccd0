import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../components/Notifications';
import { dateFormat, localeOf } from '../../lib/format';
import type { components } from '../../api/schema';
import { useOpenTasks } from './api/find-tasks';
import { useCompleteTask } from './api/complete-task';

type Task = components['schemas']['PilotTask'];

/** Where a task's link leads, in words: its PAI, its case, the referrals in screening, or the budget page. */
function linkKey(task: Task) {
  if (task.link.startsWith('/pai/')) return 'monitoring.tasks.openPai' as const;
  if (task.link.startsWith('/casi/')) return 'monitoring.tasks.openCase' as const;
  if (task.link.startsWith('/segnalazioni')) return 'monitoring.tasks.openReferrals' as const;
  return 'monitoring.tasks.openBudget' as const;
}

/**
 * "Le mie attività" on the home page: my open tasks, earliest due first, in words of the UI
 * language with their dates written out, each with the place where to act. The case manager marks
 * a task done; the referente's and the amministrativo's tasks, and a referral to screen, end by
 * themselves when their cause ends (a PAI approved, an admission decided, a cost recorded, a
 * referral screened or taken in charge…).
 */
export function TasksPanel() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.resolvedLanguage ?? i18n.language);
  const lang = locale.startsWith('en') ? 'en' : 'it';
  const longDate = dateFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const notify = useNotify();
  const tasks = useOpenTasks(lang);
  const complete = useCompleteTask();
  const items = tasks.data?.items ?? [];

  return (
    <section aria-labelledby="tasks-title" className="mb-5">
      <h2 id="tasks-title">{t('monitoring.tasks.title')}</h2>
      {tasks.error !== null && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isPending && <Loading />}
      <p role="status" className="fw-semibold">
        {tasks.data === undefined
          ? ''
          : tasks.data.total === 0
            ? t('monitoring.tasks.empty')
            : t('monitoring.tasks.count', { count: tasks.data.total })}
      </p>
      {items.length > 0 && (
        <ul className="list-unstyled">
          {items.map((task) => (
            <li
              key={task.id}
              className="border-bottom py-3 d-flex flex-wrap gap-3 align-items-start justify-content-between"
            >
              <div>
                <p className="fw-semibold mb-1">
                  {t(`monitoring.taskKind.${task.kind}`)}
                  {task.overdue && <span className="badge bg-danger ms-2">{t('monitoring.tasks.overdue')}</span>}
                </p>
                <p className="mb-1">{task.label}</p>
                <p className="small mb-1">
                  {t('monitoring.tasks.dueOn', {
                    date: longDate.format(new Date(`${task.dueOn.slice(0, 10)}T00:00:00Z`)),
                  })}
                </p>
                <Link to={task.link}>
                  {t(linkKey(task))}
                  <span className="visually-hidden">: {task.label}</span>
                </Link>
              </div>
              {task.assignee === 'case_manager' ? (
                <button
                  type="button"
                  className="btn btn-outline-primary btn-sm"
                  disabled={complete.isPending && complete.variables === task.id}
                  onClick={() =>
                    complete.mutate(task.id, {
                      onSuccess: () => notify(t('monitoring.tasks.done', { label: task.label })),
                    })
                  }
                >
                  {t('monitoring.tasks.markDone')}
                  <span className="visually-hidden">: {task.label}</span>
                </button>
              ) : (
                <p className="small text-muted mb-0">{t('monitoring.tasks.endsByItself')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {complete.error !== null && <QueryError error={complete.error} />}
    </section>
  );
}
