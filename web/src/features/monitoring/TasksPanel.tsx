import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../components/Notifications';
import { useOpenTasks } from './api/find-tasks';
import { useCompleteTask } from './api/complete-task';
import { useMonitoringFormat } from './format';

/** "Le mie attività" on the home page: my open tasks, earliest due first, each with its case. */
export function TasksPanel() {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  const notify = useNotify();
  const tasks = useOpenTasks();
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
                  {t(`monitoring.taskKinds.${task.kind}`)}
                  {task.overdue && <span className="badge bg-danger ms-2">{t('monitoring.tasks.overdue')}</span>}
                </p>
                <p className="mb-1">{task.label}</p>
                <p className="small mb-1">{t('monitoring.tasks.dueOn', { date: format.date(task.dueOn) })}</p>
                <Link to={`/casi/${task.caseId}`}>
                  {t('monitoring.tasks.openCase')}
                  <span className="visually-hidden">: {task.label}</span>
                </Link>
              </div>
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
            </li>
          ))}
        </ul>
      )}
      {complete.error !== null && <QueryError error={complete.error} />}
    </section>
  );
}
