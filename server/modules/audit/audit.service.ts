import { systemAccess, type Database, type Queryable } from '../../platform/db/db.js';
import { accessOf, type Ctx } from '../../platform/context.js';
import { resolveDataKey } from '../../platform/crypto.js';
import type { AuditAction, AuditEntityType } from '../../platform/audit-actions.js';
import { assertCan } from '../../platform/policy.js';
import type { Page } from '../../platform/pagination.js';
import {
  appendCheckpoint,
  checkpointKey,
  readCheckpointFile,
  readLastCheckpoint,
  signCheckpoint,
  type AuditCheckpoint,
} from './audit.checkpoint.js';
import {
  insertAuditRow,
  selectAuditActors,
  selectAuditHashes,
  selectAuditHead,
  selectAuditOrganisations,
  selectAuditPage,
  verifyAuditChain,
} from './audit.repo.js';
import type {
  AuditActor,
  AuditEntry,
  AuditOrganisation,
  AuditPickerQuery,
  AuditQuery,
  AuditVerification,
} from './audit.schema.js';

/** What happened, to which record. `details` holds identifiers and field names, never personal data. */
export interface AuditEvent {
  /** A declared action (`defineAuditActions` in the module's folder): an undeclared one does not compile. */
  action: AuditAction;
  entityType?: AuditEntityType | null;
  entityId?: string | null;
  /**
   * The Comune whose data the event concerns (row-level security: only that Comune reads it).
   * Defaults to the actor's own Comune; `null` marks a platform-wide event.
   */
  tenantComune?: string | null;
  outcome?: 'success' | 'failure' | 'denied';
  details?: Record<string, string | number | boolean | null | string[]>;
  /** Overrides the actor from ctx (e.g. a login, before a session exists). */
  actorUserId?: string | null;
  actorOrgId?: string | null;
}

/**
 * Writes an audit row inside the caller's transaction, so the row exists exactly when the change
 * does. Other modules call this for every change and for every read of a sensitive record.
 */
export async function recordAudit(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'requestId'>,
  event: AuditEvent,
): Promise<void> {
  await insertAuditRow(tx, {
    occurredAt: ctx.clock.now(),
    actorUserId: event.actorUserId !== undefined ? event.actorUserId : (ctx.actor?.userId ?? null),
    actorOrgId: event.actorOrgId !== undefined ? event.actorOrgId : (ctx.actor?.organisationId ?? null),
    // an actor's own events belong to their Comune unless the event names another place (or null)
    tenantComune: event.tenantComune !== undefined ? event.tenantComune : (ctx.actor?.scope.comuneIstat ?? null),
    action: event.action,
    entityType: event.entityType ?? null,
    entityId: event.entityId ?? null,
    outcome: event.outcome ?? 'success',
    details: event.details ?? {},
    requestId: ctx.requestId,
  });
}

/** A page of audit rows: everything for the administrator, the own Comune's rows for a referente. */
export async function findAuditEntries(ctx: Ctx, q: AuditQuery): Promise<Page<AuditEntry>> {
  assertCan(ctx.actor, 'audit.read');
  const { items, total } = await ctx.db.tx(accessOf(ctx.actor), (tx) => selectAuditPage(tx, q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The authors of the audit rows the actor may read (everyone's for the administrator, those of the
 * own Comune's rows for a referente), by part of the name or e-mail: the "Utente" filter's picker.
 */
export async function findAuditActors(ctx: Ctx, q: AuditPickerQuery): Promise<{ items: AuditActor[] }> {
  assertCan(ctx.actor, 'audit.read');
  return { items: await ctx.db.tx(accessOf(ctx.actor), (tx) => selectAuditActors(tx, q)) };
}

/** The organisations of the authors of the audit rows the actor may read, by part of the name. */
export async function findAuditOrganisations(ctx: Ctx, q: AuditPickerQuery): Promise<{ items: AuditOrganisation[] }> {
  assertCan(ctx.actor, 'audit.read');
  return { items: await ctx.db.tx(accessOf(ctx.actor), (tx) => selectAuditOrganisations(tx, q)) };
}

/** Verifies the whole hash chain; the check itself is audited. */
export async function verifyAudit(ctx: Ctx): Promise<AuditVerification> {
  assertCan(ctx.actor, 'audit.verify');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const result = await verifyAuditChain(tx);
    await recordAudit(tx, ctx, {
      action: 'audit.verify',
      outcome: result.ok ? 'success' : 'failure',
      details: { checked: result.checked, firstInvalidSeq: result.firstInvalidSeq },
    });
    return result;
  });
}

/** What one run of the checkpoint job did. */
export type CheckpointOutcome =
  | { written: AuditCheckpoint }
  | { skipped: 'empty' | 'unchanged' }
  /** The chain no longer extends the last checkpoint: nothing is written, the log says why. */
  | { refused: string };

/**
 * Appends a signed checkpoint of the chain's head to the checkpoints file (decision 0019), after
 * checking that the chain still extends the file's last checkpoint: that row keeps its hash, the
 * rows after it link to it, and no row is missing. A chain that does not is never sealed: the
 * run logs an error and writes nothing, so the file keeps the last good head.
 */
export async function writeAuditCheckpoint(
  ctx: Pick<Ctx, 'db' | 'clock' | 'log' | 'config'>,
): Promise<CheckpointOutcome> {
  const key = checkpointKey(resolveDataKey(ctx.config));
  const file = ctx.config.auditCheckpointFile;
  const { checkpoint: last, lastLineRefused } = readLastCheckpoint(key, file);
  if (lastLineRefused)
    ctx.log.error({ reason: lastLineRefused }, 'audit checkpoints: the last line of the file is refused');
  const outcome = await ctx.db.tx(systemAccess, async (tx): Promise<CheckpointOutcome> => {
    const head = await selectAuditHead(tx);
    if (!head)
      return last
        ? { refused: `the audit trail is empty, but seq ${last.seq} was checkpointed` }
        : { skipped: 'empty' };
    if (last) {
      const stored = (await selectAuditHashes(tx, [last.seq])).get(last.seq);
      if (stored === undefined)
        return { refused: `row seq ${last.seq} of the last checkpoint is gone (the chain ends at seq ${head.seq})` };
      if (stored !== last.hash) return { refused: `row seq ${last.seq} no longer has the checkpointed hash` };
    }
    const chain = await verifyAuditChain(tx, last ?? undefined);
    if (!chain.ok) return { refused: `the chain is broken at seq ${chain.firstInvalidSeq}` };
    if (head.rows !== head.seq) return { refused: `the table holds ${head.rows} rows for ${head.seq} places` };
    if (last && head.seq === last.seq) return { skipped: 'unchanged' };
    return { written: signCheckpoint(key, { ...head, at: ctx.clock.now().toISOString() }) };
  });
  if ('written' in outcome) {
    try {
      appendCheckpoint(file, outcome.written);
    } catch (err) {
      // e.g. a read-only folder: say where, so the operator sets INCAS_AUDIT_CHECKPOINT_FILE
      ctx.log.error({ file, code: (err as NodeJS.ErrnoException).code }, 'audit checkpoint could not be written');
      throw err;
    }
    ctx.log.info({ auditCheckpoint: outcome.written }, 'audit checkpoint written');
  } else if ('refused' in outcome) {
    ctx.log.error(
      { reason: outcome.refused },
      'audit checkpoint refused: the chain does not extend the last checkpoint',
    );
  }
  return outcome;
}

/** A head kept outside the database: a line of the checkpoints file, or one given by the operator. */
export interface KeptHead {
  seq: number;
  hash: string;
  /** Rows the table held then (checkpoints only). */
  rows?: number;
  /** Where it comes from, for the messages: "<file> line 12, written 2026-06-01T09:00:00.000Z", "--head 1234". */
  source: string;
}

/** A kept head the database contradicts. */
export interface HeadContradiction {
  source: string;
  seq: number;
  kind: 'truncated' | 'rewritten' | 'rows_missing';
  message: string;
}

/**
 * Compares the chain with heads kept outside it. The row at each head's seq must exist (else the
 * tail was cut) with the kept hash (else the chain was re-chained or altered at or before it),
 * and the table must hold at least as many rows as each checkpoint counted.
 */
export async function checkKeptHeads(tx: Queryable, heads: readonly KeptHead[]): Promise<HeadContradiction[]> {
  if (!heads.length) return [];
  const stored = await selectAuditHashes(
    tx,
    heads.map((h) => h.seq),
  );
  const head = await selectAuditHead(tx);
  const end = head?.seq ?? 0;
  const rows = head?.rows ?? 0;
  const matching = heads.filter((h) => stored.get(h.seq) === h.hash).map((h) => h.seq);
  const lastGoodBelow = (seq: number) => Math.max(0, ...matching.filter((s) => s < seq));
  const out: HeadContradiction[] = [];
  for (const h of heads) {
    const hash = stored.get(h.seq);
    if (hash === undefined) {
      out.push({
        source: h.source,
        seq: h.seq,
        kind: 'truncated',
        message: `row seq ${h.seq} is gone: the chain now ends at seq ${end} (its tail was cut)`,
      });
    } else if (hash !== h.hash) {
      out.push({
        source: h.source,
        seq: h.seq,
        kind: 'rewritten',
        message: `row seq ${h.seq} has another hash than the kept one: the chain was rewritten after seq ${lastGoodBelow(h.seq)} and at or before seq ${h.seq}`,
      });
    } else if (h.rows !== undefined && rows < h.rows) {
      out.push({
        source: h.source,
        seq: h.seq,
        kind: 'rows_missing',
        message: `the table holds ${rows} rows, fewer than the ${h.rows} it held then`,
      });
    }
  }
  return out;
}

/** What `npm run audit:verify` found. */
export interface AuditTrailReport {
  /** The chain's own consistency (every digest, link and number). */
  chain: AuditVerification;
  /** The current head, signed: the line an operator keeps elsewhere. Null while the trail is empty. */
  head: AuditCheckpoint | null;
  /** The checkpoints file read, if any. */
  file: {
    path: string;
    found: boolean;
    checkpoints: number;
    latest: AuditCheckpoint | null;
    refused: Array<{ line: number; reason: string }>;
  } | null;
  /** How many kept heads were compared (file lines that verify, plus those given by hand). */
  keptHeads: number;
  contradictions: HeadContradiction[];
  ok: boolean;
}

/**
 * The operator's check, as the database owner: the chain's own consistency, then every kept head
 * (the checkpoints file, when given and present, and heads given by hand) against it. A file line
 * whose signature does not verify is refused and fails the check; it is not compared.
 */
export async function verifyAuditTrail(
  db: Database,
  opts: { dataKey: Buffer; checkpointFile: string | null; heads: readonly KeptHead[]; now: Date },
): Promise<AuditTrailReport> {
  const key = checkpointKey(opts.dataKey);
  let file: AuditTrailReport['file'] = null;
  const kept: KeptHead[] = [];
  if (opts.checkpointFile) {
    let read: ReturnType<typeof readCheckpointFile> | null = null;
    try {
      read = readCheckpointFile(key, opts.checkpointFile);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    file = {
      path: opts.checkpointFile,
      found: read !== null,
      checkpoints: read?.checkpoints.length ?? 0,
      latest: read?.checkpoints.reduce<AuditCheckpoint | null>((a, c) => (!a || c.seq >= a.seq ? c : a), null) ?? null,
      refused: read?.refused ?? [],
    };
    for (const c of read?.checkpoints ?? [])
      kept.push({
        seq: c.seq,
        hash: c.hash,
        rows: c.rows,
        source: `${opts.checkpointFile} line ${c.line}, written ${c.at}`,
      });
  }
  kept.push(...opts.heads);
  const { chain, head, contradictions } = await db.ownerTx(async (tx) => {
    const chain = await verifyAuditChain(tx);
    const h = await selectAuditHead(tx);
    return {
      chain,
      head: h ? signCheckpoint(key, { ...h, at: opts.now.toISOString() }) : null,
      contradictions: await checkKeptHeads(tx, kept),
    };
  });
  return {
    chain,
    head,
    file,
    keptHeads: kept.length,
    contradictions,
    ok: chain.ok && contradictions.length === 0 && !file?.refused.length,
  };
}
