/**
 * Factories of the monitoring and query tests, written straight into the tables as the database
 * owner: a project within an actor's reach, a scheda trimestrale in a given state, an indicator of
 * the catalogue on a project, expenses and claims with their figures, a query thread.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import { makeOrg, type TestUser } from './factories.js';
import { assignRevisore, makeProject, type TestProject } from './project-factories.js';

/**
 * A project the user can see: of their own Comune, of a Comune of their Region, or (national
 * scope) of a new Comune; assigned to them when they are a revisore.
 */
export async function projectInReachOf(db: Database, u: TestUser): Promise<TestProject> {
  let org = u.org.type === 'comune' && u.org.comuneIstat ? u.org : undefined;
  if (!org && u.org.regionCode && u.org.type === 'regione') {
    const [c] = await db.ownerTx((tx) =>
      tx.query<{ istat_code: string }>(
        `SELECT istat_code FROM comuni c WHERE region_code = $1
            AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
          ORDER BY random() LIMIT 1`,
        [u.org.regionCode],
      ),
    );
    org = await makeOrg(db, { type: 'comune', comuneIstat: c!.istat_code });
  }
  const project = await makeProject(db, org ? { org } : {});
  const revisore = await db.ownerTx((tx) =>
    tx.query(`SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'revisore'`, [u.id]),
  );
  if (revisore.length > 0) await assignRevisore(db, project, { user: u });
  return project;
}

/** A scheda of the project in the state asked (default BOZZA, 2025 Q1), with the content given. */
export async function makeReport(
  db: Database,
  project: TestProject,
  r: { status?: string; year?: number; quarter?: number; content?: unknown } = {},
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    await tx.query(
      `INSERT INTO project_monitoring_reports (id, project_id, comune_istat, year, quarter, status, content, created_by,
                                               created_at, updated_at, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), now(), CASE WHEN $6 <> 'BOZZA' THEN now() END)`,
      [
        id,
        project.id,
        project.comuneIstat,
        r.year ?? 2025,
        r.quarter ?? 1,
        r.status ?? 'BOZZA',
        JSON.stringify(r.content ?? {}),
        u!.id,
      ],
    );
  });
  return id;
}

/** An indicator of the catalogue (made once per code) reported on by the project, with a target. */
export async function addIndicator(
  db: Database,
  project: TestProject,
  d: { code: string; computation?: string | null; unit?: string; target?: number; periodEnd?: string },
): Promise<void> {
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO project_indicator_defs (code, framework, kind, label_it, label_en, unit, computation, created_at)
       VALUES ($1, 'AMIF_ANNEX_VIII', 'OUTPUT', $2, $3, $4, $5, now()) ON CONFLICT (code) DO NOTHING`,
      [d.code, `Indicatore ${d.code}`, `Indicator ${d.code}`, d.unit ?? 'numero', d.computation ?? null],
    );
    const id = randomUUID();
    await tx.query(
      `INSERT INTO project_indicators (id, project_id, comune_istat, indicator_code) VALUES ($1, $2, $3, $4)`,
      [id, project.id, project.comuneIstat, d.code],
    );
    if (d.target !== undefined)
      await tx.query(
        `INSERT INTO project_indicator_targets (project_indicator_id, comune_istat, period_end, value) VALUES ($1, $2, $3, $4)`,
        [id, project.comuneIstat, d.periodEnd ?? project.endDate, d.target],
      );
  });
}

/** An activity of the project's WBS. */
export async function addActivity(
  db: Database,
  project: TestProject,
  a: { code: string; title?: string; progressPct?: number },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO project_activities (id, project_id, comune_istat, code, title, planned_start, planned_end, progress_pct)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        project.id,
        project.comuneIstat,
        a.code,
        a.title ?? `Attività ${a.code}`,
        project.startDate,
        project.endDate,
        a.progressPct ?? 0,
      ],
    ),
  );
  return id;
}

/** An expense charged to a line of the project, in the state asked (default CARICATA). */
export async function addExpense(
  db: Database,
  project: TestProject,
  e: { lineKey: string; chargedCents: number; docDate: string; status?: string; docNumber?: string },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    const number = e.docNumber ?? `F-${id.slice(0, 8)}`;
    await tx.query(
      `INSERT INTO project_expenses (id, project_id, comune_istat, line_key, doc_type, issuer_name, issuer_key, doc_number,
                                     number_key, doc_date, net_cents, vat_cents, charged_cents, status, created_by,
                                     created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'FATTURA', 'Fornitore di prova srl', 'fornitore di prova', $5, $5, $6, $7, 0, $7, $8, $9,
               now(), now())`,
      [
        id,
        project.id,
        project.comuneIstat,
        e.lineKey,
        number,
        e.docDate,
        e.chargedCents,
        e.status ?? 'CARICATA',
        u!.id,
      ],
    );
  });
  return id;
}

/** A claim over the expenses given (their charged amounts copied), with its outcome figures. */
export async function addClaim(
  db: Database,
  project: TestProject,
  c: {
    claimNo: number;
    status: string;
    periodStart: string;
    periodEnd: string;
    expenses: { id: string; chargedCents: number }[];
    verifiedCents?: number;
    verbaleOn?: string;
    paidCents?: number;
    paidOn?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    await tx.query(
      `INSERT INTO project_claims (id, project_id, comune_istat, claim_no, period_start, period_end, status,
                                   verified_cents, verbale_issued_at, paid_cents, paid_on, created_by, created_at,
                                   updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::date + time '12:00', $10, $11, $12, now(), now())`,
      [
        id,
        project.id,
        project.comuneIstat,
        c.claimNo,
        c.periodStart,
        c.periodEnd,
        // written as a draft, its expenses added, then moved: a sent claim's expenses never change
        'BOZZA',
        c.verifiedCents ?? null,
        c.verbaleOn ?? null,
        c.paidCents ?? null,
        c.paidOn ?? null,
        u!.id,
      ],
    );
    for (const e of c.expenses)
      await tx.query(
        `INSERT INTO project_claim_expenses (claim_id, expense_id, project_id, comune_istat, charged_cents)
         VALUES ($1, $2, $3, $4, $5)`,
        [id, e.id, project.id, project.comuneIstat, e.chargedCents],
      );
    await tx.query('UPDATE project_claims SET status = $2 WHERE id = $1', [id, c.status]);
  });
  return id;
}

/** A query thread opened by the given user (ANCI unless said), with its first message. */
export async function makeQuery(
  db: Database,
  project: TestProject,
  q: {
    by: TestUser;
    level?: 'ANCI' | 'MLPS';
    status?: string;
    dueOn?: string | null;
    subject?: string;
    anchorType?: string;
    anchorId?: string | null;
  },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO project_queries (id, project_id, comune_istat, anchor_type, anchor_id, subject, due_on, status,
                                    opened_level, opened_by, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        id,
        project.id,
        project.comuneIstat,
        q.anchorType ?? 'PROGETTO',
        q.anchorId ?? null,
        q.subject ?? 'Chiarimento di prova',
        q.dueOn ?? null,
        q.status ?? 'APERTA',
        q.level ?? 'ANCI',
        q.by.id,
      ],
    );
    await tx.query(
      `INSERT INTO project_query_messages (id, query_id, project_id, comune_istat, body, author_id, created_at)
       VALUES ($1, $2, $3, $4, 'Domanda di prova', $5, now())`,
      [randomUUID(), id, project.id, project.comuneIstat, q.by.id],
    );
  });
  return id;
}
