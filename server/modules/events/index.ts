import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { eventsAuditActions } from './shared/audit-actions.js';
import { eventsErrors } from './shared/errors.js';
import { eventsPermissions } from './shared/policy.js';
import { registrationsAuditActions } from './registrations/registrations.audit-actions.js';
import { registrationsErrors } from './registrations/registrations.errors.js';
import { registrationNoticesJob } from './registrations/registrations.jobs.js';
import { registrationsRoutes } from './registrations/registrations.routes.js';

/** Every route of the events module, mounted under /api/v1 (each part under its own paths). */
async function eventsRoutes(fastify: FastifyInstance): Promise<void> {
  // the parts register their routes here
  await fastify.register(registrationsRoutes);
}

/**
 * Events of InCaS plus (issue 14 item 1; decision 0055): territorial workshops, webinars and the
 * national conference with their public pages; registration for users and external participants
 * (e-mail confirmed before a seat is held), capacity and a waitlist that promotes in arrival
 * order; check-in by QR, attendance, certificates with a public verification; participation
 * figures; the external participants' data erased after the retention period.
 */
export const eventsModule: ModuleDefinition = {
  name: 'events',
  routes: eventsRoutes,
  prefix: '/api/v1',
  tags: [
    {
      name: 'events',
      description: 'Workshops, webinars and the national conference: registration, attendance, certificates',
    },
  ],
  migrations: join(moduleDir('events'), 'migrations'),
  // the e-mails owed to participants, lapsed confirmations, reminders
  jobs: [registrationNoticesJob],
  errors: { ...eventsErrors, ...registrationsErrors },
  permissions: [...eventsPermissions],
  auditActions: {
    actions: [...eventsAuditActions.actions, ...registrationsAuditActions.actions],
    entityTypes: [...eventsAuditActions.entityTypes],
  },
};
