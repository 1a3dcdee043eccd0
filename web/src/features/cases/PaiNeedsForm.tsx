import { currentNumberLocale } from '../../lib/amount';
import { parseNumber, YEARS } from '../../lib/number';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { SelectField, TextField } from '../../components/FormField';
import { FormSelect, FormSummary, FormTextArea, useSchemaField } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, oneOfField } from '../../lib/schemaForm';
import type { PaiDetail, PaiNeeds } from './api/types';
import { useUpdatePilotPai } from './api/update-pai';
import { usePilotSchemaForm } from './problems';
import { ListPicker } from '../../components/ListPicker';
import { useWorld } from '../../lib/world';
import { CEFR_LEVELS, EDUCATION_LEVELS, SECTORS } from './vocab';

interface Draft {
  education: string;
  skills: string;
  languages: { code: string; level: string }[];
  work: { sector: string; years: string; description: string }[];
  notes: string;
  objectives: string;
}

/** Years of work as typed, read by the one number parser in the UI's language; undefined when refused. */
function yearsOf(typed: string): number | undefined {
  const parsed = parseNumber(typed, currentNumberLocale(), YEARS);
  return parsed.ok ? parsed.value : undefined;
}

const draftOf = (pai: PaiDetail): Draft => ({
  education: pai.needs.education,
  skills: pai.needs.skills.join('\n'),
  languages: pai.needs.languages.map((l) => ({ code: l.code, level: l.level })),
  work: pai.needs.workHistory.map((w) => ({ sector: w.sector, years: String(w.years), description: w.description })),
  notes: pai.needs.notes,
  objectives: pai.objectives.join('\n'),
});
const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Read-only view of the needs and objectives (a PAI that is shared, approved or closed). */
export function PaiNeedsView({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const world = useWorld();
  return (
    <>
      <p>{t('cases.pai.locked')}</p>
      <dl>
        <dt>{t('cases.pai.education')}</dt>
        <dd>{t(`cases.education.${pai.needs.education}`)}</dd>
        <dt>{t('cases.pai.skills')}</dt>
        <dd>{pai.needs.skills.length === 0 ? '—' : pai.needs.skills.join(', ')}</dd>
        <dt>{t('cases.pai.languages')}</dt>
        <dd>
          {pai.needs.languages.length === 0
            ? '—'
            : pai.needs.languages.map((l) => world.languageWithLevel(l.code, l.level)).join('; ')}
        </dd>
        <dt>{t('cases.pai.work')}</dt>
        <dd>
          {pai.needs.workHistory.length === 0
            ? '—'
            : pai.needs.workHistory
                .map(
                  (w) =>
                    `${t(`cases.sector.${w.sector}`)}: ${w.years}${w.description !== '' ? ` – ${w.description}` : ''}`,
                )
                .join('; ')}
        </dd>
        <dt>{t('cases.pai.notes')}</dt>
        <dd>{pai.needs.notes === '' ? '—' : pai.needs.notes}</dd>
      </dl>
      <h3 className="h5">{t('cases.pai.objectives')}</h3>
      {pai.objectives.length === 0 ? (
        <p>{t('cases.pai.noObjectives')}</p>
      ) : (
        <ol>
          {pai.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ol>
      )}
    </>
  );
}

const paiNeedsSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z
    .object({
      education: oneOfField(EDUCATION_LEVELS, required),
      skills: z.string(),
      // rows without a language (chosen in the picker) or a sector are left out
      languages: z
        .array(z.object({ code: z.string(), level: z.string() }))
        .transform((rows) => rows.filter((l) => l.code.trim() !== ''))
        .refine((rows) => rows.every((l) => oneOf(l.level, CEFR_LEVELS) !== undefined), t('fieldErrors.invalid')),
      work: z
        .array(z.object({ sector: z.string(), years: z.string(), description: z.string() }))
        .transform((rows) => rows.filter((w) => w.sector !== ''))
        .refine(
          (rows) => rows.every((w) => oneOf(w.sector, SECTORS) !== undefined && yearsOf(w.years) !== undefined),
          t('fieldErrors.invalid'),
        ),
      notes: z.string(),
      objectives: z
        .string()
        .transform(lines)
        .refine((objectives) => objectives.length > 0, required),
    })
    .transform(
      ({ education, skills, languages, work, notes, objectives }): { needs: PaiNeeds; objectives: string[] } => ({
        needs: {
          education,
          skills: lines(skills),
          languages: languages.map((l) => ({
            code: l.code.trim().toLowerCase(),
            level: oneOf(l.level, CEFR_LEVELS) ?? 'A1',
          })),
          workHistory: work.map((w) => ({
            sector: oneOf(w.sector, SECTORS) ?? 'altro',
            years: yearsOf(w.years) ?? 0,
            description: w.description.trim(),
          })),
          notes: notes.trim(),
        },
        objectives,
      }),
    );
};

/** The needs assessment and objectives of a draft PAI or of one under revision. */
export function PaiNeedsForm({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const update = useUpdatePilotPai(pai.id);
  const form = usePilotSchemaForm({
    schema: paiNeedsSchema,
    defaultValues: draftOf(pai),
    idPrefix: 'pai-',
    // kept through a session that ends; a draft of an older version is not laid over a newer one
    draft: `pai-needs.${pai.id}.v${pai.version}`,
    paths: {
      'needs.education': 'education',
      'needs.skills': 'skills',
      'needs.languages': 'languages',
      'needs.workHistory': 'work',
      'needs.notes': 'notes',
    },
  });

  const onSubmit = form.submit(async (body) => {
    const saved = await update.mutateAsync({ ...body, expectedVersion: pai.version });
    notify(t('cases.pai.saved', { version: saved.version }));
  });

  return (
    <SchemaFormProvider form={form}>
      <FormSummary />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <FormSelect
          name="education"
          label={t('cases.pai.education')}
          required
          options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`cases.education.${e}`) }))}
        />
        <FormTextArea name="skills" label={t('cases.pai.skills')} hint={t('cases.pai.skillsHint')} />
        <LanguageRows />
        <WorkRows />
        <FormTextArea name="notes" label={t('cases.pai.notes')} hint={t('cases.pai.notesHint')} />
        <FormTextArea
          name="objectives"
          label={t('cases.pai.objectives')}
          hint={t('cases.pai.objectivesHint')}
          rows={4}
          required
        />
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('cases.pai.save')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

/** The languages the person speaks, one row each; the fieldset carries the rows' message. */
function LanguageRows() {
  const { t } = useTranslation();
  const world = useWorld();
  const { field, id, error } = useSchemaField({ name: 'languages' }, t('cases.pai.languages'));
  const rows = field.value as Draft['languages'];
  const set = (i: number, patch: Partial<Draft['languages'][number]>) =>
    field.onChange(rows.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <fieldset id={id} tabIndex={-1} className="mb-4">
      <legend className="h6">{t('cases.pai.languages')}</legend>
      {error !== undefined && <div className="invalid-feedback d-block mb-2">{error}</div>}
      {rows.map((l, i) => (
        <div className="row align-items-end" key={i}>
          <div className="col-sm-5">
            <ListPicker
              id={`pai-lang-${i}`}
              label={t('cases.pai.languageCode', { n: i + 1 })}
              search={world.searchLanguages}
              nameOf={world.language}
              value={l.code}
              onChange={(code) => set(i, { code })}
            />
          </div>
          <div className="col-sm-4">
            <SelectField
              id={`pai-level-${i}`}
              label={t('cases.pai.languageLevel', { n: i + 1 })}
              value={l.level}
              onChange={(e) => set(i, { level: e.target.value })}
              options={CEFR_LEVELS.map((c) => ({ value: c, label: t(`cases.cefr.${c}`) }))}
            />
          </div>
          <div className="col-sm-3 mb-4">
            <button
              type="button"
              className="btn btn-link"
              onClick={() => field.onChange(rows.filter((_, j) => j !== i))}
            >
              {t('cases.pai.removeLanguage', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={() => field.onChange([...rows, { code: '', level: 'A1' }])}
      >
        {t('cases.pai.addLanguage')}
      </button>
    </fieldset>
  );
}

/** The person's work experience, one row per sector; the fieldset carries the rows' message. */
function WorkRows() {
  const { t } = useTranslation();
  const { field, id, error } = useSchemaField({ name: 'work' }, t('cases.pai.work'));
  const rows = field.value as Draft['work'];
  const set = (i: number, patch: Partial<Draft['work'][number]>) =>
    field.onChange(rows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset id={id} tabIndex={-1} className="mb-4">
      <legend className="h6">{t('cases.pai.work')}</legend>
      {error !== undefined && <div className="invalid-feedback d-block mb-2">{error}</div>}
      {rows.map((w, i) => (
        <div className="row align-items-end" key={i}>
          <div className="col-sm-4">
            <SelectField
              id={`pai-sector-${i}`}
              label={t('cases.pai.workSector', { n: i + 1 })}
              emptyOption={t('form.choose')}
              value={w.sector}
              onChange={(e) => set(i, { sector: e.target.value })}
              options={SECTORS.map((s) => ({ value: s, label: t(`cases.sector.${s}`) }))}
            />
          </div>
          <div className="col-sm-2">
            <TextField
              id={`pai-years-${i}`}
              inputMode="decimal"
              autoComplete="off"
              label={t('cases.pai.workYears', { n: i + 1 })}
              value={w.years}
              onChange={(e) => set(i, { years: e.target.value })}
            />
          </div>
          <div className="col-sm-4">
            <TextField
              id={`pai-wdesc-${i}`}
              label={t('cases.pai.workDescription', { n: i + 1 })}
              value={w.description}
              onChange={(e) => set(i, { description: e.target.value })}
            />
          </div>
          <div className="col-sm-2 mb-4">
            <button
              type="button"
              className="btn btn-link"
              onClick={() => field.onChange(rows.filter((_, j) => j !== i))}
            >
              {t('cases.pai.removeWork', { n: i + 1 })}
            </button>
          </div>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-outline-primary btn-sm"
        onClick={() => field.onChange([...rows, { sector: '', years: '', description: '' }])}
      >
        {t('cases.pai.addWork')}
      </button>
    </fieldset>
  );
}
