/**
 * Personal links of a Comune without an account (issue 10, point 5), issued by ANCI/Cittalia for
 * one Comune's response. The token is returned once and never stored (only its SHA-256), never
 * written to the audit trail nor logged. A response has at most one active link: issuing a new one
 * revokes the previous (re-issue = revoke + new, in one transaction).
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { LINK_VALID_DAYS, linkUrl, newLinkToken } from '../shared/links.js';
import type { LinkOut } from './waves.schema.js';

interface ResponseRef {
  id: string;
  comune_istat: string;
  wave_status: string;
}

async function loadResponse(tx: Queryable, responseId: string): Promise<ResponseRef> {
  const [r] = await tx.query<ResponseRef>(
    `SELECT wc.id, wc.comune_istat, w.status AS wave_status
       FROM survey_wave_comuni wc JOIN survey_waves w ON w.id = wc.wave_id WHERE wc.id = $1`,
    [responseId],
  );
  if (!r) throw new AppError('surveys.response.not_found');
  return r;
}

interface LinkRow {
  id: string;
  response_id: string;
  comune_istat: string;
  created_at: Date;
  created_by_name: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const linkSelect = `SELECT l.id, l.response_id, l.comune_istat, l.created_at, u.display_name AS created_by_name, l.expires_at,
  l.revoked_at, l.last_used_at FROM survey_access_links l LEFT JOIN access_users_v u ON u.id = l.created_by`;

function toLink(r: LinkRow, now: Date): LinkOut {
  return {
    id: r.id,
    status: r.revoked_at ? 'revocato' : r.expires_at <= now ? 'scaduto' : 'attivo',
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_name,
    expiresAt: r.expires_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

async function revokeActive(tx: Queryable, ctx: Ctx, responseId: string, comune: string, now: Date): Promise<void> {
  const revoked = await tx.query<{ id: string }>(
    `UPDATE survey_access_links SET revoked_at = $2 WHERE response_id = $1 AND revoked_at IS NULL AND expires_at > $2
     RETURNING id`,
    [responseId, now],
  );
  for (const r of revoked)
    await recordAudit(tx, ctx, {
      action: 'surveys.link.revoke',
      entityType: 'survey_link',
      entityId: r.id,
      tenantComune: comune,
      details: { response: responseId, reason: 'reissued' },
    });
}

export async function issueLink(
  ctx: Ctx,
  responseId: string,
  validDays: number | undefined,
): Promise<{ id: string; url: string; token: string; expiresAt: string }> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const r = await loadResponse(tx, responseId);
    if (r.wave_status !== 'aperta')
      throw new AppError('surveys.wave.state', 'Links are issued only while the wave is open');
    const now = ctx.clock.now();
    await revokeActive(tx, ctx, responseId, r.comune_istat, now);
    const id = randomUUID();
    const { token, hash } = newLinkToken();
    const expiresAt = new Date(now.getTime() + (validDays ?? LINK_VALID_DAYS) * 86_400_000);
    await tx.query(
      `INSERT INTO survey_access_links (id, response_id, comune_istat, token_hash, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, responseId, r.comune_istat, hash, actor.userId, now, expiresAt],
    );
    await recordAudit(tx, ctx, {
      action: 'surveys.link.issue',
      entityType: 'survey_link',
      entityId: id,
      tenantComune: r.comune_istat,
      details: { response: responseId, expiresAt: expiresAt.toISOString() },
    });
    return { id, url: linkUrl(ctx.config.publicUrl, token), token, expiresAt: expiresAt.toISOString() };
  });
}

export async function listLinks(ctx: Ctx, responseId: string): Promise<{ items: LinkOut[] }> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await loadResponse(tx, responseId);
    const rows = await tx.query<LinkRow>(`${linkSelect} WHERE l.response_id = $1 ORDER BY l.created_at DESC, l.id`, [
      responseId,
    ]);
    const now = ctx.clock.now();
    return { items: rows.map((r) => toLink(r, now)) };
  });
}

/** Revokes a link; revoking one already revoked changes nothing. */
export async function revokeLink(ctx: Ctx, linkId: string): Promise<LinkOut> {
  assertCan(ctx.actor, 'surveys.waves.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const [l] = await tx.query<LinkRow>(`${linkSelect} WHERE l.id = $1 FOR UPDATE OF l`, [linkId]);
    if (!l) throw new AppError('surveys.link.not_found');
    const now = ctx.clock.now();
    if (l.revoked_at) return toLink(l, now);
    await tx.query('UPDATE survey_access_links SET revoked_at = $2 WHERE id = $1', [linkId, now]);
    await recordAudit(tx, ctx, {
      action: 'surveys.link.revoke',
      entityType: 'survey_link',
      entityId: linkId,
      tenantComune: l.comune_istat,
      details: { response: l.response_id },
    });
    return toLink({ ...l, revoked_at: now }, now);
  });
}
