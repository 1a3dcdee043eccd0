import { useTranslation } from 'react-i18next';
import type { MyRegistration } from './api/registrations';

/** The state of a registration in words: the seat, the waitlist position, the e-mail to confirm. */
export function RegistrationStatusText({ registration }: { registration: MyRegistration }) {
  const { t } = useTranslation();
  return (
    <p className="mb-2">
      <strong>{t(`events.common.registrationStatuses.${registration.status}`)}</strong>
      {registration.status === 'IN_ATTESA' && registration.waitlistPosition !== null && (
        <> — {t('events.registrations.position', { position: registration.waitlistPosition })}</>
      )}
    </p>
  );
}
