import type { Form } from '../../../lib/form-engine';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { useSession, useSessionEnded } from '../../../lib/session';
import { fetchResponse, responsePdfUrl, useResponse, useSaveAnswers, useSubmit } from './api/responses';
import { fillKeys } from './api/keys';
import { HistorySection } from './HistorySection';
import { ResponseEditor } from './ResponseEditor';

/** A Comune's questionnaire, filled in by its users (autosave, resume, submission). */
export function FillPage() {
  const { responseId = '' } = useParams();
  const { t } = useTranslation();
  const me = useSession();
  const ended = useSessionEnded();
  const queryClient = useQueryClient();
  const response = useResponse(responseId);
  const save = useSaveAnswers(responseId);
  const submit = useSubmit(responseId);
  const title = response.data
    ? `${response.data.wave.surveyTitle} – ${response.data.wave.title}`
    : t('surveys.fill.page.title');
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: t('surveys.fill.list.title'), to: '/questionari' }]}
        lead={response.data ? t('surveys.fill.page.lead', { comune: response.data.comune.name }) : undefined}
      />
      {response.isPending && <Loading />}
      {response.isError && <QueryError error={response.error} onRetry={() => void response.refetch()} />}
      {response.data && (
        <ResponseEditor
          // a new reading after a submission starts a fresh editor
          key={`${response.data.state}-${response.data.reviewRound}`}
          response={response.data}
          save={(body) => save.mutateAsync(body)}
          reload={() => fetchResponse(responseId)}
          submit={(declaration) => submit.mutateAsync(declaration)}
          onSubmitted={() => void queryClient.invalidateQueries({ queryKey: fillKeys.response(responseId) })}
          draft={{ userId: me.user.id, name: `survey.${responseId}` }}
          sessionEnded={ended !== null}
          pdf={
            <a className="btn btn-outline-primary" href={responsePdfUrl(responseId)} download>
              {t('surveys.fill.pdf')}
            </a>
          }
        />
      )}
      {response.data && response.data.state !== 'invitato' && (
        <HistorySection responseId={responseId} form={response.data.form as unknown as Form} />
      )}
    </>
  );
}
