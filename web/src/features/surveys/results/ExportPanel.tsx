import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { useFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useMe } from '../../../lib/session';
import {
  useRegionComuni,
  usePreparedExport,
  usePrepareExport,
  type ExportOptions,
  type PreparedExport,
  type ResultQuestion,
} from './api/results';

const formats = ['xlsx', 'csv'] as const;
const shapes = ['wide', 'long'] as const;
const valueModes = ['codes', 'labels'] as const;

/** A Regione's own Comuni in the wave with the state of their questionnaire (first page; all in the XLSX). */
function RegionComuni({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const comuni = useRegionComuni(waveId, true);
  if (!comuni.data) return null;
  const { items, total } = comuni.data;
  return (
    <>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('surveys.exports.regional.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.exports.regional.comune')}</th>
              <th scope="col">{t('surveys.exports.regional.province')}</th>
              <th scope="col">{t('surveys.exports.regional.state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.istat}>
                <th scope="row">{c.name}</th>
                <td>{c.provinceSigla}</td>
                <td>{t(`surveys.fill.states.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {total > items.length && (
        <p className="small">{t('surveys.exports.regional.shown', { shown: items.length, total })}</p>
      )}
      <p>
        <a href={`/api/v1/surveys/waves/${encodeURIComponent(waveId)}/comuni.xlsx`} download>
          {t('surveys.exports.regional.allStates')}
        </a>
      </p>
    </>
  );
}

/**
 * The export of a wave's responses (ANCI/Cittalia: every Comune; a Regione: its own Comuni, no free
 * text, issue 11 item 8; decisions 0042 and 0047): format, shape,
 * codes or labels (and in CSV a repeat's entries instead of the Comuni). The file is prepared on
 * the server with its progress shown here, then downloaded through a plain link: the browser
 * writes it to disk with its size and progress, and resumes it if the connection drops.
 */
export function ExportPanel({
  waveId,
  full,
  questions,
}: {
  waveId: string;
  full: boolean;
  questions: readonly ResultQuestion[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const [format, setFormat] = useState<(typeof formats)[number]>('xlsx');
  const [shape, setShape] = useState<(typeof shapes)[number]>('wide');
  const [values, setValues] = useState<(typeof valueModes)[number]>('codes');
  const [repeat, setRepeat] = useState('');
  const [exportId, setExportId] = useState<string | null>(null);
  const prepare = usePrepareExport(waveId);
  const { data: me } = useMe();
  const regional = !full && me?.scope.level === 'regione';
  if (!full && !regional) return null;

  const base = `/api/v1/surveys/waves/${encodeURIComponent(waveId)}`;
  // a Regione's export has no free text: a repeat of free text only has no file of its own
  const repeats = [...new Set(questions.flatMap((q) => (q.repeat && (full || q.kind !== 'text') ? [q.repeat] : [])))];
  const csvWide = format === 'csv' && shape === 'wide';
  const titleId = `${id}-title`;
  // a changed option makes the prepared file another one
  const change =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setExportId(null);
      prepare.reset();
    };

  const options: ExportOptions = {
    format,
    shape,
    ...(shape === 'wide' ? { values } : {}),
    ...(csvWide && repeat ? { repeat } : {}),
  };

  return (
    <section aria-labelledby={titleId} className="mt-5">
      <h2 id={titleId} className="h4">
        {regional ? t('surveys.exports.regional.title') : t('surveys.exports.title')}
      </h2>
      <p>{regional ? t('surveys.exports.regional.lead') : t('surveys.exports.lead')}</p>
      {regional && <RegionComuni waveId={waveId} />}
      <form
        aria-label={t('surveys.exports.options')}
        onSubmit={(e) => {
          e.preventDefault();
          setExportId(null);
          prepare.mutate(options, { onSuccess: (p) => setExportId(p.id) });
        }}
      >
        <div className="row">
          <div className="col-md-3">
            <SelectField
              id={`${id}-format`}
              label={t('surveys.exports.format')}
              value={format}
              onChange={(e) => change(setFormat)(e.target.value === 'csv' ? 'csv' : 'xlsx')}
              options={formats.map((f) => ({ value: f, label: t(`surveys.exports.formats.${f}`) }))}
            />
          </div>
          <div className="col-md-3">
            <SelectField
              id={`${id}-shape`}
              label={t('surveys.exports.shape')}
              value={shape}
              onChange={(e) => change(setShape)(e.target.value === 'long' ? 'long' : 'wide')}
              options={shapes.map((s) => ({ value: s, label: t(`surveys.exports.shapes.${s}`) }))}
            />
          </div>
          <div className="col-md-3">
            <SelectField
              id={`${id}-values`}
              label={t('surveys.exports.values')}
              value={values}
              disabled={shape === 'long'}
              hint={shape === 'long' ? t('surveys.exports.valuesLong') : undefined}
              onChange={(e) => change(setValues)(e.target.value === 'labels' ? 'labels' : 'codes')}
              options={valueModes.map((v) => ({ value: v, label: t(`surveys.exports.valueModes.${v}`) }))}
            />
          </div>
          {csvWide && repeats.length > 0 && (
            <div className="col-md-3">
              <SelectField
                id={`${id}-repeat`}
                label={t('surveys.exports.content')}
                value={repeat}
                onChange={(e) => change(setRepeat)(e.target.value)}
                options={[
                  { value: '', label: t('surveys.exports.contentComuni') },
                  ...repeats.map((r) => ({ value: r, label: t('surveys.exports.contentRepeat', { repeat: r }) })),
                ]}
              />
            </div>
          )}
        </div>
        <button type="submit" className="btn btn-primary" disabled={prepare.isPending}>
          {t('surveys.exports.prepare', { format: format.toUpperCase() })}
        </button>{' '}
        <a className="btn btn-outline-primary" href={`${base}/export/codebook?format=${format}`} download>
          {t('surveys.exports.codebook', { format: format.toUpperCase() })}
        </a>
      </form>
      <PreparedFile waveId={waveId} exportId={exportId} error={prepare.error} />
      <p className="small mt-3">
        {format === 'xlsx'
          ? t('surveys.exports.noteXlsx')
          : shape === 'wide' && repeats.length
            ? t('surveys.exports.noteCsvRepeats')
            : t('surveys.exports.noteCsv')}
      </p>
    </section>
  );
}

/** The file being prepared: its progress, then its download link with its size. */
function PreparedFile({ waveId, exportId, error }: { waveId: string; exportId: string | null; error: unknown }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const f = useFormat();
  const id = useId();
  const prepared = usePreparedExport(waveId, exportId);
  const p: PreparedExport | undefined = prepared.data;
  const problem = error ?? prepared.error;
  return (
    <div aria-live="polite" className="mt-3">
      {problem ? (
        <div className="alert alert-danger" role="alert">
          {messageOf(problem)}
        </div>
      ) : p === undefined ? null : p.status === 'failed' ? (
        <div className="alert alert-danger" role="alert">
          {t('surveys.exports.failed')}
        </div>
      ) : p.status === 'ready' ? (
        <div className="alert alert-success">
          <p className="mb-2">{t('surveys.exports.ready', { filename: p.filename, size: f.size(p.bytes ?? 0) })}</p>
          <a
            className="btn btn-primary"
            href={`/api/v1/surveys/waves/${encodeURIComponent(waveId)}/exports/${encodeURIComponent(p.id)}/file`}
            download={p.filename}
          >
            {t('surveys.exports.download', { format: p.filename.split('.').pop()!.toUpperCase() })}
          </a>
          <p className="small mt-2 mb-0">{t('surveys.exports.resumable', { time: f.dateTime(p.expiresAt) })}</p>
        </div>
      ) : (
        <Progress id={id} p={p} />
      )}
    </div>
  );
}

function Progress({ id, p }: { id: string; p: PreparedExport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const total = p.total ?? 0;
  const pct = total === 0 ? 0 : Math.min(100, Math.round((p.done / total) * 100));
  return (
    <div>
      <div id={`${id}-label`} className="small">
        {p.status === 'queued'
          ? t('surveys.exports.queued')
          : t('surveys.exports.progress', { pct, done: f.number(p.done), total: f.number(total) })}
      </div>
      <div className="progress">
        <div
          className="progress-bar"
          role="progressbar"
          aria-labelledby={`${id}-label`}
          aria-valuenow={pct}
          aria-valuemin={0}
          aria-valuemax={100}
          style={{ width: `${pct}%` }}
        />
      </div>
    </div>
  );
}
