/**
 * `/eventi-gestione/:eventId/gradimento`: the organisers choose the event's feedback questionnaire
 * (a published version of the survey engine's questionnaires) and read its results: counts per
 * choice, the means of scales, free texts without names; nothing while fewer than the minimum have
 * answered (the small-number rule).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useProblemMessages } from '../../../lib/problemMessages';
import {
  useAttachFeedback,
  useFeedbackAttachment,
  useFeedbackForms,
  useFeedbackResults,
  type FeedbackAttachment,
  type FeedbackQuestionResult,
} from './api/feedback';

const number = (n: number) => n.toLocaleString('it-IT', { maximumFractionDigits: 2 });

function Attach({
  attachment,
  attach,
}: {
  attachment: FeedbackAttachment;
  /** kept by the page: the form is drawn anew with each row version, the outcome stays */
  attach: ReturnType<typeof useAttachFeedback>;
}) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const forms = useFeedbackForms();
  const [choice, setChoice] = useState(attachment.formVersionId ?? '');
  const locked = attachment.answers > 0;
  return (
    <section aria-labelledby="feedback-attach" className="mb-5">
      <h2 id="feedback-attach" className="h4">
        {t('events.feedback.results.attachTitle')}
      </h2>
      {attach.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(attach.error)}
        </Alert>
      )}
      {attach.isSuccess && (
        <Alert kind="success" live="status">
          {t('events.feedback.results.saved')}
        </Alert>
      )}
      {locked ? (
        <p>{t('events.feedback.results.locked', { title: attachment.title, count: attachment.answers })}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            attach.mutate({ formVersionId: choice || null, rowVersion: attachment.rowVersion });
          }}
        >
          <SelectField
            id="feedback-form"
            label={t('events.feedback.results.form')}
            hint={t('events.feedback.results.formHint')}
            emptyOption={t('events.feedback.results.noForm')}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            options={(forms.data?.items ?? []).map((f) => ({
              value: f.id,
              label: t('events.feedback.results.formOption', { title: f.title, n: f.versionNo }),
            }))}
          />
          <button type="submit" className="btn btn-primary" disabled={attach.isPending}>
            {t('events.feedback.results.attach')}
          </button>
        </form>
      )}
    </section>
  );
}

function QuestionResult({ q }: { q: FeedbackQuestionResult }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en' : 'it';
  const label = q.label[lang] ?? q.label.it ?? q.name;
  const headingId = `feedback-q-${q.name}`;
  return (
    <section aria-labelledby={headingId} className="mb-4">
      <h3 id={headingId} className="h5">
        {label}
      </h3>
      <p className="mb-2">
        {t('events.feedback.results.answered', { count: q.answered })}
        {q.mean !== null && <> · {t('events.feedback.results.mean', { mean: number(q.mean) })}</>}
      </p>
      {q.choices.length > 0 && (
        <table className="table table-sm w-auto">
          <caption className="visually-hidden">{label}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.feedback.results.choice')}</th>
              <th scope="col" className="text-end">
                {t('events.feedback.results.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {q.choices.map((c) => (
              <tr key={c.code}>
                <th scope="row" className="fw-normal">
                  {c.label[lang] ?? c.label.it ?? c.code}
                </th>
                <td className="text-end">{number(c.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {q.kind === 'text' &&
        (q.texts.length === 0 ? (
          <p>{t('events.feedback.results.noTexts')}</p>
        ) : (
          <ul>
            {q.texts.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        ))}
    </section>
  );
}

export function FeedbackResultsPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const attachment = useFeedbackAttachment(eventId);
  const attach = useAttachFeedback(eventId);
  const results = useFeedbackResults(eventId);
  return (
    <>
      <PageHeader
        title={t('events.feedback.results.title')}
        lead={t('events.feedback.results.lead')}
        breadcrumbs={[{ label: t('events.feedback.results.crumb'), to: '/eventi-gestione' }]}
      />
      <p>
        <Link to={`/eventi-gestione/${eventId}/presenze`}>{t('events.feedback.results.attendance')}</Link>
      </p>
      {attachment.isPending ? (
        <Loading />
      ) : attachment.isError ? (
        <QueryError error={attachment.error} onRetry={() => void attachment.refetch()} />
      ) : (
        <Attach key={attachment.data.rowVersion} attachment={attachment.data} attach={attach} />
      )}
      <section aria-labelledby="feedback-results">
        <h2 id="feedback-results" className="h4">
          {t('events.feedback.results.resultsTitle')}
        </h2>
        {results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <QueryError error={results.error} onRetry={() => void results.refetch()} />
        ) : results.data.title === null ? (
          <p>{t('events.feedback.results.none')}</p>
        ) : (
          <>
            <p>
              {t('events.feedback.results.counts', {
                answers: results.data.answers,
                attended: results.data.attended,
              })}
            </p>
            {results.data.suppressed || results.data.answers < results.data.minimum ? (
              <Alert kind="info">{t('events.feedback.results.suppressed', { minimum: results.data.minimum })}</Alert>
            ) : (
              results.data.questions.map((q) => <QuestionResult key={q.name} q={q} />)
            )}
          </>
        )}
      </section>
    </>
  );
}
