/**
 * What other sub-features of the pilot may do to the work list (`pilot_tasks`, owned by
 * `pilot/work`): one function per need, so that no other sub-feature writes its SQL.
 */
import type { Queryable } from '../../../platform/db/db.js';

/** Marks the open work-list task with this dedupe key as done (e.g. a follow-up was recorded). */
export async function completeTask(tx: Queryable, dedupeKey: string, now: Date): Promise<void> {
  await tx.query(`UPDATE pilot_tasks SET status = 'fatto', done_at = $2 WHERE dedupe_key = $1 AND status = 'aperto'`, [
    dedupeKey,
    now,
  ]);
}
