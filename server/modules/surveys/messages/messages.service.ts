/**
 * Invitations and reminders (issue 10, point 6; decision 0037). The job and the manual dispatch run
 * the same steps for each Comune that is due a message:
 *
 * 1. in one transaction, with the Comune's row locked: the ladder is read again, a personal link
 *    is issued when the Comune has no survey user, one `survey_messages` row per address is
 *    inserted as `in_invio` under the unique (response, step, address) key — a row that already
 *    exists is not sent again — and the Comune's invitation time, reminder count and state move on;
 * 2. the messages are handed to the SMTP relay, outside any transaction, over the batch's pool of
 *    connections (platform/mail.ts);
 * 3. each row becomes `inviato`, or `fallito` with the relay's answer, and the audit row is written.
 *
 * A crash between 1 and 3 leaves rows `in_invio`: they are never sent again (at most once), and
 * the log shows them. A `fallito` row is tried again after an hour while its step is the latest.
 * Logs carry counts and ids, never an address or a token.
 */
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../audit/index.js';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { systemAccess, type DbAccess } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { withMailer, type Mailer } from '../../../platform/mail.js';
import type { Page } from '../../../platform/pagination.js';
import { assertCan, can } from '../../../platform/policy.js';
import { safeCellText, writeRowsXlsx } from '../../../platform/xlsx.js';
import { LINK_VALID_DAYS, linkUrl, newLinkToken } from '../shared/links.js';
import { romeDate } from '../shared/working-days.js';
import {
  claimFailed,
  finishMessage,
  insertAccessLink,
  insertMessage,
  insertResponseEvent,
  lockWaveComune,
  markBounced,
  selectAwaiting,
  selectComuneName,
  selectContactsOf,
  selectMessage,
  selectMessagePage,
  selectPhoneRows,
  selectRecipients,
  selectRunningWaveIds,
  selectWave,
  updateLadder,
  type MessageRow,
  type PhoneRow,
  type WaveRow,
} from './messages.repo.js';
import {
  dueStep,
  isAwaiting,
  phoneReason,
  reminderOffsets,
  retryDue,
  RETRY_AFTER_MS,
  statusAfter,
  type AwaitingStatus,
  type LadderComune,
  type LadderWave,
  type MessageKind,
  type PhoneReason,
} from './messages.rules.js';
import type {
  BounceBody,
  DispatchResult,
  MessagesQuery,
  PhoneEntryOut,
  PhoneListQuery,
  SurveyMessageOut,
} from './messages.schema.js';
import { renderMessage } from './messages.templates.js';

const DAY_MS = 86_400_000;

const ladderWave = (w: WaveRow): LadderWave => ({
  status: w.status,
  opensOn: w.opens_on,
  closesOn: w.closes_on,
  reminderDays: w.reminder_days,
});

const ladderComune = (r: { status: string; invited_at: Date | null; reminders_sent: number }): LadderComune => ({
  status: r.status,
  invitedOn: r.invited_at ? romeDate(r.invited_at) : null,
  remindersSent: r.reminders_sent,
});

/** One claimed message: its row and where it goes. */
interface Claimed {
  id: string;
  to: string;
}

/** What one Comune's turn produced. */
interface Outcome {
  sent: number;
  failed: number;
  linkIssued: boolean;
}

/** The job: every open wave in its fieldwork, as the system, over one pool of SMTP connections. */
export async function dispatchDueMessages(ctx: Ctx): Promise<DispatchResult> {
  return withMailer(ctx.config, async (mailer) => {
    if (!mailer) {
      ctx.log.info('survey messages: no SMTP relay configured, nothing sent');
      return { comuni: 0, sent: 0, failed: 0, linksIssued: 0 };
    }
    const today = romeDate(ctx.clock.now());
    const waveIds = await ctx.db.tx(systemAccess, (tx) => selectRunningWaveIds(tx, today));
    const total: DispatchResult = { comuni: 0, sent: 0, failed: 0, linksIssued: 0 };
    for (const waveId of waveIds) {
      const r = await dispatchWave(ctx, systemAccess, mailer, waveId, null);
      total.comuni += r.comuni;
      total.sent += r.sent;
      total.failed += r.failed;
      total.linksIssued += r.linksIssued;
    }
    if (total.comuni > 0) ctx.log.info({ ...total, waves: waveIds.length, day: today }, 'survey messages');
    return total;
  });
}

/** POST …/waves/{waveId}/messages/dispatch: what is due now for one wave (idempotent). */
export async function dispatchWaveNow(ctx: Ctx, waveId: string): Promise<DispatchResult> {
  await loadWave(ctx, waveId);
  assertCan(ctx.actor, 'surveys.waves.manage');
  const actor = ctx.actor;
  return withMailer(ctx.config, (mailer) => {
    if (!mailer) throw new AppError('surveys.message.no_relay', 'No SMTP relay is configured: nothing can be sent');
    return dispatchWave(ctx, accessOf(actor), mailer, waveId, actor.userId);
  });
}

async function loadWave(ctx: Ctx, waveId: string): Promise<WaveRow> {
  const wave = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectWave(tx, waveId));
  if (!wave) throw new AppError('surveys.wave.not_found');
  return wave;
}

async function dispatchWave(
  ctx: Ctx,
  access: DbAccess,
  mailer: Mailer,
  waveId: string,
  issuerId: string | null,
): Promise<DispatchResult> {
  const now = ctx.clock.now();
  const today = romeDate(now);
  const { wave, rows } = await ctx.db.tx(access, async (tx) => ({
    wave: await selectWave(tx, waveId),
    rows: await selectAwaiting(tx, waveId),
  }));
  const result: DispatchResult = { comuni: 0, sent: 0, failed: 0, linksIssued: 0 };
  if (!wave) return result;
  const lw = ladderWave(wave);
  for (const row of rows) {
    if (!row.has_address) continue;
    const c = ladderComune(row);
    const due = dueStep(lw, c, today);
    const retry =
      !due &&
      row.last_failed_at !== null &&
      retryDue(lw, c, { step: c.remindersSent, lastAttemptAt: row.last_failed_at }, now, today);
    if (!due && !retry) continue;
    const outcome = await sendToComune(ctx, access, mailer, wave, row.id, issuerId ?? wave.issuer_id);
    if (outcome.sent + outcome.failed === 0) continue;
    result.comuni++;
    result.sent += outcome.sent;
    result.failed += outcome.failed;
    if (outcome.linkIssued) result.linksIssued++;
  }
  return result;
}

/** One Comune's turn: claim (transaction), send (no transaction), record (transaction). */
async function sendToComune(
  ctx: Ctx,
  access: DbAccess,
  mailer: Mailer,
  wave: WaveRow,
  responseId: string,
  issuerId: string,
): Promise<Outcome> {
  const claim = await ctx.db.tx(access, async (tx) => {
    const now = ctx.clock.now();
    const today = romeDate(now);
    const row = await lockWaveComune(tx, responseId);
    if (!row) return null;
    const c = ladderComune(row);
    const lw = ladderWave(wave);
    const due = dueStep(lw, c, today);
    const recipients = await selectRecipients(tx, row.comune_istat);
    if (recipients.length === 0) return null;
    const hasUser = recipients.some((r) => r.is_user);

    let claimed: Claimed[] = [];
    let step: number;
    let kind: MessageKind;
    if (due) {
      step = due.step;
      kind = due.kind;
      for (const r of recipients) {
        const id = await insertMessage(tx, {
          id: randomUUID(),
          responseId,
          comune: row.comune_istat,
          step,
          kind,
          to: r.email,
          dueOn: due.dueOn,
          now,
        });
        if (id) claimed.push({ id, to: r.email });
      }
      const status = statusAfter(kind, row.status);
      await updateLadder(tx, responseId, {
        invitedAt: now,
        remindersSent: kind === 'sollecito' ? step : row.reminders_sent,
        status,
        statusChanged: status !== row.status,
        now,
      });
      if (status !== row.status) {
        await insertResponseEvent(tx, {
          id: randomUUID(),
          responseId,
          comune: row.comune_istat,
          from: row.status,
          to: status,
          note: `Sollecito n. ${step} inviato`,
          at: now,
        });
      }
    } else {
      // a failed message of the latest step, tried again
      step = c.remindersSent;
      kind = step === 0 ? 'invito' : 'sollecito';
      if (!row.invited_at || !isAwaiting(row.status)) return null;
      claimed = (await claimFailed(tx, responseId, step, new Date(now.getTime() - RETRY_AFTER_MS))).map((m) => ({
        id: m.id,
        to: m.to_address,
      }));
    }
    if (claimed.length === 0) return null;

    let url = `${ctx.config.publicUrl.replace(/\/+$/, '')}/questionari/${responseId}`;
    if (!hasUser) {
      const { token, hash } = newLinkToken();
      const linkId = randomUUID();
      await insertAccessLink(tx, {
        id: linkId,
        responseId,
        comune: row.comune_istat,
        hash,
        createdBy: issuerId,
        now,
        expiresAt: new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS),
      });
      await recordAudit(tx, ctx, {
        action: 'surveys.link.issue',
        entityType: 'survey_link',
        entityId: linkId,
        tenantComune: row.comune_istat,
        details: { response: responseId, step, by: 'message' },
      });
      url = linkUrl(ctx.config.publicUrl, token);
    }
    const message = renderMessage({
      kind,
      step,
      surveyTitle: wave.survey_title,
      waveTitle: wave.title_it,
      comuneName: await selectComuneName(tx, row.comune_istat),
      closesOn: wave.closes_on,
      url,
      personalLink: !hasUser,
      started: row.status === 'in_compilazione',
      organisation: wave.organisation ?? 'ANCI',
    });
    return { comune: row.comune_istat, step, kind, claimed, message, linkIssued: !hasUser };
  });
  if (!claim) return { sent: 0, failed: 0, linkIssued: false };

  // the Comune's copies go out together over the pool's connections; each settles on its own
  const results = await Promise.all(
    claim.claimed.map((m) =>
      mailer.send({ to: m.to, ...claim.message }).then(
        () => ({ id: m.id, error: null }),
        (err: unknown) => ({ id: m.id, error: relayError(err) }),
      ),
    ),
  );
  const sent = results.filter((r) => r.error === null).length;
  const failed = results.length - sent;
  await ctx.db.tx(access, async (tx) => {
    const at = ctx.clock.now();
    for (const r of results) await finishMessage(tx, r.id, r.error ? 'fallito' : 'inviato', r.error, at);
    const details = { wave: wave.id, step: claim.step, kind: claim.kind, sent, failed };
    if (sent > 0) {
      await recordAudit(tx, ctx, {
        action: 'surveys.message.sent',
        entityType: 'survey_response',
        entityId: responseId,
        tenantComune: claim.comune,
        details,
      });
    }
    if (failed > 0) {
      await recordAudit(tx, ctx, {
        action: 'surveys.message.failed',
        entityType: 'survey_response',
        entityId: responseId,
        tenantComune: claim.comune,
        outcome: 'failure',
        details,
      });
    }
  });
  if (failed > 0) {
    ctx.log.warn({ response: responseId, step: claim.step, failed, sent }, 'survey messages: delivery failed');
  }
  return { sent, failed, linkIssued: claim.linkIssued };
}

/**
 * The relay's answer, for the log page: its SMTP code and text, at most 1,000 characters. The
 * relay may quote the address it refused; the row holds that address anyway, and it never goes
 * to the application log.
 */
function relayError(err: unknown): string {
  const e = err as { responseCode?: number; code?: string; response?: string; message?: string };
  const text = (e.response ?? e.message ?? 'errore sconosciuto').replace(/\s+/g, ' ').trim();
  const code = e.responseCode ? `SMTP ${e.responseCode}` : (e.code ?? 'errore');
  return `${code}: ${text}`.slice(0, 1000);
}

function messageOut(r: MessageRow): SurveyMessageOut {
  return {
    id: r.id,
    responseId: r.response_id,
    waveId: r.wave_id,
    comuneIstat: r.comune_istat,
    comuneName: r.comune_name,
    step: r.step,
    kind: r.kind as MessageKind,
    toAddress: r.to_address,
    dueOn: r.due_on,
    status: r.status,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
  };
}

/** Following a wave's messages: whoever runs waves, or reads the surveys' progress. */
function assertCanFollow(ctx: Ctx): void {
  if (!can(ctx.actor, 'surveys.waves.manage')) assertCan(ctx.actor, 'surveys.read');
}

/** GET …/waves/{waveId}/messages: the messages of a wave, by Comune (a Regione sees its own). */
export async function listMessages(ctx: Ctx, waveId: string, q: MessagesQuery): Promise<Page<SurveyMessageOut>> {
  await loadWave(ctx, waveId);
  assertCanFollow(ctx);
  const { items, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectMessagePage(tx, waveId, q));
  return { items: items.map(messageOut), total, page: q.page, pageSize: q.pageSize };
}

/** POST /messages/{messageId}/bounce: a delivered message came back. */
export async function markMessageBounced(ctx: Ctx, messageId: string, body: BounceBody): Promise<SurveyMessageOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const m = await selectMessage(tx, messageId);
    if (!m) throw new AppError('surveys.message.not_found');
    assertCan(ctx.actor, 'surveys.waves.manage');
    if (m.status !== 'inviato') {
      throw new AppError('surveys.message.state', 'Only a delivered message can bounce', {
        context: { status: m.status },
      });
    }
    await markBounced(tx, messageId, body.reason);
    await recordAudit(tx, ctx, {
      action: 'surveys.message.failed',
      entityType: 'survey_response',
      entityId: m.response_id,
      tenantComune: m.comune_istat,
      outcome: 'failure',
      details: { wave: m.wave_id, step: m.step, kind: m.kind, message: m.id, bounced: true },
    });
    return messageOut({ ...m, status: 'rimbalzato', error: body.reason });
  });
}

async function phoneEntries(ctx: Ctx, wave: WaveRow, rows: PhoneRow[]): Promise<PhoneEntryOut[]> {
  const contacts = await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    selectContactsOf(
      tx,
      rows.map((r) => r.comune_istat),
    ),
  );
  return rows.flatMap((r) => {
    const reason = phoneReason(ladderWave(wave), ladderComune(r), {
      hasAddress: r.has_address,
      latestUndelivered: r.latest_undelivered,
    });
    if (!reason) return [];
    return [
      {
        responseId: r.response_id,
        comuneIstat: r.comune_istat,
        comuneName: r.comune_name,
        provinceSigla: r.province_sigla,
        regionCode: r.region_code,
        regionName: r.region_name,
        status: r.status as AwaitingStatus,
        reason,
        invitedAt: r.invited_at ? r.invited_at.toISOString() : null,
        remindersSent: r.reminders_sent,
        lastSentAt: r.last_sent_at ? r.last_sent_at.toISOString() : null,
        contacts: contacts
          .filter((c) => c.comune_istat === r.comune_istat)
          .map((c) => ({
            kind: c.kind as PhoneEntryOut['contacts'][number]['kind'],
            email: c.email,
            name: c.name,
            role: c.role,
          })),
      },
    ];
  });
}

/** GET …/waves/{waveId}/phone-list: the Comuni to phone, by Region. */
export async function phoneList(ctx: Ctx, waveId: string, q: PhoneListQuery): Promise<Page<PhoneEntryOut>> {
  const wave = await loadWave(ctx, waveId);
  assertCanFollow(ctx);
  const reminders = reminderOffsets(wave.reminder_days).length;
  const { items, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    selectPhoneRows(tx, waveId, reminders, { region: q.region, page: q.page, pageSize: q.pageSize }),
  );
  return { items: await phoneEntries(ctx, wave, items), total, page: q.page, pageSize: q.pageSize };
}

const statusWords: Record<AwaitingStatus, string> = {
  invitato: 'Invitato',
  sollecitato: 'Sollecitato',
  in_compilazione: 'In compilazione',
};
const reasonWords: Record<PhoneReason, string> = {
  solleciti_esauriti: 'Solleciti esauriti',
  senza_indirizzo: 'Nessun indirizzo e-mail',
  non_raggiungibile: 'Ultimo messaggio non consegnato',
};
const contactWords: Record<string, string> = {
  email_istituzionale: 'E-mail istituzionale',
  pec: 'PEC',
  referente: 'Referente',
  utente: 'Utente InCaS',
};
const roleWords: Record<string, string> = {
  compilatore_indagine: 'compilatore',
  validatore_indagine: 'validatore',
  referente_comunale: 'referente comunale',
};
const roleText = (kind: string, role: string | null): string | null =>
  kind === 'utente' && role !== null
    ? role
        .split(',')
        .map((r) => roleWords[r] ?? r)
        .join(', ')
    : role;
const italianDateTime = (iso: string | null): string =>
  iso === null
    ? ''
    : new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(iso));

/** GET …/waves/{waveId}/phone-list.xlsx: the same list, every row, one sheet. */
export async function phoneListXlsx(
  ctx: Ctx,
  waveId: string,
  region: string | undefined,
): Promise<{ filename: string; body: Buffer }> {
  const wave = await loadWave(ctx, waveId);
  assertCanFollow(ctx);
  const reminders = reminderOffsets(wave.reminder_days).length;
  const { items } = await ctx.db.tx(accessOf(ctx.actor), (tx) =>
    selectPhoneRows(tx, waveId, reminders, { region, page: null, pageSize: 0 }),
  );
  const entries = await phoneEntries(ctx, wave, items);
  const cell = (s: string | null) => (s === null ? null : safeCellText(s));
  const body = await writeRowsXlsx(
    [
      {
        name: 'Comuni da contattare',
        header: [
          'Regione',
          'Provincia',
          'Comune',
          'Codice ISTAT',
          'Stato',
          'Motivo',
          'Invitato il',
          'Solleciti inviati',
          'Ultimo invio',
          'Contatti',
        ],
        rows: entries.map((e) => [
          e.regionName,
          e.provinceSigla,
          cell(e.comuneName),
          e.comuneIstat,
          statusWords[e.status],
          reasonWords[e.reason],
          italianDateTime(e.invitedAt),
          String(e.remindersSent),
          italianDateTime(e.lastSentAt),
          cell(
            e.contacts
              .map((c) =>
                [contactWords[c.kind] ?? c.kind, c.name, roleText(c.kind, c.role), c.email].filter(Boolean).join(' – '),
              )
              .join('; '),
          ),
        ]),
      },
    ],
    { creator: 'InCaS', title: `Comuni da contattare – ${wave.title_it}` },
  );
  return { filename: `contatti-telefonici${region ? `-${region}` : ''}.xlsx`, body };
}
