import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { CaseDetail, CreateContractBody, CreateOutcomeBody } from './api/types';
import { useAddPilotContract } from './api/add-contract';
import { useAddPilotOutcome } from './api/add-outcome';
import { usePilotForm } from './problems';
import { CONTRACT_TYPES, FOLLOW_UPS, OUTCOME_KINDS, todayIso } from './vocab';

const ATECO = /^\d{2}(\.\d{1,2}){0,2}$/;

function usePersonOptions(detail: CaseDetail) {
  return detail.members.map((m) => ({ value: m.personId, label: m.pseudonym }));
}

/** "Registra contratto di lavoro": an employment contract of one member of the household. */
export function ContractForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const add = useAddPilotContract(detail.id);
  const people = usePersonOptions(detail);
  const ids = {
    personId: 'contract-person', type: 'contract-type', ateco: 'contract-ateco', ccnl: 'contract-ccnl',
    weeklyHours: 'contract-hours', startOn: 'contract-start', endOn: 'contract-end',
  };
  const empty = { personId: people[0]?.value ?? '', type: '', ateco: '', ccnl: '', weeklyHours: '', startOn: todayIso(), endOn: '' };
  const [v, setV] = useState(empty);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const optional = (label: string) => `${label} ${t('cases.common.optional')}`;
  const labels = {
    [ids.personId]: t('cases.outcomes.person'), [ids.type]: t('cases.outcomes.contractType'), [ids.ateco]: t('cases.outcomes.ateco'),
    [ids.ccnl]: t('cases.outcomes.ccnl'), [ids.weeklyHours]: t('cases.outcomes.weeklyHours'), [ids.startOn]: t('cases.outcomes.startOn'),
    [ids.endOn]: t('cases.outcomes.endOn'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const type = oneOf(v.type, CONTRACT_TYPES);
    const hours = v.weeklyHours.trim() === '' ? undefined : Number(v.weeklyHours.replace(',', '.'));
    const ok = form.check({
      [ids.personId]: v.personId === '' ? t('fieldErrors.required') : undefined,
      [ids.type]: type === undefined ? t('fieldErrors.required') : undefined,
      [ids.ateco]: v.ateco.trim() === '' ? t('fieldErrors.required') : ATECO.test(v.ateco.trim()) ? undefined : t('cases.outcomes.atecoFormat'),
      [ids.weeklyHours]: hours !== undefined && !(hours > 0 && hours <= 60) ? t('cases.outcomes.hoursRange') : undefined,
      [ids.startOn]: v.startOn === '' ? t('fieldErrors.required') : undefined,
      [ids.endOn]: v.endOn !== '' && v.startOn !== '' && v.endOn < v.startOn ? t('cases.outcomes.endBeforeStart') : undefined,
    });
    if (!ok || type === undefined) return;
    const body: CreateContractBody = { personId: v.personId, type, ateco: v.ateco.trim(), startOn: v.startOn };
    if (v.ccnl.trim() !== '') body.ccnl = v.ccnl.trim();
    if (hours !== undefined) body.weeklyHours = hours;
    if (v.endOn !== '') body.endOn = v.endOn;
    add.mutate(body, {
      onSuccess: () => {
        notify(t('cases.outcomes.contractAdded'));
        setV(empty);
      },
      onError: (error) => form.fail(error, ids),
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-labelledby="contract-form-title">
      <h3 id="contract-form-title" className="h5">{t('cases.outcomes.addContract')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <div className="pt-3">
        <SelectField id={ids.personId} label={labels[ids.personId]!} required value={v.personId} onChange={set('personId')} options={people} error={form.errors[ids.personId]} />
        <SelectField id={ids.type} label={labels[ids.type]!} required emptyOption={t('form.choose')} value={v.type} onChange={set('type')} options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(`cases.contractType.${c}`) }))} error={form.errors[ids.type]} />
        <TextField id={ids.ateco} label={labels[ids.ateco]!} required hint={t('cases.outcomes.atecoHint')} value={v.ateco} onChange={set('ateco')} error={form.errors[ids.ateco]} autoComplete="off" />
        <TextField id={ids.ccnl} label={optional(labels[ids.ccnl]!)} value={v.ccnl} onChange={set('ccnl')} error={form.errors[ids.ccnl]} autoComplete="off" maxLength={200} />
        <TextField id={ids.weeklyHours} label={optional(labels[ids.weeklyHours]!)} inputMode="decimal" value={v.weeklyHours} onChange={set('weeklyHours')} error={form.errors[ids.weeklyHours]} autoComplete="off" />
        <div className="row">
          <div className="col-md-6">
            <TextField id={ids.startOn} type="date" label={labels[ids.startOn]!} required value={v.startOn} onChange={set('startOn')} error={form.errors[ids.startOn]} />
          </div>
          <div className="col-md-6">
            <TextField id={ids.endOn} type="date" label={optional(labels[ids.endOn]!)} value={v.endOn} onChange={set('endOn')} error={form.errors[ids.endOn]} />
          </div>
        </div>
      </div>
      <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
        {t('cases.outcomes.addContract')}
      </button>
    </form>
  );
}

/** "Registra esito": a certificate, the Assegno di inclusione, housing autonomy or a follow-up after exit. */
export function OutcomeForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const form = usePilotForm();
  const add = useAddPilotOutcome(detail.id);
  const people = usePersonOptions(detail);
  const ids = { personId: 'outcome-person', kind: 'outcome-kind', occurredOn: 'outcome-on', employed: 'outcome-employed', detail: 'outcome-detail' };
  const empty = { personId: people[0]?.value ?? '', kind: '', occurredOn: todayIso(), employed: '', detail: '' };
  const [v, setV] = useState(empty);
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const labels = {
    [ids.personId]: t('cases.outcomes.person'), [ids.kind]: t('cases.outcomes.kind'), [ids.occurredOn]: t('cases.outcomes.occurredOn'),
    [ids.employed]: t('cases.outcomes.employedField'), [ids.detail]: t('cases.outcomes.detail'),
  };
  const kind = oneOf(v.kind, OUTCOME_KINDS);
  const followUp = kind !== undefined && (FOLLOW_UPS as readonly string[]).includes(kind);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const ok = form.check({
      [ids.personId]: v.personId === '' ? t('fieldErrors.required') : undefined,
      [ids.kind]: kind === undefined ? t('fieldErrors.required') : undefined,
      [ids.occurredOn]: v.occurredOn === '' ? t('fieldErrors.required') : undefined,
      [ids.employed]: followUp && v.employed === '' ? t('fieldErrors.required') : undefined,
    });
    if (!ok || kind === undefined) return;
    const body: CreateOutcomeBody = { personId: v.personId, kind, occurredOn: v.occurredOn };
    if (followUp) body.employed = v.employed === 'si';
    if (v.detail.trim() !== '') body.detail = v.detail.trim();
    add.mutate(body, {
      onSuccess: () => {
        notify(t('cases.outcomes.outcomeAdded'));
        setV(empty);
      },
      onError: (error) => form.fail(error, ids),
    });
  };

  return (
    <form noValidate onSubmit={onSubmit} className="incas-form mb-4" aria-labelledby="outcome-form-title">
      <h3 id="outcome-form-title" className="h5">{t('cases.outcomes.addOutcome')}</h3>
      <FormErrorSummary {...form.summary} labels={labels} />
      <div className="pt-3">
        <SelectField id={ids.personId} label={labels[ids.personId]!} required value={v.personId} onChange={set('personId')} options={people} error={form.errors[ids.personId]} />
        <SelectField
          id={ids.kind}
          label={labels[ids.kind]!}
          required
          emptyOption={t('form.choose')}
          hint={detail.status === 'chiuso' ? undefined : t('cases.outcomes.followUpHint')}
          value={v.kind}
          onChange={set('kind')}
          options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`cases.outcomeKind.${k}`) }))}
          error={form.errors[ids.kind]}
        />
        <TextField id={ids.occurredOn} type="date" label={labels[ids.occurredOn]!} required value={v.occurredOn} onChange={set('occurredOn')} error={form.errors[ids.occurredOn]} />
        {followUp && (
          <SelectField
            id={ids.employed}
            label={labels[ids.employed]!}
            required
            emptyOption={t('form.choose')}
            value={v.employed}
            onChange={set('employed')}
            options={[
              { value: 'si', label: t('cases.common.yes') },
              { value: 'no', label: t('cases.common.no') },
            ]}
            error={form.errors[ids.employed]}
          />
        )}
        <TextField id={ids.detail} label={`${labels[ids.detail]!} ${t('cases.common.optional')}`} hint={t('cases.outcomes.detailHint')} maxLength={300} value={v.detail} onChange={set('detail')} error={form.errors[ids.detail]} autoComplete="off" />
      </div>
      <button type="submit" className="btn btn-outline-primary" disabled={add.isPending}>
        {t('cases.outcomes.addOutcome')}
      </button>
    </form>
  );
}
