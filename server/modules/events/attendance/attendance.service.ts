/**
 * Check-in, attendance, certificates and the participation figures of the events (issue 14 item 1;
 * decision 0055). The organisers (`events.manage`) check participants in by the code of their QR or
 * by hand, read the list (an audited read of personal data) and issue the certificates once the
 * event has ended; a participant downloads their QR and certificate (a user by their session, an
 * external participant by their own link's token); anyone verifies a certificate by its code. Every
 * change is one transaction with its audit row.
 */
import QRCode from 'qrcode';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { newCertificateCode, tokenHash } from '../shared/tokens.js';
import { RETENTION_MONTHS } from '../shared/vocabulary.js';
import { certificatePdf } from './certificate.js';
import {
  countCertified,
  eraseExternalBefore,
  lockRegistration,
  lockUncertified,
  selectAttendance,
  selectCertificateByCode,
  selectEvent,
  selectFigures,
  selectRegistration,
  selectRegistrationByManageHash,
  setAttended,
  setCertificate,
  type AttEventRow,
  type AttRegistrationRow,
} from './attendance.repo.js';
import {
  checkInCode,
  checkInUrl,
  normaliseCertificateCode,
  retentionCutoff,
  sameCode,
  verificationUrl,
} from './attendance.rules.js';
import type {
  AttendanceList,
  CheckInBody,
  CheckInResult,
  Figures,
  FiguresQuery,
  Verification,
} from './attendance.schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function eventOrThrow(ev: AttEventRow | null): AttEventRow {
  if (!ev) throw new AppError('events.event.not_found');
  return ev;
}

function confirmedOrThrow(reg: AttRegistrationRow): void {
  if (reg.status !== 'CONFERMATA') throw new AppError('events.state', undefined, { context: { status: reg.status } });
}

/**
 * Records a participant's presence, once: a second scan answers `already` with the first time. A
 * wrong code or another event's registration is 404 (no hint which); a registration without a
 * seat is 409 with its state. By hand (`manual`) an organiser may also take a presence back.
 */
export async function checkIn(ctx: Ctx, eventIdOrNull: string | null, body: CheckInBody): Promise<CheckInResult> {
  assertCan(ctx.actor, 'events.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    // the phone's page knows only the QR: the registration names its event
    const eventId = eventIdOrNull ?? (await selectRegistration(tx, body.registrationId))?.event_id;
    if (!eventId) throw new AppError('events.attendance.not_found');
    const ev = eventOrThrow(await selectEvent(tx, eventId));
    const reg = await lockRegistration(tx, eventId, body.registrationId);
    if (!reg) throw new AppError('events.attendance.not_found');
    if ('code' in body && !sameCode(body.code, checkInCode(ctx.cipher, reg.id)))
      throw new AppError('events.attendance.not_found');
    if (ev.status === 'ANNULLATO' || ev.status === 'BOZZA')
      throw new AppError('events.state', undefined, { context: { status: ev.status } });
    confirmedOrThrow(reg);
    const wanted = 'manual' in body ? body.attended : true;
    const result = (attendedAt: Date | null, already: boolean): CheckInResult => ({
      registrationId: reg.id,
      fullName: reg.full_name,
      attended: attendedAt !== null,
      attendedAt: iso(attendedAt),
      already,
    });
    if (wanted && reg.attended_at) return result(reg.attended_at, true);
    if (!wanted && !reg.attended_at) return result(null, true);
    if (!wanted && reg.certificate_code)
      throw new AppError('events.state', 'The certificate was issued: the presence stays', {
        context: { status: 'CERTIFICATA' },
      });
    const now = ctx.clock.now();
    await setAttended(tx, reg.id, wanted ? now : null, wanted ? actor.userId : null, now);
    await recordAudit(tx, ctx, {
      action: wanted ? 'events.check_in' : 'events.check_in_undo',
      entityType: 'evt_registration',
      entityId: reg.id,
      tenantComune: null,
      details: { eventId, manual: 'manual' in body },
    });
    return result(wanted ? now : null, false);
  });
}

/** The event's registrations with a seat or in the queue, with presence and certificate: an audited read. */
export async function listAttendance(ctx: Ctx, eventId: string): Promise<AttendanceList> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const ev = eventOrThrow(await selectEvent(tx, eventId));
    const rows = await selectAttendance(tx, eventId);
    await recordAudit(tx, ctx, {
      action: 'events.attendance.read',
      entityType: 'evt_event',
      entityId: eventId,
      tenantComune: null,
      details: { rows: rows.length },
    });
    return {
      event: {
        id: ev.id,
        title: ev.title,
        kind: ev.kind,
        startsAt: ev.starts_at.toISOString(),
        endsAt: ev.ends_at.toISOString(),
        ended: ev.ends_at.getTime() <= ctx.clock.now().getTime(),
        certificateHours: ev.certificate_hours === null ? null : Number(ev.certificate_hours),
      },
      items: rows.map((r) => ({
        registrationId: r.id,
        fullName: r.full_name,
        organisationName: r.organisation_name,
        organisationType: r.organisation_type,
        status: r.status,
        attended: r.attended_at !== null,
        attendedAt: iso(r.attended_at),
        certificateCode: r.certificate_code,
        erased: r.erased_at !== null,
      })),
      confirmed: rows.filter((r) => r.status === 'CONFERMATA').length,
      attended: rows.filter((r) => r.attended_at).length,
      certified: rows.filter((r) => r.certificate_code).length,
    };
  });
}

/** Gives a certificate code to every attended registration without one, once the event has ended (idempotent). */
export async function issueCertificates(ctx: Ctx, eventId: string): Promise<{ issued: number; total: number }> {
  assertCan(ctx.actor, 'events.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const ev = eventOrThrow(await selectEvent(tx, eventId));
    const now = ctx.clock.now();
    if (ev.status === 'ANNULLATO' || ev.status === 'BOZZA')
      throw new AppError('events.state', undefined, { context: { status: ev.status } });
    if (ev.ends_at.getTime() > now.getTime())
      throw new AppError('events.attendance.not_ended', undefined, { context: { endsAt: ev.ends_at.toISOString() } });
    const pending = await lockUncertified(tx, eventId);
    for (const r of pending) await setCertificate(tx, r.id, newCertificateCode(), now);
    if (pending.length)
      await recordAudit(tx, ctx, {
        action: 'events.certificates.issue',
        entityType: 'evt_event',
        entityId: eventId,
        tenantComune: null,
        details: { issued: pending.length },
      });
    return { issued: pending.length, total: await countCertified(tx, eventId) };
  });
}

export interface PdfFile {
  filename: string;
  bytes: Buffer;
}

async function renderCertificate(ctx: Ctx, code: string): Promise<PdfFile> {
  const c = await ctx.db.tx(systemAccess, (tx) => selectCertificateByCode(tx, code));
  if (!c || c.full_name === null) throw new AppError('events.attendance.no_certificate');
  const bytes = await certificatePdf({
    holder: c.full_name,
    title: c.title,
    kind: c.kind,
    startsAt: c.starts_at,
    endsAt: c.ends_at,
    place: c.place,
    online: c.online_url !== null,
    hours: c.certificate_hours === null ? null : Number(c.certificate_hours),
    code: c.certificate_code,
    verificationUrl: verificationUrl(ctx.config.publicUrl, c.certificate_code),
  });
  return { filename: `attestato-${c.certificate_code}.pdf`, bytes };
}

async function auditDownload(ctx: Ctx, reg: AttRegistrationRow, by: string): Promise<void> {
  await ctx.db.tx(systemAccess, (tx) =>
    recordAudit(tx, ctx, {
      action: 'events.certificate.download',
      entityType: 'evt_registration',
      entityId: reg.id,
      tenantComune: null,
      details: { by },
    }),
  );
}

/** A user's own registration (404 for anyone else's, the organisers' included: they have their own route). */
async function ownRegistration(ctx: Ctx, registrationId: string): Promise<AttRegistrationRow> {
  assertCan(ctx.actor, 'events.register');
  const actor = ctx.actor;
  const reg = await ctx.db.tx(accessOf(actor), (tx) => selectRegistration(tx, registrationId));
  if (!reg || reg.user_id !== actor.userId) throw new AppError('events.attendance.not_found');
  return reg;
}

async function registrationByToken(ctx: Ctx, token: string): Promise<AttRegistrationRow> {
  const reg = await ctx.db.tx(systemAccess, (tx) => selectRegistrationByManageHash(tx, tokenHash(token)));
  if (!reg || reg.erased_at) throw new AppError('events.link.invalid');
  return reg;
}

async function qrOf(ctx: Ctx, reg: AttRegistrationRow): Promise<string> {
  confirmedOrThrow(reg);
  const url = checkInUrl(ctx.config.publicUrl, reg.id, checkInCode(ctx.cipher, reg.id));
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The QR of the user's own confirmed registration (SVG). */
export async function myQr(ctx: Ctx, registrationId: string): Promise<string> {
  return qrOf(ctx, await ownRegistration(ctx, registrationId));
}

/** The QR of an external participant's confirmed registration, by their own link's token (SVG). */
export async function qrByToken(ctx: Ctx, token: string): Promise<string> {
  return qrOf(ctx, await registrationByToken(ctx, token));
}

function certifiedOrThrow(reg: AttRegistrationRow): string {
  if (!reg.certificate_code) throw new AppError('events.attendance.no_certificate');
  return reg.certificate_code;
}

export async function myCertificate(ctx: Ctx, registrationId: string): Promise<PdfFile> {
  const reg = await ownRegistration(ctx, registrationId);
  const file = await renderCertificate(ctx, certifiedOrThrow(reg));
  await auditDownload(ctx, reg, 'participant');
  return file;
}

export async function certificateByToken(ctx: Ctx, token: string): Promise<PdfFile> {
  const reg = await registrationByToken(ctx, token);
  const file = await renderCertificate(ctx, certifiedOrThrow(reg));
  await auditDownload(ctx, reg, 'participant_link');
  return file;
}

/** An organiser downloads a participant's certificate. */
export async function organiserCertificate(ctx: Ctx, eventId: string, registrationId: string): Promise<PdfFile> {
  assertCan(ctx.actor, 'events.manage');
  const reg = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectRegistration(tx, registrationId));
  if (!reg || reg.event_id !== eventId) throw new AppError('events.attendance.not_found');
  const file = await renderCertificate(ctx, certifiedOrThrow(reg));
  await auditDownload(ctx, reg, 'organiser');
  return file;
}

/**
 * The public verification: the one row with this code, read as the system. An unknown or forged
 * code, or one that cannot be a code, gets the same 404 `events.link.invalid`. After the
 * retention period the certificate stays valid, without its holder's name (decision 0055).
 */
export async function verifyCertificate(ctx: Ctx, input: string): Promise<Verification> {
  const code = normaliseCertificateCode(input);
  const c = code ? await ctx.db.tx(systemAccess, (tx) => selectCertificateByCode(tx, code)) : null;
  if (!c) throw new AppError('events.link.invalid');
  return {
    valid: true,
    code: c.certificate_code,
    holder: c.full_name,
    eventTitle: c.title,
    eventKind: c.kind,
    date: c.starts_at.toLocaleDateString('en-CA', { timeZone: 'Europe/Rome' }),
    hours: c.certificate_hours === null ? null : Number(c.certificate_hours),
    issuedAt: c.certificate_issued_at.toISOString(),
  };
}

/**
 * The participation figures, counts only: by the participants' Region, organisation type and
 * Comune. A Regione sees only its own Region's participants. Read as the system (a Regione's scope
 * sees no registration under row-level security): the query returns no person, only counts.
 */
export async function participationFigures(ctx: Ctx, q: FiguresQuery): Promise<Figures> {
  assertCan(ctx.actor, 'events.figures.read');
  const actor = ctx.actor;
  const national =
    actor.permissions.has('events.manage') || actor.scope.level === 'national' || actor.scope.level === 'platform';
  const region = national ? (q.region ?? null) : actor.scope.regionCode;
  if (!national && !region) throw new AppError('forbidden', 'No Region in the actor’s scope');
  const f = await ctx.db.tx(systemAccess, (tx) =>
    selectFigures(tx, { from: q.from ?? null, to: q.to ?? null, kind: q.kind ?? null, region }, ctx.clock.now()),
  );
  return {
    eventsHeld: f.eventsHeld,
    totals: f.totals,
    byRegion: f.byRegion.map(({ region_code, region_name, ...c }) => ({
      regionCode: region_code,
      regionName: region_name,
      ...c,
    })),
    byOrganisationType: f.byType.map(({ organisation_type, ...c }) => ({ organisationType: organisation_type, ...c })),
    byComune: f.byComune.map(({ comune_istat, comune_name, region_code, ...c }) => ({
      comuneIstat: comune_istat,
      comuneName: comune_name,
      regionCode: region_code,
      ...c,
    })),
  };
}

/**
 * The end of retention (a daily job): the external participants' personal data of the events
 * ended more than RETENTION_MONTHS months ago is erased; platform users' registrations stay (their
 * account is theirs). One audit row per run that erased something.
 */
export async function eraseExpiredRegistrations(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.tx(systemAccess, async (tx) => {
    const ids = await eraseExternalBefore(tx, retentionCutoff(now, RETENTION_MONTHS), now);
    if (ids.length)
      await recordAudit(tx, ctx, {
        action: 'events.registrations.erase',
        entityType: 'evt_registration',
        tenantComune: null,
        details: { erased: ids.length, retentionMonths: RETENTION_MONTHS },
      });
    return ids.length;
  });
}
