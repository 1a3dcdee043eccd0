import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { fileToBase64 } from '../../../lib/files';
import { adoptionOrgans, planStatuses } from '../../../lib/plan-vocabulary';
import { PlanTabs } from '../shared/PlanTabs';
import {
  adoptionDocumentUrl,
  usePlan,
  usePutAdoption,
  useTransitionPlan,
  useUpdatePlan,
  useUploadAdoption,
  type PlanDetail,
  type PlanStatus,
} from './api/plans';
import { formatDay, formatInstant, usePlanProblem } from './words';

/** /piani/:planId: the plan's header, its phases with who and when and the next steps, the adoption act. */
export function PlanPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(planId);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  return (
    <>
      <PageHeader
        title={p.title}
        lead={`${p.comuneName} (${p.regionName}) · ${t('plans.plans.overview.period', { from: p.periodFrom, to: p.periodTo })} · ${t(`plans.common.planStatus.${p.status}`)}`}
        breadcrumbs={[{ to: '/piani', label: t('plans.plans.list.title') }]}
      />
      <PlanTabs planId={p.id} current="piano" />
      {!p.canEdit && (
        <Alert kind="info" className="mb-4">
          {t('plans.plans.overview.readOnly')}
        </Alert>
      )}
      <Stepper plan={p} />
      <HeaderSection plan={p} />
      <AdoptionSection plan={p} />
    </>
  );
}

function Stepper({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const problem = usePlanProblem();
  const transition = useTransitionPlan(plan.id);
  const [target, setTarget] = useState<PlanStatus | null>(null);
  const [note, setNote] = useState('');
  const [moved, setMoved] = useState<PlanStatus | null>(null);
  // the last time each phase was reached
  const reached = new Map<string, PlanDetail['events'][number]>();
  for (const e of plan.events) reached.set(e.to, e);
  const current = planStatuses.indexOf(plan.status);
  const confirm = () => {
    if (!target) return;
    transition.mutate(
      { to: target, rowVersion: plan.rowVersion, note: note.trim() === '' ? null : note },
      {
        onSuccess: () => {
          setMoved(target);
          setTarget(null);
          setNote('');
        },
        // the message says what is missing; the steps are offered again
        onError: () => setTarget(null),
      },
    );
  };
  return (
    <section className="mb-5" aria-labelledby="plan-stepper-title">
      <h2 id="plan-stepper-title" className="h4">
        {t('plans.plans.stepper.title')}
      </h2>
      <ol className="list-unstyled row g-2 mb-3">
        {planStatuses.map((s, i) => {
          const e = reached.get(s);
          const state = i === current ? 'current' : e && i < current ? 'done' : 'todo';
          return (
            <li key={s} className="col-6 col-md-3">
              <div
                className={`border rounded p-2 h-100 ${state === 'current' ? 'border-primary bg-primary text-white' : state === 'done' ? 'border-success' : 'text-muted'}`}
                aria-current={state === 'current' ? 'step' : undefined}
              >
                <span className="fw-semibold d-block">
                  {i + 1}. {t(`plans.common.planStatus.${s}`)}
                </span>
                <span className="small d-block">
                  {e
                    ? t('plans.plans.stepper.done', { by: e.by, at: formatInstant(e.at) })
                    : t('plans.plans.stepper.todo')}
                </span>
                {state === 'current' && <span className="visually-hidden">{t('plans.plans.stepper.current')}</span>}
              </div>
            </li>
          );
        })}
      </ol>
      {moved && !transition.isError && (
        <Alert kind="success" live="status">
          {t('plans.plans.stepper.moved', { status: t(`plans.common.planStatus.${moved}`) })}
        </Alert>
      )}
      {transition.isError && (
        <Alert kind="danger" live="alert">
          {problem(transition.error)}
        </Alert>
      )}
      <h3 className="h5">{t('plans.plans.stepper.next')}</h3>
      {plan.allowedSteps.length === 0 ? (
        <p>{t('plans.plans.stepper.noNext')}</p>
      ) : target === null ? (
        <div className="d-flex flex-wrap gap-2">
          {plan.allowedSteps.map((s) => (
            <button
              key={s}
              type="button"
              className={`btn ${planStatuses.indexOf(s) > current ? 'btn-primary' : 'btn-outline-primary'}`}
              onClick={() => {
                transition.reset();
                setMoved(null);
                setTarget(s);
              }}
            >
              {t('plans.plans.stepper.goTo', { status: t(`plans.common.planStatus.${s}`) })}
            </button>
          ))}
        </div>
      ) : (
        <div className="border rounded p-3" role="group" aria-labelledby="plan-confirm-title">
          <p id="plan-confirm-title" className="fw-semibold">
            {t('plans.plans.stepper.confirmTitle', { status: t(`plans.common.planStatus.${target}`) })}
          </p>
          {target === 'ADOTTATO' && <p>{t('plans.plans.stepper.confirmAdoption')}</p>}
          {target === 'AGGIORNATO' && <p>{t('plans.plans.stepper.confirmUpdate')}</p>}
          <TextAreaField
            id="plan-step-note"
            label={t('plans.plans.stepper.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            maxLength={2000}
          />
          <div className="d-flex gap-2">
            <button type="button" className="btn btn-primary" onClick={confirm} disabled={transition.isPending}>
              {t('plans.plans.stepper.confirm')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setTarget(null)}>
              {t('plans.plans.stepper.cancel')}
            </button>
          </div>
        </div>
      )}
      <details className="mt-3">
        <summary>{t('plans.plans.stepper.history')}</summary>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('plans.plans.stepper.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.plans.stepper.colStep')}</th>
                <th scope="col">{t('plans.plans.stepper.colBy')}</th>
                <th scope="col">{t('plans.plans.stepper.colAt')}</th>
                <th scope="col">{t('plans.plans.stepper.colNote')}</th>
              </tr>
            </thead>
            <tbody>
              {[...plan.events].reverse().map((e) => (
                <tr key={`${e.at}-${e.to}`}>
                  <th scope="row">
                    {e.from
                      ? `${t(`plans.common.planStatus.${e.from}`)} → ${t(`plans.common.planStatus.${e.to}`)}`
                      : t('plans.plans.stepper.start')}
                  </th>
                  <td>{e.by}</td>
                  <td>{formatInstant(e.at)}</td>
                  <td>{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function HeaderSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const problem = usePlanProblem();
  const update = useUpdatePlan(plan.id);
  const [title, setTitle] = useState(plan.title);
  const [from, setFrom] = useState(String(plan.periodFrom));
  const [to, setTo] = useState(String(plan.periodTo));
  const [summary, setSummary] = useState(plan.summary ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      rowVersion: plan.rowVersion,
      title,
      periodFrom: Number(from),
      periodTo: Number(to),
      summary: summary.trim() === '' ? null : summary,
    });
  };
  return (
    <section className="mb-5" aria-labelledby="plan-header-title">
      <h2 id="plan-header-title" className="h4">
        {t('plans.plans.overview.header')}
      </h2>
      <dl className="row">
        <dt className="col-sm-3">{t('plans.plans.overview.comune')}</dt>
        <dd className="col-sm-9">{plan.comuneName}</dd>
        <dt className="col-sm-3">{t('plans.plans.overview.region')}</dt>
        <dd className="col-sm-9">{plan.regionName}</dd>
        <dt className="col-sm-3">{t('plans.plans.overview.version')}</dt>
        <dd className="col-sm-9">
          {plan.versionNo > 0
            ? t('plans.plans.versions.versionN', { no: plan.versionNo })
            : t('plans.plans.overview.noVersion')}
        </dd>
        {!plan.canEdit && plan.summary && (
          <>
            <dt className="col-sm-3">{t('plans.plans.fields.summary')}</dt>
            <dd className="col-sm-9">{plan.summary}</dd>
          </>
        )}
      </dl>
      {plan.canEdit && (
        <form onSubmit={submit} noValidate>
          {update.isError && (
            <Alert kind="danger" live="alert">
              {problem(update.error)}
            </Alert>
          )}
          {update.isSuccess && (
            <Alert kind="success" live="status">
              {t('plans.plans.overview.saved')}
            </Alert>
          )}
          <TextField
            id="plan-edit-title"
            label={t('plans.plans.fields.title')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <div className="row">
            <div className="col-md-3">
              <TextField
                id="plan-edit-from"
                label={t('plans.plans.fields.periodFrom')}
                type="number"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="plan-edit-to"
                label={t('plans.plans.fields.periodTo')}
                type="number"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
            </div>
          </div>
          <TextAreaField
            id="plan-edit-summary"
            label={t('plans.plans.fields.summary')}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            rows={3}
          />
          <button type="submit" className="btn btn-outline-primary" disabled={update.isPending}>
            {t('plans.plans.overview.save')}
          </button>
        </form>
      )}
    </section>
  );
}

const adoptionOpen: readonly PlanStatus[] = ['AVVIO', 'ANALISI_CONTESTO', 'TAVOLI_TEMATICI', 'BOZZA'];

function AdoptionSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const problem = usePlanProblem();
  const put = usePutAdoption(plan.id);
  const upload = useUploadAdoption(plan.id);
  const [organ, setOrgan] = useState<string>(plan.adoption.organ ?? '');
  const [number, setNumber] = useState(plan.adoption.number ?? '');
  const [date, setDate] = useState(plan.adoption.date ?? '');
  const [file, setFile] = useState<File | null>(null);
  const editable = plan.canEdit && adoptionOpen.includes(plan.status);
  const a = plan.adoption;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    put.mutate({ organ: organ as 'GIUNTA' | 'CONSIGLIO', number, date, rowVersion: plan.rowVersion });
  };
  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    upload.mutate({ filename: file.name, content: await fileToBase64(file) });
  };
  return (
    <section className="mb-5" aria-labelledby="plan-adoption-title">
      <h2 id="plan-adoption-title" className="h4">
        {t('plans.plans.adoption.title')}
      </h2>
      <p>
        {a.organ && a.number && a.date
          ? t('plans.plans.adoption.act', {
              organ: t(`plans.common.adoptionOrgans.${a.organ}`),
              number: a.number,
              date: formatDay(a.date),
            })
          : t('plans.plans.adoption.none')}
      </p>
      {plan.canEdit && !editable && <p className="small text-muted">{t('plans.plans.adoption.frozen')}</p>}
      {editable && (
        <form onSubmit={submit} noValidate className="mb-4">
          {put.isError && (
            <Alert kind="danger" live="alert">
              {problem(put.error)}
            </Alert>
          )}
          {put.isSuccess && (
            <Alert kind="success" live="status">
              {t('plans.plans.adoption.saved')}
            </Alert>
          )}
          <div className="row">
            <div className="col-md-4">
              <SelectField
                id="plan-adoption-organ"
                label={t('plans.plans.fields.organ')}
                emptyOption="—"
                value={organ}
                onChange={(e) => setOrgan(e.target.value)}
                options={adoptionOrgans.map((o) => ({ value: o, label: t(`plans.common.adoptionOrgans.${o}`) }))}
              />
            </div>
            <div className="col-md-4">
              <TextField
                id="plan-adoption-number"
                label={t('plans.plans.fields.number')}
                value={number}
                onChange={(e) => setNumber(e.target.value)}
                maxLength={40}
              />
            </div>
            <div className="col-md-4">
              <TextField
                id="plan-adoption-date"
                label={t('plans.plans.fields.date')}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            </div>
          </div>
          <button type="submit" className="btn btn-outline-primary" disabled={put.isPending}>
            {t('plans.plans.adoption.save')}
          </button>
        </form>
      )}
      <h3 className="h5">{t('plans.plans.adoption.document')}</h3>
      {a.document ? (
        <p>
          <a href={adoptionDocumentUrl(plan.id)} download={a.document.fileName}>
            {t('plans.plans.adoption.download', { name: a.document.fileName })}
          </a>
        </p>
      ) : (
        <p>{t('plans.plans.adoption.noDocument')}</p>
      )}
      {plan.canEdit && (
        <form onSubmit={(e) => void send(e)} noValidate>
          {upload.isError && (
            <Alert kind="danger" live="alert">
              {problem(upload.error)}
            </Alert>
          )}
          {upload.isSuccess && (
            <Alert kind="success" live="status">
              {t('plans.plans.adoption.uploaded')}
            </Alert>
          )}
          <div className="mb-3">
            <label htmlFor="plan-adoption-file" className="form-label">
              {t('plans.plans.adoption.chooseFile')}
            </label>
            <input
              id="plan-adoption-file"
              type="file"
              className="form-control"
              accept="application/pdf,.pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </div>
          <button type="submit" className="btn btn-outline-primary" disabled={!file || upload.isPending}>
            {t('plans.plans.adoption.upload')}
          </button>
        </form>
      )}
    </section>
  );
}
