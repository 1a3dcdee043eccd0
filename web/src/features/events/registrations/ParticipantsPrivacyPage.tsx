import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { PRIVACY_VERSION, RETENTION_MONTHS } from '../../../lib/event-vocabulary';

/** /eventi/privacy: the privacy notice for the participants of events (the version a registration consents to). */
export function ParticipantsPrivacyPage() {
  const { t } = useTranslation();
  const sections = ['controller', 'data', 'purpose', 'basis', 'recipients', 'storage', 'rights'] as const;
  return (
    <article className="incas-prose">
      <PageHeader title={t('events.registrations.privacy.title')} />
      <p>{t('events.registrations.privacy.version', { version: PRIVACY_VERSION })}</p>
      <p>{t('events.registrations.privacy.intro')}</p>
      {sections.map((s) => (
        <section key={s}>
          <h2>{t(`events.registrations.privacy.${s}Title`)}</h2>
          <p>{t(`events.registrations.privacy.${s}`, { months: RETENTION_MONTHS })}</p>
        </section>
      ))}
    </article>
  );
}
