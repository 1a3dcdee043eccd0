/**
 * Factories of the projects module's tests, written straight into the tables as the database owner
 * so that each part's tests do not depend on the other parts' routes: a funding call with a
 * published version of its rules, a project of a Comune with its staff, an approved budget, and a
 * revisore assigned to it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { CallRules } from '../../server/modules/projects/shared/call-rules.js';
import { famiLikeRules } from '../../server/modules/projects/demo/call-rules.js';
import type { Agent, TestApp } from './harness.js';
import { makeOrg, makeUser, type TestOrg, type TestUser } from './factories.js';
import { loginAs } from './pilot-factories.js';

export interface TestCall {
  callId: string;
  versionId: string;
  rules: CallRules;
}

/** A funding source (made once per code) and a call with version 1 of its rules, published. */
export async function makeCall(db: Database, rules: CallRules = famiLikeRules): Promise<TestCall> {
  const callId = randomUUID();
  const versionId = randomUUID();
  await db.ownerTx(async (tx) => {
    const [src] = await tx.query<{ id: string }>(
      `INSERT INTO project_funding_sources (id, code, name_it, created_at) VALUES ($1, 'TEST_FUND', 'Fondo di prova', now())
       ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
      [randomUUID()],
    );
    await tx.query(
      `INSERT INTO project_calls (id, funding_source_id, code, title_it, created_at) VALUES ($1, $2, $3, $4, now())`,
      [callId, src!.id, `avviso-${randomBytes(4).toString('hex')}`, 'Avviso di prova'],
    );
    await tx.query(
      `INSERT INTO project_call_versions (id, call_id, version_no, rules, published_at, created_at)
       VALUES ($1, $2, 1, $3, now(), now())`,
      [versionId, callId, JSON.stringify(rules)],
    );
  });
  return { callId, versionId, rules };
}

export interface TestBudgetLine {
  lineKey: string;
  categoryCode: string;
  amountCents: number;
}

export interface TestProject {
  id: string;
  comuneIstat: string;
  org: TestOrg;
  call: TestCall;
  /** The approved budget version (version 1) and its lines. */
  budgetVersionId: string;
  lines: TestBudgetLine[];
  startDate: string;
  endDate: string;
}

/**
 * The default budget: 100.000,00 € of direct costs over A1, A2, F, I1, G1 at 7% of direct costs
 * (exactly the cap) and indirect costs at the 7% flat rate.
 */
export const defaultLines: ReadonlyArray<{ categoryCode: string; amountCents: number }> = [
  { categoryCode: 'A1', amountCents: 9_000_00 },
  { categoryCode: 'A2', amountCents: 60_000_00 },
  { categoryCode: 'F', amountCents: 30_000_00 },
  { categoryCode: 'I1', amountCents: 1_000_00 },
  { categoryCode: 'G1', amountCents: 7_000_00 },
  { categoryCode: 'IND', amountCents: 7_000_00 },
];

/**
 * A project of a Comune (a new Comune organisation unless one is given) under a call (a new
 * FAMI-like call unless one is given), in the state asked (default IN_CORSO), with an approved
 * budget of the given lines.
 */
export async function makeProject(
  db: Database,
  p: {
    org?: TestOrg;
    call?: TestCall;
    status?: string;
    lines?: ReadonlyArray<{ categoryCode: string; amountCents: number }>;
    startDate?: string;
    endDate?: string;
    title?: string;
    cup?: string | null;
  } = {},
): Promise<TestProject> {
  const org = p.org ?? (await makeOrg(db, { type: 'comune' }));
  const call = p.call ?? (await makeCall(db));
  const id = randomUUID();
  const budgetVersionId = randomUUID();
  const startDate = p.startDate ?? '2025-01-01';
  const endDate = p.endDate ?? '2026-12-31';
  const lines = (p.lines ?? defaultLines).map((l) => ({ ...l, lineKey: randomUUID() }));
  await db.ownerTx(async (tx) => {
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    let creator = u?.id;
    if (!creator) {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO users (email, display_name, organisation_id, password_hash, is_demo, status)
         VALUES ($1, 'Creatore di prova', $2, 'x', true, 'active') RETURNING id`,
        [`creatore.${randomBytes(4).toString('hex')}@test.incas.local`, org.id],
      );
      creator = row!.id;
    }
    const cup =
      p.cup === undefined
        ? `E${String(Math.floor(Math.random() * 90 + 10))}B${randomBytes(6).toString('hex').toUpperCase().slice(0, 11)}`
        : p.cup;
    await tx.query(
      `INSERT INTO projects (id, cup, title, call_version_id, comune_istat, lead_org_id, start_date, end_date, status,
                             created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), now())`,
      [
        id,
        cup,
        p.title ?? 'Progetto di prova',
        call.versionId,
        org.comuneIstat,
        org.id,
        startDate,
        endDate,
        p.status ?? 'IN_CORSO',
        creator,
      ],
    );
    await tx.query(
      `INSERT INTO project_budget_versions (id, project_id, comune_istat, version_no, status, kind, created_by, created_at)
       VALUES ($1, $2, $3, 1, 'BOZZA', 'INIZIALE', $4, now())`,
      [budgetVersionId, id, org.comuneIstat, creator],
    );
    let position = 0;
    for (const l of lines) {
      const cat = call.rules.categories.find((c) => c.code === l.categoryCode);
      await tx.query(
        `INSERT INTO project_budget_lines (id, budget_version_id, project_id, comune_istat, line_key, category_code,
                                           description, amount_cents, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          randomUUID(),
          budgetVersionId,
          id,
          org.comuneIstat,
          l.lineKey,
          l.categoryCode,
          cat?.labelIt ?? l.categoryCode,
          l.amountCents,
          position++,
        ],
      );
    }
    await tx.query(
      `UPDATE project_budget_versions SET status = 'APPROVATA', submitted_at = now(), decided_at = now() WHERE id = $1`,
      [budgetVersionId],
    );
  });
  return { id, comuneIstat: org.comuneIstat!, org, call, budgetVersionId, lines, startDate, endDate };
}

/** The lead Comune's referente and responsabile amministrativo, logged in. */
export async function projectStaff(
  t: TestApp,
  project: TestProject,
): Promise<{ referente: Agent; amministrativo: Agent; users: { referente: TestUser; amministrativo: TestUser } }> {
  const referente = await makeUser(t.db, { roles: ['referente_comunale'], org: project.org });
  const amministrativo = await makeUser(t.db, { roles: ['responsabile_amministrativo'], org: project.org });
  return {
    referente: await loginAs(t, referente),
    amministrativo: await loginAs(t, amministrativo),
    users: { referente, amministrativo },
  };
}

/**
 * A revisore (of a new auditing firm unless one is given) assigned to the project for the expenses
 * of [periodStart, periodEnd], valid over [validFrom, validTo] (default: the whole of 2020–2035).
 */
export async function assignRevisore(
  db: Database,
  project: TestProject,
  a: { user?: TestUser; periodStart?: string; periodEnd?: string; validFrom?: string; validTo?: string } = {},
): Promise<{ user: TestUser; assignmentId: string }> {
  const user = a.user ?? (await makeUser(db, { roles: ['revisore'] }));
  const assignmentId = randomUUID();
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO project_revisore_assignments (id, project_id, comune_istat, user_id, period_start, period_end,
                                                 valid_from, valid_to, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $4, now())`,
      [
        assignmentId,
        project.id,
        project.comuneIstat,
        user.id,
        a.periodStart ?? project.startDate,
        a.periodEnd ?? project.endDate,
        a.validFrom ?? '2020-01-01',
        a.validTo ?? '2035-12-31',
      ],
    ),
  );
  return { user, assignmentId };
}
