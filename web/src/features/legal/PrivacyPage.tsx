import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <article className="incas-prose">
      <PageHeader title={t('legal.privacy.title')} />
      <p>{t('legal.privacy.intro')}</p>
      <h2>{t('legal.privacy.controllerTitle')}</h2>
      <p>{t('legal.privacy.controller')}</p>
      <h2>{t('legal.privacy.dataTitle')}</h2>
      <p>{t('legal.privacy.data')}</p>
      <h2>{t('legal.privacy.purposeTitle')}</h2>
      <p>{t('legal.privacy.purpose')}</p>
      <h2>{t('legal.privacy.storageTitle')}</h2>
      <p>{t('legal.privacy.storage')}</p>
      <h2>{t('legal.privacy.rightsTitle')}</h2>
      <p>{t('legal.privacy.rights')}</p>
    </article>
  );
}
