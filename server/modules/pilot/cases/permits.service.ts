/**
 * The residence-permit timeline of a person (domain.md §1.3, §7.3): a permit is recorded with
 * its dates, then events move it on (receipt, issue, renewal, conversion, revocation). Its
 * status is derived from the dates, never typed in.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { assertCaseOpen, loadCaseOfPerson, recordCaseEvent, todayOf } from '../shared/access.js';
import type { CreatePermitBody, Permit, PermitEventBody } from './cases.schema.js';
import { selectPermit, selectPermitsOf, type PermitRow } from './cases.repo.js';
import { invalid, toPermit } from './cases.service.js';
import { sealPermitNumber } from '../shared/identity.js';
import { checkPermitDates, derivePermitStatus, firstPermitExpiry, type PermitFacts } from '../shared/permits.js';
import type { PermitBasis } from '../shared/vocab.js';

function factsOf(r: PermitRow): PermitFacts {
  return {
    basis: r.basis as PermitBasis, receiptOn: r.receipt_on, issuedOn: r.issued_on, expiresOn: r.expires_on,
    renewalRequestedOn: r.renewal_requested_on, renewedOn: r.renewed_on, conversionRequestedOn: r.conversion_requested_on,
    convertedOn: r.converted_on, revokedOn: r.revoked_on,
  };
}

function checkDates(facts: PermitFacts, isFirst: boolean, today: string): void {
  const issues = checkPermitDates({ ...facts, isFirst }).map((i) => ({ path: `body.${i.path}`, message: i.message, code: 'invalid_date' }));
  for (const [k, v] of Object.entries(facts)) {
    if (typeof v === 'string' && k !== 'expiresOn' && k !== 'basis' && v > today) {
      issues.push({ path: `body.${k}`, message: 'La data è nel futuro', code: 'future_date' });
    }
  }
  if (issues.length) throw invalid(issues);
}

/** Records a permit of a person; a first art. 18-ter permit expires 6 months after issue by default. */
export async function createPermit(ctx: Ctx, personId: string, body: CreatePermitBody): Promise<Permit> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCaseOfPerson(tx, ctx, personId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(c);
    const earlier = await selectPermitsOf(tx, [personId]);
    const isFirst = !earlier.some((p) => p.basis === body.basis);
    const expiresOn = body.expiresOn ?? (body.issuedOn && body.basis === 'art_18ter' && isFirst ? firstPermitExpiry(body.issuedOn) : null);
    const facts: PermitFacts = {
      basis: body.basis, receiptOn: body.receiptOn ?? null, issuedOn: body.issuedOn ?? null, expiresOn,
      renewalRequestedOn: null, renewedOn: null, conversionRequestedOn: null, convertedOn: null, revokedOn: null,
    };
    checkDates(facts, isFirst, todayOf(ctx));
    if (body.issuedOn && !expiresOn) throw invalid([{ path: 'body.expiresOn', message: 'Indicare la scadenza del permesso rilasciato', code: 'required' }]);
    const id = randomUUID();
    const now = ctx.clock.now();
    await tx.query(
      `INSERT INTO pilot_permits (id, person_id, comune_istat, basis, questura, initiated_by, number_enc, receipt_on, issued_on, expires_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [id, personId, c.comune_istat, body.basis, body.questura, body.initiatedBy ?? null,
        body.number ? sealPermitNumber(ctx.cipher, id, body.number) : null, body.receiptOn ?? null, body.issuedOn ?? null, expiresOn, now],
    );
    await recordCaseEvent(tx, ctx, {
      caseId: c.id, comune: c.comune_istat, personId, type: body.issuedOn ? 'PERMESSO_RILASCIATO' : body.receiptOn ? 'RICEVUTA_PERMESSO' : 'PERMESSO_IN_ISTRUTTORIA',
      on: body.issuedOn ?? body.receiptOn ?? todayOf(ctx), note: body.basis,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.permit.create', entityType: 'pilot_permit', entityId: id, tenantComune: c.comune_istat,
      details: { person: personId, basis: body.basis },
    });
    return toPermit(ctx, (await selectPermit(tx, id))!, todayOf(ctx));
  });
}

const eventTypes: Record<PermitEventBody['event'], string> = {
  receipt: 'RICEVUTA_PERMESSO', issue: 'PERMESSO_RILASCIATO', renewal_request: 'RINNOVO_RICHIESTO', renew: 'PERMESSO_RINNOVATO',
  conversion_request: 'CONVERSIONE_RICHIESTA', convert: 'PERMESSO_CONVERTITO', revoke: 'PERMESSO_REVOCATO',
};

/** One event on a permit's timeline. A conversion closes the permit and opens its successor. */
export async function recordPermitEvent(ctx: Ctx, permitId: string, body: PermitEventBody): Promise<Permit> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const row = await selectPermit(tx, permitId, true);
    if (!row) throw new AppError('pilot.permit.not_found');
    const c = await loadCaseOfPerson(tx, ctx, row.person_id, 'pilot.cases.write');
    assertCaseOpen(c);
    const today = todayOf(ctx);
    const status = derivePermitStatus(factsOf(row), today);
    if (status === 'revocato' || status === 'convertito') {
      throw new AppError('pilot.invalid_transition', 'Il permesso è revocato o convertito: non cambia più.');
    }
    const facts = factsOf(row);
    const set: Record<string, unknown> = {};
    switch (body.event) {
      case 'receipt': facts.receiptOn = body.on; set.receipt_on = body.on; break;
      case 'issue': {
        if (row.issued_on) throw new AppError('pilot.invalid_transition', 'Il permesso risulta già rilasciato.');
        const isFirst = (await selectPermitsOf(tx, [row.person_id])).filter((p) => p.basis === row.basis && p.id !== row.id).length === 0;
        facts.issuedOn = body.on;
        facts.expiresOn = body.expiresOn ?? (row.basis === 'art_18ter' && isFirst ? firstPermitExpiry(body.on) : null);
        if (!facts.expiresOn) throw invalid([{ path: 'body.expiresOn', message: 'Indicare la scadenza del permesso rilasciato', code: 'required' }]);
        checkDates(facts, isFirst, today);
        Object.assign(set, { issued_on: body.on, expires_on: facts.expiresOn });
        if (body.number) set.number_enc = sealPermitNumber(ctx.cipher, row.id, body.number);
        break;
      }
      case 'renewal_request':
        if (!row.issued_on) throw new AppError('pilot.invalid_transition', 'Si rinnova solo un permesso rilasciato.');
        facts.renewalRequestedOn = body.on; set.renewal_requested_on = body.on; break;
      case 'renew':
        if (!row.issued_on) throw new AppError('pilot.invalid_transition', 'Si rinnova solo un permesso rilasciato.');
        facts.renewedOn = body.on; facts.expiresOn = body.expiresOn;
        checkDates(facts, false, today);
        Object.assign(set, { renewed_on: body.on, expires_on: body.expiresOn, renewal_count: row.renewal_count + 1 });
        break;
      case 'conversion_request': facts.conversionRequestedOn = body.on; set.conversion_requested_on = body.on; break;
      case 'convert':
        if (!row.issued_on) throw new AppError('pilot.invalid_transition', 'Si converte solo un permesso rilasciato.');
        if (body.on < row.issued_on) throw invalid([{ path: 'body.on', message: 'La conversione non può precedere il rilascio', code: 'too_early' }]);
        if (body.expiresOn <= body.on) throw invalid([{ path: 'body.expiresOn', message: 'La scadenza del nuovo permesso deve seguire la conversione', code: 'invalid_date' }]);
        Object.assign(set, { converted_on: body.on, converted_to: body.convertedTo });
        break;
      case 'revoke':
        if (body.on < (row.issued_on ?? row.receipt_on ?? '0000')) throw invalid([{ path: 'body.on', message: 'La revoca non può precedere il rilascio', code: 'too_early' }]);
        Object.assign(set, { revoked_on: body.on, revocation_reason: body.reason });
        break;
    }
    if (body.on > today) throw invalid([{ path: 'body.on', message: 'La data è nel futuro', code: 'future_date' }]);
    const keys = Object.keys(set);
    const now = ctx.clock.now();
    await tx.query(
      `UPDATE pilot_permits SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = $${keys.length + 2} WHERE id = $1`,
      [row.id, ...keys.map((k) => set[k]), now],
    );
    if (body.event === 'convert') {
      await tx.query(
        `INSERT INTO pilot_permits (person_id, comune_istat, basis, questura, issued_on, expires_on, predecessor_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
        [row.person_id, c.comune_istat, body.convertedTo, row.questura, body.on, body.expiresOn, row.id, now],
      );
    }
    await recordCaseEvent(tx, ctx, { caseId: c.id, comune: c.comune_istat, personId: row.person_id, type: eventTypes[body.event], on: body.on });
    await recordAudit(tx, ctx, {
      action: 'pilot.permit.event', entityType: 'pilot_permit', entityId: row.id, tenantComune: c.comune_istat,
      details: { event: body.event, fields: keys },
    });
    return toPermit(ctx, (await selectPermit(tx, row.id))!, today);
  });
}
