import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const PublicPracticesPage = lazyPage(() => import('./PublicPracticesPage'), 'PublicPracticesPage');
export const PublicPracticePage = lazyPage(() => import('./PublicPracticePage'), 'PublicPracticePage');
export const PublicCaseStudiesPage = lazyPage(() => import('./PublicCaseStudiesPage'), 'PublicCaseStudiesPage');
export const PublicCaseStudyPage = lazyPage(() => import('./PublicCaseStudyPage'), 'PublicCaseStudyPage');
export const PracticesAdminPage = lazyPage(() => import('./PracticesAdminPage'), 'PracticesAdminPage');
export const PracticeEditPage = lazyPage(() => import('./PracticeEditPage'), 'PracticeEditPage');
export const CaseStudiesAdminPage = lazyPage(() => import('./CaseStudiesAdminPage'), 'CaseStudiesAdminPage');

/** The public site's good practices and case studies (no login; listed in ../index.ts). */
export const practicesPublicPages: readonly FeaturePage[] = [
  { path: 'buone-pratiche', page: PublicPracticesPage },
  { path: 'buone-pratiche/:slug', page: PublicPracticePage },
  { path: 'casi-studio', page: PublicCaseStudiesPage },
  { path: 'casi-studio/:slug', page: PublicCaseStudyPage },
];
/** The authors' and reviewers' pages. */
export const practicesPages: readonly FeaturePage[] = [
  { path: 'buone-pratiche-gestione', page: PracticesAdminPage, permission: Permission.knowledgePracticesWrite },
  { path: 'buone-pratiche-gestione/nuova', page: PracticeEditPage, permission: Permission.knowledgePracticesWrite },
  {
    path: 'buone-pratiche-gestione/:practiceId',
    page: PracticeEditPage,
    permission: Permission.knowledgePracticesWrite,
  },
  { path: 'casi-studio-gestione', page: CaseStudiesAdminPage, permission: Permission.knowledgeCase_studiesWrite },
];
export const practicesMenu: readonly FeatureMenuItem[] = [
  {
    to: '/buone-pratiche-gestione',
    labelKey: 'knowledge.practices.menu',
    permission: Permission.knowledgePracticesWrite,
  },
];
