import { AmountField } from '../../components/AmountField';
import { amountField } from '../../lib/amount';
import { WEEKLY_HOURS } from '../../lib/number';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormSelect, FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, oneOfField, requiredText } from '../../lib/schemaForm';
import type { CaseDetail, CreateContractBody, CreateOutcomeBody } from './api/types';
import { useAddPilotContract } from './api/add-contract';
import { useAddPilotOutcome } from './api/add-outcome';
import { usePilotSchemaForm } from './problems';
import { CONTRACT_TYPES, FOLLOW_UPS, OUTCOME_KINDS, todayIso } from './vocab';

const ATECO = /^\d{2}(\.\d{1,2}){0,2}$/;

function usePersonOptions(detail: CaseDetail) {
  return detail.members.map((m) => ({ value: m.personId, label: m.pseudonym }));
}

const contractSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z
    .object({
      personId: requiredText(required),
      type: oneOfField(CONTRACT_TYPES, required),
      ateco: requiredText(required)
        .refine((v) => ATECO.test(v.trim()), t('cases.outcomes.atecoFormat'))
        .transform((v) => v.trim()),
      ccnl: z.string().transform((v) => v.trim()),
      weeklyHours: amountField(t, WEEKLY_HOURS, true).refine(
        (hours) => hours === null || hours > 0,
        t('cases.outcomes.hoursRange'),
      ),
      startOn: requiredText(required),
      endOn: z.string(),
    })
    .refine((v) => v.endOn === '' || v.startOn === '' || v.endOn >= v.startOn, {
      message: t('cases.outcomes.endBeforeStart'),
      path: ['endOn'],
      when: () => true,
    })
    .transform(({ ccnl, weeklyHours, endOn, ...values }): CreateContractBody => {
      const body: CreateContractBody = values;
      if (ccnl !== '') body.ccnl = ccnl;
      if (weeklyHours !== null) body.weeklyHours = weeklyHours;
      if (endOn !== '') body.endOn = endOn;
      return body;
    });
};

/** "Registra contratto di lavoro": an employment contract of one member of the household. */
export function ContractForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const add = useAddPilotContract(detail.id);
  const people = usePersonOptions(detail);
  const empty = {
    personId: people[0]?.value ?? '',
    type: '',
    ateco: '',
    ccnl: '',
    weeklyHours: '',
    startOn: todayIso(),
    endOn: '',
  };
  const form = usePilotSchemaForm({
    schema: contractSchema,
    defaultValues: empty,
    draft: `case-contract.${detail.id}`,
  });
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;

  const onSubmit = form.submit(async (body) => {
    await add.mutateAsync(body);
    notify(t('cases.outcomes.contractAdded'));
    form.reset(empty);
  });

  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-labelledby="contract-form-title">
        <h3 id="contract-form-title" className="h5">
          {t('cases.outcomes.addContract')}
        </h3>
        <FormSummary />
        <div className="pt-3">
          <FormSelect
            name="personId"
            id="contract-person"
            label={t('cases.outcomes.person')}
            required
            options={people}
          />
          <FormSelect
            name="type"
            id="contract-type"
            label={t('cases.outcomes.contractType')}
            required
            emptyOption={t('form.choose')}
            options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`cases.contractType.${c}`) }))}
          />
          <FormText
            name="ateco"
            id="contract-ateco"
            label={t('cases.outcomes.ateco')}
            required
            hint={t('cases.outcomes.atecoHint')}
            autoComplete="off"
          />
          <FormText
            name="ccnl"
            id="contract-ccnl"
            label={optional(t('cases.outcomes.ccnl'))}
            summaryLabel={t('cases.outcomes.ccnl')}
            autoComplete="off"
            maxLength={200}
          />
          <AmountField
            name="weeklyHours"
            id="contract-hours"
            rules={WEEKLY_HOURS}
            label={optional(t('cases.outcomes.weeklyHours'))}
            summaryLabel={t('cases.outcomes.weeklyHours')}
          />
          <div className="row">
            <div className="col-md-6">
              <FormText name="startOn" id="contract-start" type="date" label={t('cases.outcomes.startOn')} required />
            </div>
            <div className="col-md-6">
              <FormText
                name="endOn"
                id="contract-end"
                type="date"
                label={optional(t('cases.outcomes.endOn'))}
                summaryLabel={t('cases.outcomes.endOn')}
              />
            </div>
          </div>
        </div>
        <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
          {t('cases.outcomes.addContract')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

const isFollowUp = (kind: string | undefined) => kind !== undefined && (FOLLOW_UPS as readonly string[]).includes(kind);

const outcomeSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z
    .object({
      personId: requiredText(required),
      kind: oneOfField(OUTCOME_KINDS, required),
      occurredOn: requiredText(required),
      employed: z.string(),
      detail: z.string().transform((v) => v.trim()),
    })
    .refine((v) => !isFollowUp(oneOf(v.kind, OUTCOME_KINDS)) || v.employed !== '', {
      message: required,
      path: ['employed'],
      when: () => true,
    })
    .transform(({ employed, detail, ...values }): CreateOutcomeBody => {
      const body: CreateOutcomeBody = values;
      if (isFollowUp(values.kind)) body.employed = employed === 'si';
      if (detail !== '') body.detail = detail;
      return body;
    });
};

/** "Registra esito": a certificate, the Assegno di inclusione, housing autonomy or a follow-up after exit. */
export function OutcomeForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const add = useAddPilotOutcome(detail.id);
  const people = usePersonOptions(detail);
  const empty = { personId: people[0]?.value ?? '', kind: '', occurredOn: todayIso(), employed: '', detail: '' };
  // the outcomes and the follow-ups after the exit
  const form = usePilotSchemaForm({ schema: outcomeSchema, defaultValues: empty, draft: `case-outcome.${detail.id}` });
  const followUp = isFollowUp(oneOf(useWatch({ control: form.methods.control, name: 'kind' }), OUTCOME_KINDS));

  const onSubmit = form.submit(async (body) => {
    await add.mutateAsync(body);
    notify(t('cases.outcomes.outcomeAdded'));
    form.reset(empty);
  });

  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-labelledby="outcome-form-title">
        <h3 id="outcome-form-title" className="h5">
          {t('cases.outcomes.addOutcome')}
        </h3>
        <FormSummary />
        <div className="pt-3">
          <FormSelect
            name="personId"
            id="outcome-person"
            label={t('cases.outcomes.person')}
            required
            options={people}
          />
          <FormSelect
            name="kind"
            id="outcome-kind"
            label={t('cases.outcomes.kind')}
            required
            emptyOption={t('form.choose')}
            hint={detail.status === 'chiuso' ? undefined : t('cases.outcomes.followUpHint')}
            options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`cases.outcomeKind.${k}`) }))}
          />
          <FormText name="occurredOn" id="outcome-on" type="date" label={t('cases.outcomes.occurredOn')} required />
          {followUp && (
            <FormSelect
              name="employed"
              id="outcome-employed"
              label={t('cases.outcomes.employedField')}
              required
              emptyOption={t('form.choose')}
              options={[
                { value: 'si', label: t('cases.common.yes') },
                { value: 'no', label: t('cases.common.no') },
              ]}
            />
          )}
          <FormText
            name="detail"
            id="outcome-detail"
            label={`${t('cases.outcomes.detail')} ${t('cases.common.optional')}`}
            summaryLabel={t('cases.outcomes.detail')}
            hint={t('cases.outcomes.detailHint')}
            maxLength={300}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
          {t('cases.outcomes.addOutcome')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}
