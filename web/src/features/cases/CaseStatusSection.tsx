import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { CaseDetail } from './api/types';
import { useTransitionPilotCase } from './api/transition-case';
import { useCaseLabels } from './labels';
import { usePilotForm } from './problems';
import { CASE_STATUSES, EXIT_REASONS, todayIso } from './vocab';

const PATHS = { to: 'tr-to', on: 'tr-on', reason: 'tr-reason', exitReason: 'tr-exit' };

/** "Stato del caso": the moves the server allows now, as one small form. */
export function CaseStatusSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const notify = useNotify();
  const form = usePilotForm();
  const transition = useTransitionPilotCase(detail.id);
  const [to, setTo] = useState('');
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [exitReason, setExitReason] = useState('');
  // the referente admits the holder here; only they see that move
  const allowed = detail.allowedTransitions.filter((s) => s !== 'ammesso_misure' || detail.canDecide);
  const labels = {
    'tr-to': t('cases.transition.to'),
    'tr-on': t('cases.transition.on'),
    'tr-reason': t('cases.transition.reason'),
    'tr-exit': t('cases.transition.exitReason'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const target = oneOf(to, CASE_STATUSES);
    const exit = oneOf(exitReason, EXIT_REASONS);
    const ok = form.check({
      'tr-to': target === undefined ? t('fieldErrors.required') : undefined,
      'tr-on': on === '' ? t('fieldErrors.required') : undefined,
      'tr-reason': reason.trim().length < 3 ? t('fieldErrors.too_small') : undefined,
      'tr-exit': target === 'chiuso' && exit === undefined ? t('fieldErrors.required') : undefined,
    });
    if (!ok || target === undefined) return;
    transition.mutate(
      { to: target, on, reason: reason.trim(), ...(target === 'chiuso' && exit !== undefined ? { exitReason: exit } : {}) },
      {
        onSuccess: (updated) => {
          notify(t('cases.transition.done', { status: label.caseStatus(updated.status) }));
          setTo('');
          setReason('');
          setExitReason('');
        },
        onError: (error) => form.fail(error, PATHS),
      },
    );
  };

  return (
    <section aria-labelledby="case-status-title" className="mb-5">
      <h2 id="case-status-title">{t('cases.transition.title')}</h2>
      <p>{t('cases.transition.current', { status: label.caseStatus(detail.status) })}</p>
      {allowed.length === 0 ? (
        <p>{t('cases.transition.none')}</p>
      ) : (
        <>
          <FormErrorSummary {...form.summary} labels={labels} />
          <form noValidate onSubmit={onSubmit} className="incas-form">
            <div className="row pt-3">
              <div className="col-md-6 col-lg-3">
                <SelectField
                  id="tr-to"
                  label={labels['tr-to']}
                  required
                  emptyOption={t('form.choose')}
                  value={to}
                  onChange={(e) => setTo(e.target.value)}
                  options={allowed.map((s) => ({ value: s, label: label.caseStatus(s) }))}
                  error={form.errors['tr-to']}
                />
              </div>
              <div className="col-md-6 col-lg-3">
                <TextField id="tr-on" type="date" label={labels['tr-on']} required value={on} max={todayIso()} onChange={(e) => setOn(e.target.value)} error={form.errors['tr-on']} />
              </div>
              {to === 'chiuso' && (
                <div className="col-md-6 col-lg-6">
                  <SelectField
                    id="tr-exit"
                    label={labels['tr-exit']}
                    required
                    emptyOption={t('form.choose')}
                    value={exitReason}
                    onChange={(e) => setExitReason(e.target.value)}
                    options={detail.allowedExitReasons.map((r) => ({ value: r, label: t(`cases.exitReason.${r}`) }))}
                    error={form.errors['tr-exit']}
                  />
                </div>
              )}
              <div className="col-12">
                <TextField id="tr-reason" label={labels['tr-reason']} hint={t('cases.transition.reasonHint')} required value={reason} onChange={(e) => setReason(e.target.value)} error={form.errors['tr-reason']} />
              </div>
            </div>
            <button type="submit" className="btn btn-primary" disabled={transition.isPending}>
              {t('cases.transition.submit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
