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
import { useImportCaseManagers } from './api/list-import-case-managers';
import { importTemplateCsvUrl, importTemplateXlsxHref } from './api/import-template';
import { useSession } from '../../lib/session';
import { IMPORT_BOOLEAN_VALUES, IMPORT_COLUMNS, IMPORT_ENCODINGS, IMPORT_MODES, IMPORT_REQUIRED, SEXES } from './vocab';
import { Term } from '../../components/Term';
import { fileToBase64 } from '../../lib/files';

/** The largest file whose base64 fits the API's 1,000,000 characters. */
const MAX_BYTES = 740_000;

/** One problem of the file: its row, its column as the file names it (null: the whole row), what is wrong. */
interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** The refusals of the server's upload reader the form explains itself (4xx: the file, not the moment). */
const UPLOAD_REFUSALS = ['too_large', 'too_complex', 'unreadable', 'encoding'] as const;
type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];

function uploadRefusalOf(error: unknown): UploadRefusal | undefined {
  if (!isProblem(error) || !error.code.startsWith('upload.')) return undefined;
  const kind = error.code.slice('upload.'.length);
  return (UPLOAD_REFUSALS as readonly string[]).includes(kind) ? (kind as UploadRefusal) : undefined;
}

/** 'row 4.data_nascita' → { row: 4, column: 'data_nascita' }; 'row 4' → the whole row. */
function rowErrorsOf(error: ApiProblem): RowError[] {
  return error.fieldErrors.flatMap((e) => {
    const m = /^\/?row (\d+)(?:[./](.+))?$/.exec(e.path);
    return m === null ? [] : [{ row: Number(m[1]), column: m[2] ?? null, message: e.message }];
  });
}

/** The problems of the file in a table: row, column (as the file names it) and what is wrong, in words. */
function RowErrorsTable({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-responsive">
      <table className="table table-sm">
        <caption>{t('cases.import.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.import.row')}</th>
            <th scope="col">{t('cases.import.columnHeader')}</th>
            <th scope="col">{t('cases.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={`${e.row}-${e.column ?? ''}-${i}`}>
              <th scope="row">{e.row}</th>
              <td>{e.column === null ? t('cases.import.wholeRow') : <code>{e.column}</code>}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each column of the file: required or not, its format and allowed values (the same words as the XLSX template). */
function ImportHelp() {
  const { t } = useTranslation();
  const sexValues = SEXES.map((s) => `${s} = ${t(`cases.sex.${s}`)}`).join(', ');
  return (
    <details className="mb-3">
      <summary>{t('cases.import.help')}</summary>
      <div className="table-responsive mt-2">
        <table className="table table-sm">
          <caption>{t('cases.import.helpCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.import.columnHeader')}</th>
              <th scope="col">{t('cases.import.required')}</th>
              <th scope="col">{t('cases.import.format')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((c) => (
              <tr key={c}>
                <th scope="row">
                  <code>{c}</code>
                </th>
                <td>{IMPORT_REQUIRED.includes(c) ? t('cases.import.yes') : t('cases.import.no')}</td>
                <td>
                  {t(`cases.importColumn.${c}`, {
                    values: c === 'sesso' ? sexValues : IMPORT_BOOLEAN_VALUES,
                    interpolation: { escapeValue: false },
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
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
  const errors = report.report.flatMap((r) =>
    r.errors.map((e) => ({ row: r.row, column: e.column, message: e.reason })),
  );
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
              <th scope="col">{t('cases.import.caseManagerColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {report.report.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{t(`cases.import.rowStatus.${r.status}`)}</td>
                <td>{r.pseudonym ?? '—'}</td>
                <td>{r.caseManager ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > 0 && <RowErrorsTable errors={errors} />}
    </div>
  );
}

function ImportFailure({ message, rows }: { message: string; rows: RowError[] }) {
  return (
    <Alert kind="danger" live="alert" className="mt-4">
      <p className={rows.length > 0 ? undefined : 'mb-0'}>{message}</p>
      {rows.length > 0 && <RowErrorsTable errors={rows} />}
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
    caseManagerId: z.string(),
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
    <fieldset className="mb-4" aria-describedby="import-mode-hint">
      <legend className="h6">{t('cases.import.mode')}</legend>
      <p id="import-mode-hint" className="form-text mb-2">
        {t('help.hints.importMode')} <Term id="modalita-importazione" />
      </p>
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
  const { t, i18n } = useTranslation();
  const me = useSession();
  const message = usePilotMessage();
  const run = useImportPilotBeneficiaries();
  const managers = useImportCaseManagers();
  const form = usePilotSchemaForm({
    schema: importSchema,
    // the importing user until another is chosen: the list shows who that is
    defaultValues: { file: null, mode: 'dry_run', encoding: 'auto', caseManagerId: me.user.id },
    paths: { content: 'file', format: 'file' },
  });
  const mode = useWatch({ control: form.methods.control, name: 'mode' });
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const [reading, setReading] = useState(false);

  const submit = form.submit(async ({ file, mode, encoding, caseManagerId }) => {
    setReading(true);
    let content: string;
    try {
      content = await fileToBase64(file);
    } catch {
      form.show('file', t('cases.import.unreadable'));
      return;
    } finally {
      setReading(false);
    }
    const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
    try {
      const lang = i18n.language === 'en' ? 'en' : 'it';
      await run.mutateAsync({ format, content, mode, encoding, caseManagerId, lang });
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
      <p className="mt-3">
        {t('cases.import.intro')} <Term id="importazione" />
      </p>
      <p id="import-columns">
        {t('cases.import.columns')}{' '}
        {IMPORT_COLUMNS.map((c, i) => (
          <span key={c}>
            <code>{c}</code>
            {i < IMPORT_COLUMNS.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
      <ImportHelp />
      <ul className="list-unstyled">
        <li>
          <a href={importTemplateXlsxHref(i18n.language)} download="modello-beneficiari.xlsx">
            {t('cases.import.templateXlsx')}
          </a>
        </li>
        <li>
          <a href={importTemplateCsvUrl} download="modello-beneficiari.csv">
            {t('cases.import.template')}
          </a>
        </li>
      </ul>
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
          <FormSelect
            name="caseManagerId"
            id="import-case-manager"
            label={t('cases.import.caseManager')}
            hint={t('cases.import.caseManagerHint')}
            options={(managers.data?.items ?? []).map((m) => ({
              value: m.id,
              label:
                m.id === me.user.id
                  ? t('cases.import.caseManagerMe', { name: m.displayName })
                  : t('cases.import.caseManagerOption', { name: m.displayName, email: m.email }),
            }))}
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
