import type { Queryable } from '../../platform/db/db.js';
import { accessOf, type Ctx } from '../../platform/context.js';
import { assertCan } from '../../platform/policy.js';
import type { Page } from '../../platform/pagination.js';
import { insertAuditRow, selectAuditPage, verifyAuditChain } from './audit.repo.js';
import type { AuditEntry, AuditQuery, AuditVerification } from './audit.schema.js';

/** What happened, to which record. `details` holds identifiers and field names, never personal data. */
export interface AuditEvent {
  action: string;
  entityType?: string | null;
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
