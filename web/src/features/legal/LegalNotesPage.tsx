import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function LegalNotesPage() {
  const { t } = useTranslation();
  return (
    <article className="incas-prose">
      <PageHeader title={t('legal.notes.title')} />
      <h2>{t('legal.notes.ownershipTitle')}</h2>
      <p>{t('legal.notes.ownership')}</p>
      <h2>{t('legal.notes.licenceTitle')}</h2>
      <p>{t('legal.notes.licence')}</p>
      <h2>{t('legal.notes.dataTitle')}</h2>
      <p>{t('legal.notes.data')}</p>
      <h2>{t('legal.notes.liabilityTitle')}</h2>
      <p>{t('legal.notes.liability')}</p>
    </article>
  );
}
