/**
 * Outcomes of a case (domain.md §7.2): employment contracts, certificates obtained, the Assegno di
 * inclusione, housing autonomy, and the follow-ups at 6 and 12 months after exit. Schemas,
 * service and routes of this small verb set live together.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { loadCase, recordCaseEvent, todayOf } from '../shared/access.js';
import { idParam, isoDate } from './cases.schema.js';
import { invalid } from './cases.service.js';
import { contractTypes } from '../shared/vocab.js';

export const outcomeKinds = ['certificato', 'assegno_inclusione', 'autonomia_abitativa', 'follow_up_6', 'follow_up_12'] as const;

export const createContractSchema = z
  .object({
    personId: z.uuid(),
    type: z.enum(contractTypes),
    ateco: z.string().regex(/^\d{2}(\.\d{1,2}){0,2}$/, 'ATECO code, e.g. 01.13 or 49.41'),
    ccnl: z.string().trim().max(200).optional(),
    weeklyHours: z.number().gt(0).max(60).optional(),
    startOn: isoDate,
    endOn: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'PilotCreateContract' });

export const createOutcomeSchema = z
  .object({
    personId: z.uuid(),
    kind: z.enum(outcomeKinds),
    occurredOn: isoDate,
    /** For follow-ups: employed at that date. */
    employed: z.boolean().optional(),
    /** E.g. the certificate's title. No sensitive free text. */
    detail: z.string().trim().max(300).optional(),
  })
  .strict()
  .meta({ id: 'PilotCreateOutcome' });

const contractSchema = z.object({
  id: z.uuid(), personId: z.uuid(), pseudonym: z.string(), type: z.enum(contractTypes), ateco: z.string(), ccnl: z.string().nullable(),
  weeklyHours: z.number().nullable(), startOn: z.string(), endOn: z.string().nullable(),
}).meta({ id: 'PilotContract' });
const outcomeSchema = z.object({
  id: z.uuid(), personId: z.uuid(), pseudonym: z.string(), kind: z.enum(outcomeKinds), occurredOn: z.string(),
  employed: z.boolean().nullable(), detail: z.string().nullable(),
}).meta({ id: 'PilotOutcome' });
export const caseOutcomesSchema = z
  .object({ contracts: z.array(contractSchema), outcomes: z.array(outcomeSchema) })
  .meta({ id: 'PilotCaseOutcomes' });
type CaseOutcomes = z.infer<typeof caseOutcomesSchema>;

async function assertMember(tx: Queryable, caseId: string, personId: string): Promise<void> {
  const rows = await tx.query('SELECT 1 FROM pilot_case_members WHERE case_id = $1 AND person_id = $2', [caseId, personId]);
  if (!rows.length) throw invalid([{ path: 'body.personId', message: 'La persona non fa parte di questo caso', code: 'not_member' }]);
}

/** The contracts and outcomes of a case's members (pseudonyms only). */
export async function listOutcomes(ctx: Ctx, caseId: string): Promise<CaseOutcomes> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    const contracts = await tx.query<{
      id: string; person_id: string; pseudonym: string; type: CaseOutcomes['contracts'][number]['type']; ateco: string; ccnl: string | null;
      weekly_hours: number | null; start_on: string; end_on: string | null;
    }>(
      `SELECT c.id, c.person_id, p.pseudonym, c.type, c.ateco, c.ccnl, c.weekly_hours, c.start_on::text AS start_on, c.end_on::text AS end_on
         FROM pilot_contracts c JOIN pilot_persons p ON p.id = c.person_id WHERE c.case_id = $1 ORDER BY c.start_on, c.id`, [caseId],
    );
    const outcomes = await tx.query<{
      id: string; person_id: string; pseudonym: string; kind: CaseOutcomes['outcomes'][number]['kind']; occurred_on: string;
      employed: boolean | null; detail: string | null;
    }>(
      `SELECT o.id, o.person_id, p.pseudonym, o.kind, o.occurred_on::text AS occurred_on, o.employed, o.detail
         FROM pilot_outcomes o JOIN pilot_persons p ON p.id = o.person_id WHERE o.case_id = $1 ORDER BY o.occurred_on, o.id`, [caseId],
    );
    return {
      contracts: contracts.map((c) => ({
        id: c.id, personId: c.person_id, pseudonym: c.pseudonym, type: c.type, ateco: c.ateco, ccnl: c.ccnl,
        weeklyHours: c.weekly_hours, startOn: c.start_on, endOn: c.end_on,
      })),
      outcomes: outcomes.map((o) => ({
        id: o.id, personId: o.person_id, pseudonym: o.pseudonym, kind: o.kind, occurredOn: o.occurred_on, employed: o.employed, detail: o.detail,
      })),
    };
  });
}

/** Records an employment contract of a member (CONTRATTO_LAVORO_AVVIATO). */
export async function addContract(ctx: Ctx, caseId: string, body: z.infer<typeof createContractSchema>): Promise<CaseOutcomes> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    await assertMember(tx, caseId, body.personId);
    const issues = [];
    if (body.endOn && body.endOn < body.startOn) issues.push({ path: 'body.endOn', message: 'La fine precede l\'inizio', code: 'invalid_date' });
    if (body.startOn < c.opened_on) issues.push({ path: 'body.startOn', message: 'Il contratto precede la presa in carico', code: 'too_early' });
    if (issues.length) throw invalid(issues);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO pilot_contracts (person_id, case_id, comune_istat, type, ateco, ccnl, weekly_hours, start_on, end_on, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [body.personId, caseId, c.comune_istat, body.type, body.ateco, body.ccnl ?? null, body.weeklyHours ?? null, body.startOn, body.endOn ?? null, ctx.clock.now()],
    );
    await recordCaseEvent(tx, ctx, { caseId, comune: c.comune_istat, personId: body.personId, type: 'CONTRATTO_LAVORO_AVVIATO', on: body.startOn, note: body.type });
    await recordAudit(tx, ctx, { action: 'pilot.contract.create', entityType: 'pilot_case', entityId: caseId, tenantComune: c.comune_istat, details: { contract: row!.id, person: body.personId } });
  });
  return listOutcomes(ctx, caseId);
}

/** Records an outcome; a follow-up needs the case to be closed and says whether the person works. */
export async function addOutcome(ctx: Ctx, caseId: string, body: z.infer<typeof createOutcomeSchema>): Promise<CaseOutcomes> {
  await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.write', { lock: true });
    await assertMember(tx, caseId, body.personId);
    const followUp = body.kind === 'follow_up_6' || body.kind === 'follow_up_12';
    if (followUp && c.status !== 'chiuso') throw new AppError('pilot.invalid_transition', 'Il follow-up si registra dopo l\'uscita dal programma.');
    const issues = [];
    if (followUp && body.employed === undefined) issues.push({ path: 'body.employed', message: 'Indicare se la persona lavora', code: 'required' });
    if (body.occurredOn > todayOf(ctx)) issues.push({ path: 'body.occurredOn', message: 'La data è nel futuro', code: 'future_date' });
    if (body.occurredOn < c.opened_on) issues.push({ path: 'body.occurredOn', message: 'La data precede la presa in carico', code: 'too_early' });
    if (issues.length) throw invalid(issues);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO pilot_outcomes (person_id, case_id, comune_istat, kind, occurred_on, employed, detail, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [body.personId, caseId, c.comune_istat, body.kind, body.occurredOn, body.employed ?? null, body.detail ?? null, ctx.clock.now()],
    );
    if (followUp) {
      // the work-list task for this follow-up is done
      await tx.query(`UPDATE pilot_tasks SET status = 'fatto', done_at = $2 WHERE dedupe_key = $1 AND status = 'aperto'`,
        [`follow-up:${caseId}:${body.kind === 'follow_up_6' ? 6 : 12}`, ctx.clock.now()]);
    }
    await recordCaseEvent(tx, ctx, { caseId, comune: c.comune_istat, personId: body.personId, type: followUp ? 'FOLLOW_UP' : `ESITO_${body.kind.toUpperCase()}`, on: body.occurredOn });
    await recordAudit(tx, ctx, { action: 'pilot.outcome.create', entityType: 'pilot_case', entityId: caseId, tenantComune: c.comune_istat, details: { outcome: row!.id, kind: body.kind, person: body.personId } });
  });
  return listOutcomes(ctx, caseId);
}

export async function pilotOutcomeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot'];
  const params = z.object({ caseId: idParam });
  app.get('/cases/:caseId/outcomes', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'listPilotOutcomes', summary: 'Employment contracts and outcomes of a case',
      description: 'Referente_comunale, or the operatore of the case (`pilot.cases.read`): the employment contracts and outcomes (certificates, ADI, housing autonomy, follow-ups) of a case.',
      params, response: { 200: caseOutcomesSchema },
    },
    handler: (req) => listOutcomes(req.ctx, req.params.caseId),
  });
  app.post('/cases/:caseId/contracts', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'addPilotContract', summary: 'Record an employment contract of a member',
      description: 'Case staff (`pilot.cases.write`): records an employment contract (type, ATECO sector, dates) of a member of the case.',
      params, body: createContractSchema, response: { 201: caseOutcomesSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addContract(req.ctx, req.params.caseId, req.body)),
  });
  app.post('/cases/:caseId/outcomes', {
    config: { auth: 'session' },
    schema: {
      tags, operationId: 'addPilotOutcome', summary: 'Record an outcome (certificate, ADI, housing autonomy, follow-up)',
      description: 'Case staff (`pilot.cases.write`): records an outcome of a member of the case; a follow-up only after the case is closed (409 `pilot.invalid_transition`).',
      params, body: createOutcomeSchema, response: { 201: caseOutcomesSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addOutcome(req.ctx, req.params.caseId, req.body)),
  });
}
