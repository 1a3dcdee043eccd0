/**
 * The editor of a plan's action: code and title, the priority action of the Piano triennale by its
 * Italian name (it proposes the axis, which the person may change), state, lead and partner
 * organisations searched in the registry, budget typed the Italian way, funding source, the
 * Comune's funded project it belongs to, dates, and its indicators with a target per year of the
 * plan. Saves the action, then its indicators.
 */
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AmountField } from '../../../components/AmountField';
import { SelectField, TextField } from '../../../components/FormField';
import { useNotify } from '../../../components/Notifications';
import { FormSelect, FormSummary, FormText, FormTextArea } from '../../../components/SchemaFields';
import { SearchPicker } from '../../../components/SearchPicker';
import { amountField } from '../../../lib/amount';
import { useLabels } from '../../../lib/labels';
import { useOrganisationChoices } from '../../../lib/lookups';
import { editableNumber, parseNumber } from '../../../lib/number';
import {
  actionStatuses,
  axes,
  axisOfPriorityAction,
  fundingSources,
  partnerRoles,
  priorityActions,
  type PriorityAction,
} from '../../../lib/plan-vocabulary';
import { oneOfField, SchemaFormProvider, useSchemaForm } from '../../../lib/schemaForm';
import { useComuneProjects, useCreateAction, usePutIndicators, useUpdateAction } from './api/actions';
import type { ActionList, PlanAction } from './api/types';
import { BUDGET, MEASURE, useActionProblems, useNumbers } from './words';

type PartnerRole = (typeof partnerRoles)[number];
interface PartnerDraft {
  organisationId: string;
  name: string;
  role: PartnerRole;
}
interface IndicatorDraft {
  key: string;
  id?: string;
  name: string;
  unit: string;
  baseline: string;
  /** the target typed for each year of the plan */
  years: Record<string, string>;
  /** targets of other periods (semesters) set elsewhere: kept as they are */
  others: Array<{ period: string; target: number }>;
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

const editorSchema = (t: TFunction) =>
  z
    .object({
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,11}$/, t('plans.actions.editor.codeInvalid')),
      title: z.string().trim().min(3, t('plans.actions.editor.titleShort')),
      description: z.string().transform(orNull),
      priorityAction: z
        .string()
        .refine((v) => v !== '', t('plans.actions.editor.required'))
        .transform(Number),
      axis: oneOfField(axes, t('plans.actions.editor.required')),
      status: oneOfField(actionStatuses, t('plans.actions.editor.required')),
      budget: amountField(t, BUDGET, true).transform((v) => (v === null ? null : Math.round(v * 100))),
      fundingSource: z.string().transform((v) => (v === '' ? null : (v as (typeof fundingSources)[number]))),
      projectId: z.string().transform(orNull),
      startDate: z.string().transform(orNull),
      endDate: z.string().transform(orNull),
    })
    .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
      message: t('plans.actions.editor.endBeforeStart'),
      path: ['endDate'],
    });

let draftKey = 0;
const nextKey = () => `ind-${(draftKey += 1)}`;

export function ActionEditor({
  data,
  action,
  onDone,
}: {
  data: ActionList;
  /** null: a new action */
  action: PlanAction | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const label = useLabels();
  const problems = useActionProblems();
  const planId = data.plan.id;
  const create = useCreateAction(planId);
  const update = useUpdateAction(planId);
  const putIndicators = usePutIndicators(planId);
  const projects = useComuneProjects(data.plan.comuneIstat, true);
  const years = Array.from({ length: data.plan.periodTo - data.plan.periodFrom + 1 }, (_, i) =>
    String(data.plan.periodFrom + i),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const { locale } = useNumbers();
  const typed = (n: number | null | undefined) => editableNumber(n, locale, MEASURE);

  const form = useSchemaForm({
    schema: editorSchema,
    idPrefix: 'action-',
    paths: { budgetCents: 'budget' },
    messageOf: problems,
    defaultValues: {
      code: action?.code ?? '',
      title: action?.title ?? '',
      description: action?.description ?? '',
      priorityAction: action ? String(action.priorityAction) : '',
      axis: action?.axis ?? '',
      status: action?.status ?? 'PROGRAMMATA',
      budget: action?.budgetCents == null ? '' : editableNumber(action.budgetCents / 100, locale, BUDGET),
      fundingSource: action?.fundingSource ?? '',
      projectId: action?.project?.id ?? '',
      startDate: action?.startDate ?? '',
      endDate: action?.endDate ?? '',
    },
  });

  // a priority action chosen proposes its axis (the person may choose another afterwards)
  const priority = useWatch({ control: form.methods.control, name: 'priorityAction' });
  const firstPriority = useRef(priority);
  useEffect(() => {
    if (priority === firstPriority.current || priority === '') return;
    firstPriority.current = priority;
    form.methods.setValue('axis', axisOfPriorityAction[Number(priority) as PriorityAction]);
  }, [priority, form.methods]);

  const [lead, setLead] = useState<{ id: string; name: string } | null>(action?.lead ?? null);
  const [leadText, setLeadText] = useState('');
  const leadChoices = useOrganisationChoices(leadText);
  const [partners, setPartners] = useState<PartnerDraft[]>(action?.partners ?? []);
  const [partnerText, setPartnerText] = useState('');
  const [partnerRole, setPartnerRole] = useState<PartnerRole>('PARTNER');
  const partnerChoices = useOrganisationChoices(partnerText);
  const taken = new Set(partners.map((p) => p.organisationId));

  const initialIndicators = (): IndicatorDraft[] =>
    (action?.indicators ?? []).map((i) => ({
      key: nextKey(),
      id: i.id,
      name: i.name,
      unit: i.unit,
      baseline: typed(i.baseline),
      years: Object.fromEntries(
        i.targets.filter((x) => years.includes(x.period)).map((x) => [x.period, typed(x.target)]),
      ),
      others: i.targets.filter((x) => !years.includes(x.period)),
    }));
  const [indicators, setIndicators] = useState<IndicatorDraft[]>(initialIndicators);
  const [indicatorsTouched, setIndicatorsTouched] = useState(false);
  const changeIndicator = (key: string, change: Partial<IndicatorDraft>) => {
    setIndicatorsTouched(true);
    setIndicators((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));
  };

  /** The indicators as the API takes them, or a message on what is wrong. */
  const indicatorsBody = (): { ok: true; list: Array<Record<string, unknown>> } | { ok: false; message: string } => {
    const list: Array<Record<string, unknown>> = [];
    for (const i of indicators) {
      if (i.name.trim().length < 2 || i.unit.trim() === '')
        return { ok: false, message: t('plans.actions.editor.indicatorIncomplete') };
      const number = (text: string): number | null | undefined => {
        if (text.trim() === '') return null;
        const parsed = parseNumber(text, locale, MEASURE);
        return parsed.ok ? parsed.value : undefined;
      };
      const baseline = number(i.baseline);
      if (baseline === undefined)
        return { ok: false, message: t('plans.actions.editor.numberInvalid', { value: i.baseline }) };
      const targets: Array<{ period: string; target: number }> = [...i.others];
      for (const year of years) {
        const text = i.years[year] ?? '';
        const value = number(text);
        if (value === undefined)
          return { ok: false, message: t('plans.actions.editor.numberInvalid', { value: text }) };
        if (value !== null) targets.push({ period: year, target: value });
      }
      list.push({ ...(i.id ? { id: i.id } : {}), name: i.name.trim(), unit: i.unit.trim(), baseline, targets });
    }
    return { ok: true, list };
  };

  const onSubmit = form.submit(async (values) => {
    const inds = indicatorsBody();
    if (!inds.ok) {
      form.show(null, inds.message);
      return;
    }
    const { budget, ...rest } = values;
    const body = {
      ...rest,
      budgetCents: budget,
      leadOrganisationId: lead?.id ?? null,
      partners: partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
    };
    const indicatorsPut = { indicators: inds.list as never };
    if (action === null) {
      const made = await create.mutateAsync(body);
      if (inds.list.length > 0)
        await putIndicators.mutateAsync({ actionId: made.id, body: { ...indicatorsPut, rowVersion: made.rowVersion } });
      notify(t('plans.actions.created', { code: made.code }));
    } else {
      const saved = await update.mutateAsync({ actionId: action.id, body: { ...body, rowVersion: action.rowVersion } });
      if (indicatorsTouched)
        await putIndicators.mutateAsync({
          actionId: action.id,
          body: { ...indicatorsPut, rowVersion: saved.rowVersion },
        });
      notify(t('plans.actions.saved', { code: saved.code }));
    }
    onDone();
  });

  const busy = create.isPending || update.isPending || putIndicators.isPending;
  const projectOptions = (projects.data?.items ?? []).map((p) => ({
    value: p.id,
    label: p.cup ? `${p.title} (CUP ${p.cup})` : p.title,
  }));
  if (action?.project && !projectOptions.some((o) => o.value === action.project!.id))
    projectOptions.push({ value: action.project.id, label: action.project.title });

  return (
    <section className="card card-bg p-4 mb-5" aria-labelledby="action-editor-title">
      <h2 id="action-editor-title" className="h3" tabIndex={-1} ref={headingRef}>
        {action === null
          ? t('plans.actions.editor.newTitle')
          : t('plans.actions.editor.editTitle', { code: action.code })}
      </h2>
      <SchemaFormProvider form={form}>
        <form noValidate onSubmit={onSubmit}>
          <FormSummary />
          <div className="row">
            <FormText
              name="code"
              className="col-md-3"
              label={t('plans.actions.editor.code')}
              hint={t('plans.actions.editor.codeHint')}
              required
            />
            <FormText name="title" className="col-md-9" label={t('plans.actions.editor.title')} required />
            <FormTextArea name="description" className="col-12" label={t('plans.actions.editor.description')} />
            <FormSelect
              name="priorityAction"
              className="col-md-6"
              label={t('plans.actions.editor.priorityAction')}
              emptyOption={t('plans.actions.editor.choosePriority')}
              required
              options={priorityActions.map((n) => ({
                value: String(n),
                label: `${n}. ${t(`plans.common.priorityActions.${n}`)}`,
              }))}
            />
            <FormSelect
              name="axis"
              className="col-md-6"
              label={t('plans.actions.editor.axis')}
              hint={t('plans.actions.editor.axisHint')}
              emptyOption="—"
              required
              options={axes.map((a) => ({ value: a, label: t(`plans.common.axes.${a}`) }))}
            />
            <FormSelect
              name="status"
              className="col-md-4"
              label={t('plans.actions.editor.status')}
              options={actionStatuses.map((s) => ({ value: s, label: t(`plans.common.actionStatus.${s}`) }))}
            />
            <FormText name="startDate" type="date" className="col-md-4" label={t('plans.actions.editor.start')} />
            <FormText name="endDate" type="date" className="col-md-4" label={t('plans.actions.editor.end')} />
            <AmountField
              name="budget"
              className="col-md-4"
              rules={BUDGET}
              currency
              label={t('plans.actions.editor.budget')}
            />
            <FormSelect
              name="fundingSource"
              className="col-md-4"
              label={t('plans.actions.editor.funding')}
              emptyOption={t('plans.actions.noneFem')}
              options={fundingSources.map((f) => ({ value: f, label: t(`plans.common.fundingSources.${f}`) }))}
            />
            <FormSelect
              name="projectId"
              className="col-md-4"
              label={t('plans.actions.editor.project')}
              hint={t('plans.actions.editor.projectHint')}
              emptyOption={t('plans.actions.editor.noProject')}
              options={projectOptions}
            />
          </div>

          <SearchPicker
            id="action-lead"
            label={t('plans.actions.editor.leadSearch')}
            hint={t('plans.actions.editor.searchHint')}
            text={leadText}
            onTextChange={setLeadText}
            options={leadChoices.data?.items.map((o) => ({
              value: o.id,
              label: o.name,
              description: label.organisationType(o.type),
            }))}
            loading={leadChoices.isFetching}
            selected={lead ? { value: lead.id, label: lead.name } : null}
            onSelect={(o) => {
              setLead(o ? { id: o.value, name: o.label } : null);
              setLeadText('');
            }}
          />

          <fieldset className="mb-4">
            <legend className="h5">{t('plans.actions.editor.partners')}</legend>
            {partners.length === 0 ? (
              <p className="small">{t('plans.actions.editor.noPartners')}</p>
            ) : (
              <ul className="list-unstyled">
                {partners.map((p) => (
                  <li key={p.organisationId} className="d-flex align-items-center gap-3 mb-2">
                    <span>
                      {t('plans.actions.partnerWithRole', {
                        name: p.name,
                        role: t(`plans.common.partnerRoles.${p.role}`),
                      })}
                    </span>
                    <button
                      type="button"
                      className="btn btn-outline-danger btn-sm"
                      onClick={() => setPartners((list) => list.filter((x) => x.organisationId !== p.organisationId))}
                    >
                      {t('plans.actions.editor.removePartner', { name: p.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <SelectField
              id="action-partner-role"
              label={t('plans.actions.editor.partnerRole')}
              value={partnerRole}
              onChange={(e) => setPartnerRole(e.target.value as PartnerRole)}
              options={partnerRoles.map((r) => ({ value: r, label: t(`plans.common.partnerRoles.${r}`) }))}
            />
            <SearchPicker
              id="action-partner-search"
              label={t('plans.actions.editor.partnerSearch')}
              hint={t('plans.actions.editor.searchHint')}
              text={partnerText}
              onTextChange={setPartnerText}
              options={partnerChoices.data?.items
                .filter((o) => !taken.has(o.id))
                .map((o) => ({ value: o.id, label: o.name, description: label.organisationType(o.type) }))}
              loading={partnerChoices.isFetching}
              selected={null}
              onSelect={(o) => {
                if (!o) return;
                setPartners((list) => [...list, { organisationId: o.value, name: o.label, role: partnerRole }]);
                setPartnerText('');
              }}
            />
          </fieldset>

          <fieldset className="mb-4">
            <legend className="h5">{t('plans.actions.editor.indicators')}</legend>
            <p className="small">{t('plans.actions.editor.indicatorsHint')}</p>
            {indicators.map((ind, n) => (
              <fieldset key={ind.key} className="border rounded p-3 mb-3">
                <legend className="h6 px-1">{t('plans.actions.editor.indicatorLegend', { n: n + 1 })}</legend>
                <div className="row">
                  <TextField
                    id={`${ind.key}-name`}
                    className="col-md-6"
                    label={t('plans.actions.editor.indicatorName')}
                    value={ind.name}
                    onChange={(e) => changeIndicator(ind.key, { name: e.target.value })}
                  />
                  <TextField
                    id={`${ind.key}-unit`}
                    className="col-md-3"
                    label={t('plans.actions.editor.indicatorUnit')}
                    value={ind.unit}
                    onChange={(e) => changeIndicator(ind.key, { unit: e.target.value })}
                  />
                  <TextField
                    id={`${ind.key}-baseline`}
                    className="col-md-3"
                    inputMode="decimal"
                    label={t('plans.actions.editor.indicatorBaseline')}
                    value={ind.baseline}
                    onChange={(e) => changeIndicator(ind.key, { baseline: e.target.value })}
                  />
                  {years.map((year) => (
                    <TextField
                      key={year}
                      id={`${ind.key}-target-${year}`}
                      className="col-md-3"
                      inputMode="decimal"
                      label={t('plans.actions.editor.target', { year })}
                      value={ind.years[year] ?? ''}
                      onChange={(e) => changeIndicator(ind.key, { years: { ...ind.years, [year]: e.target.value } })}
                    />
                  ))}
                </div>
                <button
                  type="button"
                  className="btn btn-outline-danger btn-sm"
                  onClick={() => {
                    setIndicatorsTouched(true);
                    setIndicators((list) => list.filter((x) => x.key !== ind.key));
                  }}
                >
                  {t('plans.actions.editor.removeIndicator', { n: n + 1 })}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => {
                setIndicatorsTouched(true);
                setIndicators((list) => [
                  ...list,
                  { key: nextKey(), name: '', unit: '', baseline: '', years: {}, others: [] },
                ]);
              }}
            >
              {t('plans.actions.editor.addIndicator')}
            </button>
          </fieldset>

          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('plans.actions.editor.save')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
              {t('plans.actions.editor.cancel')}
            </button>
          </div>
        </form>
      </SchemaFormProvider>
    </section>
  );
}
