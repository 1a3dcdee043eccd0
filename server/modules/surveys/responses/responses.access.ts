/**
 * Who is acting on a response, and from which side: the Comune (its users with
 * surveys.response.fill, or a personal link, which stands for the Comune), or a reviewer
 * (surveys.review / surveys.read, read-only except for the review's own actions). A response of
 * another Comune is invisible (row-level security): 404, never 403.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { DbAccess, Queryable } from '../../../platform/db/db.js';
import { systemAccess } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { can } from '../../../platform/policy.js';
import { hashLinkToken, isLinkTokenShaped } from '../shared/links.js';
import { narrowToComune, selectLinkByHash, touchLink, type ResponseRow } from './responses.repo.js';

export interface Caller {
  access: DbAccess;
  userId: string | null;
  linkId: string | null;
  /** a link opens only its own response */
  onlyResponse: string | null;
  /** the Comune's side may send the questionnaire (validatore, referente, or a link) */
  maySubmit: boolean;
  /** run first in each transaction (a personal link: find it, then narrow to its Comune) */
  enter?: (tx: Queryable) => Promise<void>;
}

export type Side = 'comune' | 'reviewer';

export function userCaller(ctx: Ctx): Caller {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  if (!can(actor, 'surveys.response.fill') && !can(actor, 'surveys.review') && !can(actor, 'surveys.read')) {
    throw new AppError('forbidden', 'Missing permission surveys.response.fill');
  }
  return {
    access: accessOf(actor),
    userId: actor.userId,
    linkId: null,
    onlyResponse: null,
    maySubmit: can(actor, 'surveys.response.submit'),
  };
}

/** The side the caller stands on for this response; 404 when it may not see it at all. */
export function sideOf(ctx: Ctx, caller: Caller, row: ResponseRow): Side {
  if (caller.linkId) {
    if (caller.onlyResponse !== row.id) throw new AppError('surveys.response.not_found');
    return 'comune';
  }
  const actor = ctx.actor!;
  if (can(actor, 'surveys.response.fill') && actor.scope.level === 'comune') {
    if (actor.scope.comuneIstat === row.comune_istat) return 'comune';
    throw new AppError('surveys.response.not_found');
  }
  if (can(actor, 'surveys.review') || can(actor, 'surveys.read')) return 'reviewer';
  throw new AppError('surveys.response.not_found');
}

const invalidLink = () => new AppError('surveys.link.invalid', 'The link is not valid.');

/**
 * The caller behind a personal link. Its transaction starts at the system scope only to find the
 * link by the hash of its token (one indexed lookup; a malformed, unknown, expired or revoked
 * token all answer the same 401 after the same work), records its use, then narrows itself to the
 * link's Comune (the same settings a Comune's user gets) before anything else is read: from there
 * on row-level security sees only that Comune's rows.
 */
export function linkCaller(ctx: Ctx, token: unknown): Caller {
  const shaped = isLinkTokenShaped(token);
  // a malformed token still costs a hash and a lookup, so that no answer is faster than another
  const hash = hashLinkToken(shaped ? token : 'x'.repeat(43));
  const caller: Caller = {
    access: systemAccess,
    userId: null,
    linkId: null,
    onlyResponse: null,
    maySubmit: true,
    async enter(tx) {
      const now = ctx.clock.now();
      const row = await selectLinkByHash(tx, hash);
      if (!shaped || !row || row.revoked_at !== null || row.expires_at.getTime() <= now.getTime()) throw invalidLink();
      await touchLink(tx, row.id, now);
      await narrowToComune(tx, row.comune_istat);
      caller.linkId = row.id;
      caller.onlyResponse = row.response_id;
    },
  };
  return caller;
}
