/**
 * `/base-di-conoscenza/:answerId`: an entry of the knowledge base; for the help desk also its state,
 * the check of the Comune's or people's details, the edit form, publication and withdrawal.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { Permission } from '../../../lib/permissions';
import { hasPermission, useSession } from '../../../lib/session';
import { dmy, useHelpdeskProblem } from '../requests/common';
import { useAnswer, useAnswerActions, type Answer } from './api/answers';
import { AnswerFields, keywordList, type EntryDraft } from './AnswerFields';

export function AnswerPage() {
  const { answerId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const staff = hasPermission(me, Permission.helpdeskHandle);
  const a = useAnswer(answerId);
  return (
    <>
      <PageHeader
        title={a.data?.question ?? t('helpdesk.answers.search.title')}
        breadcrumbs={[{ label: t('helpdesk.answers.search.title'), to: '/base-di-conoscenza' }]}
      />
      {a.isPending ? (
        <Loading />
      ) : a.isError ? (
        <QueryError error={a.error} onRetry={() => void a.refetch()} />
      ) : (
        <>
          <article className="mb-4">
            <p className="small text-uppercase fw-semibold">
              {t(`helpdesk.common.topics.${a.data.topic}`)}
              {a.data.publishedAt && (
                <> · {t('helpdesk.answers.entry.published', { date: dmy(a.data.publishedAt.slice(0, 10)) })}</>
              )}
              {staff && <> · {t(`helpdesk.common.answerStatuses.${a.data.status}`)}</>}
            </p>
            <h2 className="h4">{t('helpdesk.answers.entry.answer')}</h2>
            <p style={{ whiteSpace: 'pre-wrap' }}>{a.data.answer}</p>
            {a.data.keywords.length > 0 && (
              <p className="small">
                {t('helpdesk.answers.entry.keywords')}: {a.data.keywords.join(', ')}
              </p>
            )}
            {staff && a.data.sourceRequestId && (
              <p className="small">
                <Link to={`/assistenza-tecnica/richieste/${a.data.sourceRequestId}`}>
                  {t('helpdesk.answers.entry.fromRequest')}
                </Link>
              </p>
            )}
          </article>
          {staff && <Editor key={a.data.rowVersion} entry={a.data} />}
        </>
      )}
      <p className="mt-4">
        <Link to="/base-di-conoscenza">{t('helpdesk.answers.entry.back')}</Link>
      </p>
    </>
  );
}

function Editor({ entry }: { entry: Answer }) {
  const { t } = useTranslation();
  const problem = useHelpdeskProblem();
  const { patch, publish, withdraw } = useAnswerActions(entry.id);
  const [draft, setDraft] = useState<EntryDraft>({
    topic: entry.topic,
    question: entry.question,
    answer: entry.answer,
    keywords: entry.keywords.join(', '),
  });
  const [ack, setAck] = useState(false);
  const error = patch.error ?? publish.error ?? withdraw.error;
  return (
    <section aria-labelledby="edit-title" className="p-4 border rounded">
      <h2 id="edit-title" className="h4">
        {t('helpdesk.answers.entry.edit')}
      </h2>
      {error && (
        <Alert kind="danger" live="alert">
          {problem(error)}
        </Alert>
      )}
      {entry.warnings.length > 0 ? (
        <Alert kind="warning">
          <p className="mb-1">{t('helpdesk.answers.entry.warnings')}:</p>
          <ul className="mb-0">
            {entry.warnings.map((w, i) => (
              <li key={i}>
                {t('helpdesk.answers.entry.warning', {
                  kind: t(`helpdesk.common.warningKinds.${w.kind}`),
                  field: t(`helpdesk.answers.entry.fields.${w.field}`),
                  match: w.match,
                })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <p>{t('helpdesk.answers.entry.noWarnings')}</p>
      )}
      <form
        noValidate
        className="mb-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.topic) return;
          patch.mutate({
            topic: draft.topic,
            question: draft.question.trim(),
            answer: draft.answer.trim(),
            keywords: keywordList(draft.keywords),
            rowVersion: entry.rowVersion,
          });
        }}
      >
        <AnswerFields value={draft} onChange={setDraft} error={patch.error} />
        <button type="submit" className="btn btn-outline-primary" disabled={patch.isPending}>
          {t('helpdesk.answers.entry.save')}
        </button>
      </form>
      {entry.status !== 'PUBBLICATA' ? (
        <div>
          {entry.warnings.length > 0 && (
            <CheckboxField
              id="kb-ack"
              label={t('helpdesk.answers.entry.acknowledge')}
              checked={ack}
              onChange={(e) => setAck(e.target.checked)}
            />
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={publish.isPending || (entry.warnings.length > 0 && !ack)}
            onClick={() => publish.mutate({ acknowledgeWarnings: ack, rowVersion: entry.rowVersion })}
          >
            {t('helpdesk.answers.entry.publish')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-outline-danger"
          disabled={withdraw.isPending}
          onClick={() => withdraw.mutate({ rowVersion: entry.rowVersion })}
        >
          {t('helpdesk.answers.entry.withdraw')}
        </button>
      )}
    </section>
  );
}
