import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const AnswersPage = lazyPage(() => import('./AnswersPage'), 'AnswersPage');
export const AnswerPage = lazyPage(() => import('./AnswerPage'), 'AnswerPage');
export const NewAnswerPage = lazyPage(() => import('./NewAnswerPage'), 'NewAnswerPage');
export const PublicAnswersPage = lazyPage(() => import('./PublicAnswersPage'), 'PublicAnswersPage');
export const PublicAnswerPage = lazyPage(() => import('./PublicAnswerPage'), 'PublicAnswerPage');

/** The pages of the knowledge base (listed in ../index.ts). */
export const answersPages: readonly FeaturePage[] = [
  { path: 'base-di-conoscenza', page: AnswersPage, permission: Permission.helpdeskAnswersRead },
  { path: 'base-di-conoscenza/nuova', page: NewAnswerPage, permission: Permission.helpdeskHandle },
  { path: 'base-di-conoscenza/:answerId', page: AnswerPage, permission: Permission.helpdeskAnswersRead },
];
export const answersPublicPages: readonly FeaturePage[] = [
  { path: 'domande-frequenti', page: PublicAnswersPage },
  { path: 'domande-frequenti/:slug', page: PublicAnswerPage },
];
export const answersMenu: readonly FeatureMenuItem[] = [
  { to: '/base-di-conoscenza', labelKey: 'helpdesk.answers.menu', permission: Permission.helpdeskAnswersRead },
];
