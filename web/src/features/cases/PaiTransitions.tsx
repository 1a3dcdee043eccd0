import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { useNotify } from '../../components/Notifications';
import type { PaiDetail, PaiStatus } from './api/types';
import { useTransitionPilotPai } from './api/transition-pai';
import { useCaseLabels } from './labels';
import { usePilotForm } from './problems';
import { todayIso } from './vocab';

/** The steps the server allows this user now, one button each; the chosen one asks for its date. */
export function PaiTransitions({ pai }: { pai: PaiDetail }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const notify = useNotify();
  const form = usePilotForm();
  const transition = useTransitionPilotPai(pai.id);
  const [to, setTo] = useState<PaiStatus | null>(null);
  const [on, setOn] = useState(todayIso());
  const [language, setLanguage] = useState('');
  const labels = { 'pt-on': t('cases.pai.on'), 'pt-language': t('cases.pai.noticeLanguageField') };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (to === null) return;
    const lang = language.trim().toLowerCase();
    const ok = form.check({
      'pt-on': on === '' ? t('fieldErrors.required') : undefined,
      'pt-language': to === 'condiviso' && !/^[a-z]{2,3}$/.test(lang) ? t('cases.person.languageCodeFormat') : undefined,
    });
    if (!ok) return;
    transition.mutate(
      { to, on, ...(to === 'condiviso' ? { noticeLanguage: lang } : {}) },
      {
        onSuccess: (updated) => {
          notify(t('cases.pai.transitionDone', { status: label.paiStatus(updated.status) }));
          setTo(null);
        },
        onError: (error) => form.fail(error, { on: 'pt-on', noticeLanguage: 'pt-language' }),
      },
    );
  };

  return (
    <section aria-labelledby="pai-steps-title" className="mb-5">
      <h2 id="pai-steps-title">{t('cases.pai.transitionsTitle')}</h2>
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
              onClick={() => {
                setTo(s);
                form.show({});
              }}
            >
              {t(`cases.pai.action.${s}`)}
            </button>
          ))}
        </div>
      )}
      <FormErrorSummary {...form.summary} labels={labels} />
      {to !== null && (
        <form noValidate onSubmit={onSubmit} className="incas-form" aria-label={t(`cases.pai.action.${to}`)}>
          <div className="row pt-3">
            <div className="col-md-4">
              <TextField id="pt-on" type="date" label={labels['pt-on']} required value={on} max={todayIso()} onChange={(e) => setOn(e.target.value)} error={form.errors['pt-on']} />
            </div>
            {to === 'condiviso' && (
              <div className="col-md-8">
                <TextField id="pt-language" label={labels['pt-language']} hint={t('cases.pai.noticeLanguageHint')} required maxLength={3} value={language} onChange={(e) => setLanguage(e.target.value)} error={form.errors['pt-language']} autoComplete="off" />
              </div>
            )}
          </div>
          <div className="d-flex gap-2">
            <button type="submit" className="btn btn-primary" disabled={transition.isPending}>
              {t('common.confirm')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setTo(null)}>
              {t('cases.common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
