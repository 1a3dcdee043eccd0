/**
 * The words of the events module (issue 14 item 1), as the database stores them; the web reads
 * them through web/src/lib/event-vocabulary.ts and names them in Italian (events.common.*).
 */
export const eventKinds = ['WORKSHOP_TERRITORIALE', 'WEBINAR', 'CONFERENZA_NAZIONALE'] as const;
export type EventKind = (typeof eventKinds)[number];

/** BOZZA → PUBBLICATO → CONCLUSO (after it ends), or → ANNULLATO (with a reason, participants told). */
export const eventStatuses = ['BOZZA', 'PUBBLICATO', 'ANNULLATO', 'CONCLUSO'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/**
 * DA_CONFERMARE (an external participant's e-mail to confirm: no seat held) → CONFERMATA (a seat)
 * or IN_ATTESA (the waitlist, in arrival order) → ANNULLATA; SCADUTA: never confirmed in time.
 */
export const registrationStatuses = ['DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA', 'ANNULLATA', 'SCADUTA'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
/** The registrations that count: they hold a seat or a place in the queue (or may soon). */
export const liveRegistrationStatuses: readonly RegistrationStatus[] = ['DA_CONFERMARE', 'CONFERMATA', 'IN_ATTESA'];

/** The kind of organisation a participant comes from, for the participation figures. */
export const participantOrgTypes = [
  'comune',
  'regione',
  'prefettura',
  'questura',
  'inl',
  'asl',
  'cpi',
  'ente_gestore',
  'terzo_settore',
  'sindacato',
  'universita',
  'impresa',
  'anci',
  'cittalia',
  'mlps',
  'altro',
] as const;
export type ParticipantOrgType = (typeof participantOrgTypes)[number];

/** The e-mails owed to a participant (evt_notices.kind). */
export const noticeKinds = ['CONFERMA_EMAIL', 'POSTO', 'ATTESA', 'PROMOSSO', 'PROMEMORIA', 'ANNULLATO'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** The version of the participants' privacy notice a registration consents to (web: /eventi/privacy). */
export const PRIVACY_VERSION = '2026-12';

/** How long an external participant's personal data is kept after the event (then erased; decision 0055). */
export const RETENTION_MONTHS = 24;

/** How long an unconfirmed e-mail keeps its registration (then SCADUTA). */
export const CONFIRM_HOURS = 48;
