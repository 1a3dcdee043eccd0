import { Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../lib/labels';
import { PageHeader } from '../../components/PageHeader';
import { Alert } from '../../components/Alert';
import { Icon } from '../../components/Icon';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import type { Me } from '../../api/models';
import { Loading } from '../../components/Loading';
import type { IconName } from '../../components/icons';

interface Shortcut {
  to: string;
  icon: IconName;
  title: string;
  text: string;
}

/** What each person is most likely to need first, from their scope and permissions. */
function useShortcuts(me: Me): Shortcut[] {
  const { t } = useTranslation();
  const shortcuts: Shortcut[] = [];
  const { scope } = me;
  if (scope.level === 'comune' && scope.comuneIstat !== null) {
    shortcuts.push({
      to: `/comuni/${scope.comuneIstat}`,
      icon: 'pa',
      title: t('home.myComune', { name: me.organisation.comuneName ?? scope.comuneIstat }),
      text: t('home.myComuneText'),
    });
  }
  if (scope.level === 'regione' && scope.regionCode !== null) {
    shortcuts.push({
      to: `/comuni?region=${encodeURIComponent(scope.regionCode)}`,
      icon: 'map-marker-circle',
      title: t('home.myRegion', { name: me.organisation.regionName ?? scope.regionCode }),
      text: t('home.myRegionText'),
    });
  }
  if (hasPermission(me, Permission.registryRead)) {
    shortcuts.push({
      to: '/comuni',
      icon: 'search',
      title: t('home.registry'),
      text: scope.level === 'national' ? t('home.registryNationalText') : t('home.registryText'),
    });
  }
  if (hasPermission(me, Permission.organisationsManage) || hasPermission(me, Permission.organisationsRead)) {
    shortcuts.push({
      to: '/organizzazioni',
      icon: 'files',
      title: t('nav.organisations'),
      text: t('home.organisationsText'),
    });
  }
  if (hasPermission(me, Permission.usersManage)) {
    shortcuts.push({ to: '/utenti', icon: 'user', title: t('nav.users'), text: t('home.usersText') });
  }
  if (hasPermission(me, Permission.pilotCasesRead)) {
    shortcuts.push({
      to: '/casi',
      icon: 'folder',
      title: t('monitoring.home.cases'),
      text: t('monitoring.home.casesText'),
    });
    shortcuts.push({
      to: '/segnalazioni',
      icon: 'mail',
      title: t('monitoring.home.referrals'),
      text: t('monitoring.home.referralsText'),
    });
  }
  if (hasPermission(me, Permission.pilotComparativeRead)) {
    shortcuts.push({
      to: '/quadro-comparativo',
      icon: 'chart-line',
      title: t('monitoring.home.comparative'),
      text: t('monitoring.home.comparativeText'),
    });
  }
  if (hasPermission(me, Permission.pilotBudgetRead)) {
    shortcuts.push({
      to: '/budget',
      icon: 'card',
      title: t('monitoring.home.budget'),
      text: t('monitoring.home.budgetText'),
    });
  }
  if (hasPermission(me, Permission.pilotIssuesRead)) {
    shortcuts.push({
      to: '/criticita',
      icon: 'error',
      title: t('monitoring.home.issues'),
      text: t('monitoring.home.issuesText'),
    });
  }
  if (hasPermission(me, Permission.auditRead)) {
    shortcuts.push({ to: '/audit', icon: 'list', title: t('nav.audit'), text: t('home.auditText') });
  }
  shortcuts.push({ to: '/profilo', icon: 'settings', title: t('nav.profile'), text: t('home.profileText') });
  return shortcuts;
}

/** The actor's scope in words (a hook: the typed `t` is too deep a type to pass around). */
function useScopeText(me: Me): string {
  const { t } = useTranslation();
  switch (me.scope.level) {
    case 'comune':
      return t('scope.comune', { name: me.organisation.comuneName ?? me.scope.comuneIstat ?? '' });
    case 'regione':
      return t('scope.regione', { name: me.organisation.regionName ?? me.scope.regionCode ?? '' });
    case 'national':
      return t('scope.national');
    case 'platform':
      return t('scope.platform');
  }
}

/**
 * The home page. Panels of other features (the work list) are composed in by app/, so this
 * feature imports none of them.
 */
export function HomePage({ tasksPanel }: { tasksPanel?: ReactNode }) {
  const { t } = useTranslation();
  const label = useLabels();
  const me = useSession();
  const shortcuts = useShortcuts(me);
  const scope = useScopeText(me);

  return (
    <>
      <PageHeader
        title={t('home.title', { name: me.user.displayName })}
        documentTitle={t('home.documentTitle')}
        isHome
      />
      <section aria-labelledby="who-title" className="mb-5">
        <h2 id="who-title" className="visually-hidden">
          {t('home.whoTitle')}
        </h2>
        <dl className="row incas-facts">
          <div className="col-md-4 mb-3">
            <dt>{t('home.organisation')}</dt>
            <dd className="mb-0">
              {me.organisation.name}
              <span className="d-block small text-muted">{label.organisationType(me.organisation.type)}</span>
            </dd>
          </div>
          <div className="col-md-4 mb-3">
            <dt>{t('home.roles')}</dt>
            <dd className="mb-0">{label.roles(me.roles)}</dd>
          </div>
          <div className="col-md-4 mb-3">
            <dt>{t('home.scope')}</dt>
            <dd className="mb-0">{scope}</dd>
          </div>
        </dl>
        {!me.user.totpEnabled && (
          <Alert kind="warning">
            {t('home.totpSuggestion')} <Link to="/profilo">{t('home.totpSuggestionLink')}</Link>
          </Alert>
        )}
      </section>
      {hasPermission(me, Permission.pilotTasksRead) && tasksPanel !== undefined && (
        <Suspense fallback={<Loading />}>{tasksPanel}</Suspense>
      )}
      <section aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('home.shortcutsTitle')}</h2>
        <ul className="row list-unstyled">
          {shortcuts.map((s) => (
            <li className="col-12 col-md-6 col-lg-4 mb-4" key={s.to}>
              <div className="card-wrapper card-space h-100">
                <div className="card card-bg h-100">
                  <div className="card-body">
                    <h3 className="card-title h5">
                      <Icon name={s.icon} className="icon-primary me-2" />
                      <Link to={s.to}>{s.title}</Link>
                    </h3>
                    <p className="card-text">{s.text}</p>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
