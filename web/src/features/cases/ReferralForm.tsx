import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/FormField';
import { FormErrorSummary } from '../../components/FormErrorSummary';
import { Loading } from '../../components/Loading';
import { QueryError } from '../../components/QueryError';
import { useNotify } from '../../components/Notifications';
import { oneOf } from '../../lib/listParams';
import type { Observation } from './api/types';
import { usePilotIndicators } from './api/get-indicators';
import { useCreatePilotReferral } from './api/create-referral';
import { usePilotForm } from './problems';
import { OBSERVATIONS, REFERRAL_CHANNELS, REFERRAL_OUTCOMES, REFERRAL_SOURCES, SECTORS, todayIso } from './vocab';

/** "Nuova segnalazione": who referred, how, the sector, the screening checklist and the outcome. */
export function ReferralForm() {
  const { t, i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  const notify = useNotify();
  const form = usePilotForm();
  const indicators = usePilotIndicators();
  const create = useCreatePilotReferral();
  const empty = { receivedOn: todayIso(), source: '', channel: '', sector: '', outcome: 'in_screening', outcomeOn: '' };
  const [v, setV] = useState(empty);
  const [screening, setScreening] = useState<Record<string, Observation>>({});
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [key]: e.target.value });
  const labels = {
    'ref-receivedOn': t('cases.referrals.receivedOn'), 'ref-source': t('cases.referrals.source'), 'ref-channel': t('cases.referrals.channel'),
    'ref-sector': t('cases.referrals.sector'), 'ref-outcome': t('cases.referrals.outcome'), 'ref-outcomeOn': t('cases.referrals.outcomeOn'),
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const source = oneOf(v.source, REFERRAL_SOURCES);
    const channel = oneOf(v.channel, REFERRAL_CHANNELS);
    const sector = oneOf(v.sector, SECTORS);
    const outcome = oneOf(v.outcome, REFERRAL_OUTCOMES);
    const required = (x: unknown) => (x === undefined || x === '' ? t('fieldErrors.required') : undefined);
    const ok = form.check({
      'ref-receivedOn': required(v.receivedOn),
      'ref-source': required(source),
      'ref-channel': required(channel),
      'ref-sector': required(sector),
      'ref-outcome': required(outcome),
    });
    if (!ok || source === undefined || channel === undefined || sector === undefined || outcome === undefined) return;
    create.mutate(
      {
        receivedOn: v.receivedOn,
        source,
        channel,
        sector,
        outcome,
        ...(v.outcomeOn !== '' ? { outcomeOn: v.outcomeOn } : {}),
        screening: Object.entries(screening).map(([code, observed]) => ({ code, observed })),
      },
      {
        onSuccess: () => {
          notify(t('cases.referrals.created'));
          setV(empty);
          setScreening({});
        },
        onError: (error) =>
          form.fail(error, {
            receivedOn: 'ref-receivedOn', source: 'ref-source', channel: 'ref-channel', sector: 'ref-sector', outcome: 'ref-outcome',
            outcomeOn: 'ref-outcomeOn',
          }),
      },
    );
  };

  return (
    <section aria-labelledby="new-referral-title" className="mb-5">
      <h2 id="new-referral-title">{t('cases.referrals.newTitle')}</h2>
      <FormErrorSummary {...form.summary} labels={labels} />
      <form noValidate onSubmit={onSubmit} className="incas-form">
        <div className="row pt-3">
          <div className="col-md-6 col-lg-3">
            <TextField id="ref-receivedOn" type="date" label={labels['ref-receivedOn']} required value={v.receivedOn} onChange={set('receivedOn')} error={form.errors['ref-receivedOn']} />
          </div>
          <div className="col-md-6 col-lg-3">
            <SelectField id="ref-source" label={labels['ref-source']} required emptyOption={t('form.choose')} value={v.source} onChange={set('source')} options={REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`cases.referralSource.${s}`) }))} error={form.errors['ref-source']} />
          </div>
          <div className="col-md-6 col-lg-3">
            <SelectField id="ref-channel" label={labels['ref-channel']} required emptyOption={t('form.choose')} value={v.channel} onChange={set('channel')} options={REFERRAL_CHANNELS.map((s) => ({ value: s, label: t(`cases.referralChannel.${s}`) }))} error={form.errors['ref-channel']} />
          </div>
          <div className="col-md-6 col-lg-3">
            <SelectField id="ref-sector" label={labels['ref-sector']} required emptyOption={t('form.choose')} value={v.sector} onChange={set('sector')} options={SECTORS.map((s) => ({ value: s, label: t(`cases.sector.${s}`) }))} error={form.errors['ref-sector']} />
          </div>
        </div>
        {indicators.isPending && <Loading />}
        {indicators.error !== null && <QueryError error={indicators.error} onRetry={() => void indicators.refetch()} />}
        {indicators.data !== undefined && (
          <fieldset className="mb-4">
            <legend className="h5">{t('cases.referrals.screeningTitle', { version: indicators.data.version })}</legend>
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
                          onChange={() => setScreening({ ...screening, [ind.code]: o })}
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
            <SelectField id="ref-outcome" label={labels['ref-outcome']} required value={v.outcome} onChange={set('outcome')} options={REFERRAL_OUTCOMES.map((s) => ({ value: s, label: t(`cases.referralOutcome.${s}`) }))} error={form.errors['ref-outcome']} />
          </div>
          <div className="col-md-6">
            <TextField id="ref-outcomeOn" type="date" label={`${labels['ref-outcomeOn']} ${t('cases.common.optional')}`} value={v.outcomeOn} onChange={set('outcomeOn')} error={form.errors['ref-outcomeOn']} />
          </div>
        </div>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {t('cases.referrals.submit')}
        </button>
      </form>
    </section>
  );
}
