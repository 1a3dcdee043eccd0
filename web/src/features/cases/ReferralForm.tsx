import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useController } from 'react-hook-form';
import { z } from 'zod';
import { FormSelect, FormSummary, FormText } from '../../components/SchemaFields';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../components/Notifications';
import { SchemaFormProvider, oneOfField, optionalText, requiredText } from '../../lib/schemaForm';
import type { Observation } from './api/types';
import { usePilotIndicators } from './api/get-indicators';
import { useCreatePilotReferral } from './api/create-referral';
import { usePilotSchemaForm } from './problems';
import { OBSERVATIONS, REFERRAL_CHANNELS, REFERRAL_OUTCOMES, REFERRAL_SOURCES, SECTORS, todayIso } from './vocab';
import { Term } from '../../components/Term';

const referralSchema = (t: TFunction) => {
  const required = t('fieldErrors.required');
  return z.object({
    receivedOn: requiredText(required),
    source: oneOfField(REFERRAL_SOURCES, required),
    channel: oneOfField(REFERRAL_CHANNELS, required),
    sector: oneOfField(SECTORS, required),
    outcome: oneOfField(REFERRAL_OUTCOMES, required),
    outcomeOn: optionalText(),
    // the checklist: indicator code → what was observed (part of the form, so the draft keeps it)
    screening: z.record(z.string(), z.enum(OBSERVATIONS)),
  });
};

/** "Nuova segnalazione": who referred, how, the sector, the screening checklist and the outcome. */
export function ReferralForm() {
  const { t, i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  const notify = useNotify();
  const indicators = usePilotIndicators();
  const create = useCreatePilotReferral();
  const empty = () => ({
    receivedOn: todayIso(),
    source: '',
    channel: '',
    sector: '',
    outcome: 'in_screening',
    outcomeOn: '',
    screening: {} as Record<string, Observation>,
  });
  const form = usePilotSchemaForm({
    schema: referralSchema,
    defaultValues: empty(),
    idPrefix: 'ref-',
    draft: 'referral-create',
  });
  const { field: checklist } = useController({ control: form.methods.control, name: 'screening' });
  const screening = checklist.value;

  const onSubmit = form.submit(async ({ outcomeOn, screening: observed, ...values }) => {
    await create.mutateAsync({
      ...values,
      ...(outcomeOn !== undefined ? { outcomeOn } : {}),
      screening: Object.entries(observed).map(([code, o]) => ({ code, observed: o })),
    });
    notify(t('cases.referrals.created'));
    form.reset(empty());
  });

  return (
    <section aria-labelledby="new-referral-title" className="mb-5">
      <h2 id="new-referral-title">{t('cases.referrals.newTitle')}</h2>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <div className="row pt-3">
            <div className="col-md-6 col-lg-3">
              <FormText name="receivedOn" type="date" label={t('cases.referrals.receivedOn')} required />
            </div>
            <div className="col-md-6 col-lg-3">
              <FormSelect
                name="source"
                label={t('cases.referrals.source')}
                required
                emptyOption={t('form.choose')}
                options={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`cases.referralSource.${s}`) }))}
              />
            </div>
            <div className="col-md-6 col-lg-3">
              <FormSelect
                name="channel"
                label={t('cases.referrals.channel')}
                required
                emptyOption={t('form.choose')}
                options={REFERRAL_CHANNELS.map((s) => ({ value: s, label: t(`cases.referralChannel.${s}`) }))}
              />
            </div>
            <div className="col-md-6 col-lg-3">
              <FormSelect
                name="sector"
                label={t('cases.referrals.sector')}
                required
                emptyOption={t('form.choose')}
                options={SECTORS.map((s) => ({ value: s, label: t(`cases.sector.${s}`) }))}
              />
            </div>
          </div>
          {indicators.isPending && <Loading />}
          {indicators.error !== null && (
            <QueryError error={indicators.error} onRetry={() => void indicators.refetch()} />
          )}
          {indicators.data !== undefined && (
            <fieldset className="mb-4">
              <legend className="h5">
                {t('cases.referrals.screeningTitle', { version: indicators.data.version })}
              </legend>
              <p>{t('cases.referrals.screeningIntro')}</p>
              {indicators.data.indicators.map((ind) => (
                <fieldset key={ind.code} className="mb-3">
                  <legend className="fs-6 fw-normal">{english ? ind.labelEn : ind.labelIt}</legend>
                  <div className="d-flex flex-wrap gap-4">
                    {OBSERVATIONS.map((o) => {
                      const id = `ind-${ind.code}-${o}`;
                      return (
                        <div className="form-check form-check-inline" key={o}>
                          <input
                            type="radio"
                            id={id}
                            name={`ind-${ind.code}`}
                            value={o}
                            checked={screening[ind.code] === o}
                            onChange={() => checklist.onChange({ ...screening, [ind.code]: o })}
                          />
                          <label htmlFor={id}>{t(`cases.observation.${o}`)}</label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              ))}
            </fieldset>
          )}
          <div className="row pt-3">
            <div className="col-md-6">
              <FormSelect
                name="outcome"
                label={t('cases.referrals.outcome')}
                hint={
                  <>
                    {t('help.hints.referralOutcome')} <Term id="esito-segnalazione" />
                  </>
                }
                required
                options={REFERRAL_OUTCOMES.map((s) => ({ value: s, label: t(`cases.referralOutcome.${s}`) }))}
              />
            </div>
            <div className="col-md-6">
              <FormText
                name="outcomeOn"
                type="date"
                label={`${t('cases.referrals.outcomeOn')} ${t('cases.common.optional')}`}
                summaryLabel={t('cases.referrals.outcomeOn')}
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('cases.referrals.submit')}
          </button>
        </form>
      </SchemaFormProvider>
    </section>
  );
}
