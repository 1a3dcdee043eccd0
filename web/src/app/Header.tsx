import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Icon } from '../components/Icon';
import { hasPermission, useMe } from '../lib/session';
import type { PermissionName } from '../lib/permissions';
import { logout } from '../features/auth';
import type { Me } from '../api/models';
import { LANGUAGES, setLanguage, type Language } from './i18n';
import { Brand } from './Brand';
import { features } from './features';
import { publicSections } from './site';

interface NavItem {
  to: string;
  label: string;
}

/**
 * The menu for this person's permissions, from the features' menu entries (app/features.ts); for
 * a visitor with no login, the public site's sections; nothing while the session is not known yet.
 */
function useNavItems(me: Me | null | undefined, visitor: boolean): NavItem[] {
  const { t } = useTranslation();
  if (visitor)
    return [
      { to: '/', label: t('nav.home') },
      ...publicSections.map((s) => ({ to: s.to, label: t(`site.sections.${s.key}.title`) })),
    ];
  if (!me) return [];
  const allowed = (permission: PermissionName | readonly PermissionName[] | undefined) =>
    permission === undefined ||
    (typeof permission === 'string' ? [permission] : permission).some((p) => hasPermission(me, p));
  const items: NavItem[] = [{ to: '/', label: t('nav.home') }];
  for (const entry of features.flatMap((f) => f.menu ?? [])) {
    // labelKey names a catalogue key (the whole catalogue's key type is too deep to carry in the definition)
    if (allowed(entry.permission)) items.push({ to: entry.to, label: t(entry.labelKey as 'nav.home') });
  }
  return items;
}

/**
 * The language buttons. The choice is kept in the browser and written in the address too
 * (`?lang=en`; Italian, the default, needs none), so a link copied from the address bar opens in
 * the language it was read in (app/i18n.ts reads the parameter first).
 */
function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = i18n.resolvedLanguage ?? 'it';
  const choose = async (language: Language) => {
    await setLanguage(language);
    const params = new URLSearchParams(location.search);
    if (language === 'it') params.delete('lang');
    else params.set('lang', language);
    const search = params.toString();
    if (search !== location.search.replace(/^\?/, ''))
      void navigate(
        { pathname: location.pathname, search: search === '' ? '' : `?${search}`, hash: location.hash },
        { replace: true, preventScrollReset: true, state: location.state as unknown },
      );
  };
  // The visible code stays inside the accessible name (WCAG 2.5.3, label in name), so voice
  // users can say "click EN"; each name is in its own language (hence lang on the button).
  const names: Record<Language, string> = { it: 'Italiano IT', en: 'English EN' };
  return (
    <div className="incas-lang-switch" role="group" aria-label={t('header.language')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="btn btn-sm"
          aria-label={names[language]}
          aria-pressed={current === language}
          onClick={() => void choose(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

function UserZone({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const onLogout = async () => {
    setBusy(true);
    try {
      await logout(queryClient);
    } finally {
      setBusy(false);
      void navigate('/login', { replace: true, state: { loggedOut: true } });
    }
  };

  return (
    <div className="d-flex align-items-center gap-2">
      <Link to="/profilo" className="incas-user-link d-none d-md-inline-flex align-items-center gap-1">
        <Icon name="user" className="icon-sm icon-white" />
        <span className="visually-hidden">{t('header.signedInAs')} </span>
        {me.user.displayName}
      </Link>
      <button type="button" className="btn btn-primary btn-sm btn-icon" onClick={() => void onLogout()} disabled={busy}>
        <Icon name="logout" className="icon-sm icon-white" />
        <span>{t('header.logout')}</span>
      </button>
    </div>
  );
}

export function Header() {
  const { t } = useTranslation();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    // Close the mobile menu after it was used to navigate.
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }
  const { data: me, isError } = useMe();
  const signedIn = me !== undefined && me !== null && !me.mustEnrolTotp && !me.mustChangePassword;
  // nobody signed in (or the session could not be read): the public site's menu
  const visitor = me === null || (me === undefined && isError);
  const navItems = useNavItems(me, visitor);

  // Closing the mobile menu returns focus to its toggle, so keyboard users are not left on a
  // control that has just disappeared.
  const closeMenu = () => {
    setMenuOpen(false);
    toggleRef.current?.focus();
  };

  // Escape closes the open mobile menu, as it would close any panel drawn over the page.
  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        toggleRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <span className="navbar-brand d-none d-lg-block text-white">{t('header.owner')}</span>
                <span className="navbar-brand d-none d-sm-block d-lg-none text-white">{t('header.ownerShort')}</span>
                <div className="it-header-slim-right-zone gap-3">
                  <LanguageSwitch />
                  {me !== undefined && me !== null && <UserZone me={me} />}
                  {visitor && location.pathname !== '/login' && (
                    <Link to="/login" className="btn btn-primary btn-sm btn-icon" aria-label={t('site.nav.loginLabel')}>
                      <Icon name="user" className="icon-sm icon-white" />
                      <span>{t('site.nav.login')}</span>
                    </Link>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <Brand />
                </div>
              </div>
            </div>
          </div>
        </div>
        {(signedIn || visitor || me === undefined) && (
          <div className="it-header-navbar-wrapper">
            <div className="container">
              <div className="row">
                <div className="col-12">
                  <nav className="navbar navbar-expand-lg" id="main-menu" aria-label={t('a11y.mainNav')} tabIndex={-1}>
                    <button
                      ref={toggleRef}
                      className="custom-navbar-toggler"
                      type="button"
                      aria-controls="main-menu-list"
                      aria-expanded={menuOpen}
                      onClick={() => setMenuOpen((open) => !open)}
                    >
                      <Icon name="burger" />
                      <span className="visually-hidden">{t('header.menuToggle')}</span>
                    </button>
                    <div className={`navbar-collapsable${menuOpen ? ' expanded incas-menu-open' : ''}`}>
                      <div className="close-div">
                        <button className="btn close-menu" type="button" onClick={closeMenu}>
                          <span className="visually-hidden">{t('header.menuClose')}</span>
                          <Icon name="close-big" />
                        </button>
                      </div>
                      <div className="menu-wrapper">
                        <ul className="navbar-nav" id="main-menu-list">
                          {navItems.map((item) => (
                            <li className="nav-item" key={item.to}>
                              <NavLink className="nav-link" to={item.to} end={item.to === '/'}>
                                <span>{item.label}</span>
                              </NavLink>
                            </li>
                          ))}
                        </ul>
                      </div>
                    </div>
                  </nav>
                </div>
              </div>
            </div>
          </div>
        )}
      </div>
    </header>
  );
}
