/**
 * The pseudonymised extract for ANCI/Cittalia technical assistance (security.md §4.2 point 8): a
 * new release for the requesting user, built by extract.rules.ts from the same SECURITY DEFINER
 * function as the browsing page, and audited.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { toPseudonymisedRecord } from './comparative.mapper.js';
import { selectPilotComuneCodes, selectRecords } from './comparative.repo.js';
import type { PseudonymisedRecord } from './comparative.schema.js';
import { buildRelease, manifestOf } from './extract.rules.js';
import type { ExtractRecord, Manifest } from './extract.schema.js';

/** Rows read per Comune: every row of it (the pilot Comuni hold far fewer). */
const ROWS_PER_COMUNE = 100000;

/** A new release for the requesting technical-assistance user, across the pilot Comuni. */
export async function createExtract(ctx: Ctx): Promise<{ manifest: Manifest; records: ExtractRecord[] }> {
  assertCan(ctx.actor, 'pilot.pseudonymised.read');
  const actor = ctx.actor;
  const refYear = ctx.clock.now().getUTCFullYear();
  const release = randomUUID();
  // a key of this release alone: never stored, so not even the platform can join two releases
  const key = randomBytes(32);
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const rows: PseudonymisedRecord[] = [];
    for (const comune of await selectPilotComuneCodes(tx)) {
      rows.push(...(await selectRecords(tx, comune, refYear, ROWS_PER_COMUNE, 0)).map(toPseudonymisedRecord));
    }
    const built = buildRelease(rows, key);
    const manifest = manifestOf(
      { release, generatedAt: ctx.clock.now().toISOString(), recipient: actor.email, rows: rows.length },
      built,
    );
    await recordAudit(tx, ctx, {
      action: 'pilot.extract.create',
      entityType: 'pilot_extract',
      entityId: release,
      tenantComune: null,
      details: { records: manifest.records, suppressed: manifest.suppressed, k: manifest.kMeasured ?? 0 },
    });
    return { manifest, records: built.records };
  });
}
