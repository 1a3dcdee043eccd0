import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormSelect, FormSummary, FormText } from '../../components/SchemaFields';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import { SchemaFormProvider } from '../../lib/schemaForm';
import type { CaseDetail, CaseTransitionBody } from './api/types';
import { useTransitionPilotCase } from './api/transition-case';
import { ClosureDialog } from './ClosureDialog';
import { useCaseLabels } from './labels';
import { usePilotSchemaForm } from './problems';
import { CASE_STATUSES, EXIT_REASONS, todayIso } from './vocab';
import { Term } from '../../components/Term';

const transitionSchema = (t: TFunction) =>
  z
    .object({ to: z.string(), on: z.string(), reason: z.string(), exitReason: z.string() })
    .transform((v, ctx): CaseTransitionBody => {
      // a closing case says why it closes
      const target = oneOf(v.to, CASE_STATUSES);
      const exit = oneOf(v.exitReason, EXIT_REASONS);
      let ok = true;
      const problem = (path: string, message: string) => {
        ok = false;
        ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (target === undefined) problem('to', t('fieldErrors.required'));
      if (v.on === '') problem('on', t('fieldErrors.required'));
      if (v.reason.trim().length < 3) problem('reason', t('fieldErrors.too_small'));
      if (target === 'chiuso' && exit === undefined) problem('exitReason', t('fieldErrors.required'));
      if (!ok || target === undefined) return z.NEVER;
      return {
        to: target,
        on: v.on,
        reason: v.reason.trim(),
        ...(target === 'chiuso' && exit !== undefined ? { exitReason: exit } : {}),
      };
    });

/** "Stato del caso": the moves the server allows now, as one small form. */
export function CaseStatusSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const notify = useNotify();
  const transition = useTransitionPilotCase(detail.id);
  const form = usePilotSchemaForm({
    schema: transitionSchema,
    defaultValues: { to: '', on: todayIso(), reason: '', exitReason: '' },
    idPrefix: 'tr-',
  });
  const to = useWatch({ control: form.methods.control, name: 'to' });
  // the referente admits the holder here; only they see that move
  const allowed = detail.allowedTransitions.filter((s) => s !== 'ammesso_misure' || detail.canDecide);

  // closing first shows its effect on the PAIs and the budget, and asks to confirm
  const [closing, setClosing] = useState<CaseTransitionBody | null>(null);
  const run = async (body: CaseTransitionBody) => {
    const updated = await transition.mutateAsync(body);
    notify(t('cases.transition.done', { status: label.caseStatus(updated.status) }));
    form.reset({ to: '', on: form.methods.getValues('on'), reason: '', exitReason: '' });
  };
  const onSubmit = form.submit(async (body) => {
    if (body.to === 'chiuso') setClosing(body);
    else await run(body);
  });
  const confirmClosing = () => {
    const body = closing;
    setClosing(null);
    if (body !== null) run(body).catch((error: unknown) => form.fail(error));
  };

  return (
    <section aria-labelledby="case-status-title" className="mb-5">
      <h2 id="case-status-title">{t('cases.transition.title')}</h2>
      <p>{t('cases.transition.current', { status: label.caseStatus(detail.status) })}</p>
      {allowed.length === 0 ? (
        <p>{t('cases.transition.none')}</p>
      ) : (
        <SchemaFormProvider form={form}>
          <FormSummary />
          <form noValidate onSubmit={onSubmit} className="incas-form">
            <div className="row pt-3">
              <div className="col-md-6 col-lg-3">
                <FormSelect
                  name="to"
                  label={t('cases.transition.to')}
                  required
                  emptyOption={t('form.choose')}
                  options={allowed.map((s) => ({ value: s, label: label.caseStatus(s) }))}
                />
              </div>
              <div className="col-md-6 col-lg-3">
                <FormText name="on" type="date" label={t('cases.transition.on')} required max={todayIso()} />
              </div>
              {to === 'chiuso' && (
                <div className="col-md-6 col-lg-6">
                  <FormSelect
                    name="exitReason"
                    id="tr-exit"
                    label={t('cases.transition.exitReason')}
                    hint={
                      <>
                        {t('help.hints.closure')} <Term id="chiusura" />
                      </>
                    }
                    required
                    emptyOption={t('form.choose')}
                    options={detail.allowedExitReasons.map((r) => ({ value: r, label: t(`cases.exitReason.${r}`) }))}
                  />
                </div>
              )}
              <div className="col-12">
                <FormText
                  name="reason"
                  label={t('cases.transition.reason')}
                  hint={t('cases.transition.reasonHint')}
                  required
                />
              </div>
            </div>
            <button type="submit" className="btn btn-primary" disabled={transition.isPending}>
              {t('cases.transition.submit')}
            </button>
          </form>
          {closing !== null && (
            <ClosureDialog
              caseId={detail.id}
              pending={transition.isPending}
              onConfirm={confirmClosing}
              onCancel={() => setClosing(null)}
            />
          )}
        </SchemaFormProvider>
      )}
    </section>
  );
}
