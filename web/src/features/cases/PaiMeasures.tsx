import { MeasuresTable } from './MeasuresTable';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { describedBy, FieldMessages } from '../../components/FormField';
import { FormSelect, FormSummary, FormText, useSchemaField } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, oneOfField, requiredText } from '../../lib/schemaForm';
import type { CreateMeasureBody, Measure, PaiDetail, UpdateMeasureBody } from './api/types';
import { useAddPilotMeasure } from './api/add-measure';
import { useUpdatePilotMeasure } from './api/update-measure';
import { useCaseLabels, useEuro } from './labels';
import { usePilotSchemaForm } from './problems';
import { CORE_MEASURES, MEASURE_STATUSES, MEASURE_TYPES, SUPPORT_MEASURES, todayIso } from './vocab';

const number = (s: string) => (s.trim() === '' ? NaN : Number(s.replace(',', '.')));

const measureSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  const amount = z
    .string()
    .refine((v) => {
      const n = number(v);
      return !Number.isNaN(n) && n >= 0;
    }, required)
    .transform(number);
  return z
    .object({
      type: oneOfField(MEASURE_TYPES, required),
      providerName: requiredText(required).transform((v) => v.trim()),
      startOn: requiredText(required),
      endOn: z.string(),
      hoursPlanned: amount,
      costPlanned: amount,
    })
    .transform(({ endOn, ...values }): CreateMeasureBody => (endOn !== '' ? { ...values, endOn } : values));
};

/** "Aggiungi misura": the type (grouped Misure / Sostegno complementare), provider, dates, hours and cost. */
function AddMeasureForm({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const add = useAddPilotMeasure(pai.id);
  const empty = { type: '', providerName: '', startOn: todayIso(), endOn: '', hoursPlanned: '', costPlanned: '' };
  const form = usePilotSchemaForm({
    schema: measureSchema,
    defaultValues: empty,
    idPrefix: 'm-',
  });

  const onSubmit = form.submit(async (body) => {
    await add.mutateAsync(body);
    notify(t('cases.measures.added'));
    form.reset(empty);
  });

  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit} className="incas-form" aria-labelledby="add-measure-title">
        <h3 id="add-measure-title" className="h5">
          {t('cases.measures.add')}
        </h3>
        <FormSummary />
        <div className="row pt-3">
          <div className="col-md-6">
            <MeasureTypeSelect />
          </div>
          <div className="col-md-6">
            <FormText name="providerName" id="m-provider" label={t('cases.measures.provider')} required />
          </div>
          <div className="col-md-3">
            <FormText name="startOn" id="m-start" type="date" label={t('cases.measures.startOn')} required />
          </div>
          <div className="col-md-3">
            <FormText
              name="endOn"
              id="m-end"
              type="date"
              label={`${t('cases.measures.endOn')} ${t('cases.common.optional')}`}
              summaryLabel={t('cases.measures.endOn')}
            />
          </div>
          <div className="col-md-3">
            <FormText
              name="hoursPlanned"
              id="m-hours"
              type="number"
              min={0}
              step={0.5}
              label={t('cases.measures.hoursPlanned')}
              required
            />
          </div>
          <div className="col-md-3">
            <FormText
              name="costPlanned"
              id="m-cost"
              type="number"
              min={0}
              step={0.01}
              label={t('cases.measures.costPlanned')}
              required
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          {t('cases.measures.add')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

/** The measure's type, its options grouped (Misure / Sostegno complementare). */
function MeasureTypeSelect() {
  const { t } = useTranslation();
  const { field, id, error } = useSchemaField({ name: 'type', id: 'm-type' }, t('cases.measures.type'));
  return (
    <div className="select-wrapper mb-4">
      <label htmlFor={id}>{t('cases.measures.type')}</label>
      <select
        id={id}
        required
        value={String(field.value)}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        className={error !== undefined ? 'is-invalid' : undefined}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
      >
        <option value="">{t('form.choose')}</option>
        <optgroup label={t('cases.measures.groupCore')}>
          {CORE_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`cases.measureType.${m}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('cases.measures.groupSupport')}>
          {SUPPORT_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`cases.measureType.${m}`)}
            </option>
          ))}
        </optgroup>
      </select>
      <FieldMessages id={id} error={error} />
    </div>
  );
}

const measureUpdateSchema = () =>
  z.object({
    status: z.string().transform((v) => oneOf(v, MEASURE_STATUSES)),
    hoursActual: z.string().transform(number),
    costActual: z.string().transform(number),
    outcome: z.string().transform((v) => v.trim()),
  });

/** Progress on one measure: its next status, actual hours and cost, outcome. */
function MeasureUpdateForm({ pai, measure, n }: { pai: PaiDetail; measure: Measure; n: number }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const notify = useNotify();
  const update = useUpdatePilotMeasure(pai.id);
  const form = usePilotSchemaForm({
    schema: measureUpdateSchema,
    defaultValues: {
      status: '',
      hoursActual: measure.hoursActual === null ? '' : String(measure.hoursActual),
      costActual: measure.costActual === null ? '' : String(measure.costActual),
      outcome: measure.outcome ?? '',
    },
    idPrefix: `mu-${measure.id}-`,
  });

  const onSubmit = form.submit(async (v) => {
    // only what changed is sent; nothing changed, nothing sent
    const body: UpdateMeasureBody = {};
    if (v.status !== undefined) body.status = v.status;
    if (!Number.isNaN(v.hoursActual) && v.hoursActual !== measure.hoursActual) body.hoursActual = v.hoursActual;
    if (!Number.isNaN(v.costActual) && v.costActual !== measure.costActual) body.costActual = v.costActual;
    if (v.outcome !== (measure.outcome ?? '')) body.outcome = v.outcome === '' ? null : v.outcome;
    if (Object.keys(body).length === 0) return;
    await update.mutateAsync({ measureId: measure.id, body });
    notify(t('cases.measures.updated'));
    form.methods.setValue('status', '');
  });

  const p = `mu-${measure.id}-`;
  return (
    <details className="mb-3">
      <summary>{t('cases.measures.updateTitle', { n, type: t(`cases.measureType.${measure.type}`) })}</summary>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form mt-3">
          <div className="row pt-3">
            <div className="col-md-3">
              <FormSelect
                name="status"
                label={t('cases.measures.newStatus', { n })}
                emptyOption={t('cases.measures.unchanged')}
                options={measure.allowedTransitions.map((s) => ({ value: s, label: label.measureStatus(s) }))}
              />
            </div>
            <div className="col-md-3">
              <FormText
                name="hoursActual"
                id={`${p}hours`}
                type="number"
                min={0}
                step={0.5}
                label={t('cases.measures.hoursActual')}
              />
            </div>
            <div className="col-md-3">
              <FormText
                name="costActual"
                id={`${p}cost`}
                type="number"
                min={0}
                step={0.01}
                label={t('cases.measures.costActual')}
              />
            </div>
            <div className="col-md-3">
              <FormText name="outcome" label={t('cases.measures.outcome')} />
            </div>
          </div>
          <button type="submit" className="btn btn-outline-primary btn-sm" disabled={update.isPending}>
            {t('common.save')}
          </button>
        </form>
      </SchemaFormProvider>
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
      <MeasuresTable
        measures={pai.measures}
        caption={t('cases.measures.caption', { pseudonym: pai.pseudonym })}
        withActuals
      />
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
