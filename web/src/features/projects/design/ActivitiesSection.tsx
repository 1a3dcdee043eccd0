/**
 * The activities (WBS): the Gantt chart and its equivalent table. In a draft the lead Comune's
 * staff add and remove activities; while the project is approved or running they record the
 * progress and the actual dates.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/FormField';
import { useCreateActivity, useDeleteActivity, useUpdateActivity } from './api/activities';
import type { Activity, ProjectDetail } from './api/types';
import { GanttChart } from './GanttChart';
import { formatDay, useDesignProblem } from './words';

export function ActivitiesSection({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const remove = useDeleteActivity(p.id);
  const [editing, setEditing] = useState<string | null>(null);
  const structure = p.canEdit && p.status === 'BOZZA';
  const progress = p.canEdit && ['BOZZA', 'APPROVATO', 'IN_CORSO'].includes(p.status);
  return (
    <section aria-labelledby="project-activities" className="mb-5">
      <h2 id="project-activities" className="h4">
        {t('projects.design.activities.title')}
      </h2>
      {remove.isError && (
        <Alert kind="danger" live="alert">
          {problem(remove.error)}
        </Alert>
      )}
      {p.activities.length === 0 ? (
        <p>{t('projects.design.activities.none')}</p>
      ) : (
        <>
          <GanttChart activities={p.activities} from={p.startDate} to={p.endDate} />
          <div className="table-responsive">
            <table className="table table-sm">
              <caption>{t('projects.design.activities.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.design.activities.code')}</th>
                  <th scope="col">{t('projects.design.activities.activity')}</th>
                  <th scope="col">{t('projects.design.activities.planned')}</th>
                  <th scope="col">{t('projects.design.activities.actual')}</th>
                  <th scope="col" className="text-end">
                    {t('projects.design.activities.progress')}
                  </th>
                  {progress && <th scope="col">{t('projects.design.common.actions')}</th>}
                </tr>
              </thead>
              <tbody>
                {p.activities.map((a) => (
                  <tr key={a.id}>
                    <td>{a.code}</td>
                    <th scope="row" className="fw-normal">
                      {a.title}
                      {a.resultId && (
                        <span className="d-block small text-muted">
                          {p.logframe.find((r) => r.id === a.resultId)?.code}
                        </span>
                      )}
                    </th>
                    <td>
                      {formatDay(a.plannedStart)} – {formatDay(a.plannedEnd)}
                    </td>
                    <td>{a.actualStart ? `${formatDay(a.actualStart)} – ${formatDay(a.actualEnd) || '…'}` : '—'}</td>
                    <td className="text-end">{a.progressPct}%</td>
                    {progress && (
                      <td className="text-nowrap">
                        <button
                          type="button"
                          className="btn btn-link btn-sm"
                          onClick={() => setEditing(editing === a.id ? null : a.id)}
                          aria-label={t('projects.design.activities.recordFor', { code: a.code })}
                        >
                          {t('projects.design.activities.record')}
                        </button>
                        {structure && (
                          <button
                            type="button"
                            className="btn btn-link btn-sm"
                            onClick={() => remove.mutate(a.id)}
                            aria-label={t('projects.design.activities.removeFor', { code: a.code })}
                          >
                            {t('projects.design.common.remove')}
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {editing && (
        <ProgressForm
          key={editing}
          p={p}
          activity={p.activities.find((a) => a.id === editing)!}
          onDone={() => setEditing(null)}
        />
      )}
      {structure && <ActivityForm p={p} />}
    </section>
  );
}

function ProgressForm({ p, activity, onDone }: { p: ProjectDetail; activity: Activity; onDone: () => void }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const update = useUpdateActivity(p.id);
  const [progressPct, setProgress] = useState(String(activity.progressPct));
  const [actualStart, setActualStart] = useState(activity.actualStart ?? '');
  const [actualEnd, setActualEnd] = useState(activity.actualEnd ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        itemId: activity.id,
        body: {
          progressPct: Math.min(100, Math.max(0, Number.parseInt(progressPct, 10) || 0)),
          actualStart: actualStart || null,
          actualEnd: actualEnd || null,
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} className="border rounded p-3 mb-3" aria-labelledby="progress-title">
      <h3 id="progress-title" className="h6">
        {t('projects.design.activities.progressTitle', { code: activity.code, title: activity.title })}
      </h3>
      {update.isError && (
        <Alert kind="danger" live="alert">
          {problem(update.error)}
        </Alert>
      )}
      <div className="row">
        <div className="col-md-4">
          <TextField
            id="activity-progress"
            type="number"
            min={0}
            max={100}
            label={t('projects.design.activities.progress')}
            value={progressPct}
            onChange={(e) => setProgress(e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="activity-actual-start"
            type="date"
            label={t('projects.design.activities.actualStart')}
            value={actualStart}
            onChange={(e) => setActualStart(e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="activity-actual-end"
            type="date"
            label={t('projects.design.activities.actualEnd')}
            value={actualEnd}
            onChange={(e) => setActualEnd(e.target.value)}
          />
        </div>
      </div>
      <div className="d-flex gap-2">
        <button type="submit" className="btn btn-primary btn-sm" disabled={update.isPending}>
          {t('projects.design.common.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={onDone}>
          {t('projects.design.common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ActivityForm({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const create = useCreateActivity(p.id);
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [parentId, setParentId] = useState('');
  const [resultId, setResultId] = useState('');
  const [plannedStart, setPlannedStart] = useState(p.startDate);
  const [plannedEnd, setPlannedEnd] = useState(p.endDate);
  const results = p.logframe.filter((i) => i.kind === 'RISULTATO');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        code: code.trim(),
        title: title.trim(),
        parentId: parentId || null,
        resultId: resultId || null,
        plannedStart,
        plannedEnd,
        actualStart: null,
        actualEnd: null,
        progressPct: 0,
      },
      {
        onSuccess: () => {
          setCode('');
          setTitle('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="border rounded p-3" aria-labelledby="activity-add">
      <h3 id="activity-add" className="h6">
        {t('projects.design.activities.add')}
      </h3>
      {create.isError && (
        <Alert kind="danger" live="alert">
          {problem(create.error)}
        </Alert>
      )}
      <div className="row">
        <div className="col-md-3">
          <TextField
            id="activity-code"
            label={t('projects.design.activities.code')}
            hint={t('projects.design.activities.codeHint')}
            value={code}
            required
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="col-md-9">
          <TextField
            id="activity-title"
            label={t('projects.design.activities.activity')}
            value={title}
            required
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="activity-parent"
            label={t('projects.design.activities.parent')}
            emptyOption={t('projects.design.activities.noParent')}
            value={parentId}
            onChange={(e) => setParentId(e.target.value)}
            options={p.activities.map((a) => ({ value: a.id, label: `${a.code} ${a.title}` }))}
          />
        </div>
        <div className="col-md-6">
          <SelectField
            id="activity-result"
            label={t('projects.design.activities.result')}
            emptyOption={t('projects.design.activities.noResult')}
            value={resultId}
            onChange={(e) => setResultId(e.target.value)}
            options={results.map((r) => ({ value: r.id, label: `${r.code} — ${r.text}` }))}
          />
        </div>
      </div>
      <div className="row">
        <div className="col-md-6">
          <TextField
            id="activity-start"
            type="date"
            label={t('projects.design.activities.plannedStart')}
            value={plannedStart}
            required
            onChange={(e) => setPlannedStart(e.target.value)}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="activity-end"
            type="date"
            label={t('projects.design.activities.plannedEnd')}
            value={plannedEnd}
            required
            onChange={(e) => setPlannedEnd(e.target.value)}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
        {t('projects.design.activities.addButton')}
      </button>
    </form>
  );
}
