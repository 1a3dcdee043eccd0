import { useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { PageHeader } from '../../../components/PageHeader';
import { Loading } from '../../../components/Loading';
import { QueryError } from '../../../components/QueryError';
import { walkItems, type Form, type FormLanguage } from '../../../lib/form-engine';
import { useFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { Permission } from '../../../lib/permissions';
import { Questionnaire } from '../questionnaire';
import { responsePdfUrl, useFlag, useResponse, useReturn, useReviewStep, useWithdrawFlag } from './api/responses';
import { HistorySection } from './HistorySection';
import { questionLabels } from './questionLabels';

const noop = () => undefined;

/** ANCI/Cittalia's review of a response: flags with reasons, return for correction, validation. */
export function ReviewPage() {
  const { responseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const me = useSession();
  const { messageOf } = useProblemMessages();
  const canReview = hasPermission(me, Permission.surveysReview);
  const response = useResponse(responseId);
  const step = useReviewStep(responseId);
  const flag = useFlag(responseId);
  const withdraw = useWithdrawFlag(responseId);
  const giveBack = useReturn(responseId);
  const [question, setQuestion] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const language: FormLanguage = i18n.language === 'en' ? 'en' : 'it';
  const form = response.data?.form as unknown as Form | undefined;
  const questions = useMemo(() => {
    if (!form) return [];
    return [...walkItems(form.items)]
      .map(([item]) => item)
      .filter((item) => item.kind !== 'group' && !(item.kind === 'question' && item.type === 'note'))
      .map((item) => ({ name: item.name, label: item.label?.[language] ?? item.label?.it ?? item.name }));
  }, [form, language]);
  const labelOf = useMemo(() => questionLabels(form, language), [form, language]);
  const flags = useMemo(
    () => Object.fromEntries((response.data?.openFlags ?? []).map((f) => [f.question, { reason: f.reason }])),
    [response.data?.openFlags],
  );
  const error = step.error ?? flag.error ?? withdraw.error ?? giveBack.error;
  const addFlag = (e: FormEvent) => {
    e.preventDefault();
    flag.mutate(
      { question, reason },
      {
        onSuccess: () => {
          setReason('');
          setQuestion('');
        },
      },
    );
  };
  const r = response.data;
  return (
    <>
      <PageHeader
        title={r ? t('surveys.review.page.title', { comune: r.comune.name }) : t('surveys.review.page.fallback')}
        breadcrumbs={
          r ? [{ label: t('surveys.review.queue.title'), to: `/indagini/rilevazioni/${r.wave.id}/verifica` }] : []
        }
        lead={r ? `${r.wave.surveyTitle} – ${r.wave.title}` : undefined}
      />
      {response.isPending && <Loading />}
      {response.isError && <QueryError error={response.error} onRetry={() => void response.refetch()} />}
      {r && form && (
        <>
          <dl className="row">
            <dt className="col-sm-3">{t('surveys.fill.state')}</dt>
            <dd className="col-sm-9" data-testid="response-state">
              {t(`surveys.fill.states.${r.state}`)}
            </dd>
            {r.submittedAt && (
              <>
                <dt className="col-sm-3">{t('surveys.fill.submittedAt')}</dt>
                <dd className="col-sm-9">{format.dateTime(r.submittedAt)}</dd>
              </>
            )}
            <dt className="col-sm-3">{t('surveys.review.round')}</dt>
            <dd className="col-sm-9">{r.reviewRound}</dd>
          </dl>
          {error !== null && (
            <Alert kind="danger" live="alert">
              <p className="mb-0">{messageOf(error)}</p>
            </Alert>
          )}
          {canReview && (
            <div className="d-flex flex-wrap gap-2 mb-4">
              {r.state === 'inviato' && (
                <button type="button" className="btn btn-primary" onClick={() => step.mutate('review/start')}>
                  {t('surveys.review.start')}
                </button>
              )}
              {r.state === 'in_validazione' && r.openFlags.length === 0 && (
                <button type="button" className="btn btn-primary" onClick={() => step.mutate('validate')}>
                  {t('surveys.review.validate')}
                </button>
              )}
              {r.state === 'validato' && (
                <button type="button" className="btn btn-primary" onClick={() => step.mutate('consolidate')}>
                  {t('surveys.review.consolidate')}
                </button>
              )}
              <a className="btn btn-outline-primary" href={responsePdfUrl(responseId)} download>
                {t('surveys.fill.pdf')}
              </a>
            </div>
          )}
          {r.openFlags.length > 0 && (
            <section aria-labelledby="flags-title" className="mb-4">
              <h2 id="flags-title" className="h4">
                {t('surveys.review.flags.title')}
              </h2>
              <ul className="list-unstyled">
                {r.openFlags.map((f) => (
                  <li key={f.id} className="d-flex gap-2 align-items-center mb-2">
                    <span>
                      <strong>{labelOf(f.question)}</strong>: {f.reason}
                    </span>
                    {canReview && r.state === 'in_validazione' && (
                      <button
                        type="button"
                        className="btn btn-sm btn-outline-danger"
                        onClick={() => withdraw.mutate(f.id)}
                      >
                        {t('surveys.review.flags.withdraw', { question: labelOf(f.question) })}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {canReview && r.state === 'in_validazione' && (
            <>
              <form onSubmit={addFlag} className="mb-4" aria-labelledby="flag-form-title">
                <h2 id="flag-form-title" className="h4">
                  {t('surveys.review.flags.add')}
                </h2>
                <div className="select-wrapper mb-3">
                  <label htmlFor="flag-question">{t('surveys.review.flags.question')}</label>
                  <select id="flag-question" value={question} onChange={(e) => setQuestion(e.target.value)} required>
                    <option value="">{t('surveys.review.flags.choose')}</option>
                    {questions.map((q) => (
                      <option key={q.name} value={q.name}>
                        {q.name} – {q.label}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="form-group">
                  <label htmlFor="flag-reason" className="active">
                    {t('surveys.review.flags.reason')}
                  </label>
                  <textarea
                    id="flag-reason"
                    className="form-control"
                    value={reason}
                    minLength={3}
                    maxLength={2000}
                    required
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
                <button type="submit" className="btn btn-outline-primary" disabled={flag.isPending}>
                  {t('surveys.review.flags.submit')}
                </button>
              </form>
              {r.openFlags.length > 0 && (
                <form
                  className="mb-4"
                  aria-labelledby="return-title"
                  onSubmit={(e) => {
                    e.preventDefault();
                    giveBack.mutate(note);
                  }}
                >
                  <h2 id="return-title" className="h4">
                    {t('surveys.review.return.title')}
                  </h2>
                  <div className="form-group">
                    <label htmlFor="return-note" className="active">
                      {t('surveys.review.return.note')}
                    </label>
                    <textarea
                      id="return-note"
                      className="form-control"
                      value={note}
                      maxLength={2000}
                      onChange={(e) => setNote(e.target.value)}
                    />
                  </div>
                  <button type="submit" className="btn btn-primary" disabled={giveBack.isPending}>
                    {t('surveys.review.return.submit')}
                  </button>
                </form>
              )}
            </>
          )}
          <h2 className="h4">{t('surveys.review.answers')}</h2>
          <Questionnaire
            form={form}
            answers={r.answers}
            onChange={noop}
            language={language}
            readOnly
            flags={flags}
            today={new Date().toISOString().slice(0, 10)}
          />
          <HistorySection responseId={responseId} form={form} />
        </>
      )}
    </>
  );
}
