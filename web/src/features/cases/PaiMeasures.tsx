import { MeasuresTable } from './MeasuresTable';
import { BudgetProblemHelp } from './BudgetProblemHelp';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { describedBy, FieldMessages } from '../../components/FormField';
import { FormCheckbox, FormSelect, FormSummary, FormText, useSchemaField } from '../../components/SchemaFields';
import { AmountField } from '../../components/AmountField';
import { amountField, numberLocaleOf } from '../../lib/amount';
import { editableNumber, HOURS, MONEY, parseNumber } from '../../lib/number';
import { useWatch } from 'react-hook-form';
import { useNotify } from '../../components/Notifications';
import { draftName } from '../../lib/drafts';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, oneOfField, requiredText } from '../../lib/schemaForm';
import type { CreateMeasureBody, Measure, PaiDetail, UpdateMeasureBody } from './api/types';
import { useAddPilotMeasure } from './api/add-measure';
import { useUpdatePilotMeasure } from './api/update-measure';
import { useCaseLabels, useEuro } from './labels';
import { usePilotSchemaForm } from './problems';
import { CORE_MEASURES, MEASURE_STATUSES, MEASURE_TYPES, SUPPORT_MEASURES, todayIso } from './vocab';
import { Term } from '../../components/Term';

const measureSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z
    .object({
      type: oneOfField(MEASURE_TYPES, required),
      providerName: requiredText(required).transform((v) => v.trim()),
      startOn: requiredText(required),
      endOn: z.string(),
      hoursPlanned: amountField(t, HOURS),
      costPlanned: amountField(t, MONEY),
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
    draft: `pai-measure-add.${pai.id}`,
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
        <BudgetProblemHelp error={add.error} />
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
            <AmountField
              name="hoursPlanned"
              id="m-hours"
              rules={HOURS}
              label={t('cases.measures.hoursPlanned')}
              required
            />
          </div>
          <div className="col-md-3">
            <AmountField name="costPlanned" id="m-cost" label={t('cases.measures.costPlanned')} required />
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

/** Actual cost beyond 150% of the planned one asks for a confirmation (as the server does). */
const abovePlan = (actual: number | null, planned: number) =>
  actual !== null && Math.round(actual * 100) * 2 > Math.round(planned * 100) * 3;

const measureUpdateSchema = (planned: number) => (t: TFunction) =>
  z
    .object({
      status: z.string().transform((v) => oneOf(v, MEASURE_STATUSES)),
      hoursActual: amountField(t, HOURS, true),
      costActual: amountField(t, MONEY, true),
      outcome: z.string().transform((v) => v.trim()),
      actualStartOn: z.string(),
      actualEndOn: z.string(),
      confirmAbovePlan: z.boolean(),
    })
    .superRefine((v, ctx) => {
      if (abovePlan(v.costActual, planned) && !v.confirmAbovePlan)
        ctx.addIssue({
          code: 'custom',
          path: ['confirmAbovePlan'],
          message: t('cases.money.confirmRequired'),
        });
    });

/** Progress on one measure: its next status, actual hours and cost, outcome. */
function MeasureUpdateForm({ pai, measure, n }: { pai: PaiDetail; measure: Measure; n: number }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const euro = useEuro();
  const notify = useNotify();
  const update = useUpdatePilotMeasure(pai.id);
  const { i18n } = useTranslation();
  const locale = numberLocaleOf(i18n.resolvedLanguage ?? i18n.language);
  const defaultValues = {
    status: '',
    hoursActual: editableNumber(measure.hoursActual, locale, HOURS),
    costActual: editableNumber(measure.costActual, locale, MONEY),
    outcome: measure.outcome ?? '',
    actualStartOn: measure.actualStartOn ?? '',
    actualEndOn: measure.actualEndOn ?? '',
    confirmAbovePlan: false,
  };
  const form = usePilotSchemaForm({
    schema: measureUpdateSchema(measure.costPlanned),
    defaultValues,
    idPrefix: `mu-${measure.id}-`,
    // tied to the measure as it is now: once it changes (a status, a figure), an older draft does not apply
    draft: draftName(`pai-measure.${measure.id}`, { measureStatus: measure.status, ...defaultValues }),
  });
  const [typedCost, nextStatus] = useWatch({ control: form.methods.control, name: ['costActual', 'status'] });
  const typed = parseNumber(typedCost, locale, MONEY);
  const asksConfirmation = typed.ok && abovePlan(typed.value, measure.costPlanned);
  const status = nextStatus === '' ? measure.status : nextStatus;
  const started = status !== 'pianificata' && status !== 'annullata';
  const ended = status === 'completata' || status === 'interrotta';

  const onSubmit = form.submit(async (v) => {
    // only what changed is sent; nothing changed, nothing sent
    const body: UpdateMeasureBody = {};
    if (v.status !== undefined) body.status = v.status;
    if (v.hoursActual !== measure.hoursActual) body.hoursActual = v.hoursActual;
    if (v.costActual !== measure.costActual) body.costActual = v.costActual;
    if (body.costActual !== undefined && v.confirmAbovePlan) body.confirmAbovePlan = true;
    if (v.outcome !== (measure.outcome ?? '')) body.outcome = v.outcome === '' ? null : v.outcome;
    if (started && v.actualStartOn !== '' && v.actualStartOn !== (measure.actualStartOn ?? ''))
      body.actualStartOn = v.actualStartOn;
    if (ended && v.actualEndOn !== '' && v.actualEndOn !== (measure.actualEndOn ?? ''))
      body.actualEndOn = v.actualEndOn;
    if (Object.keys(body).length === 0) return;
    await update.mutateAsync({ measureId: measure.id, body });
    notify(t('cases.measures.updated'));
    form.methods.setValue('status', '');
    form.methods.setValue('confirmAbovePlan', false);
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
              <AmountField name="hoursActual" id={`${p}hours`} rules={HOURS} label={t('cases.measures.hoursActual')} />
            </div>
            <div className="col-md-3">
              <AmountField
                name="costActual"
                id={`${p}cost`}
                label={t('cases.measures.costActual')}
                hint={t('cases.money.plannedWas', { planned: euro(measure.costPlanned) })}
              />
            </div>
            <div className="col-md-3">
              <FormText name="outcome" label={t('cases.measures.outcome')} />
            </div>
            {started && (
              <div className="col-md-3">
                <FormText
                  name="actualStartOn"
                  type="date"
                  max={todayIso()}
                  label={t('cases.money.actualStartOn')}
                  hint={nextStatus === 'avviata' ? t('cases.money.defaultToday') : undefined}
                />
              </div>
            )}
            {ended && (
              <div className="col-md-3">
                <FormText
                  name="actualEndOn"
                  type="date"
                  max={todayIso()}
                  label={t('cases.money.actualEndOn')}
                  hint={nextStatus === '' ? undefined : t('cases.money.defaultToday')}
                />
              </div>
            )}
            {asksConfirmation && (
              <div className="col-12">
                <div className="alert alert-warning" role="alert">
                  {t('cases.money.abovePlan', {
                    actual: euro(typed.ok ? typed.value : 0),
                    planned: euro(measure.costPlanned),
                  })}
                </div>
                <FormCheckbox name="confirmAbovePlan" label={t('cases.money.confirmAbovePlan')} />
              </div>
            )}
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
      <p>
        {t('help.hints.measures')} <Term id="misura" /> ·{' '}
        <Term id="costo-previsto-effettivo">{t('help.terms.costo-previsto-effettivo.term')}</Term>
      </p>
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
