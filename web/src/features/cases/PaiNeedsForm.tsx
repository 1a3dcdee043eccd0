import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { PaiDetail, PaiNeeds } from './api/types';
import { useUpdatePilotPai } from './api/update-pai';
import { usePilotForm } from './problems';
import { CEFR_LEVELS, EDUCATION_LEVELS, SECTORS } from './vocab';

interface Draft {
  education: string;
  skills: string;
  languages: { code: string; level: string }[];
  work: { sector: string; years: string; description: string }[];
  notes: string;
  objectives: string;
}

const draftOf = (pai: PaiDetail): Draft => ({
  education: pai.needs.education,
  skills: pai.needs.skills.join('\n'),
  languages: pai.needs.languages.map((l) => ({ code: l.code, level: l.level })),
  work: pai.needs.workHistory.map((w) => ({ sector: w.sector, years: String(w.years), description: w.description })),
  notes: pai.needs.notes,
  objectives: pai.objectives.join('\n'),
});
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Read-only view of the needs and objectives (a PAI that is shared, approved or closed). */
export function PaiNeedsView({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{t('cases.pai.locked')}</p>
      <dl>
        <dt>{t('cases.pai.education')}</dt>
        <dd>{t(`cases.education.${pai.needs.education}`)}</dd>
        <dt>{t('cases.pai.skills')}</dt>
        <dd>{pai.needs.skills.length === 0 ? '—' : pai.needs.skills.join(', ')}</dd>
        <dt>{t('cases.pai.languages')}</dt>
        <dd>{pai.needs.languages.length === 0 ? '—' : pai.needs.languages.map((l) => `${l.code} (${t(`cases.cefr.${l.level}`)})`).join(', ')}</dd>
        <dt>{t('cases.pai.work')}</dt>
        <dd>
          {pai.needs.workHistory.length === 0
            ? '—'
            : pai.needs.workHistory.map((w) => `${t(`cases.sector.${w.sector}`)}: ${w.years}${w.description !== '' ? ` – ${w.description}` : ''}`).join('; ')}
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

/** The needs assessment and objectives of a draft PAI or of one under revision. */
export function PaiNeedsForm({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const update = useUpdatePilotPai(pai.id);
  const [d, setD] = useState<Draft>(() => draftOf(pai));
  const labels = {
    'pai-education': t('cases.pai.education'), 'pai-skills': t('cases.pai.skills'), 'pai-languages': t('cases.pai.languages'),
    'pai-work': t('cases.pai.work'), 'pai-notes': t('cases.pai.notes'), 'pai-objectives': t('cases.pai.objectives'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const education = oneOf(d.education, EDUCATION_LEVELS);
    const objectives = lines(d.objectives);
    const languages = d.languages.filter((l) => l.code.trim() !== '');
    const work = d.work.filter((w) => w.sector !== '');
    const ok = form.check({
      'pai-education': education === undefined ? t('fieldErrors.required') : undefined,
      'pai-objectives': objectives.length === 0 ? t('fieldErrors.required') : undefined,
      'pai-languages': languages.every((l) => /^[a-z]{2,3}$/.test(l.code.trim().toLowerCase()) && oneOf(l.level, CEFR_LEVELS) !== undefined)
        ? undefined
        : t('cases.person.languageCodeFormat'),
      'pai-work': work.every((w) => oneOf(w.sector, SECTORS) !== undefined && w.years !== '' && Number(w.years) >= 0) ? undefined : t('fieldErrors.invalid'),
    });
    if (!ok || education === undefined) return;
    const needs: PaiNeeds = {
      education,
      skills: lines(d.skills),
      languages: languages.map((l) => ({ code: l.code.trim().toLowerCase(), level: oneOf(l.level, CEFR_LEVELS) ?? 'A1' })),
      workHistory: work.map((w) => ({ sector: oneOf(w.sector, SECTORS) ?? 'altro', years: Number(w.years), description: w.description.trim() })),
      notes: d.notes.trim(),
    };
    update.mutate(
      { needs, objectives, expectedVersion: pai.version },
      {
        onSuccess: (saved) => notify(t('cases.pai.saved', { version: saved.version })),
        onError: (error) =>
          form.fail(error, {
            'needs.education': 'pai-education', 'needs.skills': 'pai-skills', 'needs.languages': 'pai-languages',
            'needs.workHistory': 'pai-work', 'needs.notes': 'pai-notes', objectives: 'pai-objectives',
          }),
      },
    );
  };

  const setLang = (i: number, patch: Partial<Draft['languages'][number]>) =>
    setD({ ...d, languages: d.languages.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const setWork = (i: number, patch: Partial<Draft['work'][number]>) =>
    setD({ ...d, work: d.work.map((w, j) => (j === i ? { ...w, ...patch } : w)) });

  return (
    <>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <SelectField
          id="pai-education"
          label={labels['pai-education']}
          required
          value={d.education}
          onChange={(e) => setD({ ...d, education: e.target.value })}
          options={EDUCATION_LEVELS.map((e) => ({ value: e, label: t(`cases.education.${e}`) }))}
          error={form.errors['pai-education']}
        />
        <div className="form-group">
          <label htmlFor="pai-skills" className="active">{labels['pai-skills']}</label>
          <textarea id="pai-skills" className="form-control" rows={3} value={d.skills} aria-describedby="pai-skills-hint" onChange={(e) => setD({ ...d, skills: e.target.value })} />
          <small id="pai-skills-hint" className="form-text d-block">{t('cases.pai.skillsHint')}</small>
        </div>
        <fieldset id="pai-languages" tabIndex={-1} className="mb-4">
          <legend className="h6">{labels['pai-languages']}</legend>
          {form.errors['pai-languages'] !== undefined && <div className="invalid-feedback d-block mb-2">{form.errors['pai-languages']}</div>}
          {d.languages.map((l, i) => (
            <div className="row align-items-end" key={i}>
              <div className="col-sm-5">
                <TextField id={`pai-lang-${i}`} label={t('cases.pai.languageCode', { n: i + 1 })} value={l.code} maxLength={3} onChange={(e) => setLang(i, { code: e.target.value })} />
              </div>
              <div className="col-sm-4">
                <SelectField id={`pai-level-${i}`} label={t('cases.pai.languageLevel', { n: i + 1 })} value={l.level} onChange={(e) => setLang(i, { level: e.target.value })} options={CEFR_LEVELS.map((c) => ({ value: c, label: t(`cases.cefr.${c}`) }))} />
              </div>
              <div className="col-sm-3 mb-4">
                <button type="button" className="btn btn-link" onClick={() => setD({ ...d, languages: d.languages.filter((_, j) => j !== i) })}>
                  {t('cases.pai.removeLanguage', { n: i + 1 })}
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setD({ ...d, languages: [...d.languages, { code: '', level: 'A1' }] })}>
            {t('cases.pai.addLanguage')}
          </button>
        </fieldset>
        <fieldset id="pai-work" tabIndex={-1} className="mb-4">
          <legend className="h6">{labels['pai-work']}</legend>
          {form.errors['pai-work'] !== undefined && <div className="invalid-feedback d-block mb-2">{form.errors['pai-work']}</div>}
          {d.work.map((w, i) => (
            <div className="row align-items-end" key={i}>
              <div className="col-sm-4">
                <SelectField id={`pai-sector-${i}`} label={t('cases.pai.workSector', { n: i + 1 })} emptyOption={t('form.choose')} value={w.sector} onChange={(e) => setWork(i, { sector: e.target.value })} options={SECTORS.map((s) => ({ value: s, label: t(`cases.sector.${s}`) }))} />
              </div>
              <div className="col-sm-2">
                <TextField id={`pai-years-${i}`} type="number" min={0} max={60} step={0.5} label={t('cases.pai.workYears', { n: i + 1 })} value={w.years} onChange={(e) => setWork(i, { years: e.target.value })} />
              </div>
              <div className="col-sm-4">
                <TextField id={`pai-wdesc-${i}`} label={t('cases.pai.workDescription', { n: i + 1 })} value={w.description} onChange={(e) => setWork(i, { description: e.target.value })} />
              </div>
              <div className="col-sm-2 mb-4">
                <button type="button" className="btn btn-link" onClick={() => setD({ ...d, work: d.work.filter((_, j) => j !== i) })}>
                  {t('cases.pai.removeWork', { n: i + 1 })}
                </button>
              </div>
            </div>
          ))}
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setD({ ...d, work: [...d.work, { sector: '', years: '', description: '' }] })}>
            {t('cases.pai.addWork')}
          </button>
        </fieldset>
        <div className="form-group">
          <label htmlFor="pai-notes" className="active">{labels['pai-notes']}</label>
          <textarea id="pai-notes" className="form-control" rows={3} value={d.notes} aria-describedby="pai-notes-hint" onChange={(e) => setD({ ...d, notes: e.target.value })} />
          <small id="pai-notes-hint" className="form-text d-block">{t('cases.pai.notesHint')}</small>
        </div>
        <div className="form-group">
          <label htmlFor="pai-objectives" className="active">{labels['pai-objectives']}</label>
          <textarea
            id="pai-objectives"
            className={`form-control${form.errors['pai-objectives'] !== undefined ? ' is-invalid' : ''}`}
            rows={4}
            required
            value={d.objectives}
            aria-invalid={form.errors['pai-objectives'] !== undefined ? true : undefined}
            aria-describedby={form.errors['pai-objectives'] !== undefined ? 'pai-objectives-hint pai-objectives-error' : 'pai-objectives-hint'}
            onChange={(e) => setD({ ...d, objectives: e.target.value })}
          />
          <small id="pai-objectives-hint" className="form-text d-block">{t('cases.pai.objectivesHint')}</small>
          {form.errors['pai-objectives'] !== undefined && <div id="pai-objectives-error" className="invalid-feedback d-block">{form.errors['pai-objectives']}</div>}
        </div>
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {t('cases.pai.save')}
        </button>
      </form>
    </>
  );
}
