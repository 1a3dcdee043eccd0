import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SourcesAttribution } from '../features/registry';
import { Brand } from './Brand';
import { publicSections } from './site';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row clearfix">
            <div className="col-sm-12">
              <Brand />
            </div>
          </div>
          <div className="row">
            <div className="col-lg-8 pb-3">
              <SourcesAttribution />
            </div>
            <div className="col-lg-4 pb-3">
              <h2 className="h6 text-uppercase">{t('footer.ownerTitle')}</h2>
              <p>{t('header.owner')}</p>
              <h2 className="h6 text-uppercase">{t('site.nav.label')}</h2>
              <ul className="list-unstyled incas-footer-sections">
                {publicSections.map((s) => (
                  <li key={s.key}>
                    <Link to={s.to}>{t(`site.sections.${s.key}.title`)}</Link>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <h2 className="visually-hidden">{t('footer.usefulLinks')}</h2>
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/dati-aperti">{t('footer.openData')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/glossario">{t('help.nav')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/accessibilita">{t('footer.accessibility')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/privacy">{t('footer.privacy')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/note-legali">{t('footer.legal')}</Link>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
