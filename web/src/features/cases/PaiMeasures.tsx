import { MeasuresTable } from './MeasuresTable';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, describedBy, FieldMessages } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { CreateMeasureBody, Measure, PaiDetail, UpdateMeasureBody } from './api/types';
import { useAddPilotMeasure } from './api/add-measure';
import { useUpdatePilotMeasure } from './api/update-measure';
import { useCaseLabels, useEuro } from './labels';
import { usePilotForm } from './problems';
import { CORE_MEASURES, MEASURE_STATUSES, MEASURE_TYPES, SUPPORT_MEASURES, todayIso } from './vocab';

const number = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));

/** "Aggiungi misura": the type (grouped Misure / Sostegno complementare), provider, dates, hours and cost. */
function AddMeasureForm({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const add = useAddPilotMeasure(pai.id);
  const empty = { type: '', providerName: '', startOn: todayIso(), endOn: '', hoursPlanned: '', costPlanned: '' };
  const [v, setV] = useState(empty);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const labels = {
    'm-type': t('cases.measures.type'), 'm-provider': t('cases.measures.provider'), 'm-start': t('cases.measures.startOn'),
    'm-end': t('cases.measures.endOn'), 'm-hours': t('cases.measures.hoursPlanned'), 'm-cost': t('cases.measures.costPlanned'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const type = oneOf(v.type, MEASURE_TYPES);
    const hours = number(v.hoursPlanned);
    const cost = number(v.costPlanned);
    const ok = form.check({
      'm-type': type === undefined ? t('fieldErrors.required') : undefined,
      'm-provider': v.providerName.trim() === '' ? t('fieldErrors.required') : undefined,
      'm-start': v.startOn === '' ? t('fieldErrors.required') : undefined,
      'm-hours': Number.isNaN(hours) || hours < 0 ? t('fieldErrors.required') : undefined,
      'm-cost': Number.isNaN(cost) || cost < 0 ? t('fieldErrors.required') : undefined,
    });
    if (!ok || type === undefined) return;
    const body: CreateMeasureBody = { type, providerName: v.providerName.trim(), startOn: v.startOn, hoursPlanned: hours, costPlanned: cost };
    if (v.endOn !== '') body.endOn = v.endOn;
    add.mutate(body, {
      onSuccess: () => {
        notify(t('cases.measures.added'));
        setV(empty);
      },
      onError: (error) =>
        form.fail(error, { type: 'm-type', providerName: 'm-provider', startOn: 'm-start', endOn: 'm-end', hoursPlanned: 'm-hours', costPlanned: 'm-cost' }),
    });
  };

  const typeError = form.errors['m-type'];
  return (
    <form noValidate onSubmit={onSubmit} className="incas-form" aria-labelledby="add-measure-title">
      <h3 id="add-measure-title" className="h5">{t('cases.measures.add')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <div className="row pt-3">
        <div className="col-md-6">
          <div className="select-wrapper mb-4">
            <label htmlFor="m-type">{labels['m-type']}</label>
            <select id="m-type" required value={v.type} onChange={set('type')} className={typeError !== undefined ? 'is-invalid' : undefined} aria-invalid={typeError !== undefined ? true : undefined} aria-describedby={describedBy('m-type', undefined, typeError)}>
              <option value="">{t('form.choose')}</option>
              <optgroup label={t('cases.measures.groupCore')}>
                {CORE_MEASURES.map((m) => (
                  <option key={m} value={m}>{t(`cases.measureType.${m}`)}</option>
                ))}
              </optgroup>
              <optgroup label={t('cases.measures.groupSupport')}>
                {SUPPORT_MEASURES.map((m) => (
                  <option key={m} value={m}>{t(`cases.measureType.${m}`)}</option>
                ))}
              </optgroup>
            </select>
            <FieldMessages id="m-type" error={typeError} />
          </div>
        </div>
        <div className="col-md-6">
          <TextField id="m-provider" label={labels['m-provider']} required value={v.providerName} onChange={set('providerName')} error={form.errors['m-provider']} />
        </div>
        <div className="col-md-3">
          <TextField id="m-start" type="date" label={labels['m-start']} required value={v.startOn} onChange={set('startOn')} error={form.errors['m-start']} />
        </div>
        <div className="col-md-3">
          <TextField id="m-end" type="date" label={`${labels['m-end']} ${t('cases.common.optional')}`} value={v.endOn} onChange={set('endOn')} error={form.errors['m-end']} />
        </div>
        <div className="col-md-3">
          <TextField id="m-hours" type="number" min={0} step={0.5} label={labels['m-hours']} required value={v.hoursPlanned} onChange={set('hoursPlanned')} error={form.errors['m-hours']} />
        </div>
        <div className="col-md-3">
          <TextField id="m-cost" type="number" min={0} step={0.01} label={labels['m-cost']} required value={v.costPlanned} onChange={set('costPlanned')} error={form.errors['m-cost']} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {t('cases.measures.add')}
      </button>
    </form>
  );
}

/** Progress on one measure: its next status, actual hours and cost, outcome. */
function MeasureUpdateForm({ pai, measure, n }: { pai: PaiDetail; measure: Measure; n: number }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const notify = useNotify();
  const form = usePilotForm();
  const update = useUpdatePilotMeasure(pai.id);
  const p = `mu-${measure.id}-`;
  const [v, setV] = useState({
    status: '',
    hoursActual: measure.hoursActual === null ? '' : String(measure.hoursActual),
    costActual: measure.costActual === null ? '' : String(measure.costActual),
    outcome: measure.outcome ?? '',
  });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.check()) return;
    const body: UpdateMeasureBody = {};
    const status = oneOf(v.status, MEASURE_STATUSES);
    if (status !== undefined) body.status = status;
    const hours = number(v.hoursActual);
    const cost = number(v.costActual);
    if (!Number.isNaN(hours) && hours !== measure.hoursActual) body.hoursActual = hours;
    if (!Number.isNaN(cost) && cost !== measure.costActual) body.costActual = cost;
    if (v.outcome.trim() !== (measure.outcome ?? '')) body.outcome = v.outcome.trim() === '' ? null : v.outcome.trim();
    if (Object.keys(body).length === 0) return;
    update.mutate(
      { measureId: measure.id, body },
      {
        onSuccess: () => {
          notify(t('cases.measures.updated'));
          setV((old) => ({ ...old, status: '' }));
        },
        onError: (error) => form.fail(error, { status: `${p}status`, hoursActual: `${p}hours`, costActual: `${p}cost`, outcome: `${p}outcome` }),
      },
    );
  };
  const labels = {
    [`${p}status`]: t('cases.measures.newStatus', { n }), [`${p}hours`]: t('cases.measures.hoursActual'),
    [`${p}cost`]: t('cases.measures.costActual'), [`${p}outcome`]: t('cases.measures.outcome'),
  };
  return (
    <details className="mb-3">
      <summary>{t('cases.measures.updateTitle', { n, type: t(`cases.measureType.${measure.type}`) })}</summary>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form mt-3">
        <div className="row pt-3">
          <div className="col-md-3">
            <SelectField id={`${p}status`} label={labels[`${p}status`]!} emptyOption={t('cases.measures.unchanged')} value={v.status} onChange={set('status')} options={measure.allowedTransitions.map((s) => ({ value: s, label: label.measureStatus(s) }))} error={form.errors[`${p}status`]} />
          </div>
          <div className="col-md-3">
            <TextField id={`${p}hours`} type="number" min={0} step={0.5} label={labels[`${p}hours`]!} value={v.hoursActual} onChange={set('hoursActual')} error={form.errors[`${p}hours`]} />
          </div>
          <div className="col-md-3">
            <TextField id={`${p}cost`} type="number" min={0} step={0.01} label={labels[`${p}cost`]!} value={v.costActual} onChange={set('costActual')} error={form.errors[`${p}cost`]} />
          </div>
          <div className="col-md-3">
            <TextField id={`${p}outcome`} label={labels[`${p}outcome`]!} value={v.outcome} onChange={set('outcome')} error={form.errors[`${p}outcome`]} />
          </div>
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={update.isPending}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}

/** The measures of the PAI with their totals; new measures and progress while the PAI is open. */
export function PaiMeasures({ pai, canWrite }: { pai: PaiDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const euro = useEuro();
  const open = canWrite && pai.status !== 'chiuso';
  return (
    <section aria-labelledby="measures-title" className="mb-5">
      <h2 id="measures-title">{t('cases.measures.title')}</h2>
      <MeasuresTable measures={pai.measures} caption={t('cases.measures.caption', { pseudonym: pai.pseudonym })} withActuals />
      <p>
        <strong>{t('cases.measures.totals')}:</strong>{' '}
        {t('cases.measures.totalsText', {
          planned: euro(pai.totals.plannedCost),
          actual: euro(pai.totals.actualCost),
          hoursPlanned: pai.totals.plannedHours,
          hoursActual: pai.totals.actualHours,
        })}
      </p>
      {open && pai.measures.map((m, i) => <MeasureUpdateForm key={m.id} pai={pai} measure={m} n={i + 1} />)}
      {open && <AddMeasureForm pai={pai} />}
    </section>
  );
}
