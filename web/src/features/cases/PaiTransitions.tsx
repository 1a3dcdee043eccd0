import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { FormSummary, FormText, useSchemaField } from '../../components/SchemaFields';
import { ListPicker } from '../../components/ListPicker';
import { useWorld } from '../../lib/world';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider } from '../../lib/schemaForm';
import type { PaiDetail, PaiStatus, PaiTransitionBody } from './api/types';
import { useTransitionPilotPai } from './api/transition-pai';
import { BudgetProblemHelp } from './BudgetProblemHelp';
import { useCaseLabels } from './labels';
import { usePilotSchemaForm } from './problems';
import { todayIso } from './vocab';
import { Term } from '../../components/Term';

const paiTransitionSchema = (t: TFunction) =>
  z
    .object({ to: z.custom<PaiStatus | null>(), on: z.string(), noticeLanguage: z.string() })
    .transform((v, ctx): PaiTransitionBody => {
      // sharing the PAI names the language of the notice given to the person
      const language = v.noticeLanguage;
      let ok = v.to !== null;
      const problem = (path: string, message: string) => {
        ok = false;
        ctx.addIssue({ code: 'custom', path: [path], message });
      };
      if (v.on === '') problem('on', t('fieldErrors.required'));
      if (v.to === 'condiviso' && language === '') problem('noticeLanguage', t('cases.person.languageUnknown'));
      if (!ok || v.to === null) return z.NEVER;
      return { to: v.to, on: v.on, ...(v.to === 'condiviso' ? { noticeLanguage: language } : {}) };
    });

/** The steps the server allows this user now, one button each; the chosen one asks for its date. */
export function PaiTransitions({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const notify = useNotify();
  const transition = useTransitionPilotPai(pai.id);
  const form = usePilotSchemaForm({
    schema: paiTransitionSchema,
    defaultValues: { to: null, on: todayIso(), noticeLanguage: '' },
  });
  const to = useWatch({ control: form.methods.control, name: 'to' });
  // choosing a step starts again without messages, keeping what was typed
  const choose = (step: PaiStatus | null) => form.reset({ ...form.methods.getValues(), to: step });

  const onSubmit = form.submit(async (body) => {
    const updated = await transition.mutateAsync(body);
    notify(t('cases.pai.transitionDone', { status: label.paiStatus(updated.status) }));
    form.methods.setValue('to', null);
  });

  return (
    <section aria-labelledby="pai-steps-title" className="mb-5">
      <h2 id="pai-steps-title">{t('cases.pai.transitionsTitle')}</h2>
      <p>
        {t('help.hints.paiSteps')} <Term id="stato-pai" />
      </p>
      {pai.allowedTransitions.length === 0 ? (
        <p>{t('cases.pai.noTransitions')}</p>
      ) : (
        <div className="d-flex flex-wrap gap-2 mb-3">
          {pai.allowedTransitions.map((s) => (
            <button
              key={s}
              type="button"
              className={to === s ? 'btn btn-primary' : 'btn btn-outline-primary'}
              aria-pressed={to === s}
              onClick={() => choose(s)}
            >
              {t(`cases.pai.action.${s}`)}
            </button>
          ))}
        </div>
      )}
      <SchemaFormProvider form={form}>
        <FormSummary />
        <BudgetProblemHelp error={transition.error} />
        {to !== null && (
          <form noValidate onSubmit={onSubmit} className="incas-form" aria-label={t(`cases.pai.action.${to}`)}>
            <div className="row pt-3">
              <div className="col-md-4">
                <FormText name="on" id="pt-on" type="date" label={t('cases.pai.on')} required max={todayIso()} />
              </div>
              {to === 'condiviso' && (
                <div className="col-md-8">
                  <NoticeLanguageField />
                </div>
              )}
            </div>
            <div className="d-flex gap-2">
              <button type="submit" className="btn btn-primary" disabled={transition.isPending}>
                {t('common.confirm')}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary"
                onClick={() => form.methods.setValue('to', null)}
              >
                {t('cases.common.cancel')}
              </button>
            </div>
          </form>
        )}
      </SchemaFormProvider>
    </section>
  );
}

/** The language of the notice given to the person, chosen by name. */
function NoticeLanguageField() {
  const { t } = useTranslation();
  const world = useWorld();
  const label = t('cases.pai.noticeLanguageField');
  const { field, id, error } = useSchemaField({ name: 'noticeLanguage', id: 'pt-language' }, label);
  return (
    <ListPicker
      id={id}
      label={label}
      hint={t('cases.pai.noticeLanguageHint')}
      error={error}
      search={world.searchLanguages}
      nameOf={world.language}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={field.onChange}
    />
  );
}
