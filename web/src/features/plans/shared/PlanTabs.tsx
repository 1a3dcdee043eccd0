/**
 * The tabs of one plan's pages, shared by the parts of the feature: the plans part owns the
 * overview, the context analysis and the versions; the actions part the actions and the monitoring;
 * the dialogue part the plan's threads. Each page shows these links at its top.
 */
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

export type PlanTab = 'piano' | 'contesto' | 'azioni' | 'monitoraggio' | 'versioni' | 'dialogo';

const tabs: ReadonlyArray<{ tab: PlanTab; path: string }> = [
  { tab: 'piano', path: '' },
  { tab: 'contesto', path: '/contesto' },
  { tab: 'azioni', path: '/azioni' },
  { tab: 'monitoraggio', path: '/monitoraggio' },
  { tab: 'versioni', path: '/versioni' },
  { tab: 'dialogo', path: '/dialogo' },
];

export function PlanTabs({ planId, current }: { planId: string; current: PlanTab }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('plans.common.tabs.label')} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map(({ tab, path }) => (
          <li className="nav-item" key={tab}>
            <NavLink
              end
              to={`/piani/${planId}${path}`}
              className={`nav-link${tab === current ? ' active' : ''}`}
              aria-current={tab === current ? 'page' : undefined}
            >
              {t(`plans.common.tabs.${tab}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
