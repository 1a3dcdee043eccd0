/**
 * The composition root of the web client: every feature that adds pages or menu entries, in menu
 * order. Adding a feature is one line here (and one in server/modules.ts for its server module);
 * see docs/ARCHITECTURE.md, "Adding a module".
 */
import type { FeatureDefinition } from '../lib/feature';
import { auditFeature } from '../features/audit';
import { authFeature } from '../features/auth';
import { casesFeature } from '../features/cases';
import { eventsFeature } from '../features/events';
import { helpdeskFeature } from '../features/helpdesk';
import { helpFeature } from '../features/help';
import { knowledgeFeature } from '../features/knowledge';
import { legalFeature } from '../features/legal';
import { monitoringFeature } from '../features/monitoring';
import { organisationsFeature } from '../features/organisations';
import { profileFeature } from '../features/profile';
import { plansFeature } from '../features/plans';
import { projectsFeature } from '../features/projects';
import { registryFeature } from '../features/registry';
import { surveysFeature } from '../features/surveys';
import { usersFeature } from '../features/users';

export const features: readonly FeatureDefinition[] = [
  casesFeature,
  monitoringFeature,
  surveysFeature,
  projectsFeature,
  plansFeature,
  eventsFeature,
  knowledgeFeature,
  helpdeskFeature,
  registryFeature,
  organisationsFeature,
  usersFeature,
  auditFeature,
  profileFeature,
  helpFeature,
  authFeature,
  legalFeature,
];
