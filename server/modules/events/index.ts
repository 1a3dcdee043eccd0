import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.js';
import { moduleDir } from '../../platform/paths.js';
import { eventsPartAuditActions } from './events/events.audit-actions.js';
import { eventsPartErrors } from './events/events.errors.js';
import { concludeEndedEventsJob } from './events/events.jobs.js';
import { eventsPartRoutes } from './events/events.routes.js';
import { attendanceAuditActions } from './attendance/attendance.audit-actions.js';
import { attendanceErrors } from './attendance/attendance.errors.js';
import { eraseExpiredRegistrationsJob } from './attendance/attendance.jobs.js';
import { attendanceRoutes } from './attendance/attendance.routes.js';
import { seedEventsDemoComposed } from './events.demo.js';
import { feedbackAuditActions } from './feedback/feedback.audit-actions.js';
import { feedbackErrors } from './feedback/feedback.errors.js';
import { feedbackRoutes } from './feedback/feedback.routes.js';
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
  await fastify.register(eventsPartRoutes);
  await fastify.register(attendanceRoutes);
  await fastify.register(registrationsRoutes);
  await fastify.register(feedbackRoutes);
}

/**
 * Events of InCaS plus (issue 14 item 1; decision 0055): territorial workshops, webinars and the
 * national conference with their public pages; registration for users and external participants
 * (e-mail confirmed before a seat is held), capacity and a waitlist that promotes in arrival
 * order; check-in by QR, attendance, certificates with a public verification; participation
 * figures; a feedback questionnaire built with the survey engine, answered anonymously (decision
 * 0059); the external participants' data erased after the retention period.
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
  // the e-mails owed to participants, lapsed confirmations, reminders (registrations); the external
  // participants' data erased at the end of retention (attendance); ended events concluded (events)
  jobs: [registrationNoticesJob, eraseExpiredRegistrationsJob, concludeEndedEventsJob],
  errors: { ...eventsErrors, ...eventsPartErrors, ...registrationsErrors, ...attendanceErrors, ...feedbackErrors },
  permissions: [...eventsPermissions],
  auditActions: {
    actions: [
      ...eventsAuditActions.actions,
      ...eventsPartAuditActions.actions,
      ...registrationsAuditActions.actions,
      ...attendanceAuditActions.actions,
      ...feedbackAuditActions.actions,
    ],
    entityTypes: [...eventsAuditActions.entityTypes],
  },
  // after the demo module's accounts (the organiser) and the Regions
  seedDemo: async ({ db, today }) => {
    await seedEventsDemoComposed(db, today ?? new Date());
  },
};
