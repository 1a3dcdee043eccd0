import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { evaluateForm, type Form, type FormLanguage } from '../../../lib/form-engine';
import { useFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { Questionnaire } from '../questionnaire';
import type { SaveBody, SaveResult, SurveyResponse } from './types';
import { useAutosave, type SaveStatus } from './useAutosave';
import { questionLabels } from './questionLabels';

const today = () => new Date().toISOString().slice(0, 10);

function answerText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "Salvato alle 10:42" / "Modifiche non salvate" … announced politely. */
function SaveStatusLine({ status, savedAt }: { status: SaveStatus; savedAt: Date | null }) {
  const { t, i18n } = useTranslation();
  const time = savedAt
    ? savedAt.toLocaleTimeString(i18n.language === 'en' ? 'en-GB' : 'it-IT', { hour: '2-digit', minute: '2-digit' })
    : null;
  const text =
    status === 'saved'
      ? time
        ? t('surveys.fill.status.savedAt', { time })
        : t('surveys.fill.status.nothing')
      : t(`surveys.fill.status.${status}`);
  const kind = status === 'saved' ? 'text-success' : status === 'saving' || status === 'dirty' ? '' : 'text-danger';
  return (
    <p className={`fw-semibold ${kind}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}

export interface ResponseEditorProps {
  response: SurveyResponse;
  save: (body: SaveBody) => Promise<SaveResult>;
  reload: () => Promise<SurveyResponse>;
  submit: (declaration: boolean) => Promise<unknown>;
  onSubmitted: () => void;
  draft: { userId: string; name: string } | null;
  sessionEnded: boolean;
  /** the PDF link or button */
  pdf: ReactNode;
}

/**
 * A Comune's questionnaire: the answers filled in with autosave, the reviewers' reasons after a
 * return for correction (only those answers can change), "Cosa manca", and the submission with
 * the declaration for those who send it; read-only once sent.
 */
export function ResponseEditor(props: ResponseEditorProps) {
  const { response } = props;
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { messageOf } = useProblemMessages();
  const language: FormLanguage = i18n.language === 'en' ? 'en' : 'it';
  const form = response.form as unknown as Form;
  const auto = useAutosave({
    response,
    save: props.save,
    reload: props.reload,
    draft: props.draft,
    sessionEnded: props.sessionEnded,
  });
  const [declaration, setDeclaration] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const readOnly = response.editable === 'none';
  const flags = useMemo(
    () => Object.fromEntries(response.openFlags.map((f) => [f.question, { reason: f.reason }])),
    [response.openFlags],
  );
  const labelOf = useMemo(() => questionLabels(form, language), [form, language]);
  const flaggedNames = useMemo(() => new Set(response.openFlags.map((f) => f.question)), [response.openFlags]);
  const editable = useMemo(
    () =>
      response.editable === 'flagged'
        ? (name: string) => flaggedNames.has(name) || flaggedNames.has(name.replace(/_other$/, ''))
        : undefined,
    [response.editable, flaggedNames],
  );
  const complete = useMemo(
    () => evaluateForm(form, auto.answers, { today: today(), now: new Date() }).complete,
    [form, auto.answers],
  );

  const send = async () => {
    setSubmitError(null);
    setSubmitting(true);
    try {
      // what is still waiting goes out first
      if (!(await auto.flush())) return;
      await props.submit(declaration);
      props.onSubmitted();
    } catch (error) {
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <dl className="row">
        <dt className="col-sm-3">{t('surveys.fill.state')}</dt>
        <dd className="col-sm-9" data-testid="response-state">
          {t(`surveys.fill.states.${response.state}`)}
        </dd>
        <dt className="col-sm-3">{t('surveys.fill.period')}</dt>
        <dd className="col-sm-9">
          {t('surveys.fill.periodText', {
            from: format.date(response.wave.opensOn),
            to: format.date(response.wave.closesOn),
          })}
        </dd>
        {response.submittedAt && (
          <>
            <dt className="col-sm-3">{t('surveys.fill.submittedAt')}</dt>
            <dd className="col-sm-9">{format.dateTime(response.submittedAt)}</dd>
          </>
        )}
      </dl>

      {response.openFlags.length > 0 && (
        <Alert kind="warning">
          <h2 className="h5">{t('surveys.fill.flagsTitle')}</h2>
          <p>{t('surveys.fill.flagsLead')}</p>
          <ul className="mb-0" data-testid="flag-reasons">
            {response.openFlags.map((f) => (
              <li key={f.id}>
                <strong>{labelOf(f.question)}</strong>: {f.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      {readOnly && (
        <Alert kind="info">
          <p className="mb-0">{t(`surveys.fill.readOnly.${response.side === 'reviewer' ? 'reviewer' : 'sent'}`)}</p>
        </Alert>
      )}

      {!readOnly && <SaveStatusLine status={auto.status} savedAt={auto.savedAt} />}
      {auto.status === 'refused' && auto.refusedMessage && (
        <Alert kind="danger" live="alert">
          <p className="mb-0">{auto.refusedMessage}</p>
        </Alert>
      )}

      {auto.conflicts.length > 0 && (
        <section className="alert alert-warning" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title" className="h5">
            {t('surveys.fill.conflict.title')}
          </h2>
          <p>{t('surveys.fill.conflict.lead')}</p>
          <table className="table table-sm">
            <caption className="visually-hidden">{t('surveys.fill.conflict.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveys.fill.conflict.question')}</th>
                <th scope="col">{t('surveys.fill.conflict.theirs')}</th>
                <th scope="col">{t('surveys.fill.conflict.mine')}</th>
              </tr>
            </thead>
            <tbody>
              {auto.conflicts.map((c) => (
                <tr key={c.name}>
                  <th scope="row">{labelOf(c.name)}</th>
                  <td>{answerText(c.theirs)}</td>
                  <td>{answerText(c.mine)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="d-flex gap-2 flex-wrap">
            <button type="button" className="btn btn-primary" onClick={() => auto.resolve('theirs')}>
              {t('surveys.fill.conflict.takeTheirs')}
            </button>
            <button type="button" className="btn btn-outline-primary" onClick={() => auto.resolve('mine')}>
              {t('surveys.fill.conflict.keepMine')}
            </button>
          </div>
        </section>
      )}

      <Questionnaire
        form={form}
        answers={auto.answers}
        onChange={auto.change}
        language={language}
        readOnly={readOnly}
        flags={flags}
        editable={editable}
        today={today()}
      />

      <div className="d-flex flex-wrap gap-2 my-3">{props.pdf}</div>

      {!readOnly && response.side === 'comune' && (
        <section aria-labelledby="submit-title" className="my-4">
          <h2 id="submit-title" className="h4">
            {t('surveys.fill.submit.title')}
          </h2>
          {!response.maySubmit ? (
            <p>{t('surveys.fill.submit.validatorSends')}</p>
          ) : (
            <>
              {!complete && <p>{t('surveys.fill.submit.incomplete')}</p>}
              <div className="form-check">
                <input
                  id="declaration"
                  type="checkbox"
                  checked={declaration}
                  onChange={(e) => setDeclaration(e.target.checked)}
                />
                <label htmlFor="declaration">{t('surveys.fill.submit.declaration')}</label>
              </div>
              {submitError !== null && (
                <Alert kind="danger" live="alert">
                  <p className="mb-0">{messageOf(submitError)}</p>
                </Alert>
              )}
              <button
                type="button"
                className="btn btn-primary mt-2"
                disabled={!declaration || submitting}
                onClick={() => void send()}
              >
                {t('surveys.fill.submit.button')}
              </button>
            </>
          )}
        </section>
      )}
    </>
  );
}
