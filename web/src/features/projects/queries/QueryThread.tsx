import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextAreaField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { useProjectQuery } from './api/get-query';
import { usePostMessage } from './api/post-message';
import { useResolveQuery } from './api/resolve-query';
import { dmy } from './types';

/** One thread: its messages in order, the answer (Comune) or reply (asking side), resolve and reopen. */
export function QueryThread({ projectId, queryId }: { projectId: string; queryId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const { messageOf } = useProblemMessages();
  const thread = useProjectQuery(projectId, queryId);
  const post = usePostMessage(projectId, queryId);
  const resolve = useResolveQuery(projectId, queryId);
  const [body, setBody] = useState('');
  if (thread.isPending) return <Loading />;
  if (thread.isError) return <QueryError error={thread.error} onRetry={() => void thread.refetch()} />;
  const q = thread.data;
  const myLevel = me.roles.includes('mlps') ? 'MLPS' : me.roles.includes('assistenza_tecnica') ? 'ANCI' : null;
  const asker = myLevel === q.openedLevel && hasPermission(me, Permission.projectsQueriesOpen);
  const canWrite = q.status !== 'RISOLTA' && (asker || hasPermission(me, Permission.projectsQueriesAnswer));

  return (
    <section className="mt-4 p-4 border rounded" aria-labelledby="thread-title">
      <h2 id="thread-title" className="h4">
        {q.subject}
      </h2>
      <p className="small">
        {t(`projects.queries.anchorTypes.${q.anchorType}`)}
        {q.anchorLabel && <> · {q.anchorLabel}</>} · {t(`projects.queries.statuses.${q.status}`)}
        {q.dueOn && <> · {t('projects.queries.dueOn', { date: dmy(q.dueOn) })}</>}
        {q.daysOverdue !== null && <> · {t('projects.queries.overdue', { count: q.daysOverdue })}</>}
      </p>
      <ol className="list-unstyled">
        {q.thread.map((m) => (
          <li key={m.id} className={`mb-3 p-3 rounded ${m.side === 'COMUNE' ? 'bg-light' : 'border'}`}>
            <p className="small fw-semibold mb-1">
              {t(`projects.queries.sides.${m.side}`)}
              {m.authorName && <> · {m.authorName}</>} · {dmy(m.createdAt.slice(0, 10))}
            </p>
            <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </p>
          </li>
        ))}
      </ol>
      {(post.isError || resolve.isError) && (
        <Alert kind="danger" live="alert">
          {messageOf(post.error ?? resolve.error)}
        </Alert>
      )}
      {canWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) post.mutate(body.trim(), { onSuccess: () => setBody('') });
          }}
        >
          <TextAreaField
            id="message-body"
            label={asker ? t('projects.queries.thread.reply') : t('projects.queries.thread.answer')}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <button type="submit" className="btn btn-primary me-3" disabled={post.isPending || !body.trim()}>
            {t('projects.queries.thread.send')}
          </button>
        </form>
      )}
      {asker && (
        <button
          type="button"
          className="btn btn-outline-primary mt-3"
          disabled={resolve.isPending}
          onClick={() => resolve.mutate(q.status === 'RISOLTA')}
        >
          {q.status === 'RISOLTA' ? t('projects.queries.thread.reopen') : t('projects.queries.thread.resolve')}
        </button>
      )}
    </section>
  );
}
