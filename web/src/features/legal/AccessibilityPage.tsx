import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <article className="incas-prose">
      <PageHeader title={t('legal.accessibility.title')} />
      <p>{t('legal.accessibility.intro')}</p>
      <h2>{t('legal.accessibility.statusTitle')}</h2>
      <p>{t('legal.accessibility.status')}</p>
      <h2>{t('legal.accessibility.knownIssuesTitle')}</h2>
      <ul>
        <li>{t('legal.accessibility.issue1')}</li>
        <li>{t('legal.accessibility.issue2')}</li>
      </ul>
      <h2>{t('legal.accessibility.howTitle')}</h2>
      <p>{t('legal.accessibility.how')}</p>
      <h2>{t('legal.accessibility.feedbackTitle')}</h2>
      <p>{t('legal.accessibility.feedback')}</p>
      <h2>{t('legal.accessibility.enforcementTitle')}</h2>
      <p>{t('legal.accessibility.enforcement')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </article>
  );
}
