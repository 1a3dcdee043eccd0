/**
 * The composition root: every module of InCaS, in the order their routes, migrations, start-up
 * preparation and demo data run. Adding a module is one line here (and one in
 * web/src/app/features.ts on the web side); see docs/ARCHITECTURE.md, "Adding a module".
 */
import type { ModuleDefinition } from './platform/module.js';
import { migrationFolders } from './platform/module.js';
import { kernelMigrationsDir } from './platform/db/migrate.js';
import { accessModule } from './modules/access/index.js';
import { auditModule } from './modules/audit/index.js';
import { demoModule } from './modules/demo/index.js';
import { eventsModule } from './modules/events/index.js';
import { helpdeskModule } from './modules/helpdesk/index.js';
import { knowledgeModule } from './modules/knowledge/index.js';
import { pilotModule } from './modules/pilot/index.js';
import { plansModule } from './modules/plans/index.js';
import { projectsModule } from './modules/projects/index.js';
import { registryModule } from './modules/registry/index.js';
import { surveysModule } from './modules/surveys/index.js';
import { systemModule } from './modules/system/index.js';

export const modules: readonly ModuleDefinition[] = [
  systemModule,
  accessModule,
  registryModule,
  auditModule,
  pilotModule,
  surveysModule,
  demoModule,
  // after the demo module: its demo data belongs to the demo's Comuni and accounts
  projectsModule,
  // after the projects: a plan's action may name a project, and the demo's plans name the projects' demo
  plansModule,
  // after the demo module and the plans: the events' demo data names their Regions and accounts
  eventsModule,
  // after the plans and the projects: a practice names their actions and projects
  knowledgeModule,
  // after the demo module, the projects and the plans: a request names a Comune's project or plan
  helpdeskModule,
];

/** The kernel's migration folder and every module's, for `migrate`. */
export const allMigrationFolders = (): string[] => migrationFolders(kernelMigrationsDir(), modules);
