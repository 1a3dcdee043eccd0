/**
 * `/base-di-conoscenza/nuova[?richiesta=<id>]`: the help desk writes a draft entry, from a resolved
 * request (its subject and resolution as a starting point, to rewrite in general terms) or from scratch.
 */
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useRequest, type RequestDetail } from '../requests/api/requests';
import { useHelpdeskProblem } from '../requests/common';
import { useCreateAnswer } from './api/answers';
import { AnswerFields, keywordList, type EntryDraft } from './AnswerFields';

export function NewAnswerPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requestId = params.get('richiesta');
  const source = useRequest(requestId ?? '', requestId !== null);
  return (
    <>
      <PageHeader
        title={t('helpdesk.answers.entry.newTitle')}
        lead={t('helpdesk.answers.entry.newLead')}
        breadcrumbs={[{ label: t('helpdesk.answers.search.title'), to: '/base-di-conoscenza' }]}
      />
      {requestId === null ? (
        <NewAnswerForm source={null} />
      ) : source.isPending ? (
        <Loading />
      ) : source.isError ? (
        <QueryError error={source.error} onRetry={() => void source.refetch()} />
      ) : (
        <NewAnswerForm source={source.data} />
      )}
    </>
  );
}

/** The draft, started from the request's subject and resolution (to rewrite in general terms) when there is one. */
function NewAnswerForm({ source }: { source: RequestDetail | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = useHelpdeskProblem();
  const create = useCreateAnswer();
  const [draft, setDraft] = useState<EntryDraft>({
    topic: source?.request.topic ?? '',
    question: source?.request.subject ?? '',
    answer: source?.resolution ?? '',
    keywords: '',
  });
  return (
    <>
      {source && (
        <p>
          {t('helpdesk.answers.entry.fromRequest')}: {source.request.code}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.topic) return;
          create.mutate(
            {
              sourceRequestId: source ? source.request.id : null,
              topic: draft.topic,
              question: draft.question.trim(),
              answer: draft.answer.trim(),
              keywords: keywordList(draft.keywords),
            },
            { onSuccess: (a) => void navigate(`/base-di-conoscenza/${a.id}`) },
          );
        }}
      >
        {create.isError && (
          <Alert kind="danger" live="alert">
            {problem(create.error)}
          </Alert>
        )}
        <AnswerFields value={draft} onChange={setDraft} error={create.error} />
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !draft.topic}>
          {t('helpdesk.answers.entry.create')}
        </button>
      </form>
    </>
  );
}
