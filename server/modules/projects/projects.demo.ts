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
import { seedMonitoringDemo } from './monitoring/monitoring.demo.js';
import { seedQueriesDemo } from './queries/queries.demo.js';
import { accountsToList, seedProjectsDemoData, type ProjectsSeedResult } from './demo/seed.js';

export interface ProjectsDemoResult extends ProjectsSeedResult {
  claims: { claims: number; verifications: number } | null;
  schede: number;
  queries: number;
}

export async function seedProjectsDemoAll(db: Database, password: string, now: Date): Promise<ProjectsDemoResult> {
  const result = await seedProjectsDemoData(db, password, now);
  if (!result.created || !result.actors) return { ...result, claims: null, schede: 0, queries: 0 };
  const today = romeDate(now);
  const { revisoreId, mlpsId, anciId } = result.actors;
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
  const schede = await seedMonitoringDemo(db, {
    today,
    anciId,
    mlpsId,
    projects: result.projects.map((p) => ({ id: p.id, status: p.status, comuneUserId: p.createdBy, title: p.title })),
  });
  const queries = await seedQueriesDemo(db, {
    now,
    anciId,
    mlpsId,
    projects: result.projects.map((p) => ({
      id: p.id,
      comuneIstat: p.comune.istat,
      status: p.status,
      comuneUserId: p.createdBy,
      lineKey: p.linesInForce[0]?.key ?? null,
      expenseId: ((p.expenses.find((e) => (e.warnings as string[]).length > 0) ?? p.expenses[0])?.id as string) ?? null,
      claimId: claims.latestByProject[p.id] ?? null,
    })),
  });
  return { ...result, claims: { claims: claims.claims, verifications: claims.verifications }, schede, queries };
}

/** The module's seedDemo: everything, once; the accounts to print at start. */
export async function seedProjectsDemo(deps: { db: Database; password: string; today?: Date }): Promise<DemoAccount[]> {
  return accountsToList(deps.db, await seedProjectsDemoAll(deps.db, deps.password, deps.today ?? new Date()));
}
