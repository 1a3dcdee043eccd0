import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextAreaField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { PlanTabs } from '../shared/PlanTabs';
import { usePlanContext, usePutContext, type PlanContext } from './api/plans';
import { usePlanProblem } from './words';

type LocalText = { it?: string; en?: string };
type Figure = number | string | null;

/** /piani/:planId/contesto: the text of the context analysis beside the Comune's survey answers and settlements. */
export function PlanContextPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const context = usePlanContext(planId);
  if (context.isPending) return <Loading />;
  if (context.isError) return <QueryError error={context.error} onRetry={() => void context.refetch()} />;
  const c = context.data;
  return (
    <>
      <PageHeader
        title={t('plans.plans.context.title')}
        lead={c.comuneName}
        breadcrumbs={[
          { to: '/piani', label: t('plans.plans.list.title') },
          { to: `/piani/${planId}`, label: c.comuneName },
        ]}
      />
      <PlanTabs planId={planId} current="contesto" />
      <div className="row">
        <div className="col-lg-6">
          <ContextText context={c} />
        </div>
        <div className="col-lg-6">
          <SurveyAnswers context={c} />
          <Settlements context={c} />
        </div>
      </div>
    </>
  );
}

function ContextText({ context }: { context: PlanContext }) {
  const { t } = useTranslation();
  const problem = usePlanProblem();
  const put = usePutContext(context.planId);
  const [text, setText] = useState(context.text ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    put.mutate({ text, rowVersion: context.rowVersion });
  };
  if (!context.canEdit)
    return (
      <section aria-labelledby="context-text-title">
        <h2 id="context-text-title" className="h4">
          {t('plans.plans.context.text')}
        </h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{context.text ?? t('plans.plans.context.noText')}</p>
      </section>
    );
  return (
    <form onSubmit={submit} noValidate aria-labelledby="context-text-title">
      <h2 id="context-text-title" className="h4">
        {t('plans.plans.context.text')}
      </h2>
      {put.isError && (
        <Alert kind="danger" live="alert">
          {problem(put.error)}
        </Alert>
      )}
      {put.isSuccess && (
        <Alert kind="success" live="status">
          {t('plans.plans.context.saved')}
        </Alert>
      )}
      <TextAreaField
        id="context-text"
        label={t('plans.plans.context.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={16}
        maxLength={30000}
      />
      <button type="submit" className="btn btn-primary" disabled={put.isPending}>
        {t('plans.plans.context.save')}
      </button>
    </form>
  );
}

function useLocal() {
  const { i18n } = useTranslation();
  return (x: LocalText | null | undefined) =>
    (i18n.language.startsWith('en') ? (x?.en ?? x?.it) : (x?.it ?? x?.en)) ?? '';
}

const figure = (f: Figure) => (f === null ? '—' : typeof f === 'number' ? f.toLocaleString('it-IT') : f);

function SurveyAnswers({ context }: { context: PlanContext }) {
  const { t } = useTranslation();
  const local = useLocal();
  const s = context.survey;
  return (
    <section className="mb-4" aria-labelledby="context-survey-title">
      <h2 id="context-survey-title" className="h4">
        {t('plans.plans.context.surveyTitle')}
      </h2>
      {!s ? (
        <p>{t('plans.plans.context.noSurvey')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('plans.plans.context.surveyFrom', { wave: s.waveTitle })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.plans.context.question')}</th>
                <th scope="col">{t('plans.plans.context.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {s.answers.map((a) => (
                <tr key={a.name}>
                  <th scope="row" className="fw-normal">
                    {local(a.label)}
                  </th>
                  <td>
                    {a.choices
                      ? a.choices.map((c) => local(c.label)).join(', ')
                      : a.number !== null
                        ? figure(a.number)
                        : a.range
                          ? a.range.min === a.range.max
                            ? figure(a.range.min)
                            : t('plans.plans.context.range', { min: figure(a.range.min), max: figure(a.range.max) })
                          : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Settlements({ context }: { context: PlanContext }) {
  const { t } = useTranslation();
  const s = context.settlements;
  return (
    <section className="mb-4" aria-labelledby="context-settlements-title">
      <h2 id="context-settlements-title" className="h4">
        {t('plans.plans.context.settlementsTitle')}
      </h2>
      {!s ? (
        <p>{t('plans.plans.context.noSettlements')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('plans.plans.context.surveyFrom', { wave: s.waveTitle })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.plans.context.colEntry')}</th>
                <th scope="col">{t('plans.plans.context.colPlace')}</th>
                <th scope="col">{t('plans.plans.context.colType')}</th>
                <th scope="col">{t('plans.plans.context.colKind')}</th>
                <th scope="col">{t('plans.plans.context.colPersons')}</th>
                <th scope="col">{t('plans.plans.context.colSeason')}</th>
                <th scope="col">{t('plans.plans.context.colDistance')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items.map((x) => (
                <tr key={x.entry}>
                  <th scope="row">{x.entry}</th>
                  <td>{x.place ?? t('plans.plans.context.hidden')}</td>
                  <td>{x.type ?? '—'}</td>
                  <td>{x.kind ?? '—'}</td>
                  <td>
                    {x.persons.min === x.persons.max
                      ? figure(x.persons.min)
                      : t('plans.plans.context.range', { min: figure(x.persons.min), max: figure(x.persons.max) })}
                  </td>
                  <td>{x.season ?? '—'}</td>
                  <td>{x.distanceKm ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
