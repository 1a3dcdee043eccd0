/**
 * Factories of the events module's tests, written straight into the tables as the database owner
 * so that each part's tests do not depend on the other parts' routes: an organiser (ANCI's
 * assistenza tecnica), an event in the state asked, a registration in the state asked.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import {
  PRIVACY_VERSION,
  type EventKind,
  type EventStatus,
  type RegistrationStatus,
} from '../../server/modules/events/shared/vocabulary.js';
import { newCertificateCode, newLinkToken, tokenHash } from '../../server/modules/events/shared/tokens.js';
import { makeOrg, makeUser, type TestUser } from './factories.js';

/** ANCI/Cittalia's assistenza tecnica: the organisers. */
export async function makeOrganiser(db: Database): Promise<TestUser> {
  return makeUser(db, { roles: ['assistenza_tecnica'], org: await makeOrg(db, { type: 'anci' }) });
}

export interface TestEvent {
  id: string;
  slug: string;
  capacity: number;
  startsAt: Date;
}

/** An event: by default a published territorial workshop in Calabria in 30 days, 20 seats. */
export async function makeEvent(
  db: Database,
  createdBy: TestUser,
  o: {
    status?: EventStatus;
    kind?: EventKind;
    capacity?: number;
    startsAt?: Date;
    hours?: number;
    regionCode?: string | null;
    title?: string;
    closesAt?: Date | null;
  } = {},
): Promise<TestEvent> {
  const id = randomUUID();
  const slug = `evento-${id.slice(0, 8)}`;
  const startsAt = o.startsAt ?? new Date(Date.now() + 30 * 86_400_000);
  const status = o.status ?? 'PUBBLICATO';
  const capacity = o.capacity ?? 20;
  const now = new Date();
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO evt_events (id, slug, kind, status, title, summary, programme, audience, starts_at, ends_at, place,
                               online_url, region_code, capacity, registration_closes_at, certificate_hours,
                               published_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'Un incontro di prova sul contrasto allo sfruttamento lavorativo.',
               '10:00 Apertura\n11:00 Lavori di gruppo', 'Comuni e terzo settore', $6, $7, 'Sala di prova',
               NULL, $8, $9, $10, $11, $12, $13, $14, $14)`,
      [
        id,
        slug,
        o.kind ?? 'WORKSHOP_TERRITORIALE',
        status,
        o.title ?? `Workshop di prova ${id.slice(0, 4)}`,
        startsAt,
        new Date(startsAt.getTime() + 4 * 3_600_000),
        o.regionCode === undefined ? '18' : o.regionCode,
        capacity,
        o.closesAt ?? null,
        o.hours ?? 4,
        status === 'BOZZA' ? null : now,
        createdBy.id,
        now,
      ],
    ),
  );
  return { id, slug, capacity, startsAt };
}

export interface TestRegistration {
  id: string;
  email: string;
  /** the participant's own link token (see or cancel) */
  manageToken: string;
  /** the e-mail confirmation token (DA_CONFERMARE only) */
  confirmToken: string | null;
  certificateCode: string | null;
}

let n = 0;

/** A registration: by default an external participant's, CONFERMATA, queued now. */
export async function makeRegistration(
  db: Database,
  event: TestEvent,
  o: {
    status?: RegistrationStatus;
    user?: TestUser;
    email?: string;
    queuedAt?: Date;
    attended?: boolean;
    certificate?: boolean;
    orgType?: string;
    comuneIstat?: string | null;
    regionCode?: string | null;
  } = {},
): Promise<TestRegistration> {
  const id = randomUUID();
  const status = o.status ?? 'CONFERMATA';
  const email = o.email ?? o.user?.email ?? `partecipante.${++n}.${id.slice(0, 6)}@example.org`;
  const manageToken = newLinkToken();
  const confirmToken = status === 'DA_CONFERMARE' ? newLinkToken() : null;
  const queuedAt = status === 'CONFERMATA' || status === 'IN_ATTESA' ? (o.queuedAt ?? new Date()) : null;
  const certificateCode = o.certificate ? newCertificateCode() : null;
  const now = new Date();
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO evt_registrations (id, event_id, user_id, full_name, email, organisation_name, organisation_type,
                                      comune_istat, region_code, status, confirm_token_hash, manage_token_hash,
                                      requested_at, queued_at, seat_at, privacy_version, consent_at, attended_at,
                                      certificate_code, certificate_issued_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'Organizzazione di prova', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $12, $16,
               $17, $18, $12, $12)`,
      [
        id,
        event.id,
        o.user?.id ?? null,
        `Partecipante Prova ${n}`,
        email,
        o.orgType ?? 'terzo_settore',
        o.comuneIstat ?? null,
        o.regionCode === undefined ? '18' : o.regionCode,
        status,
        confirmToken ? tokenHash(confirmToken) : null,
        tokenHash(manageToken),
        now,
        queuedAt,
        status === 'CONFERMATA' ? (queuedAt ?? now) : null,
        PRIVACY_VERSION,
        o.attended || o.certificate ? now : null,
        certificateCode,
        certificateCode ? now : null,
      ],
    ),
  );
  return { id, email, manageToken, confirmToken, certificateCode };
}
