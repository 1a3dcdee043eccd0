import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import type { ResultQuestion } from './api/results';

const formats = ['xlsx', 'csv'] as const;
const shapes = ['wide', 'long'] as const;
const valueModes = ['codes', 'labels'] as const;

/**
 * The export of a wave's responses (ANCI/Cittalia only, decision 0042): format, shape, codes or
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
  if (!full) return null;

  const base = `/api/v1/surveys/waves/${encodeURIComponent(waveId)}/export`;
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ format, shape, ...(shape === 'wide' ? { values } : {}), ...extra }).toString();
  const repeats = [...new Set(questions.flatMap((q) => (q.repeat ? [q.repeat] : [])))];
  const titleId = `${id}-title`;

  return (
    <section aria-labelledby={titleId} className="mt-5">
      <h2 id={titleId} className="h4">
        {t('surveys.exports.title')}
      </h2>
      <p>{t('surveys.exports.lead')}</p>
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
