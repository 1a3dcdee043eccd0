/**
 * The read path of the MLPS-funded projects (issue 12), `npm run bench:projects` (also the last
 * step of `npm run bench`; bench/README.md, "Projects"): the national dashboard as MLPS
 * (`GET /api/v1/project-dashboards/national`) over BENCH_PROJECTS (default 500) projects with 20
 * expenses each and their claims and queries, and the expense list of a project with
 * BENCH_PROJECT_EXPENSES (default 10,000) expenses (`GET /api/v1/projects/{id}/expenses?page=1&
 * pageSize=50`: a page of expenses and the per-line totals), each against a raw-SQL floor measured
 * in the same run, closed loop, one after the other. The expense list belongs to the expenses
 * part: when the route answers 404 in this build the case is reported as skipped.
 *
 * One run creates a fresh database `incas_bench_projects_<pid>`, prepares it with the app's own
 * start-up code (migrations, registry, demo accounts), writes the projects with set-based SQL as
 * the database owner, runs VACUUM ANALYZE, then loads the app (in this process, its own pool) and
 * the floor (a bare node:http server on a pg Pool of 10 that runs the dashboards' own repository
 * statements as the database owner: no Fastify, no session lookup, no zod, no row-level security;
 * the expense list's floor runs a page query, a count and the per-line sums). The ratio printed is
 * floor time over app time (app req/s over floor req/s); the target is ≥ 0.5.
 */
import type { Database, Queryable } from '../server/platform/db/db.js';
import { bulkLoadMode } from '../server/platform/db/insert-many.js';
import { famiLikeRules } from '../server/modules/projects/demo/call-rules.js';
import { selectFilterOptions } from '../server/modules/projects/dashboards/dashboards.repo.js';
import { compareWithFloor, f1, runAppVsFloor, startFloor } from './app-vs-floor.js';

const PROJECTS = Number(process.env.BENCH_PROJECTS || 500);
const EXPENSES_PER_PROJECT = 20;
const BIG_EXPENSES = Number(process.env.BENCH_PROJECT_EXPENSES || 10_000);
const CONNECTIONS = Number(process.env.BENCH_PROJECTS_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_PROJECTS_REQUESTS || 200);
/** The date the app's clock reads; the floor uses the same. */
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

// ------------------------------------------------------------------------------------------------
// The data, as the database owner, set-based

/** 4 calls; PROJECTS projects over as many Comuni across every Region, each with an approved budget
 * of 6 lines, 20 expenses (some with warnings), a paid claim, every third a claim waiting, every
 * fifth an overdue query; plus one project with BIG_EXPENSES expenses. Returns the big project's id. */
async function writeProjects(db: Database): Promise<{ bigProjectId: string; ms: number }> {
  const t0 = performance.now();
  const bigProjectId = await db.ownerTx(async (tx) => {
    // generated consistent, loaded without the triggers (a sent claim's expenses are otherwise frozen)
    await bulkLoadMode(tx);
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    const creator = u!.id;
    await tx.query(
      `INSERT INTO project_funding_sources (id, code, name_it, created_at) VALUES (gen_random_uuid(), 'BENCH_FUND', 'Fondo', now())`,
    );
    await tx.query(
      `INSERT INTO project_calls (id, funding_source_id, code, title_it, created_at)
       SELECT gen_random_uuid(), (SELECT id FROM project_funding_sources WHERE code = 'BENCH_FUND'), 'avviso-' || g, 'Avviso ' || g, now()
         FROM generate_series(1, 4) g`,
    );
    await tx.query(
      `INSERT INTO project_call_versions (id, call_id, version_no, rules, published_at, created_at)
       SELECT gen_random_uuid(), id, 1, $1, now(), now() FROM project_calls WHERE code LIKE 'avviso-%'`,
      [JSON.stringify(famiLikeRules)],
    );
    // PROJECTS + 1 Comuni spread over the Regions (every 15th Comune of the registry)
    await tx.query(
      `CREATE TEMP TABLE bench_comuni AS
       SELECT istat_code, row_number() OVER (ORDER BY istat_code) AS n
         FROM (SELECT istat_code, row_number() OVER (ORDER BY istat_code) AS k FROM comuni) c
        WHERE k % 15 = 0 ORDER BY istat_code LIMIT $1`,
      [PROJECTS + 1],
    );
    await tx.query(
      `INSERT INTO organisations (type, name, comune_istat)
       SELECT 'comune', 'Comune ' || b.istat_code, b.istat_code FROM bench_comuni b
        WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.type = 'comune' AND o.comune_istat = b.istat_code)`,
    );
    await tx.query(
      `INSERT INTO projects (id, cup, title, call_version_id, comune_istat, lead_org_id, start_date, end_date, status,
                             created_by, created_at, updated_at)
       SELECT gen_random_uuid(), 'E' || lpad((b.n % 90 + 10)::text, 2, '0') || 'B' || lpad(b.n::text, 11, '0'),
              'Progetto ' || b.n,
              (SELECT v.id FROM project_call_versions v JOIN project_calls c ON c.id = v.call_id
                WHERE c.code = 'avviso-' || (b.n % 4 + 1)),
              b.istat_code, (SELECT o.id FROM organisations o WHERE o.type = 'comune' AND o.comune_istat = b.istat_code LIMIT 1),
              date '2025-01-01' + (b.n % 200)::int, date '2026-06-01' + (b.n % 400)::int,
              (ARRAY['IN_CORSO', 'IN_CORSO', 'IN_CORSO', 'APPROVATO', 'CONCLUSO'])[b.n % 5 + 1], $1, now(), now()
         FROM bench_comuni b`,
      [creator],
    );
    await tx.query(
      `INSERT INTO project_budget_versions (id, project_id, comune_istat, version_no, status, kind, created_by, created_at)
       SELECT gen_random_uuid(), p.id, p.comune_istat, 1, 'BOZZA', 'INIZIALE', $1, now() FROM projects p
        WHERE p.title LIKE 'Progetto %'`,
      [creator],
    );
    await tx.query(
      `INSERT INTO project_budget_lines (id, budget_version_id, project_id, comune_istat, line_key, category_code,
                                         description, amount_cents, position)
       SELECT gen_random_uuid(), v.id, v.project_id, v.comune_istat, gen_random_uuid(), l.code, 'Riga ' || l.code, l.amount, l.pos
         FROM project_budget_versions v JOIN projects p ON p.id = v.project_id AND p.title LIKE 'Progetto %'
        CROSS JOIN (VALUES ('A1', 900000, 0), ('A2', 6000000, 1), ('F', 3000000, 2), ('I1', 100000, 3),
                           ('G1', 700000, 4), ('IND', 700000, 5)) AS l(code, amount, pos)`,
    );
    await tx.query(
      `UPDATE project_budget_versions SET status = 'APPROVATA', decided_at = now()
        WHERE project_id IN (SELECT id FROM projects WHERE title LIKE 'Progetto %')`,
    );
    const [big] = await tx.query<{ id: string }>(
      `SELECT id FROM projects WHERE title LIKE 'Progetto %' ORDER BY title DESC, id LIMIT 1`,
    );
    // 20 expenses per project (BIG_EXPENSES for the big one), on its lines in turn
    await tx.query(
      `INSERT INTO project_expenses (id, project_id, comune_istat, line_key, doc_type, issuer_name, issuer_key, doc_number,
                                     number_key, doc_date, net_cents, vat_cents, charged_cents, status, warnings,
                                     created_by, created_at, updated_at)
       SELECT gen_random_uuid(), p.id, p.comune_istat,
              (SELECT l.line_key FROM project_budget_lines l WHERE l.project_id = p.id ORDER BY l.position OFFSET (g % 6) LIMIT 1),
              'FATTURA', 'Fornitore ' || (g % 37), 'fornitore ' || (g % 37), 'FT-' || g, 'ft-' || g,
              p.start_date + (g % 300), 10000 + (g * 7919) % 500000, 0, 10000 + (g * 7919) % 500000,
              (ARRAY['BOZZA', 'CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA'])[g % 5 + 1],
              CASE WHEN g % 13 = 0 THEN ARRAY['fuori_periodo'] WHEN g % 29 = 0 THEN ARRAY['quietanza_mancante', 'massimale_superato']
                   ELSE '{}'::text[] END,
              $1, now(), now()
         FROM projects p
        CROSS JOIN LATERAL generate_series(1, CASE WHEN p.id = $2 THEN $3::int ELSE $4::int END) g
        WHERE p.title LIKE 'Progetto %'`,
      [creator, big!.id, BIG_EXPENSES, EXPENSES_PER_PROJECT],
    );
    // a paid claim of each project with its first 5 expenses; every third a claim waiting with the next 5
    await tx.query(
      `INSERT INTO project_claims (id, project_id, comune_istat, claim_no, period_start, period_end, status, requested_cents,
                                   verified_cents, approved_cents, paid_cents, paid_on, submitted_by, submitted_at,
                                   created_by, created_at, updated_at)
       SELECT gen_random_uuid(), p.id, p.comune_istat, 1, p.start_date, p.end_date, 'LIQUIDATA', 0, 100000, 100000, 95000,
              date '2026-01-15', $1, timestamptz '2025-10-01 10:00Z', $1, now(), now()
         FROM projects p WHERE p.title LIKE 'Progetto %'`,
      [creator],
    );
    await tx.query(
      `INSERT INTO project_claims (id, project_id, comune_istat, claim_no, period_start, period_end, status, requested_cents,
                                   submitted_by, submitted_at, created_by, created_at, updated_at)
       SELECT gen_random_uuid(), p.id, p.comune_istat, 2, p.start_date, p.end_date,
              (ARRAY['INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI'])[(row_number() OVER (ORDER BY p.id)) % 4 + 1],
              0, $1, now() - ((row_number() OVER (ORDER BY p.id)) % 120) * interval '1 day', $1, now(), now()
         FROM projects p WHERE p.title ~ '[0369]$'`,
      [creator],
    );
    await tx.query(
      `INSERT INTO project_claim_expenses (claim_id, expense_id, project_id, comune_istat, charged_cents)
       SELECT c.id, e.id, e.project_id, e.comune_istat, e.charged_cents
         FROM project_claims c JOIN projects p ON p.id = c.project_id AND p.title LIKE 'Progetto %'
         JOIN LATERAL (SELECT x.id, x.project_id, x.comune_istat, x.charged_cents FROM project_expenses x
                        WHERE x.project_id = c.project_id AND x.status <> 'BOZZA'
                        ORDER BY x.doc_number OFFSET (c.claim_no - 1) * 5 LIMIT 5) e ON true`,
    );
    await tx.query(
      `INSERT INTO project_claim_events (id, claim_id, project_id, comune_istat, from_status, to_status, actor_id, at)
       SELECT gen_random_uuid(), c.id, c.project_id, c.comune_istat, 'BOZZA', c.status, $1, c.submitted_at FROM project_claims c`,
      [creator],
    );
    await tx.query(
      `INSERT INTO project_queries (id, project_id, comune_istat, anchor_type, subject, due_on, status, opened_by, opened_at,
                                    opened_level)
       SELECT gen_random_uuid(), p.id, p.comune_istat, 'PROGETTO', 'Chiarimento', current_date - 10, 'APERTA', $1, now(), 'ANCI'
         FROM projects p WHERE p.title ~ '[05]$'`,
      [creator],
    );
    return big!.id;
  });
  return { bigProjectId, ms: performance.now() - t0 };
}

// ------------------------------------------------------------------------------------------------
// The floor

/** The claims waiting with their age, in plain SQL as the database owner, the longest waiting first. */
const FLOOR_CLAIMS = `
  WITH w AS (SELECT c.id, c.project_id, c.claim_no, c.version_no, c.status, c.requested_cents, c.submitted_at
               FROM project_claims c WHERE c.status IN ('INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI')),
       ev AS (SELECT ev.claim_id, max(ev.at) AS last_at, max(ev.at) FILTER (WHERE ev.to_status = w.status) AS status_at
                FROM project_claim_events ev JOIN w ON w.id = ev.claim_id GROUP BY ev.claim_id),
       x AS (SELECT x.claim_id, sum(x.charged_cents) AS cents FROM project_claim_expenses x JOIN w ON w.id = x.claim_id GROUP BY x.claim_id)
  SELECT w.id, w.project_id, w.claim_no, w.version_no, w.status, w.requested_cents, coalesce(x.cents, 0) AS claimed_cents,
         coalesce((w.submitted_at AT TIME ZONE 'Europe/Rome')::date, (ev.last_at AT TIME ZONE 'Europe/Rome')::date)::text AS sent_on,
         (ev.status_at AT TIME ZONE 'Europe/Rome')::date::text AS status_since,
         $1::date - coalesce((w.submitted_at AT TIME ZONE 'Europe/Rome')::date, (ev.last_at AT TIME ZONE 'Europe/Rome')::date) AS age_days
    FROM w LEFT JOIN ev ON ev.claim_id = w.id LEFT JOIN x ON x.claim_id = w.id
   ORDER BY age_days DESC NULLS LAST, w.claim_no, w.id`;

/**
 * The dashboard's figures in plain SQL, as the database owner: each table aggregated by project
 * and joined to the projects with their Comune, Region and call (what project_dashboard_sums and
 * the app's projects query compute, without row-level security or the function's visibility check).
 */
const FLOOR_FIGURES = `
  WITH p AS (
    SELECT p.id, p.cup, p.title, p.status, p.start_date, p.end_date, p.comune_istat, c.name AS comune_name,
           c.region_code, r.name AS region_name, cv.call_id, pc.code AS call_code, pc.title_it AS call_title
      FROM projects p JOIN comuni c ON c.istat_code = p.comune_istat JOIN regions r ON r.code = c.region_code
      JOIN project_call_versions cv ON cv.id = p.call_version_id JOIN project_calls pc ON pc.id = cv.call_id),
  bv AS (SELECT DISTINCT ON (v.project_id) v.project_id, v.id FROM project_budget_versions v
          WHERE v.status = 'APPROVATA' ORDER BY v.project_id, v.version_no DESC),
  plan AS (SELECT l.project_id, sum(l.amount_cents) AS cents FROM project_budget_lines l JOIN bv ON bv.id = l.budget_version_id
            GROUP BY l.project_id),
  ex AS (SELECT e.project_id, sum(e.charged_cents) FILTER (WHERE e.status IN ('CARICATA', 'VALIDATA', 'IN_DOMANDA', 'VERIFICATA')) AS spent,
                count(*) FILTER (WHERE e.warnings <> '{}' AND e.status <> 'BOZZA') AS warned
           FROM project_expenses e GROUP BY e.project_id),
  wj AS (SELECT project_id, jsonb_agg(jsonb_build_object('code', code, 'n', n, 'cents', cents) ORDER BY code) AS list
           FROM (SELECT e.project_id, w.code, count(*) AS n, sum(e.charged_cents) AS cents
                   FROM project_expenses e CROSS JOIN LATERAL unnest(e.warnings) AS w(code)
                  WHERE e.warnings <> '{}' AND e.status <> 'BOZZA' GROUP BY e.project_id, w.code) x
          GROUP BY project_id),
  cl AS (SELECT c.project_id, sum(c.verified_cents) FILTER (WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA')) AS verified,
                sum(c.paid_cents) FILTER (WHERE c.status = 'LIQUIDATA') AS paid,
                count(*) FILTER (WHERE c.status IN ('INVIATA', 'IN_VERIFICA', 'RICHIESTA_INTEGRAZIONI', 'CONTRODEDUZIONI')) AS waiting
           FROM project_claims c GROUP BY c.project_id),
  ce AS (SELECT x.project_id, sum(x.charged_cents) AS claimed FROM project_claim_expenses x JOIN project_claims c ON c.id = x.claim_id
          WHERE c.status NOT IN ('BOZZA', 'SOSTITUITA') GROUP BY x.project_id),
  q AS (SELECT project_id, count(*) AS overdue, min(due_on) AS earliest FROM project_queries
         WHERE status <> 'RISOLTA' AND due_on < $1::date GROUP BY project_id)
  SELECT p.id, p.cup, p.title, p.status, p.start_date::text, p.end_date::text, p.comune_istat, p.comune_name, p.region_code,
         p.region_name, p.call_id, p.call_code, p.call_title, coalesce(plan.cents, 0) AS plan_cents,
         coalesce(ex.spent, 0) AS spent_cents, coalesce(ce.claimed, 0) AS claimed_cents, coalesce(cl.verified, 0) AS verified_cents,
         coalesce(cl.paid, 0) AS paid_cents, coalesce(ex.warned, 0)::int AS warned_expenses, coalesce(wj.list, '[]') AS warnings,
         coalesce(cl.waiting, 0)::int AS waiting_claims, coalesce(q.overdue, 0)::int AS overdue_queries, q.earliest::text AS earliest_overdue
    FROM p LEFT JOIN plan ON plan.project_id = p.id LEFT JOIN ex ON ex.project_id = p.id LEFT JOIN wj ON wj.project_id = p.id
    LEFT JOIN cl ON cl.project_id = p.id LEFT JOIN ce ON ce.project_id = p.id LEFT JOIN q ON q.project_id = p.id
   ORDER BY p.region_name, p.comune_name, p.title, p.id`;

const floorAnswer = async (u: URL, tx: Queryable): Promise<unknown> => {
  const expenses = /^\/api\/v1\/projects\/([0-9a-f-]{36})\/expenses$/.exec(u.pathname);
  if (u.pathname !== '/api/v1/project-dashboards/national' && !expenses) return null;
  let out: unknown;
  if (expenses) {
    const id = expenses[1]!;
    const pageSize = Number(u.searchParams.get('pageSize') ?? 50);
    const page = Number(u.searchParams.get('page') ?? 1);
    const items = await tx.query(
      `SELECT id, line_key, activity_id, doc_type, issuer_name, issuer_tax_id, doc_number, doc_date::text, description,
              net_cents, vat_cents, vat_recoverable, charged_cents, payment_date::text, payment_means, payment_ref,
              payment_cents, status, warnings, row_version
         FROM project_expenses WHERE project_id = $1 ORDER BY doc_date, id LIMIT $2 OFFSET $3`,
      [id, pageSize, (page - 1) * pageSize],
    );
    const [count] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM project_expenses WHERE project_id = $1`,
      [id],
    );
    const lines = await tx.query(
      `SELECT l.line_key, l.category_code, l.description, l.amount_cents,
              coalesce(sum(e.charged_cents) FILTER (WHERE e.status <> 'BOZZA'), 0) AS charged_cents, count(e.id)::int AS expenses
         FROM project_budget_lines l
         JOIN (SELECT DISTINCT ON (project_id) id FROM project_budget_versions
                WHERE project_id = $1 AND status = 'APPROVATA' ORDER BY project_id, version_no DESC) v
           ON v.id = l.budget_version_id
         LEFT JOIN project_expenses e ON e.project_id = $1 AND e.line_key = l.line_key
        GROUP BY l.line_key, l.category_code, l.description, l.amount_cents, l.position ORDER BY l.position`,
      [id],
    );
    out = { items, total: count?.n ?? 0, page, pageSize, lines };
  } else {
    const t = today();
    const rows = await tx.query<{
      plan_cents: number;
      spent_cents: number;
      claimed_cents: number;
      verified_cents: number;
      paid_cents: number;
      warnings: unknown[];
    }>(FLOOR_FIGURES, [t]);
    const claims = await tx.query(FLOOR_CLAIMS, [t]);
    const options = await selectFilterOptions(tx);
    const sum = (k: 'plan_cents' | 'spent_cents' | 'claimed_cents' | 'verified_cents' | 'paid_cents') =>
      rows.reduce((s, r) => s + r[k], 0);
    out = {
      totals: {
        projects: rows.length,
        figures: {
          planCents: sum('plan_cents'),
          spentCents: sum('spent_cents'),
          claimedCents: sum('claimed_cents'),
          verifiedCents: sum('verified_cents'),
          paidCents: sum('paid_cents'),
        },
      },
      projects: { items: rows.slice(0, 50), total: rows.length },
      claimsWaiting: { items: claims.slice(0, 100), total: claims.length },
      warnings: rows.reduce((n, r) => n + r.warnings.length, 0),
      options,
    };
  }
  return out;
};

/** The figures both answers must agree on (proof that the floor did the same work). */
function fingerprint(body: unknown): string {
  const b = body as {
    totals?: { projects: number; figures: Record<string, number> };
    claimsWaiting?: { total: number };
    items?: unknown[];
    total?: number;
  };
  if (b.totals) {
    const f = b.totals.figures;
    return `${b.totals.projects} projects; plan ${f.planCents} spent ${f.spentCents} claimed ${f.claimedCents} verified ${f.verifiedCents} paid ${f.paidCents}; ${b.claimsWaiting?.total} claims waiting`;
  }
  return `${b.items?.length ?? '?'} expenses of ${b.total ?? '?'}`;
}

await runAppVsFloor({
  name: 'projects',
  write: writeProjects,
  floor: (dbUrl) => startFloor(dbUrl, floorAnswer),
  run: async (env) => {
    console.log(
      `InCaS projects bench — ${new Date().toISOString()} — ${PROJECTS} projects × ${EXPENSES_PER_PROJECT} expenses and one of ` +
        `${BIG_EXPENSES} (written in ${f1(env.fx.ms / 1000)} s), ${CONNECTIONS} connections, ${REQUESTS} requests each, as MLPS`,
    );
    const met = await compareWithFloor(
      env,
      [
        { label: `national dashboard (${PROJECTS + 1} projects)`, path: () => '/api/v1/project-dashboards/national' },
        {
          label: `expense list, page 1 of 50 with per-line totals (${BIG_EXPENSES} expenses)`,
          path: () => `/api/v1/projects/${env.fx.bigProjectId}/expenses?page=1&pageSize=50`,
        },
      ],
      {
        connections: CONNECTIONS,
        requests: REQUESTS,
        fingerprint,
        // the expense list's answer is the expenses part's: a shape this floor does not know is said, not hidden
        sayDisagreement: (c) => c.label.startsWith('expense list'),
      },
    );
    return met ? 0 : 1;
  },
});
