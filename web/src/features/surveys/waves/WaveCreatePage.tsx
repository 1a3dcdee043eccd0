import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormat } from '../../../lib/format';
import { useRegions } from '../../../lib/lookups';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useCreateWave, useProvinces, useSurveyWaves, useUniversePreview, type UniverseRule } from './api/waves';
import { bands, macroAreas } from './words';

type Tri = '' | 'true' | 'false';

interface RuleDraft {
  all: boolean;
  min: string;
  minExclusive: boolean;
  max: string;
  maxExclusive: boolean;
  regions: string[];
  provinces: string[];
  bands: string[];
  macroAreas: string[];
  sai: Tri;
  pilot: Tri;
  include: string;
  exclude: string;
}

const emptyRule: RuleDraft = {
  all: false,
  min: '15000',
  minExclusive: true,
  max: '',
  maxExclusive: false,
  regions: [],
  provinces: [],
  bands: [],
  macroAreas: [],
  sai: '',
  pilot: '',
  include: '',
  exclude: '',
};

const codesOf = (text: string) => text.match(/\d{6}/g) ?? [];
const intOf = (text: string) => {
  const digits = text.replace(/\./g, '').trim();
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
};

/** The rule the server takes, or null while the draft selects nothing yet. */
function ruleOf(d: RuleDraft): UniverseRule | null {
  if (d.all) return { kind: 'all' };
  const min = intOf(d.min);
  const max = intOf(d.max);
  const rule: Record<string, unknown> = { kind: 'filter' };
  if (min !== undefined || max !== undefined)
    rule.population = {
      ...(min !== undefined ? { min, minExclusive: d.minExclusive } : {}),
      ...(max !== undefined ? { max, maxExclusive: d.maxExclusive } : {}),
    };
  if (d.regions.length) rule.regions = d.regions;
  if (d.provinces.length) rule.provinces = d.provinces;
  if (d.bands.length) rule.bands = d.bands;
  if (d.macroAreas.length) rule.macroAreas = d.macroAreas;
  if (d.sai) rule.saiNetwork = d.sai === 'true';
  if (d.pilot) rule.pilot18ter = d.pilot === 'true';
  if (codesOf(d.include).length) rule.include = codesOf(d.include);
  if (codesOf(d.exclude).length) rule.exclude = codesOf(d.exclude);
  return Object.keys(rule).length > 1 && !(Object.keys(rule).length === 2 && rule.exclude)
    ? (rule as UniverseRule)
    : null;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

/** The same value for a while: the live count asks the server once the typing stops. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function CheckboxGroup({
  legend,
  name,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  chosen: string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className="mb-4">
      <legend className="h6">{legend}</legend>
      <div className="row">
        {options.map((o) => (
          <CheckboxField
            key={o.value}
            id={`${name}-${o.value}`}
            className="col-sm-6 col-lg-4"
            label={o.label}
            checked={chosen.includes(o.value)}
            onChange={(e) => onChange(toggle(chosen, o.value, e.target.checked))}
          />
        ))}
      </div>
    </fieldset>
  );
}

function UniverseCount({ rule }: { rule: UniverseRule | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const preview = useUniversePreview(useSettled(rule));
  return (
    <section aria-labelledby="universe-count" className="card-wrapper mb-4">
      <div className="card card-bg p-3">
        <h2 id="universe-count" className="h5">
          {t('surveys.waves.create.countTitle')}
        </h2>
        <p aria-live="polite" className="lead mb-2">
          {rule === null
            ? t('surveys.waves.create.countNone')
            : preview.data
              ? t('surveys.waves.create.count', { count: preview.data.count, n: format.number(preview.data.count) })
              : t('surveys.waves.create.counting')}
        </p>
        {preview.isError && <QueryError error={preview.error} />}
        {rule !== null && preview.data && preview.data.count > 0 && (
          <>
            <p className="small mb-1">
              {t('surveys.waves.create.populationOf', {
                months: preview.data.populationMonths.map((m) => format.month(m)).join(', '),
              })}
            </p>
            <details>
              <summary>{t('surveys.waves.create.byRegion')}</summary>
              <ul className="small">
                {preview.data.byRegion.map((r) => (
                  <li key={r.code}>
                    {r.name}: {format.number(r.count)}
                  </li>
                ))}
              </ul>
            </details>
            <p className="small mt-2 mb-0">
              {t('surveys.waves.create.sample')}{' '}
              {preview.data.sample.map((c) => `${c.name} (${c.provinceSigla})`).join(', ')}
            </p>
          </>
        )}
      </div>
    </section>
  );
}

export function WaveCreatePage() {
  const { t } = useTranslation();
  const { surveyId = '' } = useParams();
  const navigate = useNavigate();
  const { messageOf, fieldMessageOf } = useProblemMessages();
  const survey = useSurveyWaves(surveyId);
  const regions = useRegions();
  const provinces = useProvinces();
  const create = useCreateWave(surveyId);
  const [versionId, setVersionId] = useState('');
  const [titleIt, setTitleIt] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [reminders, setReminders] = useState('5, 10');
  const [draft, setDraft] = useState<RuleDraft>(emptyRule);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const rule = useMemo(() => ruleOf(draft), [draft]);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));

  if (survey.isPending) return <Loading />;
  if (survey.isError) return <QueryError error={survey.error} onRetry={() => void survey.refetch()} />;
  const versions = survey.data.publishedVersions;
  const chosenVersion = versionId || versions[0]?.id || '';
  const provinceOptions = (provinces.data?.items ?? [])
    .filter((p) => draft.regions.length === 0 || draft.regions.includes(p.regionCode))
    .map((p) => ({ value: p.code, label: p.name }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!chosenVersion) found.version = t('surveys.waves.create.needVersion');
    if (!titleIt.trim()) found.titleIt = t('surveys.waves.create.needTitle');
    if (!opensOn) found.opensOn = t('surveys.waves.create.needDate');
    if (!closesOn) found.closesOn = t('surveys.waves.create.needDate');
    else if (opensOn && closesOn < opensOn) found.closesOn = t('surveys.waves.create.closesBeforeOpens');
    const days = reminders
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map(Number);
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 60) || days.some((d, i) => i > 0 && d <= days[i - 1]!))
      found.reminders = t('surveys.waves.create.badReminders');
    if (rule === null) found.rule = t('surveys.waves.create.countNone');
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length || rule === null) return;
    try {
      const wave = await create.mutateAsync({
        formVersionId: chosenVersion,
        titleIt: titleIt.trim(),
        titleEn: titleEn.trim() || null,
        universeRule: rule,
        referenceMonth: null,
        opensOn,
        closesOn,
        reminderDays: days,
      });
      void navigate(`/indagini/rilevazioni/${wave.id}`);
    } catch (error) {
      if (error instanceof ApiProblem)
        setErrors(
          Object.fromEntries(error.fieldErrors.map((f) => [f.path.split('.')[0]!, fieldMessageOf(f.code, f.message)])),
        );
      setGeneral(messageOf(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t('surveys.waves.create.title')}
        breadcrumbs={[
          { label: t('surveys.waves.create.surveys'), to: '/indagini' },
          { label: survey.data.surveyTitle, to: `/indagini/${surveyId}` },
        ]}
        lead={t('surveys.waves.create.lead')}
      />
      {versions.length === 0 ? (
        <Alert kind="warning">{t('surveys.waves.create.noVersion')}</Alert>
      ) : (
        <form noValidate onSubmit={(e) => void onSubmit(e)}>
          {general !== null && (
            <Alert kind="danger" live="alert">
              {general}
            </Alert>
          )}
          <div className="row">
            <SelectField
              id="wave-version"
              className="col-md-6"
              label={t('surveys.waves.create.version')}
              value={chosenVersion}
              onChange={(e) => setVersionId(e.target.value)}
              options={versions.map((v) => ({
                value: v.id,
                label: t('surveys.waves.create.versionLabel', { n: v.versionNo, questions: v.questionCount }),
              }))}
              error={errors.version ?? errors.formVersionId}
            />
          </div>
          <div className="row">
            <TextField
              id="wave-title-it"
              className="col-md-6"
              label={t('surveys.waves.create.titleIt')}
              value={titleIt}
              onChange={(e) => setTitleIt(e.target.value)}
              maxLength={300}
              required
              error={errors.titleIt}
            />
            <TextField
              id="wave-title-en"
              className="col-md-6"
              label={t('surveys.waves.create.titleEn')}
              value={titleEn}
              onChange={(e) => setTitleEn(e.target.value)}
              maxLength={300}
            />
          </div>
          <div className="row">
            <TextField
              id="wave-opens"
              className="col-md-4"
              type="date"
              label={t('surveys.waves.create.opensOn')}
              hint={t('surveys.waves.dateHint')}
              value={opensOn}
              onChange={(e) => setOpensOn(e.target.value)}
              required
              error={errors.opensOn}
            />
            <TextField
              id="wave-closes"
              className="col-md-4"
              type="date"
              label={t('surveys.waves.create.closesOn')}
              hint={t('surveys.waves.dateHint')}
              value={closesOn}
              onChange={(e) => setClosesOn(e.target.value)}
              required
              error={errors.closesOn}
            />
            <TextField
              id="wave-reminders"
              className="col-md-4"
              label={t('surveys.waves.create.reminders')}
              hint={t('surveys.waves.create.remindersHint')}
              value={reminders}
              onChange={(e) => setReminders(e.target.value)}
              error={errors.reminders ?? errors.reminderDays}
            />
          </div>

          <h2 className="h4 mt-3">{t('surveys.waves.create.universe')}</h2>
          {errors.rule !== undefined && (
            <div className="invalid-feedback d-block mb-2" role="alert">
              {errors.rule}
            </div>
          )}
          <CheckboxField
            id="rule-all"
            label={t('surveys.waves.create.allComuni')}
            checked={draft.all}
            onChange={(e) => set({ all: e.target.checked })}
          />
          {!draft.all && (
            <>
              <fieldset className="mb-3">
                <legend className="h6">{t('surveys.waves.create.population')}</legend>
                <div className="row align-items-end">
                  <TextField
                    id="rule-min"
                    className="col-md-3"
                    inputMode="numeric"
                    label={t('surveys.waves.create.min')}
                    value={draft.min}
                    onChange={(e) => set({ min: e.target.value })}
                  />
                  <CheckboxField
                    id="rule-min-exclusive"
                    className="col-md-3"
                    label={t('surveys.waves.create.minExclusive')}
                    checked={draft.minExclusive}
                    onChange={(e) => set({ minExclusive: e.target.checked })}
                  />
                  <TextField
                    id="rule-max"
                    className="col-md-3"
                    inputMode="numeric"
                    label={t('surveys.waves.create.max')}
                    value={draft.max}
                    onChange={(e) => set({ max: e.target.value })}
                  />
                  <CheckboxField
                    id="rule-max-exclusive"
                    className="col-md-3"
                    label={t('surveys.waves.create.maxExclusive')}
                    checked={draft.maxExclusive}
                    onChange={(e) => set({ maxExclusive: e.target.checked })}
                  />
                </div>
              </fieldset>
              <CheckboxGroup
                legend={t('surveys.waves.create.bands')}
                name="rule-band"
                options={bands.map((b) => ({ value: b, label: t(`surveys.waves.band.${b}`) }))}
                chosen={draft.bands}
                onChange={(v) => set({ bands: v })}
              />
              <CheckboxGroup
                legend={t('surveys.waves.create.macroAreas')}
                name="rule-macro"
                options={macroAreas.map((m) => ({ value: m, label: t(`surveys.waves.macroArea.${m}`) }))}
                chosen={draft.macroAreas}
                onChange={(v) => set({ macroAreas: v })}
              />
              <CheckboxGroup
                legend={t('surveys.waves.create.regions')}
                name="rule-region"
                options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
                chosen={draft.regions}
                onChange={(v) => set({ regions: v })}
              />
              <CheckboxGroup
                legend={
                  draft.regions.length ? t('surveys.waves.create.provincesOf') : t('surveys.waves.create.provinces')
                }
                name="rule-province"
                options={provinceOptions}
                chosen={draft.provinces}
                onChange={(v) => set({ provinces: v })}
              />
              <div className="row">
                <SelectField
                  id="rule-sai"
                  className="col-md-6"
                  label={t('surveys.waves.create.sai')}
                  value={draft.sai}
                  onChange={(e) => set({ sai: e.target.value as Tri })}
                  options={[
                    { value: '', label: t('surveys.waves.create.any') },
                    { value: 'true', label: t('surveys.waves.create.saiYes') },
                    { value: 'false', label: t('surveys.waves.create.saiNo') },
                  ]}
                />
                <SelectField
                  id="rule-pilot"
                  className="col-md-6"
                  label={t('surveys.waves.create.pilot')}
                  value={draft.pilot}
                  onChange={(e) => set({ pilot: e.target.value as Tri })}
                  options={[
                    { value: '', label: t('surveys.waves.create.any') },
                    { value: 'true', label: t('surveys.waves.create.pilotYes') },
                    { value: 'false', label: t('surveys.waves.create.pilotNo') },
                  ]}
                />
              </div>
              <div className="row">
                <TextAreaField
                  id="rule-include"
                  className="col-md-6"
                  label={t('surveys.waves.create.include')}
                  hint={t('surveys.waves.create.codesHint')}
                  value={draft.include}
                  onChange={(e) => set({ include: e.target.value })}
                />
                <TextAreaField
                  id="rule-exclude"
                  className="col-md-6"
                  label={t('surveys.waves.create.exclude')}
                  hint={t('surveys.waves.create.codesHint')}
                  value={draft.exclude}
                  onChange={(e) => set({ exclude: e.target.value })}
                />
              </div>
            </>
          )}
          <UniverseCount rule={rule} />
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('surveys.waves.create.submit')}
          </button>
        </form>
      )}
    </>
  );
}
