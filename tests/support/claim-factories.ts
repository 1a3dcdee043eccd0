/**
 * Factories of the claims' tests: expenses written straight into project_expenses (the expenses
 * part's routes are built apart), and a claim already verified with its verbale, as the database
 * owner. Money in integer cents.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { TestProject } from './project-factories.js';

export interface TestExpense {
  id: string;
  categoryCode: string;
  chargedCents: number;
  docDate: string;
}

/** An expense of the project charged to the budget line of `categoryCode` (default A2), VALIDATA by default. */
export async function makeExpense(
  db: Database,
  project: TestProject,
  e: { categoryCode?: string; chargedCents?: number; docDate?: string; status?: string; issuer?: string } = {},
): Promise<TestExpense> {
  const categoryCode = e.categoryCode ?? 'A2';
  const line = project.lines.find((l) => l.categoryCode === categoryCode);
  if (!line) throw new Error(`no budget line of category ${categoryCode}`);
  const id = randomUUID();
  const chargedCents = e.chargedCents ?? 1_000_00;
  const docDate = e.docDate ?? '2025-03-15';
  const number = `FT ${randomBytes(3).toString('hex')}/2025`;
  const issuer = e.issuer ?? 'Cooperativa Sociale Esempio';
  await db.ownerTx(async (tx) => {
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    await tx.query(
      `INSERT INTO project_expenses (id, project_id, comune_istat, line_key, doc_type, issuer_name, issuer_key,
                                     doc_number, number_key, doc_date, description, net_cents, vat_cents, charged_cents,
                                     payment_date, payment_means, payment_ref, payment_cents, status, created_by,
                                     created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'FATTURA', $5, $6, $7, $8, $9, 'Servizio di prova', $10, 0, $10, $9, 'BONIFICO',
               'CRO 123', $10, $11, $12, now(), now())`,
      [
        id,
        project.id,
        project.comuneIstat,
        line.lineKey,
        issuer,
        `N:${issuer.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`,
        number,
        number.replace(/\D+/g, '/'),
        docDate,
        chargedCents,
        e.status ?? 'VALIDATA',
        u!.id,
      ],
    );
  });
  return { id, categoryCode, chargedCents, docDate };
}

/**
 * A claim of the project with one expense, under verification (IN_VERIFICA), verified
 * AMMISSIBILE by `revisoreId` and with the verbale issued: what MLPS approves.
 */
export async function makeVerifiedClaim(
  db: Database,
  project: TestProject,
  revisoreId: string,
): Promise<{ claimId: string; expense: TestExpense }> {
  const expense = await makeExpense(db, project, { status: 'IN_DOMANDA' });
  const claimId = randomUUID();
  await db.ownerTx(async (tx) => {
    const [n] = await tx.query<{ n: number }>(
      'SELECT coalesce(max(claim_no), 0) + 1 AS n FROM project_claims WHERE project_id = $1',
      [project.id],
    );
    await tx.query(
      `INSERT INTO project_claims (id, project_id, comune_istat, claim_no, period_start, period_end, status, created_by,
                                   created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'BOZZA', $7, now(), now())`,
      [claimId, project.id, project.comuneIstat, Number(n!.n), project.startDate, project.endDate, revisoreId],
    );
    await tx.query(
      `INSERT INTO project_claim_expenses (claim_id, expense_id, project_id, comune_istat, charged_cents, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        claimId,
        expense.id,
        project.id,
        project.comuneIstat,
        expense.chargedCents,
        JSON.stringify({
          docType: 'FATTURA',
          issuerName: 'Cooperativa Sociale Esempio',
          issuerTaxId: null,
          docNumber: 'FT 1/2025',
          docDate: expense.docDate,
          description: null,
          netCents: expense.chargedCents,
          vatCents: 0,
          chargedCents: expense.chargedCents,
          lineKey: project.lines.find((l) => l.categoryCode === expense.categoryCode)!.lineKey,
          categoryCode: expense.categoryCode,
          lineDescription: 'Operatori e mediatori',
          paymentDate: expense.docDate,
          paymentMeans: 'BONIFICO',
          paymentRef: 'CRO 123',
          paymentCents: expense.chargedCents,
          status: 'VALIDATA',
        }),
      ],
    );
    await tx.query(
      `UPDATE project_claims SET status = 'IN_VERIFICA', requested_cents = $2, totals = $3, submitted_at = now()
        WHERE id = $1`,
      [
        claimId,
        expense.chargedCents,
        JSON.stringify({
          categories: [],
          budgetCents: 0,
          claimedCents: expense.chargedCents,
          previousCents: 0,
          cumulativeCents: expense.chargedCents,
          progressBp: 0,
        }),
      ],
    );
    await tx.query(
      `INSERT INTO project_expense_verifications (claim_id, expense_id, project_id, comune_istat, outcome, eligible_cents,
                                                  verified_by, verified_at)
       VALUES ($1, $2, $3, $4, 'AMMISSIBILE', $5, $6, now())`,
      [claimId, expense.id, project.id, project.comuneIstat, expense.chargedCents, revisoreId],
    );
    await tx.query(
      `UPDATE project_claims SET verified_cents = $2, verbale_no = '1.1/2026', verbale_issued_at = now(), verbale_by = $3
        WHERE id = $1`,
      [claimId, expense.chargedCents, revisoreId],
    );
  });
  return { claimId, expense };
}
