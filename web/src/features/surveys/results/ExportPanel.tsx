import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { useMe } from '../../../lib/session';
import { useRegionComuni, type ResultQuestion } from './api/results';

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
 * text, issue 11 item 8; decision 0042): format, shape, codes or
 * labels, and plain download links to the endpoint, so the browser streams the file to disk with
 * its own progress and the page never holds it in memory. In CSV a repeat's entries are a file of
 * their own, linked one by one.
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
  const { data: me } = useMe();
  const regional = !full && me?.scope.level === 'regione';
  if (!full && !regional) return null;

  const base = `/api/v1/surveys/waves/${encodeURIComponent(waveId)}/export`;
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ format, shape, ...(shape === 'wide' ? { values } : {}), ...extra }).toString();
  // a Regione's export has no free text: a repeat of free text only has no file of its own
  const repeats = [...new Set(questions.flatMap((q) => (q.repeat && (full || q.kind !== 'text') ? [q.repeat] : [])))];
  const titleId = `${id}-title`;

  return (
    <section aria-labelledby={titleId} className="mt-5">
      <h2 id={titleId} className="h4">
        {regional ? t('surveys.exports.regional.title') : t('surveys.exports.title')}
      </h2>
      <p>{regional ? t('surveys.exports.regional.lead') : t('surveys.exports.lead')}</p>
      {regional && <RegionComuni waveId={waveId} />}
      <form aria-label={t('surveys.exports.options')} onSubmit={(e) => e.preventDefault()}>
        <div className="row">
          <div className="col-md-4">
            <SelectField
              id={`${id}-format`}
              label={t('surveys.exports.format')}
              value={format}
              onChange={(e) => setFormat(e.target.value === 'csv' ? 'csv' : 'xlsx')}
              options={formats.map((f) => ({ value: f, label: t(`surveys.exports.formats.${f}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id={`${id}-shape`}
              label={t('surveys.exports.shape')}
              value={shape}
              onChange={(e) => setShape(e.target.value === 'long' ? 'long' : 'wide')}
              options={shapes.map((s) => ({ value: s, label: t(`surveys.exports.shapes.${s}`) }))}
            />
          </div>
          <div className="col-md-4">
            <SelectField
              id={`${id}-values`}
              label={t('surveys.exports.values')}
              value={values}
              disabled={shape === 'long'}
              hint={shape === 'long' ? t('surveys.exports.valuesLong') : undefined}
              onChange={(e) => setValues(e.target.value === 'labels' ? 'labels' : 'codes')}
              options={valueModes.map((v) => ({ value: v, label: t(`surveys.exports.valueModes.${v}`) }))}
            />
          </div>
        </div>
      </form>
      <ul className="list-unstyled">
        <li className="mb-2">
          <a className="btn btn-primary" href={`${base}?${query()}`} download>
            {t('surveys.exports.download', { format: format.toUpperCase() })}
          </a>
        </li>
        {format === 'csv' &&
          shape === 'wide' &&
          repeats.map((r) => (
            <li key={r} className="mb-2">
              <a className="btn btn-outline-primary" href={`${base}?${query({ repeat: r })}`} download>
                {t('surveys.exports.downloadRepeat', { repeat: r })}
              </a>
            </li>
          ))}
        <li className="mb-2">
          <a className="btn btn-outline-primary" href={`${base}/codebook?format=${format}`} download>
            {t('surveys.exports.codebook', { format: format.toUpperCase() })}
          </a>
        </li>
      </ul>
      <p className="small">
        {format === 'xlsx'
          ? t('surveys.exports.noteXlsx')
          : shape === 'wide' && repeats.length
            ? t('surveys.exports.noteCsvRepeats')
            : t('surveys.exports.noteCsv')}
      </p>
    </section>
  );
}
