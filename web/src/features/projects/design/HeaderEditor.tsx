/**
 * The project's header changed by the lead Comune's staff: title and dates in a draft; the
 * summary, the acronym, the agreement and the CUP (often assigned after approval) while it lives.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { TextAreaField, TextField } from '../../../components/FormField';
import type { ProjectDetail } from './api/types';
import { useUpdateProject } from './api/update-project';
import { useDesignProblem } from './words';

export function HeaderEditor({ p, onDone }: { p: ProjectDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const update = useUpdateProject(p.id);
  const draft = p.status === 'BOZZA';
  const [title, setTitle] = useState(p.title);
  const [startDate, setStartDate] = useState(p.startDate);
  const [endDate, setEndDate] = useState(p.endDate);
  const [cup, setCup] = useState(p.cup ?? '');
  const [acronym, setAcronym] = useState(p.acronym ?? '');
  const [agreementRef, setAgreementRef] = useState(p.agreementRef ?? '');
  const [summary, setSummary] = useState(p.summary ?? '');
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      {
        rowVersion: p.rowVersion,
        ...(draft ? { title: title.trim(), startDate, endDate } : {}),
        cup: orNull(cup),
        acronym: orNull(acronym),
        agreementRef: orNull(agreementRef),
        summary: orNull(summary),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={submit} className="border rounded p-3 mb-4" aria-labelledby="header-edit">
      <h3 id="header-edit" className="h5">
        {t('projects.design.project.editTitle')}
      </h3>
      {update.isError && (
        <Alert kind="danger" live="alert">
          {problem(update.error)}
        </Alert>
      )}
      {draft && (
        <>
          <TextField
            id="edit-title"
            label={t('projects.design.fields.title')}
            value={title}
            required
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
          />
          <div className="row">
            <div className="col-md-6">
              <TextField
                id="edit-start"
                type="date"
                label={t('projects.design.fields.startDate')}
                value={startDate}
                required
                onChange={(e) => setStartDate(e.target.value)}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id="edit-end"
                type="date"
                label={t('projects.design.fields.endDate')}
                value={endDate}
                required
                onChange={(e) => setEndDate(e.target.value)}
              />
            </div>
          </div>
        </>
      )}
      <div className="row">
        <div className="col-md-4">
          <TextField
            id="edit-cup"
            label={t('projects.design.fields.cup')}
            hint={t('projects.design.create.cupHint')}
            value={cup}
            autoComplete="off"
            onChange={(e) => setCup(e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="edit-acronym"
            label={t('projects.design.fields.acronym')}
            value={acronym}
            maxLength={40}
            onChange={(e) => setAcronym(e.target.value)}
          />
        </div>
        <div className="col-md-4">
          <TextField
            id="edit-agreement"
            label={t('projects.design.fields.agreementRef')}
            value={agreementRef}
            maxLength={200}
            onChange={(e) => setAgreementRef(e.target.value)}
          />
        </div>
      </div>
      <TextAreaField
        id="edit-summary"
        label={t('projects.design.fields.summary')}
        value={summary}
        maxLength={4000}
        onChange={(e) => setSummary(e.target.value)}
      />
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
