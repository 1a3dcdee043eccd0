import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormSelect, FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider, oneOfField, optionalText, requiredText } from '../../lib/schemaForm';
import type { CreatePermitBody, Member, Permit, PermitEventBody } from './api/types';
import { useCreatePilotPermit } from './api/create-permit';
import { useRecordPilotPermitEvent } from './api/record-permit-event';
import { usePilotSchemaForm } from './problems';
import { CONVERSION_TARGETS, PERMIT_BASES, PERMIT_EVENTS, PERMIT_INITIATORS, todayIso } from './vocab';
import { Term } from '../../components/Term';

const permitSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z
    .object({
      basis: oneOfField(PERMIT_BASES, required),
      questura: requiredText(required).transform((v) => v.trim()),
      initiatedBy: z.string().transform((v) => oneOf(v, PERMIT_INITIATORS)),
      number: optionalText().transform((v) => v?.trim()),
      receiptOn: optionalText(),
      issuedOn: optionalText(),
      expiresOn: optionalText(),
    })
    .transform(({ basis, questura, ...optional }): CreatePermitBody => {
      // fields left blank stay out of the body
      const body: CreatePermitBody = { basis, questura };
      if (optional.initiatedBy !== undefined) body.initiatedBy = optional.initiatedBy;
      if (optional.number !== undefined) body.number = optional.number;
      if (optional.receiptOn !== undefined) body.receiptOn = optional.receiptOn;
      if (optional.issuedOn !== undefined) body.issuedOn = optional.issuedOn;
      if (optional.expiresOn !== undefined) body.expiresOn = optional.expiresOn;
      return body;
    });
};

/** "Registra permesso": a new permit of one person. */
export function PermitCreateForm({ caseId, member, onDone }: { caseId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const create = useCreatePilotPermit(caseId, member.personId);
  const form = usePilotSchemaForm({
    schema: permitSchema,
    defaultValues: {
      basis: 'art_18ter',
      questura: '',
      initiatedBy: '',
      number: '',
      receiptOn: '',
      issuedOn: '',
      expiresOn: '',
    },
    idPrefix: `permit-${member.personId}-`,
  });
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;

  const onSubmit = form.submit(async (body) => {
    await create.mutateAsync(body);
    notify(t('cases.permits.added'));
    onDone();
  });

  return (
    <SchemaFormProvider form={form}>
      <form
        noValidate
        onSubmit={onSubmit}
        className="incas-form mb-4"
        aria-label={t('cases.permits.addFor', { pseudonym: member.pseudonym })}
      >
        <FormSummary />
        <div className="row pt-3">
          <div className="col-md-6">
            <FormSelect
              name="basis"
              label={t('cases.permits.basis')}
              required
              options={PERMIT_BASES.map((b) => ({ value: b, label: t(`cases.permitBasis.${b}`) }))}
            />
          </div>
          <div className="col-md-6">
            <FormText name="questura" label={t('cases.permits.questura')} required />
          </div>
          <div className="col-md-6">
            <FormSelect
              name="initiatedBy"
              label={optional(t('cases.permits.initiatedBy'))}
              summaryLabel={t('cases.permits.initiatedBy')}
              emptyOption={t('form.choose')}
              options={PERMIT_INITIATORS.map((i) => ({ value: i, label: t(`cases.permitInitiator.${i}`) }))}
            />
          </div>
          <div className="col-md-6">
            <FormText
              name="number"
              label={optional(t('cases.permits.number'))}
              summaryLabel={t('cases.permits.number')}
              autoComplete="off"
            />
          </div>
          <div className="col-md-4">
            <FormText
              name="receiptOn"
              type="date"
              label={optional(t('cases.permits.receiptOn'))}
              summaryLabel={t('cases.permits.receiptOn')}
            />
          </div>
          <div className="col-md-4">
            <FormText
              name="issuedOn"
              type="date"
              label={optional(t('cases.permits.issuedOn'))}
              summaryLabel={t('cases.permits.issuedOn')}
            />
          </div>
          <div className="col-md-4">
            <FormText
              name="expiresOn"
              type="date"
              label={optional(t('cases.permits.expiresOn'))}
              summaryLabel={t('cases.permits.expiresOn')}
              hint={
                <>
                  {t('cases.permits.expiresHint')} <Term id="scadenza-permesso" />
                </>
              }
            />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('cases.permits.add')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}

const permitEventSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z
    .object({
      event: z.string(),
      on: z.string(),
      expiresOn: z.string(),
      number: z.string(),
      convertedTo: z.string(),
      reason: z.string(),
    })
    .transform((v, ctx): PermitEventBody => {
      // which fields an event needs depends on the event
      const kind = oneOf(v.event, PERMIT_EVENTS);
      const target = oneOf(v.convertedTo, CONVERSION_TARGETS);
      const needsExpiry = kind === 'renew' || kind === 'convert';
      let ok = true;
      const problem = (path: string, message: string) => {
        ok = false;
        ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (kind === undefined) problem('event', required);
      if (v.on === '') problem('on', required);
      if (needsExpiry && v.expiresOn === '') problem('expiresOn', required);
      if (kind === 'convert' && target === undefined) problem('convertedTo', required);
      if (kind === 'revoke' && v.reason.trim().length < 3) problem('reason', t('fieldErrors.too_small'));
      if (kind === undefined || !ok) return z.NEVER;
      if (kind === 'issue') {
        return {
          event: 'issue',
          on: v.on,
          ...(v.expiresOn !== '' ? { expiresOn: v.expiresOn } : {}),
          ...(v.number.trim() !== '' ? { number: v.number.trim() } : {}),
        };
      }
      if (kind === 'renew') return { event: 'renew', on: v.on, expiresOn: v.expiresOn };
      if (kind === 'convert' && target !== undefined)
        return { event: 'convert', on: v.on, convertedTo: target, expiresOn: v.expiresOn };
      if (kind === 'revoke') return { event: 'revoke', on: v.on, reason: v.reason.trim() };
      if (kind === 'receipt' || kind === 'renewal_request' || kind === 'conversion_request')
        return { event: kind, on: v.on };
      return z.NEVER;
    });
};

/** One event on a permit's timeline (receipt, issue, renewal, conversion, revocation). */
export function PermitEventForm({ caseId, permit }: { caseId: string; permit: Permit }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const record = useRecordPilotPermitEvent(caseId, permit.id);
  const form = usePilotSchemaForm({
    schema: permitEventSchema,
    defaultValues: { event: '', on: todayIso(), expiresOn: '', number: '', convertedTo: '', reason: '' },
    idPrefix: `pev-${permit.id}-`,
  });
  const kind = oneOf(useWatch({ control: form.methods.control, name: 'event' }), PERMIT_EVENTS);
  const needsExpiry = kind === 'renew' || kind === 'convert';

  const onSubmit = form.submit(async (body) => {
    await record.mutateAsync(body);
    notify(t('cases.permits.eventDone'));
    // the date stays for the next event
    form.reset({ event: '', on: form.methods.getValues('on'), expiresOn: '', number: '', convertedTo: '', reason: '' });
  });

  return (
    <SchemaFormProvider form={form}>
      <form noValidate onSubmit={onSubmit} className="incas-form" aria-label={t('cases.permits.eventTitle')}>
        <FormSummary />
        <div className="row pt-3">
          <div className="col-md-4">
            <FormSelect
              name="event"
              label={t('cases.permits.event')}
              required
              emptyOption={t('form.choose')}
              options={PERMIT_EVENTS.map((e) => ({ value: e, label: t(`cases.permitEvent.${e}`) }))}
            />
          </div>
          <div className="col-md-4">
            <FormText name="on" type="date" label={t('cases.permits.eventOn')} required />
          </div>
          {(needsExpiry || kind === 'issue') && (
            <div className="col-md-4">
              <FormText name="expiresOn" type="date" label={t('cases.permits.newExpiry')} required={needsExpiry} />
            </div>
          )}
          {kind === 'issue' && (
            <div className="col-md-4">
              <FormText name="number" label={t('cases.permits.number')} autoComplete="off" />
            </div>
          )}
          {kind === 'convert' && (
            <div className="col-md-4">
              <FormSelect
                name="convertedTo"
                label={t('cases.permits.convertedTo')}
                required
                emptyOption={t('form.choose')}
                options={CONVERSION_TARGETS.map((c) => ({ value: c, label: t(`cases.permitBasis.${c}`) }))}
              />
            </div>
          )}
          {kind === 'revoke' && (
            <div className="col-md-8">
              <FormText name="reason" label={t('cases.permits.revocationReason')} required />
            </div>
          )}
        </div>
        <button type="submit" className="btn btn-outline-primary btn-sm" disabled={record.isPending}>
          {t('cases.permits.eventSubmit')}
        </button>
      </form>
    </SchemaFormProvider>
  );
}
