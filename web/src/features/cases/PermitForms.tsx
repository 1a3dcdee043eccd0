import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { CreatePermitBody, Member, Permit, PermitEventBody } from './api/types';
import { useCreatePilotPermit } from './api/create-permit';
import { useRecordPilotPermitEvent } from './api/record-permit-event';
import { usePilotForm } from './problems';
import { CONVERSION_TARGETS, PERMIT_BASES, PERMIT_EVENTS, PERMIT_INITIATORS, todayIso } from './vocab';

/** "Registra permesso": a new permit of one person. */
export function PermitCreateForm({ caseId, member, onDone }: { caseId: string; member: Member; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const create = useCreatePilotPermit(caseId, member.personId);
  const p = `permit-${member.personId}-`;
  const ids = {
    basis: `${p}basis`, questura: `${p}questura`, initiatedBy: `${p}initiatedBy`, number: `${p}number`,
    receiptOn: `${p}receiptOn`, issuedOn: `${p}issuedOn`, expiresOn: `${p}expiresOn`,
  };
  const [v, setV] = useState({ basis: 'art_18ter', questura: '', initiatedBy: '', number: '', receiptOn: '', issuedOn: '', expiresOn: '' });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;
  const labels = {
    [ids.basis]: t('cases.permits.basis'), [ids.questura]: t('cases.permits.questura'), [ids.initiatedBy]: t('cases.permits.initiatedBy'),
    [ids.number]: t('cases.permits.number'), [ids.receiptOn]: t('cases.permits.receiptOn'), [ids.issuedOn]: t('cases.permits.issuedOn'),
    [ids.expiresOn]: t('cases.permits.expiresOn'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const basis = oneOf(v.basis, PERMIT_BASES);
    const ok = form.check({
      [ids.basis]: basis === undefined ? t('fieldErrors.required') : undefined,
      [ids.questura]: v.questura.trim() === '' ? t('fieldErrors.required') : undefined,
    });
    if (!ok || basis === undefined) return;
    const body: CreatePermitBody = { basis, questura: v.questura.trim() };
    const initiatedBy = oneOf(v.initiatedBy, PERMIT_INITIATORS);
    if (initiatedBy !== undefined) body.initiatedBy = initiatedBy;
    if (v.number.trim() !== '') body.number = v.number.trim();
    if (v.receiptOn !== '') body.receiptOn = v.receiptOn;
    if (v.issuedOn !== '') body.issuedOn = v.issuedOn;
    if (v.expiresOn !== '') body.expiresOn = v.expiresOn;
    create.mutate(body, {
      onSuccess: () => {
        notify(t('cases.permits.added'));
        onDone();
      },
      onError: (error) => form.fail(error, ids),
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-label={t('cases.permits.addFor', { pseudonym: member.pseudonym })}>
      <FormErrorSummary {...form.summary} labels={labels} />
      <div className="row pt-3">
        <div className="col-md-6">
          <SelectField id={ids.basis} label={labels[ids.basis]!} required value={v.basis} onChange={set('basis')} options={PERMIT_BASES.map((b) => ({ value: b, label: t(`cases.permitBasis.${b}`) }))} error={form.errors[ids.basis]} />
        </div>
        <div className="col-md-6">
          <TextField id={ids.questura} label={labels[ids.questura]!} required value={v.questura} onChange={set('questura')} error={form.errors[ids.questura]} />
        </div>
        <div className="col-md-6">
          <SelectField id={ids.initiatedBy} label={optional(labels[ids.initiatedBy]!)} emptyOption={t('form.choose')} value={v.initiatedBy} onChange={set('initiatedBy')} options={PERMIT_INITIATORS.map((i) => ({ value: i, label: t(`cases.permitInitiator.${i}`) }))} error={form.errors[ids.initiatedBy]} />
        </div>
        <div className="col-md-6">
          <TextField id={ids.number} label={optional(labels[ids.number]!)} value={v.number} onChange={set('number')} error={form.errors[ids.number]} autoComplete="off" />
        </div>
        <div className="col-md-4">
          <TextField id={ids.receiptOn} type="date" label={optional(labels[ids.receiptOn]!)} value={v.receiptOn} onChange={set('receiptOn')} error={form.errors[ids.receiptOn]} />
        </div>
        <div className="col-md-4">
          <TextField id={ids.issuedOn} type="date" label={optional(labels[ids.issuedOn]!)} value={v.issuedOn} onChange={set('issuedOn')} error={form.errors[ids.issuedOn]} />
        </div>
        <div className="col-md-4">
          <TextField id={ids.expiresOn} type="date" label={optional(labels[ids.expiresOn]!)} hint={t('cases.permits.expiresHint')} value={v.expiresOn} onChange={set('expiresOn')} error={form.errors[ids.expiresOn]} />
        </div>
      </div>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {t('cases.permits.add')}
      </button>
    </form>
  );
}

/** One event on a permit's timeline (receipt, issue, renewal, conversion, revocation). */
export function PermitEventForm({ caseId, permit }: { caseId: string; permit: Permit }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const record = useRecordPilotPermitEvent(caseId, permit.id);
  const p = `pev-${permit.id}-`;
  const ids = { event: `${p}event`, on: `${p}on`, expiresOn: `${p}expiresOn`, number: `${p}number`, convertedTo: `${p}convertedTo`, reason: `${p}reason` };
  const [v, setV] = useState({ event: '', on: todayIso(), expiresOn: '', number: '', convertedTo: '', reason: '' });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const labels = {
    [ids.event]: t('cases.permits.event'), [ids.on]: t('cases.permits.eventOn'), [ids.expiresOn]: t('cases.permits.newExpiry'),
    [ids.number]: t('cases.permits.number'), [ids.convertedTo]: t('cases.permits.convertedTo'), [ids.reason]: t('cases.permits.revocationReason'),
  };
  const kind = oneOf(v.event, PERMIT_EVENTS);
  const needsExpiry = kind === 'renew' || kind === 'convert';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const target = oneOf(v.convertedTo, CONVERSION_TARGETS);
    const ok = form.check({
      [ids.event]: kind === undefined ? t('fieldErrors.required') : undefined,
      [ids.on]: v.on === '' ? t('fieldErrors.required') : undefined,
      [ids.expiresOn]: needsExpiry && v.expiresOn === '' ? t('fieldErrors.required') : undefined,
      [ids.convertedTo]: kind === 'convert' && target === undefined ? t('fieldErrors.required') : undefined,
      [ids.reason]: kind === 'revoke' && v.reason.trim().length < 3 ? t('fieldErrors.too_small') : undefined,
    });
    if (!ok || kind === undefined) return;
    let body: PermitEventBody;
    if (kind === 'issue') {
      body = { event: 'issue', on: v.on, ...(v.expiresOn !== '' ? { expiresOn: v.expiresOn } : {}), ...(v.number.trim() !== '' ? { number: v.number.trim() } : {}) };
    } else if (kind === 'renew') body = { event: 'renew', on: v.on, expiresOn: v.expiresOn };
    else if (kind === 'convert' && target !== undefined) body = { event: 'convert', on: v.on, convertedTo: target, expiresOn: v.expiresOn };
    else if (kind === 'revoke') body = { event: 'revoke', on: v.on, reason: v.reason.trim() };
    else if (kind === 'receipt' || kind === 'renewal_request' || kind === 'conversion_request') body = { event: kind, on: v.on };
    else return;
    record.mutate(body, {
      onSuccess: () => {
        notify(t('cases.permits.eventDone'));
        setV({ ...v, event: '', expiresOn: '', number: '', convertedTo: '', reason: '' });
      },
      onError: (error) => form.fail(error, { event: ids.event, on: ids.on, expiresOn: ids.expiresOn, number: ids.number, convertedTo: ids.convertedTo, reason: ids.reason }),
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="incas-form" aria-label={t('cases.permits.eventTitle')}>
      <FormErrorSummary {...form.summary} labels={labels} />
      <div className="row pt-3">
        <div className="col-md-4">
          <SelectField id={ids.event} label={labels[ids.event]!} required emptyOption={t('form.choose')} value={v.event} onChange={set('event')} options={PERMIT_EVENTS.map((e) => ({ value: e, label: t(`cases.permitEvent.${e}`) }))} error={form.errors[ids.event]} />
        </div>
        <div className="col-md-4">
          <TextField id={ids.on} type="date" label={labels[ids.on]!} required value={v.on} onChange={set('on')} error={form.errors[ids.on]} />
        </div>
        {(needsExpiry || kind === 'issue') && (
          <div className="col-md-4">
            <TextField id={ids.expiresOn} type="date" label={labels[ids.expiresOn]!} required={needsExpiry} value={v.expiresOn} onChange={set('expiresOn')} error={form.errors[ids.expiresOn]} />
          </div>
        )}
        {kind === 'issue' && (
          <div className="col-md-4">
            <TextField id={ids.number} label={labels[ids.number]!} value={v.number} onChange={set('number')} error={form.errors[ids.number]} autoComplete="off" />
          </div>
        )}
        {kind === 'convert' && (
          <div className="col-md-4">
            <SelectField id={ids.convertedTo} label={labels[ids.convertedTo]!} required emptyOption={t('form.choose')} value={v.convertedTo} onChange={set('convertedTo')} options={CONVERSION_TARGETS.map((c) => ({ value: c, label: t(`cases.permitBasis.${c}`) }))} error={form.errors[ids.convertedTo]} />
          </div>
        )}
        {kind === 'revoke' && (
          <div className="col-md-8">
            <TextField id={ids.reason} label={labels[ids.reason]!} required value={v.reason} onChange={set('reason')} error={form.errors[ids.reason]} />
          </div>
        )}
      </div>
      <button type="submit" className="btn btn-outline-primary btn-sm" disabled={record.isPending}>
        {t('cases.permits.eventSubmit')}
      </button>
    </form>
  );
}
