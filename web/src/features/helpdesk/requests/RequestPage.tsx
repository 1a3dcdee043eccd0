/**
 * `/assistenza-tecnica/richieste/:requestId`: a request — its facts and due dates, the conversation
 * with attachments (internal notes for the help desk only), its history; for the help desk the
 * assignment, the reply or internal note, the resolution and the way to a knowledge-base entry; for
 * the Comune the reply, closing or reopening, and the rating once closed.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextAreaField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { attachmentUrl, useRequest, useRequestActions, useStaff, type RequestDetail } from './api/requests';
import { dmy, dmyTime, fieldErrorOf, LateBadges, useHelpdeskProblem } from './common';
import { FilesField, MAX_FILES, toUploads } from './files';

export function RequestPage() {
  const { requestId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const staff = hasPermission(me, Permission.helpdeskHandle);
  const request = useRequest(requestId);
  const home = staff ? '/assistenza-tecnica/coda' : '/assistenza-tecnica';
  const homeLabel = staff ? t('helpdesk.requests.queue.title') : t('helpdesk.requests.mine.title');
  return (
    <>
      <PageHeader
        title={request.data ? `${request.data.request.code} · ${request.data.request.subject}` : homeLabel}
        breadcrumbs={[{ label: homeLabel, to: home }]}
      />
      {request.isPending ? (
        <Loading />
      ) : request.isError ? (
        <QueryError error={request.error} onRetry={() => void request.refetch()} />
      ) : (
        <RequestBody detail={request.data} staff={staff} />
      )}
      <p className="mt-4">
        <Link to={home}>{t('helpdesk.requests.page.back')}</Link>
      </p>
    </>
  );
}

function RequestBody({ detail, staff }: { detail: RequestDetail; staff: boolean }) {
  const { t } = useTranslation();
  const r = detail.request;
  const done = r.status === 'RISOLTA' || r.status === 'CHIUSA';
  const statusName = (s: string | null) => (s ? t(`helpdesk.common.statuses.${s as 'NUOVA'}`) : '');
  return (
    <>
      <section aria-labelledby="facts-title" className="mb-4">
        <h2 id="facts-title" className="visually-hidden">
          {t('helpdesk.requests.page.facts')}
        </h2>
        <dl className="row mb-0">
          <dt className="col-sm-3">{t('helpdesk.requests.page.comune')}</dt>
          <dd className="col-sm-9">
            {r.comuneName} · {r.regionName}
          </dd>
          <dt className="col-sm-3">{t('helpdesk.requests.page.topic')}</dt>
          <dd className="col-sm-9">
            {t(`helpdesk.common.topics.${r.topic}`)} · {t(`helpdesk.common.priorities.${r.priority}`)}
          </dd>
          {r.aboutLabel && (
            <>
              <dt className="col-sm-3">{t('helpdesk.requests.page.about')}</dt>
              <dd className="col-sm-9">{r.aboutLabel}</dd>
            </>
          )}
          <dt className="col-sm-3">{t('helpdesk.requests.page.status')}</dt>
          <dd className="col-sm-9">
            {statusName(r.status)}
            <LateBadges r={r} />
          </dd>
          <dt className="col-sm-3">{t('helpdesk.requests.page.assignee')}</dt>
          <dd className="col-sm-9">{r.assigneeName ?? t('helpdesk.requests.page.nobody')}</dd>
          <dt className="col-sm-3">{t('helpdesk.requests.page.openedBy')}</dt>
          <dd className="col-sm-9">
            {r.createdByName} · {dmyTime(r.createdAt)}
          </dd>
          <dt className="col-sm-3">{t('helpdesk.requests.page.firstAnswerDue')}</dt>
          <dd className="col-sm-9">
            {dmy(r.firstAnswerDue)}
            {r.firstAnswerAt && <> ({t('helpdesk.requests.page.answeredOn', { date: dmyTime(r.firstAnswerAt) })})</>}
          </dd>
          <dt className="col-sm-3">{t('helpdesk.requests.page.resolutionDue')}</dt>
          <dd className="col-sm-9">{dmy(r.resolutionDue)}</dd>
        </dl>
      </section>
      <section aria-labelledby="conversation-title" className="mb-4">
        <h2 id="conversation-title" className="h4">
          {t('helpdesk.requests.page.conversation')}
        </h2>
        <ol className="list-unstyled">
          {detail.messages.map((m) => (
            <li
              key={m.id}
              className={`mb-3 p-3 rounded ${m.internal ? 'border border-warning' : m.side === 'ANCI' ? 'bg-light' : 'border'}`}
            >
              <p className="small fw-semibold mb-1">
                {m.authorName} ·{' '}
                {m.side === 'ANCI' ? t('helpdesk.requests.page.fromDesk') : t('helpdesk.requests.page.fromComune')} ·{' '}
                {dmyTime(m.createdAt)}
                {m.internal && (
                  <span className="badge bg-warning text-dark ms-2">{t('helpdesk.requests.page.internal')}</span>
                )}
              </p>
              <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>
                {m.body}
              </p>
              {m.attachments.length > 0 && (
                <ul className="small mb-0" aria-label={t('helpdesk.requests.page.attachments')}>
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a
                        href={attachmentUrl(r.id, a.id)}
                        download={a.fileName}
                        aria-label={t('helpdesk.requests.page.download', { name: a.fileName })}
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
        {detail.resolution && (
          <div className="p-3 mb-3 rounded border border-success">
            <h3 className="h5">{t('helpdesk.requests.page.resolution')}</h3>
            <p className="mb-0" style={{ whiteSpace: 'pre-wrap' }}>
              {detail.resolution}
            </p>
          </div>
        )}
      </section>
      {staff && !done && <AssignForm detail={detail} />}
      {!done ? <ReplyForm detail={detail} staff={staff} /> : staff && <ReplyForm detail={detail} staff notesOnly />}
      {staff && !done && r.status !== 'NUOVA' && <ResolveForm detail={detail} />}
      {staff && done && (
        <p>
          <Link className="btn btn-outline-primary" to={`/base-di-conoscenza/nuova?richiesta=${r.id}`}>
            {t('helpdesk.requests.page.createAnswer')}
          </Link>
        </p>
      )}
      {!staff && r.status === 'RISOLTA' && <CloseForm detail={detail} />}
      {!staff && detail.canReopen && <ReopenForm detail={detail} />}
      {!staff && r.status === 'CHIUSA' && <RateForm detail={detail} />}
      <section aria-labelledby="history-title" className="mt-4">
        <h2 id="history-title" className="h4">
          {t('helpdesk.requests.page.history')}
        </h2>
        <ul>
          {detail.events.map((e, i) => (
            <li key={i}>
              {dmyTime(e.at)} ·{' '}
              {t(`helpdesk.requests.page.events.${e.kind}`, {
                name: e.assigneeName ?? '',
                from: statusName(e.fromStatus),
                to: statusName(e.toStatus),
              })}
              {e.actorName && <> ({e.actorName})</>}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function AssignForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const r = detail.request;
  const staff = useStaff();
  const { assign } = useRequestActions(r.id);
  const [who, setWho] = useState(r.assigneeId ?? '');
  return (
    <form
      className="mb-4 p-4 border rounded"
      aria-labelledby="assign-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (who) assign.mutate({ assigneeId: who, rowVersion: r.rowVersion });
      }}
    >
      <h2 id="assign-title" className="h4">
        {t('helpdesk.requests.page.assign')}
      </h2>
      {assign.isError && (
        <Alert kind="danger" live="alert">
          {problem(assign.error)}
        </Alert>
      )}
      <SelectField
        id="hd-assignee"
        label={t('helpdesk.requests.page.assignee2')}
        value={who}
        emptyOption={t('helpdesk.requests.page.chooseAssignee')}
        options={(staff.data?.items ?? []).map((s) => ({
          value: s.userId,
          label: `${s.displayName} (${s.organisation}) · ${t('helpdesk.requests.page.openCount', { count: s.open })}`,
        }))}
        onChange={(e) => setWho(e.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary" disabled={!who || assign.isPending}>
        {t('helpdesk.requests.page.assignSubmit')}
      </button>
    </form>
  );
}

function ReplyForm({
  detail,
  staff,
  notesOnly = false,
}: {
  detail: RequestDetail;
  staff: boolean;
  notesOnly?: boolean;
}) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const r = detail.request;
  const { message } = useRequestActions(r.id);
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(notesOnly);
  const [awaitComune, setAwaitComune] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [formKey, setFormKey] = useState(0);
  const tooMany = files.length > MAX_FILES;
  return (
    <form
      key={formKey}
      className="mb-4 p-4 border rounded"
      aria-labelledby="reply-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim() || tooMany) return;
        void toUploads(files).then((attachments) =>
          message.mutate(
            { body: body.trim(), internal, awaitComune: !internal && awaitComune, attachments },
            {
              onSuccess: () => {
                setBody('');
                setFiles([]);
                setAwaitComune(false);
                setFormKey((k) => k + 1);
              },
            },
          ),
        );
      }}
    >
      <h2 id="reply-title" className="h4">
        {notesOnly ? t('helpdesk.requests.page.internalNote') : t('helpdesk.requests.page.reply')}
      </h2>
      {message.isError && (
        <Alert kind="danger" live="alert">
          {problem(message.error)}
        </Alert>
      )}
      {message.isSuccess && (
        <Alert kind="success" live="status">
          {t('helpdesk.requests.page.sent')}
        </Alert>
      )}
      {!staff && <p className="small">{t('helpdesk.requests.form.privacy')}</p>}
      <TextAreaField
        id="hd-reply"
        label={t('helpdesk.requests.page.body')}
        required
        value={body}
        error={fieldErrorOf(message.error, 'body.body')}
        onChange={(e) => setBody(e.target.value)}
      />
      {staff && !notesOnly && (
        <>
          <CheckboxField
            id="hd-internal"
            label={t('helpdesk.requests.page.internalNote')}
            checked={internal}
            onChange={(e) => setInternal(e.target.checked)}
          />
          {!internal && (
            <CheckboxField
              id="hd-await"
              label={t('helpdesk.requests.page.awaitComune')}
              checked={awaitComune}
              onChange={(e) => setAwaitComune(e.target.checked)}
            />
          )}
        </>
      )}
      <FilesField id="hd-reply-files" onChange={setFiles} tooMany={tooMany} />
      <button type="submit" className="btn btn-primary" disabled={message.isPending || !body.trim()}>
        {t('helpdesk.requests.page.send')}
      </button>
    </form>
  );
}

function ResolveForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const r = detail.request;
  const { resolve } = useRequestActions(r.id);
  const [text, setText] = useState('');
  return (
    <form
      className="mb-4 p-4 border rounded"
      aria-labelledby="resolve-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) resolve.mutate({ resolution: text.trim(), rowVersion: r.rowVersion });
      }}
    >
      <h2 id="resolve-title" className="h4">
        {t('helpdesk.requests.page.resolve')}
      </h2>
      {resolve.isError && (
        <Alert kind="danger" live="alert">
          {problem(resolve.error)}
        </Alert>
      )}
      <TextAreaField
        id="hd-resolution"
        label={t('helpdesk.requests.page.resolutionText')}
        required
        value={text}
        error={fieldErrorOf(resolve.error, 'body.resolution')}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={resolve.isPending || !text.trim()}>
        {t('helpdesk.requests.page.resolveSubmit')}
      </button>
    </form>
  );
}

function CloseForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const r = detail.request;
  const { close } = useRequestActions(r.id);
  return (
    <section aria-labelledby="close-title" className="mb-4 p-4 border rounded">
      <h2 id="close-title" className="h4">
        {t('helpdesk.requests.page.close')}
      </h2>
      <p>{t('helpdesk.requests.page.closeLead')}</p>
      {close.isError && (
        <Alert kind="danger" live="alert">
          {problem(close.error)}
        </Alert>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={close.isPending}
        onClick={() => close.mutate({ rowVersion: r.rowVersion })}
      >
        {t('helpdesk.requests.page.close')}
      </button>
    </section>
  );
}

function ReopenForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const r = detail.request;
  const { reopen } = useRequestActions(r.id);
  const [reason, setReason] = useState('');
  return (
    <form
      className="mb-4 p-4 border rounded"
      aria-labelledby="reopen-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) reopen.mutate({ reason: reason.trim(), rowVersion: r.rowVersion });
      }}
    >
      <h2 id="reopen-title" className="h4">
        {t('helpdesk.requests.page.reopen')}
      </h2>
      {reopen.isError && (
        <Alert kind="danger" live="alert">
          {problem(reopen.error)}
        </Alert>
      )}
      <TextAreaField
        id="hd-reopen"
        label={t('helpdesk.requests.page.reopenReason')}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="btn btn-outline-primary" disabled={reopen.isPending || !reason.trim()}>
        {t('helpdesk.requests.page.reopenSubmit')}
      </button>
    </form>
  );
}

function RateForm({ detail }: { detail: RequestDetail }) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const r = detail.request;
  const { rate } = useRequestActions(r.id);
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  if (r.satisfaction !== null)
    return (
      <p className="mb-4">
        <strong>{t('helpdesk.requests.page.rated', { score: r.satisfaction })}</strong>
        {detail.satisfactionComment && <> · {detail.satisfactionComment}</>}
      </p>
    );
  return (
    <form
      className="mb-4 p-4 border rounded"
      aria-labelledby="rate-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (score) rate.mutate({ score: Number(score), comment: comment.trim() || null });
      }}
    >
      <h2 id="rate-title" className="h4">
        {t('helpdesk.requests.page.rate')}
      </h2>
      {rate.isError && (
        <Alert kind="danger" live="alert">
          {problem(rate.error)}
        </Alert>
      )}
      <fieldset className="mb-3">
        <legend className="h6">{t('helpdesk.requests.page.score')}</legend>
        {(['1', '2', '3', '4', '5'] as const).map((s) => (
          <div className="form-check form-check-inline" key={s}>
            <input
              className="form-check-input"
              type="radio"
              name="hd-score"
              id={`hd-score-${s}`}
              value={s}
              checked={score === s}
              onChange={() => setScore(s)}
            />
            <label className="form-check-label" htmlFor={`hd-score-${s}`}>
              {t(`helpdesk.requests.page.scores.${s}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <TextAreaField
        id="hd-comment"
        label={t('helpdesk.requests.page.comment')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={rate.isPending || !score}>
        {t('helpdesk.requests.page.rateSubmit')}
      </button>
    </form>
  );
}
