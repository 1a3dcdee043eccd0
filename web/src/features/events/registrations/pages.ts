import type { FeatureMenuItem, FeaturePage } from '../../../lib/feature';
import { lazyPage } from '../../../lib/lazyPage';
import { Permission } from '../../../lib/permissions';

export const RegistrationLinkPage = lazyPage(() => import('./RegistrationLinkPage'), 'RegistrationLinkPage');
export const ParticipantsPrivacyPage = lazyPage(() => import('./ParticipantsPrivacyPage'), 'ParticipantsPrivacyPage');
export const MyRegistrationsPage = lazyPage(() => import('./MyRegistrationsPage'), 'MyRegistrationsPage');

/** The pages of the registrations (listed in ../index.ts). */
export const registrationsPublicPages: readonly FeaturePage[] = [
  { path: 'eventi/iscrizione', page: RegistrationLinkPage },
  { path: 'eventi/privacy', page: ParticipantsPrivacyPage },
];
export const registrationsPages: readonly FeaturePage[] = [
  { path: 'le-mie-iscrizioni', page: MyRegistrationsPage, permission: Permission.eventsRegister },
];
export const registrationsMenu: readonly FeatureMenuItem[] = [
  { to: '/le-mie-iscrizioni', labelKey: 'events.registrations.menu', permission: Permission.eventsRegister },
];
