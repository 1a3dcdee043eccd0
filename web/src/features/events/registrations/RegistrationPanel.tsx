/**
 * The registration box of an event's public page (issue 14 item 1): a logged-in user registers
 * with one button and sees the result; a visitor fills the form for external participants and is
 * asked to confirm the e-mail. The event page renders it with the public event.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { CheckboxField, SelectField, TextField } from '../../../components/FormField';
import { participantOrgTypes, PRIVACY_VERSION, type ParticipantOrgType } from '../../../lib/event-vocabulary';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useMe } from '../../../lib/session';
import { useMyRegistrations, useRegisterSelf, useRequestRegistration, type MyRegistration } from './api/registrations';
import { RegistrationStatusText } from './RegistrationStatus';

export interface RegistrationPanelEvent {
  id: string;
  slug: string;
  /** seats still free (0: the next ones go to the waitlist) */
  seatsLeft: number;
  /** registrations open now */
  open: boolean;
}

export function RegistrationPanel({ event }: { event: RegistrationPanelEvent }) {
  const { t } = useTranslation();
  const { data: me, isPending } = useMe();
  const headingId = useId();
  return (
    <section className="card-wrapper mb-4" aria-labelledby={headingId}>
      <div className="card card-bg">
        <div className="card-body">
          <h2 id={headingId} className="h4">
            {t('events.registrations.panelTitle')}
          </h2>
          {!event.open ? (
            <p>{t('events.registrations.closed')}</p>
          ) : (
            <>
              <p>
                {event.seatsLeft > 0
                  ? t('events.registrations.seatsLeft', { count: event.seatsLeft })
                  : t('events.registrations.full')}
              </p>
              {isPending ? null : me && hasPermission(me, 'events.register') ? (
                <UserRegistration eventId={event.id} />
              ) : (
                <ExternalRegistration slug={event.slug} />
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}

function UserRegistration({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const mine = useMyRegistrations();
  const register = useRegisterSelf(eventId);
  const current: MyRegistration | undefined =
    register.data ??
    mine.data?.items.find(
      (r) => r.event.id === eventId && ['CONFERMATA', 'IN_ATTESA', 'DA_CONFERMARE'].includes(r.status),
    );
  if (current)
    return (
      <div role="status">
        <RegistrationStatusText registration={current} />
        <Link to="/le-mie-iscrizioni">{t('events.registrations.mineLink')}</Link>
      </div>
    );
  return (
    <>
      {register.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(register.error)}
        </Alert>
      )}
      <button type="button" className="btn btn-primary" disabled={register.isPending} onClick={() => register.mutate()}>
        {t('events.registrations.register')}
      </button>
    </>
  );
}

function ExternalRegistration({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const request = useRequestRegistration(slug);
  const [form, setForm] = useState({
    fullName: '',
    email: '',
    organisationName: '',
    organisationType: '' as ParticipantOrgType | '',
    comuneIstat: '',
    consent: false,
  });
  const [missing, setMissing] = useState(false);
  if (request.isSuccess)
    return (
      <Alert kind="success" live="status">
        {t('events.registrations.checkEmail')}
      </Alert>
    );
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.fullName || !form.email || !form.organisationName || !form.organisationType || !form.consent) {
      setMissing(true);
      return;
    }
    setMissing(false);
    request.mutate({
      fullName: form.fullName,
      email: form.email,
      organisationName: form.organisationName,
      organisationType: form.organisationType,
      ...(form.comuneIstat ? { comuneIstat: form.comuneIstat } : {}),
      consent: true,
      privacyVersion: PRIVACY_VERSION,
    });
  };
  const need = (v: unknown) => (missing && !v ? t('events.registrations.required') : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('events.registrations.externalIntro')}</p>
      {request.isError && (
        <Alert kind="danger" live="alert">
          {messageOf(request.error)}
        </Alert>
      )}
      <TextField
        id="reg-fullName"
        label={t('events.registrations.fullName')}
        autoComplete="name"
        value={form.fullName}
        onChange={set('fullName')}
        error={need(form.fullName)}
      />
      <TextField
        id="reg-email"
        label={t('events.registrations.email')}
        type="email"
        autoComplete="email"
        value={form.email}
        onChange={set('email')}
        error={need(form.email)}
      />
      <TextField
        id="reg-organisation"
        label={t('events.registrations.organisationName')}
        autoComplete="organization"
        value={form.organisationName}
        onChange={set('organisationName')}
        error={need(form.organisationName)}
      />
      <SelectField
        id="reg-organisationType"
        label={t('events.registrations.organisationType')}
        emptyOption={t('events.registrations.choose')}
        options={participantOrgTypes.map((o) => ({ value: o, label: t(`events.common.orgTypes.${o}`) }))}
        value={form.organisationType}
        onChange={set('organisationType')}
        error={need(form.organisationType)}
      />
      <TextField
        id="reg-comune"
        label={t('events.registrations.comuneIstat')}
        hint={t('events.registrations.comuneIstatHint')}
        inputMode="numeric"
        pattern="[0-9]{6}"
        value={form.comuneIstat}
        onChange={set('comuneIstat')}
      />
      <CheckboxField
        id="reg-consent"
        label={t('events.registrations.consent')}
        hint={
          <Link to="/eventi/privacy" target="_blank">
            {t('events.registrations.privacyLink')}
          </Link>
        }
        checked={form.consent}
        onChange={(e) => setForm({ ...form, consent: e.target.checked })}
        error={missing && !form.consent ? t('events.registrations.consentRequired') : undefined}
      />
      <button type="submit" className="btn btn-primary mt-3" disabled={request.isPending}>
        {t('events.registrations.submit')}
      </button>
    </form>
  );
}
