/**
 * The feedback questionnaire of an event, for a participant who attended: a user from
 * /le-mie-iscrizioni (`/le-mie-iscrizioni/:registrationId/gradimento`), an external participant by
 * their own link (`/eventi/gradimento#t=<token>`: the token read from the fragment, sent only in
 * request bodies). The questionnaire is drawn by the surveys' renderer (lib/questionnaire.tsx):
 * the same form engine checks it live here and authoritatively on the server.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import type { Answers, Form, FormLanguage } from '../../../lib/form-engine';
import { useProblemMessages } from '../../../lib/problemMessages';
import { italianToday, SurveyQuestionnaire } from '../../../lib/questionnaire';
import { useAnswerFeedback, useParticipantFeedback, type FeedbackSource } from './api/feedback';

function Feedback({ source, back }: { source: FeedbackSource; back: { to: string; label: string } | null }) {
  const { t, i18n } = useTranslation();
  const { messageOf } = useProblemMessages();
  const view = useParticipantFeedback(source);
  const send = useAnswerFeedback(source);
  const [answers, setAnswers] = useState<Answers>({});
  const [today] = useState(italianToday);
  const language: FormLanguage = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'it';
  const title = view.data
    ? t('events.feedback.answer.title', { title: view.data.event.title })
    : t('events.feedback.answer.titleShort');
  const header = <PageHeader title={title} breadcrumbs={back ? [{ label: back.label, to: back.to }] : undefined} />;
  if (view.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (view.isError)
    return (
      <>
        {header}
        <QueryError error={view.error} onRetry={() => void view.refetch()} />
      </>
    );
  const state = send.data ? 'INVIATO' : view.data.state;
  return (
    <article>
      {header}
      <p>
        <Link to={`/eventi/${view.data.event.slug}`}>{t('events.feedback.answer.eventPage')}</Link>
      </p>
      {send.data ? (
        <Alert kind="success" live="status">
          {send.data.already ? t('events.feedback.answer.already') : t('events.feedback.answer.thanks')}
        </Alert>
      ) : state !== 'APERTO' ? (
        <Alert kind={state === 'INVIATO' ? 'success' : 'info'}>{t(`events.feedback.state.${state}`)}</Alert>
      ) : (
        <form
          noValidate
          aria-labelledby="feedback-form-title"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate({ ...answers });
          }}
        >
          <p id="feedback-form-title" className="h3" lang={language}>
            {(view.data.form as unknown as Form).title[language] ?? (view.data.form as unknown as Form).title.it}
          </p>
          <p>{t('events.feedback.answer.anonymous')}</p>
          <SurveyQuestionnaire
            form={view.data.form as unknown as Form}
            answers={answers}
            onChange={(name, value) => setAnswers((a) => ({ ...a, [name]: value }))}
            language={language}
            today={today}
          />
          {send.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(send.error)}
            </Alert>
          )}
          <button type="submit" className="btn btn-primary" disabled={send.isPending}>
            {t('events.feedback.answer.submit')}
          </button>
        </form>
      )}
    </article>
  );
}

/** `/le-mie-iscrizioni/:registrationId/gradimento`: the user's own registration. */
export function MyFeedbackPage() {
  const { t } = useTranslation();
  const { registrationId = '' } = useParams();
  return (
    <Feedback
      source={{ registrationId }}
      back={{ label: t('events.registrations.mineTitle'), to: '/le-mie-iscrizioni' }}
    />
  );
}

const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('t');

/** `/eventi/gradimento#t=<token>`: an external participant, by their own link. */
export function LinkFeedbackPage() {
  const { t } = useTranslation();
  const token = tokenOf(window.location.hash);
  if (token === null)
    return (
      <article>
        <PageHeader title={t('events.feedback.answer.titleShort')} />
        <Alert kind="warning">{t('events.registrations.noToken')}</Alert>
      </article>
    );
  return <Feedback source={{ token }} back={null} />;
}
