/**
 * The residence-permit timeline of a person (domain.md §1.3, §7.3): a permit is recorded with
 * its dates, then events move it on (receipt, issue, renewal, conversion, revocation). Its
 * status is derived from the dates, never typed in; the events are the pure machine of
 * ../shared/permits.ts, applied here with one update.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { assertCaseOpen, loadCaseOfPerson, recordCaseEvent, todayOf } from '../shared/access.js';
import { refreshCaseTasks } from '../shared/tasks.js';
import type { CreatePermitBody, Permit, PermitEventBody } from './cases.schema.js';
import { insertPermit, selectPermit, selectPermitsOf, updatePermit } from './permits.repo.js';
import { permitRecordOf, toPermit } from './cases.mapper.js';
import { invalid } from './checks.js';
import { sealPermitNumber } from '../shared/identity.js';
import { applyPermitEvent, firstPermitExpiry, permitDateIssues, type PermitFacts } from '../shared/permits.js';

const inBody = (issues: { path: string; message: string; code: string }[]): FieldIssue[] =>
  issues.map((i) => ({ ...i, path: `body.${i.path}` }));

/** Records a permit of a person; a first art. 18-ter permit expires 6 months after issue by default. */
export async function createPermit(ctx: Ctx, personId: string, body: CreatePermitBody): Promise<Permit> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCaseOfPerson(tx, ctx, personId, 'pilot.cases.write', { lock: true });
    assertCaseOpen(c);
    const earlier = await selectPermitsOf(tx, [personId]);
    const isFirst = !earlier.some((p) => p.basis === body.basis);
    const expiresOn =
      body.expiresOn ??
      (body.issuedOn && body.basis === 'art_18ter' && isFirst ? firstPermitExpiry(body.issuedOn) : null);
    const facts: PermitFacts = {
      basis: body.basis,
      receiptOn: body.receiptOn ?? null,
      issuedOn: body.issuedOn ?? null,
      expiresOn,
      renewalRequestedOn: null,
      renewedOn: null,
      conversionRequestedOn: null,
      convertedOn: null,
      revokedOn: null,
    };
    const issues = permitDateIssues(facts, isFirst, todayOf(ctx));
    if (issues.length) throw invalid(inBody(issues));
    if (body.issuedOn && !expiresOn)
      throw invalid([
        { path: 'body.expiresOn', message: 'Indicare la scadenza del permesso rilasciato', code: 'required' },
      ]);
    const id = randomUUID();
    await insertPermit(tx, {
      id,
      personId,
      comune: c.comune_istat,
      basis: body.basis,
      questura: body.questura,
      initiatedBy: body.initiatedBy ?? null,
      numberEnc: body.number ? sealPermitNumber(ctx.cipher, id, body.number) : null,
      receiptOn: body.receiptOn ?? null,
      issuedOn: body.issuedOn ?? null,
      expiresOn,
      now: ctx.clock.now(),
    });
    await recordCaseEvent(tx, ctx, {
      caseId: c.id,
      comune: c.comune_istat,
      personId,
      type: body.issuedOn ? 'PERMESSO_RILASCIATO' : body.receiptOn ? 'RICEVUTA_PERMESSO' : 'PERMESSO_IN_ISTRUTTORIA',
      on: body.issuedOn ?? body.receiptOn ?? todayOf(ctx),
      note: body.basis,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.permit.create',
      entityType: 'pilot_permit',
      entityId: id,
      tenantComune: c.comune_istat,
      details: { person: personId, basis: body.basis },
    });
    await refreshCaseTasks(tx, ctx, c.id);
    return toPermit(ctx, (await selectPermit(tx, id))!, todayOf(ctx));
  });
}

const eventTypes: Record<PermitEventBody['event'], string> = {
  receipt: 'RICEVUTA_PERMESSO',
  issue: 'PERMESSO_RILASCIATO',
  renewal_request: 'RINNOVO_RICHIESTO',
  renew: 'PERMESSO_RINNOVATO',
  conversion_request: 'CONVERSIONE_RICHIESTA',
  convert: 'PERMESSO_CONVERTITO',
  revoke: 'PERMESSO_REVOCATO',
};

/** One event on a permit's timeline. A conversion closes the permit and opens its successor. */
export async function recordPermitEvent(ctx: Ctx, permitId: string, body: PermitEventBody): Promise<Permit> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const row = await selectPermit(tx, permitId, true);
    if (!row) throw new AppError('pilot.permit.not_found');
    const c = await loadCaseOfPerson(tx, ctx, row.person_id, 'pilot.cases.write');
    assertCaseOpen(c);
    const today = todayOf(ctx);
    // only an issue needs to know whether this is the person's first permit of its basis
    const isFirst =
      body.event === 'issue' &&
      (await selectPermitsOf(tx, [row.person_id])).filter((p) => p.basis === row.basis && p.id !== row.id).length === 0;
    const result = applyPermitEvent(permitRecordOf(row), body, today, isFirst);
    if (result.kind === 'refused') throw new AppError('pilot.invalid_transition', result.message);
    if (result.kind === 'invalid') throw invalid(inBody(result.issues));
    const now = ctx.clock.now();
    const numberEnc =
      body.event === 'issue' && body.number ? sealPermitNumber(ctx.cipher, row.id, body.number) : undefined;
    const fields = await updatePermit(tx, row.id, { ...result.changes, numberEnc }, now);
    if (result.successor) {
      await insertPermit(tx, {
        id: randomUUID(),
        personId: row.person_id,
        comune: c.comune_istat,
        basis: result.successor.basis,
        questura: row.questura,
        issuedOn: result.successor.issuedOn,
        expiresOn: result.successor.expiresOn,
        predecessorId: row.id,
        now,
      });
    }
    await recordCaseEvent(tx, ctx, {
      caseId: c.id,
      comune: c.comune_istat,
      personId: row.person_id,
      type: eventTypes[body.event],
      on: body.on,
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.permit.event',
      entityType: 'pilot_permit',
      entityId: row.id,
      tenantComune: c.comune_istat,
      details: { event: body.event, fields },
    });
    await refreshCaseTasks(tx, ctx, c.id);
    return toPermit(ctx, (await selectPermit(tx, row.id))!, today);
  });
}
