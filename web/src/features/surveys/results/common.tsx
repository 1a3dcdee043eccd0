/** What the results page and the comparison page share: figures, texts of the questionnaire, filters, the question picker. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { useFormat } from '../../../lib/format';
import { useListParams } from '../../../lib/listParams';
import { useRegions } from '../../../lib/lookups';
import type { PageFilters, ResultQuestion } from './api/results';

export const bands = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;
export const macroAreas = ['NO', 'NE', 'C', 'S', 'I'] as const;
export type Figure = number | '<10' | null;

/** Numbers as the reader's language writes them (1.234,5 in Italian); "<10" as it is; — for none. */
export function useFigures() {
  const format = useFormat();
  return useMemo(() => {
    const number = new Intl.NumberFormat(format.locale, { useGrouping: 'always', maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      figure: (v: Figure | undefined) => (v === null || v === undefined ? '—' : v === '<10' ? '<10' : number.format(v)),
      percent: (v: number | null) => (v === null ? '—' : percent.format(v)),
      count: (v: number) => number.format(v),
    };
  }, [format.locale]);
}

/** A text of the questionnaire in the reader's language (Italian when the other is missing). */
export function useLocalText() {
  const { i18n } = useTranslation();
  const en = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  return (text: { it?: string; en?: string }, fallback = '') => (en ? (text.en ?? text.it) : text.it) ?? fallback;
}

export function usePageFilters(): PageFilters {
  const { get } = useListParams();
  const f: PageFilters = {};
  if (/^\d{2}$/.test(get('region'))) f.region = get('region');
  const macro = get('macroArea');
  if ((macroAreas as readonly string[]).includes(macro)) f.macroArea = macro as PageFilters['macroArea'];
  const band = get('band');
  if ((bands as readonly string[]).includes(band)) f.band = band as PageFilters['band'];
  return f;
}

/** The question picker: questions grouped by their section, by label. */
export function QuestionSelect({
  id,
  label,
  questions,
  value,
  onChange,
}: {
  id: string;
  label: string;
  questions: ResultQuestion[];
  value: string;
  onChange: (name: string) => void;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const groups = useMemo(() => {
    const out: { label: string; options: { value: string; label: string }[] }[] = [];
    for (const q of questions) {
      const section = q.section ? local(q.section.label, q.section.name) : t('surveys.results.otherQuestions');
      let g = out.find((x) => x.label === section);
      if (!g) out.push((g = { label: section, options: [] }));
      g.options.push({ value: q.name, label: local(q.label, q.name) });
    }
    return out;
  }, [questions, local, t]);
  return (
    <SelectField
      id={id}
      label={label}
      emptyOption={t('surveys.results.chooseQuestion')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[]}
      groups={groups}
    />
  );
}

/** A Region by its name, or all of them (the filter of a wave's results, register and comparison). */
export function RegionSelect({ id, value, onChange }: { id: string; value: string; onChange: (code: string) => void }) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <SelectField
      id={id}
      label={t('surveys.results.region')}
      emptyOption={t('surveys.results.all')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
    />
  );
}

/** The area filters of a wave's figures: Region, macro-area and demographic band, kept in the address. */
export function AreaFilters({ idPrefix, filters }: { idPrefix: string; filters: PageFilters }) {
  const { t } = useTranslation();
  const { update } = useListParams();
  return (
    <div className="row">
      <div className="col-md-4">
        <RegionSelect id={`${idPrefix}-region`} value={filters.region ?? ''} onChange={(v) => update({ region: v })} />
      </div>
      <div className="col-md-4">
        <SelectField
          id={`${idPrefix}-macro-area`}
          label={t('surveys.results.macroArea')}
          emptyOption={t('surveys.results.all')}
          value={filters.macroArea ?? ''}
          onChange={(e) => update({ macroArea: e.target.value })}
          options={macroAreas.map((m) => ({ value: m, label: t(`surveys.results.macroAreas.${m}`) }))}
        />
      </div>
      <div className="col-md-4">
        <SelectField
          id={`${idPrefix}-band`}
          label={t('surveys.results.band')}
          emptyOption={t('surveys.results.all')}
          value={filters.band ?? ''}
          onChange={(e) => update({ band: e.target.value })}
          options={bands.map((b) => ({ value: b, label: t(`surveys.results.bands.${b}`) }))}
        />
      </div>
    </div>
  );
}
