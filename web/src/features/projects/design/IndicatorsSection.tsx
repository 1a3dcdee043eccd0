/** The project's indicators: from the catalogue (PN FAMI O.2.x/R.2.x) or its own, with baseline, disaggregations and targets per period. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextField } from '../../../components/FormField';
import { useIndicatorCatalogue } from './api/indicator-catalogue';
import { useAddIndicator, useRemoveIndicator } from './api/indicators';
import type { ProjectDetail } from './api/types';
import { formatDay, useDesignProblem } from './words';

const disaggregations = ['sex', 'age', 'nationality'] as const;
type Disaggregation = (typeof disaggregations)[number];
const CUSTOM = '__custom';

export function IndicatorsSection({ p, editable }: { p: ProjectDetail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const problem = useDesignProblem();
  const remove = useRemoveIndicator(p.id);
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  return (
    <section aria-labelledby="project-indicators" className="mb-5">
      <h2 id="project-indicators" className="h4">
        {t('projects.design.indicators.title')}
      </h2>
      {remove.isError && (
        <Alert kind="danger" live="alert">
          {problem(remove.error)}
        </Alert>
      )}
      {p.indicators.length === 0 ? (
        <p>{t('projects.design.indicators.none')}</p>
      ) : (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('projects.design.indicators.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.design.indicators.code')}</th>
                <th scope="col">{t('projects.design.indicators.indicator')}</th>
                <th scope="col">{t('projects.design.indicators.kind')}</th>
                <th scope="col" className="text-end">
                  {t('projects.design.indicators.baseline')}
                </th>
                <th scope="col">{t('projects.design.indicators.targets')}</th>
                <th scope="col">{t('projects.design.indicators.disaggregations')}</th>
                {editable && <th scope="col">{t('projects.design.common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((ind) => (
                <tr key={ind.id}>
                  <td>{ind.framework === 'CUSTOM' ? t('projects.design.indicators.custom') : ind.code}</td>
                  <th scope="row" className="fw-normal">
                    {english && ind.labelEn ? ind.labelEn : ind.labelIt}
                    <span className="d-block small text-muted">{ind.unit}</span>
                  </th>
                  <td>{t(`projects.design.indicatorKind.${ind.kind}`)}</td>
                  <td className="text-end">{ind.baseline.toLocaleString('it-IT')}</td>
                  <td>
                    {ind.targets.length === 0
                      ? '—'
                      : ind.targets
                          .map((x) => `${formatDay(x.periodEnd)}: ${x.value.toLocaleString('it-IT')}`)
                          .join('; ')}
                  </td>
                  <td>
                    {ind.disaggregations.length === 0
                      ? '—'
                      : ind.disaggregations
                          .map((d) => t(`projects.design.disaggregation.${d as Disaggregation}`))
                          .join(', ')}
                  </td>
                  {editable && (
                    <td>
                      <button
                        type="button"
                        className="btn btn-link btn-sm"
                        onClick={() => remove.mutate(ind.id)}
                        aria-label={t('projects.design.indicators.removeFor', { code: ind.code })}
                      >
                        {t('projects.design.common.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <IndicatorForm p={p} />}
    </section>
  );
}

function IndicatorForm({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation();
  const problem = useDesignProblem();
  const catalogue = useIndicatorCatalogue();
  const add = useAddIndicator(p.id);
  const [code, setCode] = useState('');
  const [labelIt, setLabelIt] = useState('');
  const [unit, setUnit] = useState('');
  const [kind, setKind] = useState<'OUTPUT' | 'RESULT'>('OUTPUT');
  const [resultId, setResultId] = useState('');
  const [baseline, setBaseline] = useState('0');
  const [chosen, setChosen] = useState<Disaggregation[]>([]);
  const [targets, setTargets] = useState<{ periodEnd: string; value: string }[]>([{ periodEnd: p.endDate, value: '' }]);
  const used = new Set(p.indicators.map((i) => i.code));
  const def = catalogue.data?.items.find((d) => d.code === code);
  const allowed: readonly string[] = code === CUSTOM ? disaggregations : (def?.disaggregations ?? []);
  const number = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = {
      resultId: resultId || null,
      baseline: number(baseline) || 0,
      disaggregations: chosen.filter((d) => allowed.includes(d)),
      targets: targets
        .filter((x) => x.periodEnd && x.value.trim() !== '')
        .map((x) => ({ periodEnd: x.periodEnd, value: number(x.value) })),
    };
    add.mutate(
      code === CUSTOM
        ? {
            custom: { labelIt: labelIt.trim(), labelEn: null, kind, unit: unit.trim(), disaggregations: chosen },
            ...values,
          }
        : { indicatorCode: code, ...values },
      {
        onSuccess: () => {
          setCode('');
          setChosen([]);
          setTargets([{ periodEnd: p.endDate, value: '' }]);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="border rounded p-3" aria-labelledby="indicator-add">
      <h3 id="indicator-add" className="h6">
        {t('projects.design.indicators.add')}
      </h3>
      {add.isError && (
        <Alert kind="danger" live="alert">
          {problem(add.error)}
        </Alert>
      )}
      <SelectField
        id="indicator-code"
        label={t('projects.design.indicators.indicator')}
        emptyOption={t('projects.design.indicators.choose')}
        value={code}
        required
        onChange={(e) => setCode(e.target.value)}
        options={[
          ...(catalogue.data?.items ?? [])
            .filter((d) => !used.has(d.code))
            .map((d) => ({ value: d.code, label: `${d.code} — ${d.labelIt}` })),
          { value: CUSTOM, label: t('projects.design.indicators.customOption') },
        ]}
      />
      {code === CUSTOM && (
        <div className="row">
          <div className="col-md-6">
            <TextField
              id="indicator-label"
              label={t('projects.design.indicators.label')}
              value={labelIt}
              required
              onChange={(e) => setLabelIt(e.target.value)}
            />
          </div>
          <div className="col-md-3">
            <TextField
              id="indicator-unit"
              label={t('projects.design.indicators.unit')}
              value={unit}
              required
              onChange={(e) => setUnit(e.target.value)}
            />
          </div>
          <div className="col-md-3">
            <SelectField
              id="indicator-kind"
              label={t('projects.design.indicators.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as 'OUTPUT' | 'RESULT')}
              options={(['OUTPUT', 'RESULT'] as const).map((k) => ({
                value: k,
                label: t(`projects.design.indicatorKind.${k}`),
              }))}
            />
          </div>
        </div>
      )}
      <div className="row">
        <div className="col-md-6">
          <SelectField
            id="indicator-result"
            label={t('projects.design.activities.result')}
            emptyOption={t('projects.design.activities.noResult')}
            value={resultId}
            onChange={(e) => setResultId(e.target.value)}
            options={p.logframe
              .filter((i) => i.kind === 'RISULTATO')
              .map((r) => ({ value: r.id, label: `${r.code} — ${r.text}` }))}
          />
        </div>
        <div className="col-md-6">
          <TextField
            id="indicator-baseline"
            inputMode="decimal"
            label={t('projects.design.indicators.baseline')}
            value={baseline}
            onChange={(e) => setBaseline(e.target.value)}
          />
        </div>
      </div>
      {allowed.length > 0 && (
        <fieldset className="mb-3">
          <legend className="h6">{t('projects.design.indicators.disaggregations')}</legend>
          {allowed.map((d) => (
            <CheckboxField
              key={d}
              id={`indicator-dis-${d}`}
              label={t(`projects.design.disaggregation.${d as Disaggregation}`)}
              checked={chosen.includes(d as Disaggregation)}
              onChange={(e) =>
                setChosen(e.target.checked ? [...chosen, d as Disaggregation] : chosen.filter((x) => x !== d))
              }
            />
          ))}
        </fieldset>
      )}
      <fieldset className="mb-3">
        <legend className="h6">{t('projects.design.indicators.targets')}</legend>
        {targets.map((x, i) => (
          <div className="row" key={i}>
            <div className="col-md-6">
              <TextField
                id={`indicator-target-period-${i}`}
                type="date"
                label={t('projects.design.indicators.periodEnd', { n: i + 1 })}
                value={x.periodEnd}
                onChange={(e) => setTargets(targets.map((y, j) => (j === i ? { ...y, periodEnd: e.target.value } : y)))}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id={`indicator-target-value-${i}`}
                inputMode="decimal"
                label={t('projects.design.indicators.targetValue', { n: i + 1 })}
                value={x.value}
                onChange={(e) => setTargets(targets.map((y, j) => (j === i ? { ...y, value: e.target.value } : y)))}
              />
            </div>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-outline-primary btn-sm"
          onClick={() => setTargets([...targets, { periodEnd: '', value: '' }])}
        >
          {t('projects.design.indicators.addTarget')}
        </button>
      </fieldset>
      <button type="submit" className="btn btn-primary btn-sm" disabled={add.isPending || !code}>
        {t('projects.design.indicators.addButton')}
      </button>
    </form>
  );
}
