/**
 * The projects' demo data, part by part (issue 12 item 9): the demo part plans and writes the calls,
 * projects, budgets and expenses; each other part then writes its own records over them with its
 * own statements (the claims with their verification and verbali, the quarterly schede, the query
 * threads), so that the demo is what the services would have written.
 */
import type { Database } from '../../platform/db/db.js';
import type { DemoAccount } from '../../platform/module.js';
import { romeDate } from '../../platform/calendar.js';
import { seedClaimsDemo } from './claims/claims.demo.js';
import { accountsToList, seedProjectsDemoData, type ProjectsSeedResult } from './demo/seed.js';

export interface ProjectsDemoResult extends ProjectsSeedResult {
  claims: { claims: number; verifications: number } | null;
}

export async function seedProjectsDemoAll(db: Database, password: string, now: Date): Promise<ProjectsDemoResult> {
  const result = await seedProjectsDemoData(db, password, now);
  if (!result.created || !result.actors) return { ...result, claims: null };
  const today = romeDate(now);
  const { revisoreId, mlpsId } = result.actors;
  const claims = await seedClaimsDemo(db, {
    today,
    revisoreId,
    mlpsId,
    projects: result.projects.map((p) => ({
      id: p.id,
      comuneIstat: p.comune.istat,
      status: p.status,
      start: p.start,
      end: p.end,
      callVersionId: p.callVersionId,
      comuneUserId: p.createdBy,
      expenses: p.expenses.map((e) => ({
        id: e.id as string,
        docDate: e.doc_date as string,
        status: e.status as string,
        chargedCents: e.charged_cents as number,
        warnings: e.warnings as string[],
      })),
    })),
  });
  return { ...result, claims };
}

/** The module's seedDemo: everything, once; the accounts to print at start. */
export async function seedProjectsDemo(deps: { db: Database; password: string; today?: Date }): Promise<DemoAccount[]> {
  return accountsToList(deps.db, await seedProjectsDemoAll(deps.db, deps.password, deps.today ?? new Date()));
}
