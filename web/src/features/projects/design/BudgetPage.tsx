import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextAreaField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ProjectTabs } from '../shared/ProjectTabs';
import {
  useBudgetDiff,
  useBudgetVersion,
  useCreateRimodulazione,
  useDecideVersion,
  useSubmitVersion,
} from './api/budget';
import { useProject } from './api/get-project';
import type { BudgetVersion, ProjectDetail } from './api/types';
import { BudgetChecks } from './BudgetChecks';
import { LinesEditor } from './LinesEditor';
import { euro, failedChecksOf, formatDay, useDesignProblem } from './words';

/**
 * /progetti/:projectId/budget: the versions of the budget; the one chosen (by default the one
 * being edited or waiting, else the one in force) with its lines, totals and checks; the editor of
 * a draft; the differences of a rimodulazione; MLPS's decision.
 */
export function BudgetPage() {
  const { t } = useTranslation();
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const project = useProject(projectId);
  const chosen = params.get('versione');
  const p = project.data;
  const versionId = p
    ? (p.budgetVersions.find((v) => v.id === chosen)?.id ?? p.openVersionId ?? p.inForceVersionId)
    : null;
  const version = useBudgetVersion(projectId, versionId);
  if (project.isPending) return <Loading />;
  if (project.isError) return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  const d = project.data;
  return (
    <>
      <PageHeader
        title={t('projects.design.budget.title', { title: d.title })}
        breadcrumbs={[
          { label: t('projects.design.list.title'), to: '/progetti' },
          { label: d.title, to: `/progetti/${d.id}` },
        ]}
      />
      <ProjectTabs projectId={d.id} current="budget" />
      <section aria-labelledby="budget-versions" className="mb-4">
        <h2 id="budget-versions" className="h4">
          {t('projects.design.budget.versions')}
        </h2>
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('projects.design.budget.versionsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.design.budget.version')}</th>
                <th scope="col">{t('projects.design.budget.kind')}</th>
                <th scope="col">{t('projects.design.fields.status')}</th>
                <th scope="col" className="text-end">
                  {t('projects.design.budget.total')}
                </th>
                <th scope="col">{t('projects.design.budget.reason')}</th>
                <th scope="col">{t('projects.design.budget.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {d.budgetVersions.map((v) => (
                <tr key={v.id} className={v.id === versionId ? 'table-active' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="btn btn-link p-0"
                      aria-current={v.id === versionId ? 'true' : undefined}
                      onClick={() => setParams({ versione: v.id })}
                    >
                      {t('projects.design.budget.versionN', { n: v.versionNo })}
                    </button>
                    {v.id === d.inForceVersionId && (
                      <span className="badge bg-success ms-2">{t('projects.design.budget.inForce')}</span>
                    )}
                  </th>
                  <td>{t(`projects.design.versionKind.${v.kind}`)}</td>
                  <td>{t(`projects.design.versionStatus.${v.status}`)}</td>
                  <td className="text-end text-nowrap">{euro(v.totalCents)}</td>
                  <td>{v.reason ?? '—'}</td>
                  <td>
                    {v.decidedAt ? `${formatDay(v.decidedAt)}${v.decisionNote ? ` — ${v.decisionNote}` : ''}` : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <RimodulazioneForm p={d} onCreated={(id) => setParams({ versione: id })} />
      </section>
      {version.isPending ? (
        versionId && <Loading />
      ) : version.isError ? (
        <QueryError error={version.error} onRetry={() => void version.refetch()} />
      ) : (
        <VersionView key={version.data.id} p={d} v={version.data} />
      )}
    </>
  );
}

function VersionView({ p, v }: { p: ProjectDetail; v: BudgetVersion }) {
  const { t } = useTranslation();
  const editing = p.canEdit && v.status === 'BOZZA';
  return (
    <section aria-labelledby="budget-version" className="mb-5">
      <h2 id="budget-version" className="h4">
        {t('projects.design.budget.versionTitle', {
          n: v.versionNo,
          kind: t(`projects.design.versionKind.${v.kind}`),
          status: t(`projects.design.versionStatus.${v.status}`),
        })}
      </h2>
      {editing ? (
        <LinesEditor p={p} v={v} />
      ) : (
        <>
          <LinesTable v={v} />
          <BudgetChecks view={{ ...v.totals, caps: v.caps, coFinancing: v.coFinancing }} live={false} />
        </>
      )}
      {v.kind === 'RIMODULAZIONE' && <DiffView p={p} v={v} />}
      {editing && v.kind === 'RIMODULAZIONE' && <SubmitVersion p={p} v={v} />}
      {editing && v.kind === 'INIZIALE' && <p>{t('projects.design.budget.initialHint')}</p>}
      {p.canDecide && v.status === 'PROPOSTA' && <DecisionForm p={p} v={v} />}
    </section>
  );
}

function LinesTable({ v }: { v: BudgetVersion }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{t('projects.design.budget.linesCaption', { n: v.versionNo })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.design.budget.category')}</th>
            <th scope="col">{t('projects.design.budget.description')}</th>
            <th scope="col">{t('projects.design.budget.partner')}</th>
            <th scope="col" className="text-end">
              {t('projects.design.budget.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {v.lines.map((l) => (
            <tr key={l.id}>
              <td>
                {l.categoryCode} — {l.categoryLabel}
              </td>
              <th scope="row" className="fw-normal">
                {l.description}
              </th>
              <td>{l.partnerName}</td>
              <td className="text-end text-nowrap">{euro(l.amountCents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {t('projects.design.budget.total')}
            </th>
            <td className="text-end text-nowrap fw-semibold">{euro(v.totals.totalCents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function DiffView({ p, v }: { p: ProjectDetail; v: BudgetVersion }) {
  const { t } = useTranslation();
  const diff = useBudgetDiff(p.id, v.id);
  if (diff.isPending) return <Loading />;
  if (diff.isError) return <QueryError error={diff.error} onRetry={() => void diff.refetch()} />;
  const changed = diff.data.lines.filter((l) => l.change !== 'UNCHANGED');
  const from = p.budgetVersions.find((x) => x.id === diff.data.fromVersionId);
  return (
    <section aria-labelledby="budget-diff" className="mb-4">
      <h3 id="budget-diff" className="h5">
        {from ? t('projects.design.diff.title', { n: from.versionNo }) : t('projects.design.diff.titleNone')}
      </h3>
      {changed.length === 0 ? (
        <p>{t('projects.design.diff.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('projects.design.diff.linesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.design.diff.change')}</th>
                <th scope="col">{t('projects.design.budget.description')}</th>
                <th scope="col">{t('projects.design.budget.category')}</th>
                <th scope="col" className="text-end">
                  {t('projects.design.diff.before')}
                </th>
                <th scope="col" className="text-end">
                  {t('projects.design.diff.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {changed.map((l) => (
                <tr key={l.lineKey}>
                  <td>{t(`projects.design.diff.kind.${l.change}`)}</td>
                  <th scope="row" className="fw-normal">
                    {l.description}
                    <span className="d-block small text-muted">{l.partnerName}</span>
                  </th>
                  <td>
                    {l.categoryCode} — {l.categoryLabel}
                  </td>
                  <td className="text-end text-nowrap">{l.beforeCents === null ? '—' : euro(l.beforeCents)}</td>
                  <td className="text-end text-nowrap">{l.afterCents === null ? '—' : euro(l.afterCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('projects.design.diff.categoriesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.design.budget.category')}</th>
              <th scope="col" className="text-end">
                {t('projects.design.diff.before')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.design.diff.after')}
              </th>
              <th scope="col" className="text-end">
                {t('projects.design.diff.delta')}
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.data.categories.map((c) => (
              <tr key={c.code}>
                <th scope="row" className="fw-normal">
                  {c.code} — {c.labelIt}
                </th>
                <td className="text-end text-nowrap">{euro(c.beforeCents)}</td>
                <td className="text-end text-nowrap">{euro(c.afterCents)}</td>
                <td className="text-end text-nowrap">
                  {c.afterCents - c.beforeCents > 0 ? '+' : ''}
                  {euro(c.afterCents - c.beforeCents)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('projects.design.budget.total')}</th>
              <td className="text-end text-nowrap">{euro(diff.data.totals.beforeCents)}</td>
              <td className="text-end text-nowrap">{euro(diff.data.totals.afterCents)}</td>
              <td className="text-end text-nowrap">
                {euro(diff.data.totals.afterCents - diff.data.totals.beforeCents)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function SubmitVersion({ p, v }: { p: ProjectDetail; v: BudgetVersion }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const submit = useSubmitVersion(p.id, v.id);
  const checks = failedChecksOf(submit.error);
  return (
    <div className="mb-4">
      {submit.isError && (
        <Alert kind="danger" live="alert">
          {problem(submit.error)}
          {checks.length > 0 && (
            <ul className="mb-0">
              {checks.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <p>{t('projects.design.budget.submitHint')}</p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={submit.isPending}
        onClick={() => submit.mutate(v.rowVersion)}
      >
        {t('projects.design.budget.submit')}
      </button>
    </div>
  );
}

function RimodulazioneForm({ p, onCreated }: { p: ProjectDetail; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const create = useCreateRimodulazione(p.id);
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (!p.canEdit || !['APPROVATO', 'IN_CORSO'].includes(p.status) || p.openVersionId) return null;
  if (!open)
    return (
      <button type="button" className="btn btn-outline-primary" onClick={() => setOpen(true)}>
        {t('projects.design.rimodulazione.open')}
      </button>
    );
  return (
    <form
      className="border rounded p-3"
      aria-labelledby="rimodulazione-title"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(reason.trim(), { onSuccess: (v) => onCreated(v.id) });
      }}
    >
      <h3 id="rimodulazione-title" className="h5">
        {t('projects.design.rimodulazione.title')}
      </h3>
      <p className="small">{t('projects.design.rimodulazione.hint')}</p>
      {create.isError && (
        <Alert kind="danger" live="alert">
          {problem(create.error)}
        </Alert>
      )}
      <TextAreaField
        id="rimodulazione-reason"
        label={t('projects.design.rimodulazione.reason')}
        value={reason}
        required
        minLength={3}
        maxLength={4000}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="btn btn-primary" disabled={create.isPending || reason.trim().length < 3}>
        {t('projects.design.rimodulazione.create')}
      </button>
    </form>
  );
}

function DecisionForm({ p, v }: { p: ProjectDetail; v: BudgetVersion }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const decide = useDecideVersion(p.id, v.id);
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const send = (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && note.trim() === '') {
      setNoteMissing(true);
      document.getElementById('decision-note')?.focus();
      return;
    }
    setNoteMissing(false);
    decide.mutate({ decision, note: note.trim() === '' ? null : note.trim() });
  };
  return (
    <section aria-labelledby="decision-title" className="border rounded p-3 mb-4">
      <h3 id="decision-title" className="h5">
        {t('projects.design.decision.title')}
      </h3>
      <p>
        {t(
          v.kind === 'INIZIALE' ? 'projects.design.decision.hintInitial' : 'projects.design.decision.hintRimodulazione',
        )}
      </p>
      {decide.isError && (
        <Alert kind="danger" live="alert">
          {problem(decide.error)}
        </Alert>
      )}
      <TextAreaField
        id="decision-note"
        label={t('projects.design.decision.note')}
        hint={t('projects.design.decision.noteHint')}
        error={noteMissing ? t('projects.design.decision.noteRequired') : undefined}
        value={note}
        maxLength={4000}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="d-flex gap-2">
        <button type="button" className="btn btn-success" disabled={decide.isPending} onClick={() => send('approve')}>
          {t('projects.design.decision.approve')}
        </button>
        <button type="button" className="btn btn-danger" disabled={decide.isPending} onClick={() => send('reject')}>
          {t('projects.design.decision.reject')}
        </button>
      </div>
    </section>
  );
}
