import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { FieldMessages, describedBy } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { isProblem, type ApiProblem } from '../../api/problem';
import type { ImportMode, ImportReport } from './api/types';
import { useImportPilotBeneficiaries } from './api/import-beneficiaries';
import { usePilotForm, usePilotMessage } from './problems';
import { IMPORT_COLUMNS, IMPORT_MODES } from './vocab';

/** The largest file whose base64 fits the API's 1,000,000 characters. */
const MAX_BYTES = 740_000;
const TEMPLATE_URL = `data:text/csv;charset=utf-8,${encodeURIComponent(`${IMPORT_COLUMNS.join(';')}\r\n`)}`;

interface RowError { row: number; column: string; message: string }

/** The file's bytes as base64, without the data: URL prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** 'row 4.data_nascita' → { row: 4, column: 'data_nascita' }. */
function rowErrorsOf(error: ApiProblem): RowError[] {
  return error.fieldErrors.flatMap((e) => {
    const m = /^\/?row (\d+)[./](.+)$/.exec(e.path);
    return m === null ? [] : [{ row: Number(m[1]), column: m[2]!, message: e.message }];
  });
}

function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts = [
    ['rows', report.rows], ['valid', report.valid], ['invalid', report.invalid], ['alreadyImported', report.alreadyImported],
    ['imported', report.imported],
  ] as const;
  return (
    <div className="mt-4">
      <div role="status">
        <h3 className="h5">{t(`cases.import.reportTitle.${report.mode}`)}</h3>
        <ul className="list-inline">
          {counts.map(([key, n]) => (
            <li key={key} className="list-inline-item me-4">
              {t(`cases.import.count.${key}`)}: <strong>{n}</strong>
            </li>
          ))}
        </ul>
      </div>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('cases.import.reportCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.import.row')}</th>
              <th scope="col">{t('cases.import.status')}</th>
              <th scope="col">{t('cases.import.pseudonym')}</th>
              <th scope="col">{t('cases.import.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {report.report.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{t(`cases.import.rowStatus.${r.status}`)}</td>
                <td>{r.pseudonym ?? '—'}</td>
                <td>
                  {r.errors.length === 0 ? '—' : (
                    <ul className="mb-0 ps-3">
                      {r.errors.map((e) => (
                        <li key={e.column}>
                          <code>{e.column}</code>: {e.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ImportFailure({ message, rows }: { message: string; rows: RowError[] }) {
  const { t } = useTranslation();
  return (
    <Alert kind="danger" live="alert" className="mt-4">
      <p className={rows.length > 0 ? undefined : 'mb-0'}>{message}</p>
      {rows.length > 0 && (
        <ul className="mb-0">
          {rows.map((r) => (
            <li key={`${r.row}-${r.column}`}>
              {t('cases.import.rowError', { row: r.row })} <code>{r.column}</code>: {r.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

/** "Importa beneficiari": a CSV or XLSX file checked row by row, then imported (all, or only the valid rows). */
export function ImportSection() {
  const { t } = useTranslation();
  const form = usePilotForm();
  const message = usePilotMessage();
  const run = useImportPilotBeneficiaries();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('dry_run');
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const [reading, setReading] = useState(false);
  const ids = { file: 'import-file', mode: 'import-mode-dry_run' };
  const labels = { [ids.file]: t('cases.import.file'), [ids.mode]: t('cases.import.mode') };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    run.reset();
    const ok = form.check({
      [ids.file]: file === null ? t('fieldErrors.required') : file.size > MAX_BYTES ? t('cases.import.tooLarge') : undefined,
    });
    if (!ok || file === null) return;
    setReading(true);
    let content: string;
    try {
      content = await readBase64(file);
    } catch {
      form.show({ [ids.file]: t('cases.import.unreadable') });
      return;
    } finally {
      setReading(false);
    }
    const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    run.mutate(
      { format, content, mode },
      {
        onError: (error) => {
          if (isProblem(error, 'pilot.import_invalid')) setFailure({ message: message(error), rows: rowErrorsOf(error) });
          else form.fail(error, { content: ids.file, format: ids.file, mode: ids.mode });
        },
      },
    );
  };

  return (
    <details className="mb-4 border rounded p-3">
      <summary className="fw-semibold">{t('cases.import.title')}</summary>
      <p className="mt-3">{t('cases.import.intro')}</p>
      <p id="import-columns">
        {t('cases.import.columns')}{' '}
        {IMPORT_COLUMNS.map((c, i) => {
          const note = t(`cases.import.column.${c}`);
          return (
            <span key={c}>
              <code>{c}</code>
              {note !== '' && ` ${note}`}
              {i < IMPORT_COLUMNS.length - 1 ? ', ' : '.'}
            </span>
          );
        })}
      </p>
      <p>
        <a href={TEMPLATE_URL} download="modello-beneficiari.csv">
          {t('cases.import.template')}
        </a>
      </p>
      <form noValidate onSubmit={(e) => void onSubmit(e)} className="incas-form" aria-label={t('cases.import.title')}>
        <FormErrorSummary {...form.summary} labels={labels} />
        <div className="form-group pt-3">
          <label htmlFor={ids.file} className="active d-block">
            {labels[ids.file]}
          </label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,.xlsx"
            className={`form-control${form.errors[ids.file] !== undefined ? ' is-invalid' : ''}`}
            aria-invalid={form.errors[ids.file] !== undefined ? true : undefined}
            aria-describedby={[describedBy(ids.file, true, form.errors[ids.file]), 'import-columns'].join(' ')}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <FieldMessages id={ids.file} hint={t('cases.import.fileHint')} error={form.errors[ids.file]} />
        </div>
        <fieldset className="mb-4">
          <legend className="h6">{labels[ids.mode]}</legend>
          {IMPORT_MODES.map((m) => (
            <div key={m} className="form-check">
              <input
                id={`import-mode-${m}`}
                name="import-mode"
                type="radio"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`import-mode-${m}`}>{t(`cases.import.modes.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn btn-primary" disabled={reading || run.isPending}>
          {mode === 'dry_run' ? t('cases.import.check') : t('cases.import.submit')}
        </button>
      </form>
      {failure !== null && <ImportFailure message={failure.message} rows={failure.rows} />}
      {run.data !== undefined && <ImportReportView report={run.data} />}
    </details>
  );
}
