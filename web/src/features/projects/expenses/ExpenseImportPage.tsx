/**
 * /progetti/:projectId/spese/importa — an expense register (CSV or XLSX): checked first, row by row
 * with the server's messages in Italian, then, confirmed, the valid rows imported at once. The
 * encoding of a CSV is chosen as in the pilot's import (automatic by default).
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useNotify } from '../../../components/Notifications';
import { fileToBase64 } from '../../../lib/files';
import { ProjectTabs } from '../shared/ProjectTabs';
import { useImportExpenses, type ImportExpenses, type ImportReport } from './api/importExpenses';
import { useExpenseWords } from './words';

const ENCODINGS: NonNullable<ImportExpenses['encoding']>[] = ['auto', 'utf-8', 'windows-1252', 'utf-16'];

export function ExpenseImportPage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const words = useExpenseWords();
  const { projectId = '' } = useParams();
  const run = useImportExpenses(projectId);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<NonNullable<ImportExpenses['encoding']>>('auto');
  const [checked, setChecked] = useState<{ body: Omit<ImportExpenses, 'dryRun'>; report: ImportReport } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const report = run.data ?? checked?.report ?? null;

  const onCheck = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setChecked(null);
    run.reset();
    if (file === null) return setError(t('projects.expenses.importPage.noFile'));
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch {
      return setError(t('projects.expenses.importPage.unreadable'));
    }
    const body = { format: file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv', content, encoding } as const;
    try {
      setChecked({ body, report: await run.mutateAsync({ ...body, dryRun: true }) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const onConfirm = async () => {
    if (checked === null) return;
    try {
      const done = await run.mutateAsync({ ...checked.body, dryRun: false });
      notify(t('projects.expenses.importPage.imported', { count: done.imported }));
      setChecked(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div>
      <PageHeader
        title={t('projects.expenses.importPage.title')}
        breadcrumbs={[{ label: t('projects.expenses.title'), to: `/progetti/${projectId}/spese` }]}
      />
      <ProjectTabs projectId={projectId} current="spese" />
      <p>{t('projects.expenses.importPage.lead')}</p>
      <form className="row g-3 align-items-end mb-4" onSubmit={(e) => void onCheck(e)}>
        <div className="col-md-6">
          <label htmlFor="import-file" className="form-label d-block">
            {t('projects.expenses.importPage.file')}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx"
            className="form-control"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="col-md-4">
          <label htmlFor="import-encoding" className="form-label">
            {t('projects.expenses.importPage.encoding')}
          </label>
          <select
            id="import-encoding"
            className="form-select"
            aria-describedby="import-encoding-hint"
            value={encoding}
            onChange={(e) => setEncoding(e.target.value as typeof encoding)}
          >
            {ENCODINGS.map((x) => (
              <option key={x} value={x}>
                {t(`projects.expenses.importPage.encodings.${x}`)}
              </option>
            ))}
          </select>
          <p id="import-encoding-hint" className="form-text">
            {t('projects.expenses.importPage.encodingHint')}
          </p>
        </div>
        <div className="col-md-2">
          <button type="submit" className="btn btn-primary" disabled={run.isPending}>
            {t('projects.expenses.importPage.check')}
          </button>
        </div>
      </form>
      {error !== null && (
        <div className="alert alert-danger" role="alert">
          {error}
        </div>
      )}
      {report !== null && (
        <section aria-labelledby="import-report">
          <h2 id="import-report" className="h4">
            {t('projects.expenses.importPage.report')}
          </h2>
          <p role="status">
            {report.dryRun
              ? t('projects.expenses.importPage.summary', {
                  rows: report.rows,
                  valid: report.valid,
                  invalid: report.invalid,
                  duplicates: report.duplicates,
                })
              : t('projects.expenses.importPage.imported', { count: report.imported })}
            {report.encoding !== null && (
              <> {t('projects.expenses.importPage.encodingUsed', { encoding: report.encoding })}</>
            )}
          </p>
          {report.dryRun && report.valid > 0 && (
            <button
              type="button"
              className="btn btn-primary mb-3"
              disabled={run.isPending}
              onClick={() => void onConfirm()}
            >
              {t('projects.expenses.importPage.confirm')}
            </button>
          )}
          <div className="table-responsive">
            <table className="table table-sm">
              <caption className="visually-hidden">{t('projects.expenses.importPage.report')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.expenses.importPage.row')}</th>
                  <th scope="col">{t('projects.expenses.importPage.outcome')}</th>
                  <th scope="col">{t('projects.expenses.importPage.messages')}</th>
                </tr>
              </thead>
              <tbody>
                {report.report.map((r) => (
                  <tr key={r.row}>
                    <th scope="row">{r.row}</th>
                    <td>{t(`projects.expenses.importPage.outcomes.${r.outcome}`)}</td>
                    <td>
                      <ul className="list-unstyled mb-0">
                        {r.messages.map((m) => (
                          <li key={m} className="text-danger">
                            {m}
                          </li>
                        ))}
                        {r.warnings.map((w) => (
                          <li key={w.code}>{words.warning(w.code)}</li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to={`/progetti/${projectId}/spese`}>{t('projects.expenses.form.back')}</Link>
          </p>
        </section>
      )}
    </div>
  );
}
