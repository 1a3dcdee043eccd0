import { definePolicy, roles } from '../../../platform/policy.js';

/**
 * Who does what with events (issue 14 item 1; PRODUCT.md §2.6). Published events are public (no
 * permission: the public routes); every logged-in user may register for one and see their own
 * registrations; ANCI/Cittalia's assistenza tecnica organises: drafts, publication, the
 * registrations with their personal data, check-in, certificates and the figures. Each part may
 * declare more in its own `<part>.policy.ts`.
 */
export const eventsPermissions = definePolicy({
  // every role: anyone with an account may take part
  'events.register': roles,
  'events.manage': ['assistenza_tecnica'],
  // the participation figures (no person): the organisers, MLPS and the Regions
  'events.figures.read': ['assistenza_tecnica', 'mlps', 'regione'],
});

type EventsPermission = (typeof eventsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<EventsPermission, true> {}
}
