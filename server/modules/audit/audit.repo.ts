import type { AuditAction, AuditEntityType } from '../../platform/audit-actions.js';
import type { Queryable } from '../../platform/db/db.js';
import { Where, offsetOf } from '../../platform/pagination.js';
import {
  AUDIT_PICKER_LIMIT,
  type AuditActor,
  type AuditEntry,
  type AuditOrganisation,
  type AuditPickerQuery,
  type AuditQuery,
  type AuditVerification,
} from './audit.schema.js';

export interface AuditRow {
  occurredAt: Date;
  actorUserId: string | null;
  actorOrgId: string | null;
  tenantComune: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  details: Record<string, unknown>;
  requestId: string | null;
}

/** Appends one row; the trigger assigns its place in the hash chain. */
export async function insertAuditRow(tx: Queryable, r: AuditRow): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (occurred_at, actor_user_id, actor_org_id, tenant_comune, action, entity_type,
       entity_id, outcome, details, request_id, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '', '')`,
    [
      r.occurredAt,
      r.actorUserId,
      r.actorOrgId,
      r.tenantComune,
      r.action,
      r.entityType,
      r.entityId,
      r.outcome,
      JSON.stringify(r.details),
      r.requestId,
    ],
  );
}

/**
 * True when the trail holds an event with this action about this entity whose details contain
 * `details` (JSON containment), among the rows the transaction may read (row-level security).
 * Other modules ask through here instead of reading `audit_log`.
 */
export async function auditEventExists(
  tx: Queryable,
  e: { action: AuditAction; entityType: AuditEntityType; entityId: string; details?: Record<string, unknown> },
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM audit_log
      WHERE action = $1 AND entity_type = $2 AND entity_id = $3 AND details @> $4::jsonb LIMIT 1`,
    [e.action, e.entityType, e.entityId, JSON.stringify(e.details ?? {})],
  );
  return rows.length > 0;
}

export async function selectAuditPage(tx: Queryable, q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
  const w = new Where();
  if (q.actorUserId) w.add('a.actor_user_id = $?', q.actorUserId);
  if (q.organisationId) w.add('a.actor_org_id = $?', q.organisationId);
  if (q.entityType) w.add('a.entity_type = $?', q.entityType);
  if (q.entityId) w.add('a.entity_id = $?', q.entityId);
  if (q.action) w.add('a.action = $?', q.action);
  if (q.tenantComune) w.add('a.tenant_comune = $?', q.tenantComune);
  if (q.from) w.add('a.occurred_at >= $?', q.from);
  if (q.to) w.add('a.occurred_at < $?', q.to);
  const [count] = await tx.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log a ${w}`, w.params);
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<{
    id: number;
    seq: number;
    occurred_at: Date;
    actor_user_id: string | null;
    actor_name: string | null;
    actor_email: string | null;
    actor_org_id: string | null;
    actor_org_name: string | null;
    tenant_comune: string | null;
    action: string;
    entity_type: string | null;
    entity_id: string | null;
    outcome: AuditEntry['outcome'];
    details: Record<string, unknown>;
  }>(
    `SELECT a.id, a.seq, a.occurred_at, a.actor_user_id, u.display_name AS actor_name, u.email AS actor_email, a.actor_org_id,
            o.name AS actor_org_name, a.tenant_comune, a.action, a.entity_type, a.entity_id, a.outcome, a.details
       FROM audit_log a
       LEFT JOIN users u ON u.id = a.actor_user_id
       LEFT JOIN organisations o ON o.id = a.actor_org_id
       ${w} ORDER BY a.seq DESC LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      occurredAt: r.occurred_at.toISOString(),
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      actorEmail: r.actor_email,
      actorOrganisationId: r.actor_org_id,
      actorOrganisationName: r.actor_org_name,
      tenantComune: r.tenant_comune,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      outcome: r.outcome,
      details: r.details,
    })),
  };
}

const likeAny = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;

/**
 * The users who appear as the author of at least one audit row the transaction may read, matching
 * `q` in their name or e-mail, or the one with `id` (names through the owners' views). Under row-level security a referente comunale
 * finds only the authors of their Comune's rows: nobody the log itself would not show them.
 */
export async function selectAuditActors(tx: Queryable, q: AuditPickerQuery): Promise<AuditActor[]> {
  const w = new Where();
  if (q.id !== undefined) w.add('u.id = $?', q.id);
  if (q.q !== undefined) {
    w.add('(u.display_name ILIKE $? OR u.email ILIKE $?)', likeAny(q.q));
  }
  w.raw('EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_user_id = u.id)');
  const rows = await tx.query<{ id: string; display_name: string; email: string; org_name: string | null }>(
    `SELECT u.id, u.display_name, u.email, o.name AS org_name
       FROM access_users_v u LEFT JOIN registry_organisations_v o ON o.id = u.organisation_id
       ${w} ORDER BY u.display_name, u.email LIMIT ${AUDIT_PICKER_LIMIT}`,
    w.params,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email, organisationName: r.org_name }));
}

/**
 * The organisations on whose behalf at least one audit row the transaction may read was written,
 * matching `q` in their name, or the one with `id` (row-level security as for the actors).
 */
export async function selectAuditOrganisations(tx: Queryable, q: AuditPickerQuery): Promise<AuditOrganisation[]> {
  const w = new Where();
  if (q.id !== undefined) w.add('o.id = $?', q.id);
  if (q.q !== undefined) w.add('o.name ILIKE $?', likeAny(q.q));
  w.raw('EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_org_id = o.id)');
  return tx.query<AuditOrganisation>(
    `SELECT o.id, o.name, o.type FROM registry_organisations_v o ${w} ORDER BY o.name LIMIT ${AUDIT_PICKER_LIMIT}`,
    w.params,
  );
}

/**
 * Recomputes every row's digest in chain order and checks the links and the numbering; returns
 * the first row that does not match (modified, inserted out of band, or following a deleted row).
 * With `after` (a kept head: seq and hash), checks only the rows after it, which must continue
 * from that hash with the next numbers (the job that writes checkpoints checks only what is new).
 */
export async function verifyAuditChain(
  tx: Queryable,
  after: { seq: number; hash: string } = { seq: 0, hash: '' },
): Promise<AuditVerification> {
  const [r] = await tx.query<{ checked: number; first_bad: number | null }>(
    `SELECT count(*) AS checked, min(seq) FILTER (WHERE NOT ok) AS first_bad
       FROM (SELECT a.seq,
                    a.hash = incas_audit_digest(a.prev_hash, a)
                    AND a.prev_hash = coalesce(lag(a.hash) OVER (ORDER BY a.seq), $2::text)
                    AND a.seq = $1::bigint + row_number() OVER (ORDER BY a.seq) AS ok
               FROM audit_log a
              WHERE a.seq > $1::bigint) chain`,
    [after.seq, after.hash],
  );
  const firstInvalidSeq = r?.first_bad ?? null;
  return { ok: firstInvalidSeq === null, checked: r?.checked ?? 0, firstInvalidSeq };
}

/** The head of the chain: the last row's place and hash, and how many rows the table holds. */
export interface AuditHead {
  seq: number;
  hash: string;
  rows: number;
}

/** The current head, or null while the trail is empty. */
export async function selectAuditHead(tx: Queryable): Promise<AuditHead | null> {
  const [r] = await tx.query<{ seq: number; hash: string; rows: number }>(
    `SELECT a.seq, a.hash, (SELECT count(*) FROM audit_log) AS rows FROM audit_log a ORDER BY a.seq DESC LIMIT 1`,
  );
  return r ? { seq: r.seq, hash: r.hash, rows: r.rows } : null;
}

/** The stored hash of each of the given rows (absent from the map: no row at that seq). */
export async function selectAuditHashes(tx: Queryable, seqs: readonly number[]): Promise<Map<number, string>> {
  const rows = await tx.query<{ seq: number; hash: string }>(
    `SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])`,
    [[...new Set(seqs)]],
  );
  return new Map(rows.map((r) => [r.seq, r.hash]));
}
