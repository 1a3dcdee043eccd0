/**
 * The e-mails owed to participants (evt_notices, written with the change that owes them) and the
 * housekeeping of registrations: unconfirmed ones lapse after CONFIRM_HOURS, seats get a reminder
 * two days before the event. Each notice is claimed in the database (sent_at, its token cleared,
 * with its audit row) before the relay is called, so it goes out once whatever runs overlap; a
 * refused send gives the claim back and the job's retry sends it. Links carry the participant's
 * token only in the URL fragment (never sent to a server, never in a log). Logs carry counts.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import { systemAccess } from '../../../platform/db/db.js';
import { withMailer, type MailMessage, type Mailer } from '../../../platform/mail.js';
import { recordAudit } from '../../audit/index.js';
import { CONFIRM_HOURS } from '../shared/vocabulary.js';
import {
  claimNotice,
  expireUnconfirmed,
  insertNotice,
  markReminders,
  releaseNotice,
  selectPendingNotices,
  type PendingNotice,
} from './registrations.repo.js';

export interface NoticeResult {
  sent: number;
  skipped: number;
  failed: number;
}

const REMINDER_MS = 2 * 86_400_000;

const when = (d: Date) =>
  new Intl.DateTimeFormat('it-IT', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d);

/** The Italian text of a notice; the token only in the fragment of the link. */
export function registrationMessage(n: PendingNotice, publicUrl: string): Omit<MailMessage, 'to'> {
  const manage = n.link_token ? `${publicUrl}/eventi/iscrizione#t=${n.link_token}` : null;
  const mine = n.user_id ? `${publicUrl}/le-mie-iscrizioni` : null;
  const where = n.place ?? n.online_url ?? '';
  const about = `«${n.title}», ${when(n.starts_at)}${where ? ` — ${where}` : ''}`;
  const see = manage ?? mine;
  const footer = [
    see
      ? `Puoi vedere o annullare la tua iscrizione qui: ${see}`
      : 'Puoi annullare l’iscrizione dal link ricevuto nella prima e-mail.',
    '',
    `Pagina dell’evento: ${publicUrl}/eventi/${n.slug}`,
    'InCaS — questa e-mail è stata inviata automaticamente, non rispondere.',
  ];
  const hello = n.full_name ? `Gentile ${n.full_name},` : 'Gentile partecipante,';
  switch (n.kind) {
    case 'CONFERMA_EMAIL':
      return {
        subject: `Conferma la tua iscrizione: ${n.title}`,
        text: [
          hello,
          '',
          `abbiamo ricevuto la tua richiesta di iscrizione a ${about}.`,
          `Per confermarla apri questo link entro ${CONFIRM_HOURS} ore: ${manage ?? ''}`,
          'Il posto viene assegnato solo dopo la conferma, in ordine di arrivo.',
          '',
          'Se non hai chiesto tu l’iscrizione, ignora questa e-mail: senza conferma la richiesta scade.',
          '',
          ...footer.slice(2),
        ].join('\n'),
      };
    case 'POSTO':
      return {
        subject: `Iscrizione confermata: ${n.title}`,
        text: [hello, '', `il tuo posto a ${about} è confermato.`, '', ...footer].join('\n'),
      };
    case 'ATTESA':
      return {
        subject: `In lista d’attesa: ${n.title}`,
        text: [
          hello,
          '',
          `i posti per ${about} sono esauriti: sei in lista d’attesa${n.waitlist_position ? ` (posizione ${n.waitlist_position})` : ''}.`,
          'Se si libera un posto ti viene assegnato automaticamente, in ordine di arrivo, e riceverai un’e-mail.',
          '',
          ...footer,
        ].join('\n'),
      };
    case 'PROMOSSO':
      return {
        subject: `Si è liberato un posto: ${n.title}`,
        text: [
          hello,
          '',
          `si è liberato un posto e ora la tua iscrizione a ${about} è confermata.`,
          '',
          ...footer,
        ].join('\n'),
      };
    case 'PROMEMORIA':
      return {
        subject: `Promemoria: ${n.title}`,
        text: [
          hello,
          '',
          `ti ricordiamo l’evento ${about}.`,
          `Aggiungilo al calendario: ${publicUrl}/api/v1/public/events/${n.slug}/event.ics`,
          '',
          ...footer,
        ].join('\n'),
      };
    case 'ANNULLATO':
      return {
        subject: `Evento annullato: ${n.title}`,
        text: [hello, '', `l’evento ${about} è stato annullato.`, '', ...footer.slice(2)].join('\n'),
      };
  }
}

/** The pending e-mails, once each. Nothing without an SMTP relay (they wait). */
export async function sendRegistrationNotices(ctx: Ctx): Promise<NoticeResult> {
  return withMailer(ctx.config, async (mailer) => {
    if (!mailer) {
      ctx.log.debug('event registration notices: no SMTP relay configured, nothing sent');
      return { sent: 0, skipped: 0, failed: 0 };
    }
    return sendNotices(ctx, mailer);
  });
}

async function sendNotices(ctx: Ctx, mailer: Mailer): Promise<NoticeResult> {
  const pending = await ctx.db.tx(systemAccess, (tx) => selectPendingNotices(tx));
  const result: NoticeResult = { sent: 0, skipped: 0, failed: 0 };
  for (const n of pending) {
    const details = { notice: n.id, kind: n.kind };
    const claimed = await ctx.db.tx(systemAccess, async (tx) => {
      if (!(await claimNotice(tx, n.id, ctx.clock.now()))) return false;
      await recordAudit(tx, ctx, {
        action: 'events.registration.notice.sent',
        entityType: 'evt_registration',
        entityId: n.registration_id,
        tenantComune: null,
        details,
      });
      return true;
    });
    if (!claimed || !n.email) {
      result.skipped++;
      continue;
    }
    try {
      await mailer.send({ to: n.email, ...registrationMessage(n, ctx.config.publicUrl) });
      result.sent++;
    } catch (err) {
      result.failed++;
      ctx.log.warn(
        { err: { message: (err as Error).message }, notice: n.id },
        'event registration notice: send failed',
      );
      await ctx.db.tx(systemAccess, async (tx) => {
        await releaseNotice(tx, n.id, n.link_token);
        await recordAudit(tx, ctx, {
          action: 'events.registration.notice.failed',
          outcome: 'failure',
          entityType: 'evt_registration',
          entityId: n.registration_id,
          tenantComune: null,
          details,
        });
      });
    }
  }
  if (result.sent || result.failed) ctx.log.info({ ...result }, 'event registration notices');
  if (result.failed)
    throw new Error(`event registration notices: ${result.failed} e-mail(s) not sent; the job will retry them`);
  return result;
}

/** Unconfirmed registrations older than CONFIRM_HOURS lapse; seats of events in two days get their reminder. */
export async function registrationHousekeeping(ctx: Ctx): Promise<{ expired: number; reminders: number }> {
  const now = ctx.clock.now();
  return ctx.db.tx(systemAccess, async (tx) => {
    const lapsed = await expireUnconfirmed(tx, new Date(now.getTime() - CONFIRM_HOURS * 3_600_000), now);
    for (const r of lapsed)
      await recordAudit(tx, ctx, {
        action: 'events.registration.expire',
        entityType: 'evt_registration',
        entityId: r.id,
        tenantComune: null,
      });
    const due = await markReminders(tx, now, new Date(now.getTime() + REMINDER_MS));
    for (const r of due)
      await insertNotice(tx, { id: randomUUID(), registrationId: r.id, kind: 'PROMEMORIA', linkToken: null, at: now });
    return { expired: lapsed.length, reminders: due.length };
  });
}
