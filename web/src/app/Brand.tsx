import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';

/** The platform's name and tagline, linking home: in the header and again in the footer. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="it-brand-wrapper">
      <Link to="/">
        <Icon name="pa" />
        <div className="it-brand-text">
          <div className="it-brand-title">InCaS</div>
          <div className="it-brand-tagline d-none d-md-block">{t('header.tagline')}</div>
        </div>
      </Link>
    </div>
  );
}
