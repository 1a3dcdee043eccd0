import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '../../components/Alert';
import { FieldMessages, describedBy } from '../../components/FormField';
import { FormSelect, FormSummary, useSchemaField } from '../../components/SchemaFields';
import { SchemaFormProvider } from '../../lib/schemaForm';
import { isProblem, type ApiProblem } from '../../api/problem';
import type { ImportEncoding, ImportMode, ImportReport } from './api/types';
import { useImportPilotBeneficiaries } from './api/import-beneficiaries';
import { usePilotMessage, usePilotSchemaForm } from './problems';
import { IMPORT_COLUMNS, IMPORT_ENCODINGS, IMPORT_MODES } from './vocab';

/** The largest file whose base64 fits the API's 1,000,000 characters. */
const MAX_BYTES = 740_000;
const TEMPLATE_URL = `data:text/csv;charset=utf-8,${encodeURIComponent(`${IMPORT_COLUMNS.join(';')}\r\n`)}`;

interface RowError {
  row: number;
  column: string;
  message: string;
}

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

/** The refusals of the server's upload reader the form explains itself (4xx: the file, not the moment). */
const UPLOAD_REFUSALS = ['too_large', 'too_complex', 'unreadable', 'encoding'] as const;
type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];

function uploadRefusalOf(error: unknown): UploadRefusal | undefined {
  if (!isProblem(error) || !error.code.startsWith('upload.')) return undefined;
  const kind = error.code.slice('upload.'.length);
  return (UPLOAD_REFUSALS as readonly string[]).includes(kind) ? (kind as UploadRefusal) : undefined;
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
    ['rows', report.rows],
    ['valid', report.valid],
    ['invalid', report.invalid],
    ['alreadyImported', report.alreadyImported],
    ['imported', report.imported],
  ] as const;
  return (
    <div className="mt-4">
      <div role="status">
        <h3 className="h5">{t(`cases.import.reportTitle.${report.mode}`)}</h3>
        {report.encoding !== null && (
          <p className="mb-2">
            {t('cases.import.encodingUsed', { encoding: t(`cases.import.encodingNames.${report.encoding}`) })}
          </p>
        )}
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
                  {r.errors.length === 0 ? (
                    '—'
                  ) : (
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

const importSchema = (t: TFunction) =>
  z.object({
    file: z
      .custom<File | null>()
      .refine((file) => file !== null, t('fieldErrors.required'))
      .refine((file) => file === null || file.size <= MAX_BYTES, t('cases.import.tooLarge'))
      .transform((file) => file),
    mode: z.custom<ImportMode>(),
    encoding: z.custom<ImportEncoding>(),
  });

/** The file to import (a file input keeps its own value; the form keeps the File). */
function ImportFile() {
  const { t } = useTranslation();
  const { field, id, error } = useSchemaField({ name: 'file', id: 'import-file' }, t('cases.import.file'));
  return (
    <div className="form-group pt-3">
      <label htmlFor={id} className="active d-block">
        {t('cases.import.file')}
      </label>
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx"
        className={`form-control${error !== undefined ? ' is-invalid' : ''}`}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={[describedBy(id, true, error), 'import-columns'].join(' ')}
        onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
        onBlur={field.onBlur}
      />
      <FieldMessages id={id} hint={t('cases.import.fileHint')} error={error} />
    </div>
  );
}

/** Check only, import all rows, or import the valid ones; the first radio button is the field's link target. */
function ImportModes() {
  const { t } = useTranslation();
  const { field } = useSchemaField({ name: 'mode', id: 'import-mode-dry_run' }, t('cases.import.mode'));
  return (
    <fieldset className="mb-4">
      <legend className="h6">{t('cases.import.mode')}</legend>
      {IMPORT_MODES.map((m) => (
        <div key={m} className="form-check">
          <input
            id={`import-mode-${m}`}
            name="import-mode"
            type="radio"
            checked={field.value === m}
            onChange={() => field.onChange(m)}
          />
          <label htmlFor={`import-mode-${m}`}>{t(`cases.import.modes.${m}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * "Importa beneficiari": a CSV or XLSX file checked row by row, then imported (all, or only the valid
 * rows); a CSV is decoded as the user chooses (automatic by default) and the report says how.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const message = usePilotMessage();
  const run = useImportPilotBeneficiaries();
  const form = usePilotSchemaForm({
    schema: importSchema,
    defaultValues: { file: null, mode: 'dry_run', encoding: 'auto' },
    paths: { content: 'file', format: 'file' },
  });
  const mode = useWatch({ control: form.methods.control, name: 'mode' });
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const [reading, setReading] = useState(false);

  const submit = form.submit(async ({ file, mode, encoding }) => {
    setReading(true);
    let content: string;
    try {
      content = await readBase64(file);
    } catch {
      form.show('file', t('cases.import.unreadable'));
      return;
    } finally {
      setReading(false);
    }
    const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    try {
      await run.mutateAsync({ format, content, mode, encoding });
    } catch (error) {
      const refusal = uploadRefusalOf(error);
      // a file whose rows do not pass is shown row by row, under the form
      if (isProblem(error, 'pilot.import_invalid')) setFailure({ message: message(error), rows: rowErrorsOf(error) });
      // a file the server would not read: why, then the server's own words (they name the line or the limit)
      else if (refusal !== undefined && isProblem(error)) {
        setFailure({
          message: [t(`cases.import.refused.${refusal}`), error.detail].filter(Boolean).join(' '),
          rows: [],
        });
      } else throw error;
    }
  });
  const onSubmit = (event: FormEvent) => {
    setFailure(null);
    run.reset();
    submit(event);
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
      <SchemaFormProvider form={form}>
        <form noValidate onSubmit={onSubmit} className="incas-form" aria-label={t('cases.import.title')}>
          <FormSummary />
          <ImportFile />
          <FormSelect
            name="encoding"
            id="import-encoding"
            label={t('cases.import.encoding')}
            hint={t('cases.import.encodingHint')}
            options={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`cases.import.encodings.${e}`) }))}
          />
          <ImportModes />
          <button type="submit" className="btn btn-primary" disabled={reading || run.isPending}>
            {mode === 'dry_run' ? t('cases.import.check') : t('cases.import.submit')}
          </button>
        </form>
      </SchemaFormProvider>
      {failure !== null && <ImportFailure message={failure.message} rows={failure.rows} />}
      {run.data !== undefined && <ImportReportView report={run.data} />}
    </details>
  );
}
