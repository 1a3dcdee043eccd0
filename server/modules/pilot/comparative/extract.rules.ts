/**
 * The pseudonymised extract for ANCI/Cittalia technical assistance (security.md §4.2 point 8):
 * one file per release, for one recipient, where
 * - every pseudonym is replaced by HMAC-SHA-256 with a key of that release alone, so two releases
 *   cannot be joined on it;
 * - the quasi-identifiers (Comune, sex, age band, role) are generalised step by step until every
 *   combination holds at least K persons, and the records still alone are suppressed;
 * - a manifest states the measured k, the generalisation applied and the suppression rate.
 * No name, date of birth, codice fiscale, permit number, address, nationality or free text is
 * ever in it: the rows come from the same SECURITY DEFINER function as the browsing page.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { pseudonymisedRecordSchema, type PseudonymisedRecord } from './comparative.schema.js';

export const K_MIN = 5;

export type ExtractRecord = Omit<PseudonymisedRecord, 'pseudonym' | 'ageBand' | 'sex' | 'degree' | 'openedQuarter'> & {
  ref: string;
  /** The year the case opened (the quarter is too fine next to small counts). */
  openedYear: string;
  sex: string;
  ageBand: string;
  degree: number | null;
};

/** Generalisation steps, from none to the coarsest; each keeps less detail of the quasi-identifiers. */
const steps = [
  { name: 'nessuna', age: (a: string) => a, sex: (s: string) => s },
  { name: 'fasce di età ampie', age: broadAge, sex: (s: string) => s },
  { name: 'fasce di età ampie, sesso omesso', age: broadAge, sex: () => '*' },
  { name: 'età e sesso omessi', age: () => '*', sex: () => '*' },
] as const;

function broadAge(a: string): string {
  if (a === '0-17') return '0-17';
  if (a === '18-24' || a === '25-34') return '18-34';
  if (a === '35-44' || a === '45-54') return '35-54';
  return a === '55+' ? '55+' : '*';
}

const qiKey = (r: { comuneIstat: string; role: string; sex: string; ageBand: string }) => `${r.comuneIstat}|${r.role}|${r.sex}|${r.ageBand}`;

export const manifestSchema = z
  .object({
    release: z.uuid(), generatedAt: z.iso.datetime(), recipient: z.string(), kRequired: z.number().int(), kMeasured: z.number().int().nullable(),
    generalisation: z.string(), quasiIdentifiers: z.array(z.string()), records: z.number().int(), suppressed: z.number().int(),
    suppressionRate: z.number(), fields: z.array(z.string()),
  })
  .meta({ id: 'PilotExtractManifest' });
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * Builds a release from raw pseudonymised rows: keyed references, then the least generalisation
 * that leaves at most 5 % of the rows suppressed (or the coarsest), then suppression of the rows
 * whose combination still has fewer than K persons. Pure: the key comes in.
 */
export function buildRelease(rows: PseudonymisedRecord[], key: Buffer, k = K_MIN): { records: ExtractRecord[]; kMeasured: number | null; generalisation: string; suppressed: number } {
  let chosen: { records: ExtractRecord[]; suppressed: number; step: string } | null = null;
  for (const step of steps) {
    const generalised = rows.map((r) => ({
      ref: createHmac('sha256', key).update(r.pseudonym).digest('hex').slice(0, 16),
      comuneIstat: r.comuneIstat, role: r.role, degree: r.role === 'titolare' ? null : r.degree === null ? null : Math.min(r.degree, 3),
      sex: step.sex(r.sex), ageBand: step.age(r.ageBand ?? '*'), caseStatus: r.caseStatus, openedYear: r.openedQuarter.slice(0, 4),
      admitted: r.admitted, paiStatus: r.paiStatus, measures: r.measures, hasContract: r.hasContract, exitReason: r.exitReason,
    }));
    const counts = new Map<string, number>();
    for (const g of generalised) counts.set(qiKey(g), (counts.get(qiKey(g)) ?? 0) + 1);
    const kept = generalised.filter((g) => counts.get(qiKey(g))! >= k);
    chosen = { records: kept, suppressed: generalised.length - kept.length, step: step.name };
    if (chosen.suppressed <= rows.length * 0.05) break;
  }
  const records = chosen?.records ?? [];
  const counts = new Map<string, number>();
  for (const r of records) counts.set(qiKey(r), (counts.get(qiKey(r)) ?? 0) + 1);
  const kMeasured = counts.size ? Math.min(...counts.values()) : null;
  // the order of the rows must not follow the order of registration
  records.sort((a, b) => a.ref.localeCompare(b.ref));
  return { records, kMeasured, generalisation: chosen?.step ?? steps[0].name, suppressed: chosen?.suppressed ?? 0 };
}

/** A new release for the requesting technical-assistance user, across the pilot Comuni. */
export async function createExtract(ctx: Ctx): Promise<{ manifest: Manifest; records: ExtractRecord[] }> {
  assertCan(ctx.actor, 'pilot.pseudonymised.read');
  const actor = ctx.actor;
  const refYear = ctx.clock.now().getUTCFullYear();
  const release = randomUUID();
  // a key of this release alone: never stored, so not even the platform can join two releases
  const key = randomBytes(32);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const comuni = await tx.query<{ istat_code: string }>('SELECT istat_code FROM comuni WHERE pilot_18ter ORDER BY istat_code');
    const rows: PseudonymisedRecord[] = [];
    for (const { istat_code: comune } of comuni) {
      const part = await tx.query<{
        pseudonym: string; comune_istat: string; role: 'titolare' | 'familiare'; degree: number | null; sex: 'F' | 'M' | 'X';
        age_band: PseudonymisedRecord['ageBand']; case_status: PseudonymisedRecord['caseStatus']; opened_quarter: string; admitted: boolean;
        pai_status: PseudonymisedRecord['paiStatus']; measures: number; has_contract: boolean; exit_reason: PseudonymisedRecord['exitReason'];
      }>(
        `SELECT pseudonym, comune_istat, role, degree, sex, age_band, case_status, opened_quarter, admitted, pai_status, measures,
                has_contract, exit_reason FROM pilot_pseudonymised_records($1, $2, 100000, 0)`,
        [comune, refYear],
      );
      rows.push(...part.map((r) => ({
        pseudonym: r.pseudonym, comuneIstat: r.comune_istat, role: r.role, degree: r.degree, sex: r.sex, ageBand: r.age_band,
        caseStatus: r.case_status, openedQuarter: r.opened_quarter, admitted: r.admitted, paiStatus: r.pai_status, measures: r.measures,
        hasContract: r.has_contract, exitReason: r.exit_reason,
      })));
    }
    const built = buildRelease(rows, key);
    const manifest: Manifest = {
      release, generatedAt: ctx.clock.now().toISOString(), recipient: actor.email, kRequired: K_MIN, kMeasured: built.kMeasured,
      generalisation: built.generalisation, quasiIdentifiers: ['comuneIstat', 'role', 'sex', 'ageBand'],
      records: built.records.length, suppressed: built.suppressed,
      suppressionRate: rows.length ? Math.round((built.suppressed / rows.length) * 1000) / 10 : 0,
      fields: ['ref', 'comuneIstat', 'role', 'degree', 'sex', 'ageBand', 'caseStatus', 'openedYear', 'admitted', 'paiStatus',
        'measures', 'hasContract', 'exitReason'],
    };
    await recordAudit(tx, ctx, {
      action: 'pilot.extract.create', entityType: 'pilot_extract', entityId: release, tenantComune: null,
      details: { records: manifest.records, suppressed: manifest.suppressed, k: manifest.kMeasured ?? 0 },
    });
    return { manifest, records: built.records };
  });
}

const extractRecordSchema = pseudonymisedRecordSchema
  .omit({ pseudonym: true, sex: true, ageBand: true, degree: true, openedQuarter: true })
  .extend({ ref: z.string(), sex: z.string(), ageBand: z.string(), degree: z.number().int().nullable(), openedYear: z.string() });
const extractSchema = z
  .object({
    manifest: manifestSchema,
    records: z.array(extractRecordSchema),
  })
  .meta({ id: 'PilotPseudonymisedExtract' });

export async function pilotExtractRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get('/comparative/extract', {
    config: { auth: 'session' },
    schema: {
      tags: ['pilot-monitoring'], operationId: 'createPilotPseudonymisedExtract',
      summary: 'A new pseudonymised release for technical assistance: keyed references of this release only, k ≥ 5, manifest',
      description: 'Assistenza_tecnica only (`pilot.pseudonymised.read`): a new release of pseudonymised rows with references keyed for this release only, generalised until every group holds at least 5 people, and its manifest; audited.',
      response: { 200: extractSchema },
    },
    handler: async (req, reply) => {
      const extract = await createExtract(req.ctx);
      return reply.header('content-disposition', `attachment; filename="estratto-pseudonimizzato-${extract.manifest.release}.json"`).send(extract);
    },
  });
}
