/**
 * `/dialogo/:threadId`: a thread — what it is about, its messages with their mentions and
 * attachments (downloads audited), the reply with the people to mention and up to three files,
 * close and reopen, and the due date.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import {
  attachmentUrl,
  usePatchThread,
  usePostMessage,
  useSetThreadStatus,
  useThread,
  type ThreadDetail,
} from './api/threads';
import { dmy, dmyTime, fieldErrorOf, OverdueBadge, useDialogueProblem } from './common';
import { AttachmentsField, MAX_FILES, MentionsField, toUploads } from './MessageFields';

export function ThreadPage() {
  const { threadId = '' } = useParams();
  const { t } = useTranslation();
  const thread = useThread(threadId);
  return (
    <>
      <PageHeader
        title={thread.data?.thread.subject ?? t('plans.dialogue.list.title')}
        breadcrumbs={[{ label: t('plans.dialogue.list.title'), to: '/dialogo' }]}
      />
      {thread.isPending ? (
        <Loading />
      ) : thread.isError ? (
        <QueryError error={thread.error} onRetry={() => void thread.refetch()} />
      ) : (
        <ThreadBody detail={thread.data} />
      )}
      <p className="mt-4">
        <Link to="/dialogo">{t('plans.dialogue.thread.back')}</Link>
      </p>
    </>
  );
}

function ThreadBody({ detail }: { detail: ThreadDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const th = detail.thread;
  const canWrite = hasPermission(me, Permission.plansDialogueWrite);
  return (
    <>
      <section aria-labelledby="facts-title" className="mb-4">
        <h2 id="facts-title" className="visually-hidden">
          {t('plans.dialogue.thread.facts')}
        </h2>
        <dl className="row mb-0">
          <dt className="col-sm-3">{t('plans.dialogue.thread.comune')}</dt>
          <dd className="col-sm-9">{th.comuneName}</dd>
          <dt className="col-sm-3">{t('plans.dialogue.thread.region')}</dt>
          <dd className="col-sm-9">{th.regionName}</dd>
          <dt className="col-sm-3">{t('plans.dialogue.thread.anchor')}</dt>
          <dd className="col-sm-9">
            {t(`plans.dialogue.anchorKinds.${th.anchorKind}`)}
            {th.anchorLabel && <> · {th.anchorLabel}</>}
            {th.planId && (
              <>
                {' '}
                · <Link to={`/piani/${th.planId}/dialogo`}>{t('plans.dialogue.plan.title')}</Link>
              </>
            )}
          </dd>
          <dt className="col-sm-3">{t('plans.dialogue.thread.status')}</dt>
          <dd className="col-sm-9">{t(`plans.dialogue.statuses.${th.status}`)}</dd>
          <dt className="col-sm-3">{t('plans.dialogue.thread.due')}</dt>
          <dd className="col-sm-9">
            {th.dueDate ? dmy(th.dueDate) : t('plans.dialogue.noDue')}
            <OverdueBadge thread={th} />
          </dd>
          <dt className="col-sm-3">{t('plans.dialogue.thread.openedBy')}</dt>
          <dd className="col-sm-9">
            {th.createdBy} · {dmyTime(th.createdAt)}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="messages-title" className="mb-4">
        <h2 id="messages-title" className="h4">
          {t('plans.dialogue.thread.messages')}
        </h2>
        <ol className="list-unstyled">
          {detail.messages.map((m) => (
            <li key={m.id} className={`mb-3 p-3 rounded ${m.authorId === me.user.id ? 'bg-light' : 'border'}`}>
              <p className="small fw-semibold mb-1">
                {m.authorName} · {m.authorOrganisation} · {dmyTime(m.createdAt)}
              </p>
              <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
                {m.body}
              </p>
              {m.mentions.length > 0 && (
                <p className="small mb-1">
                  {t('plans.dialogue.thread.mentioned', { names: m.mentions.map((x) => x.displayName).join(', ') })}
                </p>
              )}
              {m.attachments.length > 0 && (
                <ul className="small mb-0" aria-label={t('plans.dialogue.thread.attachments')}>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a
                        href={attachmentUrl(th.id, a.id)}
                        download={a.fileName}
                        aria-label={t('plans.dialogue.thread.download', { name: a.fileName })}
                      >
                        {a.fileName}
                      </a>{' '}
                      ({Math.max(1, Math.round(a.sizeBytes / 1024))} kB)
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      </section>
      {canWrite && <ReplyForm detail={detail} />}
      {canWrite && <ThreadControls detail={detail} />}
    </>
  );
}

function ReplyForm({ detail }: { detail: ThreadDetail }) {
  const { t } = useTranslation();
  const problem = useDialogueProblem();
  const th = detail.thread;
  const post = usePostMessage(th.id);
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [formKey, setFormKey] = useState(0);
  if (th.status === 'CHIUSA') return <p className="fst-italic">{t('plans.dialogue.thread.closedNote')}</p>;
  return (
    <form
      key={formKey}
      className="mb-4 p-4 border rounded"
      aria-labelledby="reply-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim() || files.length > MAX_FILES) return;
        void toUploads(files).then((attachments) =>
          post.mutate(
            { body: body.trim(), mentions, attachments },
            {
              onSuccess: () => {
                setBody('');
                setMentions([]);
                setFiles([]);
                setFormKey((k) => k + 1);
              },
            },
          ),
        );
      }}
    >
      <h2 id="reply-title" className="h4">
        {t('plans.dialogue.thread.reply')}
      </h2>
      {post.isError && (
        <Alert kind="danger" live="alert">
          {problem(post.error)}
        </Alert>
      )}
      {post.isSuccess && (
        <Alert kind="success" live="status">
          {t('plans.dialogue.thread.sent')}
        </Alert>
      )}
      <TextAreaField
        id="reply-body"
        label={t('plans.dialogue.thread.body')}
        required
        value={body}
        error={fieldErrorOf(post.error, 'body.body')}
        onChange={(e) => setBody(e.target.value)}
      />
      <MentionsField id="reply-mentions" comuneIstat={th.comuneIstat} values={mentions} onChange={setMentions} />
      <AttachmentsField id="reply-files" files={files} onChange={setFiles} />
      <button type="submit" className="btn btn-primary" disabled={post.isPending || !body.trim()}>
        {t('plans.dialogue.thread.send')}
      </button>
    </form>
  );
}

function ThreadControls({ detail }: { detail: ThreadDetail }) {
  const { t } = useTranslation();
  const problem = useDialogueProblem();
  const th = detail.thread;
  const status = useSetThreadStatus(th.id);
  const patch = usePatchThread(th.id);
  const [due, setDue] = useState(th.dueDate ?? '');
  return (
    <section aria-labelledby="controls-title" className="mb-4">
      <h2 id="controls-title" className="h4">
        {t('plans.dialogue.thread.dueLegend')}
      </h2>
      {(status.isError || patch.isError) && (
        <Alert kind="danger" live="alert">
          {problem(status.error ?? patch.error)}
        </Alert>
      )}
      <form
        className="mb-3"
        onSubmit={(e) => {
          e.preventDefault();
          patch.mutate({ dueDate: due || null, rowVersion: th.rowVersion });
        }}
      >
        <TextField
          id="thread-new-due"
          type="date"
          label={t('plans.dialogue.thread.newDue')}
          value={due}
          error={fieldErrorOf(patch.error, 'body.dueDate')}
          onChange={(e) => setDue(e.target.value)}
        />
        <button type="submit" className="btn btn-outline-primary me-3" disabled={patch.isPending}>
          {due ? t('plans.dialogue.thread.saveDue') : t('plans.dialogue.thread.removeDue')}
        </button>
      </form>
      <button
        type="button"
        className="btn btn-outline-primary"
        disabled={status.isPending}
        onClick={() => status.mutate(th.status === 'APERTA')}
      >
        {th.status === 'APERTA' ? t('plans.dialogue.thread.close') : t('plans.dialogue.thread.reopen')}
      </button>
    </section>
  );
}
