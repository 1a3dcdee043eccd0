/**
 * The tabs of one project's pages, shared by every part of the feature: each part owns its page
 * (design, budget, expenses, claims, monitoring, queries) and shows these links at its top.
 */
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

export type ProjectTab = 'progetto' | 'budget' | 'spese' | 'domande' | 'monitoraggio' | 'chiarimenti';

const tabs: ReadonlyArray<{ tab: ProjectTab; path: string }> = [
  { tab: 'progetto', path: '' },
  { tab: 'budget', path: '/budget' },
  { tab: 'spese', path: '/spese' },
  { tab: 'domande', path: '/domande' },
  { tab: 'monitoraggio', path: '/monitoraggio' },
  { tab: 'chiarimenti', path: '/chiarimenti' },
];

export function ProjectTabs({ projectId, current }: { projectId: string; current: ProjectTab }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('projects.common.tabs.label')} className="mb-4">
      <ul className="nav nav-tabs">
        {tabs.map(({ tab, path }) => (
          <li className="nav-item" key={tab}>
            <NavLink
              end
              to={`/progetti/${projectId}${path}`}
              className={`nav-link${tab === current ? ' active' : ''}`}
              aria-current={tab === current ? 'page' : undefined}
            >
              {t(`projects.common.tabs.${tab}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
