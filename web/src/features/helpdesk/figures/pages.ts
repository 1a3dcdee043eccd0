import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const FiguresPage = lazyPage(() => import('./FiguresPage'), 'FiguresPage');

/** The page of the help desk's figures (listed in ../index.ts). */
export const figuresPages: readonly FeaturePage[] = [
  { path: 'assistenza-tecnica/cifre', page: FiguresPage, permission: Permission.helpdeskFiguresRead },
];
export const figuresMenu: readonly FeatureMenuItem[] = [
  { to: '/assistenza-tecnica/cifre', labelKey: 'helpdesk.figures.menu', permission: Permission.helpdeskFiguresRead },
];
