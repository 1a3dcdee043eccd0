/**
 * Factories of the dashboards' tests (issue 12 item 8), on top of project-factories.ts: expenses,
 * claims with their expenses and events, queries and monitoring reports written straight into
 * the tables as the database owner (the expenses, claims, queries and monitoring parts are built
 * apart; these rows are what their routes would leave).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../server/platform/db/db.js';
import type { TestProject } from './project-factories.js';

async function anyUser(tx: Queryable): Promise<string> {
  const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
  return u!.id;
}

/** An expense of the project: charged on its first budget line unless a line is given. */
export async function makeExpense(
  db: Database,
  project: TestProject,
  e: {
    chargedCents: number;
    status?: 'BOZZA' | 'CARICATA' | 'VALIDATA' | 'IN_DOMANDA' | 'VERIFICATA';
    warnings?: string[];
    docDate?: string;
    lineKey?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const number = `FT-${randomBytes(4).toString('hex')}`;
  await db.ownerTx(async (tx) => {
    const creator = await anyUser(tx);
    await tx.query(
      `INSERT INTO project_expenses (id, project_id, comune_istat, line_key, doc_type, issuer_name, issuer_key, doc_number,
                                     number_key, doc_date, net_cents, vat_cents, charged_cents, status, warnings,
                                     created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'FATTURA', 'Fornitore di prova', 'fornitore di prova', $5, $5, $6, $7, 0, $7, $8, $9,
               $10, now(), now())`,
      [
        id,
        project.id,
        project.comuneIstat,
        e.lineKey ?? project.lines[0]!.lineKey,
        number,
        e.docDate ?? project.startDate,
        e.chargedCents,
        e.status ?? 'CARICATA',
        e.warnings ?? [],
        creator,
      ],
    );
  });
  return id;
}

/**
 * A claim of the project in the state given, with the expenses it holds (their charged amounts
 * copied), sent at `submittedAt` (null for a draft), with an event into its current state at
 * `statusAt` (default: when sent).
 */
export async function makeClaim(
  db: Database,
  project: TestProject,
  c: {
    status: string;
    claimNo: number;
    versionNo?: number;
    supersedesId?: string;
    expenses: { id: string; chargedCents: number }[];
    submittedAt?: string | null;
    statusAt?: string;
    verifiedCents?: number | null;
    paidCents?: number | null;
  },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const creator = await anyUser(tx);
    const submittedAt = c.submittedAt === undefined ? '2026-03-01T10:00:00Z' : c.submittedAt;
    const requested = c.expenses.reduce((s, x) => s + x.chargedCents, 0);
    await tx.query(
      `INSERT INTO project_claims (id, project_id, comune_istat, claim_no, version_no, supersedes_id, period_start, period_end,
                                   status, requested_cents, verified_cents, paid_cents, submitted_by, submitted_at,
                                   created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, now(), now())`,
      [
        id,
        project.id,
        project.comuneIstat,
        c.claimNo,
        c.versionNo ?? 1,
        c.supersedesId ?? null,
        project.startDate,
        project.endDate,
        // written as a draft, its expenses added, then moved: a sent claim's expenses never change
        'BOZZA',
        requested,
        c.verifiedCents ?? null,
        c.paidCents ?? null,
        submittedAt ? creator : null,
        submittedAt,
        creator,
      ],
    );
    for (const x of c.expenses)
      await tx.query(
        `INSERT INTO project_claim_expenses (claim_id, expense_id, project_id, comune_istat, charged_cents)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, x.id, project.id, project.comuneIstat, x.chargedCents],
      );
    await tx.query('UPDATE project_claims SET status = $2 WHERE id = $1', [id, c.status]);
    const at = c.statusAt ?? submittedAt;
    if (at)
      await tx.query(
        `INSERT INTO project_claim_events (id, claim_id, project_id, comune_istat, from_status, to_status, actor_id, at)
         VALUES ($1, $2, $3, $4, 'BOZZA', $5, $6, $7)`,
        [randomUUID(), id, project.id, project.comuneIstat, c.status, creator, at],
      );
  });
  return id;
}

/** A query thread on the project, with its due date and state. */
export async function makeQuery(
  db: Database,
  project: TestProject,
  q: { dueOn: string | null; status?: 'APERTA' | 'RISPOSTA' | 'RISOLTA'; subject?: string },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const opener = await anyUser(tx);
    await tx.query(
      `INSERT INTO project_queries (id, project_id, comune_istat, anchor_type, subject, due_on, status, opened_by, opened_at,
                                    opened_level)
       VALUES ($1, $2, $3, 'PROGETTO', $4, $5, $6, $7, now(), 'ANCI')`,
      [
        id,
        project.id,
        project.comuneIstat,
        q.subject ?? 'Chiarimento sul budget',
        q.dueOn,
        q.status ?? 'APERTA',
        opener,
      ],
    );
  });
  return id;
}

/** A quarterly monitoring report of the project in the state given. */
export async function makeMonitoringReport(
  db: Database,
  project: TestProject,
  m: { year: number; quarter: number; status?: string },
): Promise<void> {
  await db.ownerTx(async (tx) => {
    const creator = await anyUser(tx);
    const status = m.status ?? 'INVIATA';
    await tx.query(
      `INSERT INTO project_monitoring_reports (id, project_id, comune_istat, year, quarter, status, submitted_by, submitted_at,
                                               created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, now(), now())`,
      [
        randomUUID(),
        project.id,
        project.comuneIstat,
        m.year,
        m.quarter,
        status,
        creator,
        status === 'BOZZA' ? null : '2026-01-10T10:00:00Z',
      ],
    );
  });
}

/**
 * Another budget version of the project (a rimodulazione) with its lines, left in the state given
 * (the lines are written while it is a draft, as the budget's trigger demands).
 */
export async function addBudgetVersion(
  db: Database,
  project: TestProject,
  v: { versionNo: number; status: 'BOZZA' | 'PROPOSTA' | 'APPROVATA' | 'RESPINTA'; amountsCents: number[] },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const creator = await anyUser(tx);
    await tx.query(
      `INSERT INTO project_budget_versions (id, project_id, comune_istat, version_no, status, kind, created_by, created_at)
       VALUES ($1, $2, $3, $4, 'BOZZA', 'RIMODULAZIONE', $5, now())`,
      [id, project.id, project.comuneIstat, v.versionNo, creator],
    );
    let i = 0;
    for (const amount of v.amountsCents) {
      const line = project.lines[i] ?? project.lines[0]!;
      await tx.query(
        `INSERT INTO project_budget_lines (id, budget_version_id, project_id, comune_istat, line_key, category_code,
                                           description, amount_cents, position)
         VALUES ($1, $2, $3, $4, $5, $6, 'Riga rimodulata', $7, $8)`,
        [
          randomUUID(),
          id,
          project.id,
          project.comuneIstat,
          i < project.lines.length ? line.lineKey : randomUUID(),
          line.categoryCode,
          amount,
          i,
        ],
      );
      i++;
    }
    if (v.status !== 'BOZZA')
      await tx.query(`UPDATE project_budget_versions SET status = $2 WHERE id = $1`, [id, v.status]);
  });
  return id;
}
