/**
 * The projects' demo data (demo mode only; issue 12 item 9), written once in one transaction of
 * batched INSERTs after the demo organisations and accounts: two funding sources and calls with
 * their rules, twenty projects (plan.ts) with partners, logical framework, activities, indicators,
 * budget versions and expenses, and a demo revisore indipendente assigned to some of them.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../platform/db/db.js';
import { bulkLoadMode, insertMany, type BulkRow } from '../../../platform/db/insert-many.js';
import type { DemoAccount } from '../../../platform/module.js';
import { romeDate } from '../../../platform/calendar.js';
import { hashPassword, insertUser, replaceUserRoles } from '../../access/index.js';
import { DEMO_DOMAIN, pilotComuni } from '../../demo/index.js';
import { demoCallRules, planProjects, type DemoComune, type ProjectPlan } from './plan.js';

/** The code of the demo's first call: when it exists, the demo is loaded. */
export const DEMO_CALL_CODE = 'pn-fami-2127-avviso-1-demo';

/** Ten Comuni of farming districts beside the pilot's ten (looked up by name in the registry). */
const otherComuni = [
  'Saluzzo',
  'Foggia',
  'Ragusa',
  'Vittoria',
  'Rosarno',
  'Castel Volturno',
  'Nardò',
  'Corigliano-Rossano',
  'Lavello',
  'Albenga',
];

export interface ProjectsSeedResult {
  created: boolean;
  accounts: DemoAccount[];
  counts: Record<string, number>;
  projects: ProjectPlan[];
  /** The demo revisore, MLPS and ANCI's support, for the other parts' demo data. */
  actors: { revisoreId: string; mlpsId: string; anciId: string } | null;
}

async function userId(tx: Queryable, local: string): Promise<string | null> {
  const [u] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [`${local}@${DEMO_DOMAIN}`]);
  return u?.id ?? null;
}

async function orgOf(tx: Queryable, type: string, comune: string, name: string): Promise<string> {
  const [found] = await tx.query<{ id: string }>(
    'SELECT id FROM organisations WHERE type = $1 AND comune_istat = $2 ORDER BY created_at LIMIT 1',
    [type, comune],
  );
  if (found) return found.id;
  const [row] = await tx.query<{ id: string }>(
    'INSERT INTO organisations (type, name, comune_istat) VALUES ($1, $2, $3) RETURNING id',
    [type, name, comune],
  );
  return row!.id;
}

/** A Comune's responsabile amministrativo for the Comuni outside the pilot, which have no demo staff. */
type StaffMaker = (local: string, displayName: string, orgId: string) => Promise<string>;

const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

async function demoComuni(tx: Queryable, staff: StaffMaker): Promise<DemoComune[]> {
  const out: DemoComune[] = [];
  const nameOf = async (istat: string) =>
    (await tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [istat]))[0]?.name;
  for (const p of pilotComuni) {
    const name = await nameOf(p.istat);
    if (!name) continue;
    const orgId = await orgOf(tx, 'comune', p.istat, `Comune di ${name} (demo)`);
    const partnerName = `Cooperativa Sociale Esempio ${name} (ente gestore, demo)`;
    out.push({
      istat: p.istat,
      name,
      orgId,
      staffUserId: await userId(tx, `amministrativo.${p.slug}`),
      partnerOrgId: await orgOf(tx, 'ente_gestore', p.istat, partnerName),
      partnerName,
    });
  }
  for (const wanted of otherComuni) {
    const [c] = await tx.query<{ istat_code: string; name: string }>(
      'SELECT istat_code, name FROM comuni WHERE name = $1 ORDER BY istat_code LIMIT 1',
      [wanted],
    );
    if (!c) continue;
    const partnerName = `Associazione Solidale Esempio ${c.name} (demo)`;
    const orgId = await orgOf(tx, 'comune', c.istat_code, `Comune di ${c.name} (demo)`);
    const local = `amministrativo.${slugOf(c.name)}`;
    out.push({
      istat: c.istat_code,
      name: c.name,
      orgId,
      staffUserId: (await userId(tx, local)) ?? (await staff(local, `Amministrativo Demo ${c.name}`, orgId)),
      partnerOrgId: await orgOf(tx, 'terzo_settore', c.istat_code, partnerName),
      partnerName,
    });
  }
  return out;
}

/**
 * The accounts to print at start: the demo's new ones, unless the demo module lists every demo
 * account anyway (a database whose accounts were made before).
 */
export async function accountsToList(db: Database, result: ProjectsSeedResult): Promise<DemoAccount[]> {
  const listed = await db.ownerTx((tx) =>
    tx.query('SELECT 1 FROM users WHERE email = $1 AND is_demo', [`admin@${DEMO_DOMAIN}`]),
  );
  return listed.length > 0 && !result.created ? [] : result.accounts;
}

export async function seedProjectsDemoData(db: Database, password: string, now: Date): Promise<ProjectsSeedResult> {
  const done = await db.ownerTx((tx) => tx.query('SELECT 1 FROM project_calls WHERE code = $1', [DEMO_CALL_CODE]));
  if (done.length > 0) return { created: false, accounts: [], counts: {}, projects: [], actors: null };
  const hash = await hashPassword(password);
  const today = romeDate(now);
  const result = await db.ownerTx(async (tx): Promise<ProjectsSeedResult> => {
    const anci = await userId(tx, 'assistenza.anci');
    const mlps = await userId(tx, 'mlps');
    if (!anci || !mlps) throw new Error('The projects demo needs the demo accounts of ANCI and MLPS');
    await bulkLoadMode(tx);

    // ── the demo revisore indipendente ──
    const firmName = 'Studio Revisori Associati Esempio (demo)';
    const [firm] = await tx.query<{ id: string }>(
      `INSERT INTO organisations (type, name) VALUES ('societa_revisione', $1) RETURNING id`,
      [firmName],
    );
    const revisoreEmail = `revisore@${DEMO_DOMAIN}`;
    const revisore = await insertUser(tx, {
      email: revisoreEmail,
      displayName: 'Revisora Demo',
      organisationId: firm!.id,
      passwordHash: hash,
      isDemo: true,
      now,
    });
    await replaceUserRoles(tx, revisore, ['revisore']);
    const accounts: DemoAccount[] = [{ email: revisoreEmail, roles: ['revisore'] }];

    // ── funding sources and calls ──
    const rules = demoCallRules(today);
    const source = (code: string, name: string, ref: string) => ({
      id: randomUUID(),
      code,
      name_it: name,
      name_en: null,
      programme_ref: ref,
      created_at: now,
    });
    const fami = source('PN_FAMI_2127', 'PN FAMI 2021-2027', 'OS2 Migrazione legale e integrazione, azioni f) e g)');
    const fnpm = source('FNPM', 'Fondo Nazionale Politiche Migratorie', 'Fondo per le politiche migratorie (MLPS)');
    await insertMany(tx, 'project_funding_sources', [fami, fnpm]);
    const year = Number(today.slice(0, 4)) - 1;
    const famiCall = randomUUID();
    const fnpmCall = randomUUID();
    await insertMany(tx, 'project_calls', [
      {
        id: famiCall,
        funding_source_id: fami.id,
        code: DEMO_CALL_CODE,
        title_it: `PN FAMI 2021-2027 – Avviso 1/${year}: inclusione socio-lavorativa dei migranti vulnerabili (demo)`,
        title_en: `PN FAMI 2021-2027 – Call 1/${year}: socio-labour inclusion of vulnerable migrants (demo)`,
        created_by: anci,
        created_at: now,
      },
      {
        id: fnpmCall,
        funding_source_id: fnpm.id,
        code: 'fnpm-avviso-sfruttamento-demo',
        title_it: `FNPM – Avviso ${year}: contrasto allo sfruttamento lavorativo in agricoltura (demo)`,
        title_en: `FNPM – Call ${year}: fighting labour exploitation in agriculture (demo)`,
        created_by: mlps,
        created_at: now,
      },
    ]);
    const famiV1 = randomUUID();
    const fnpmV1 = randomUUID();
    const published = new Date(Date.parse(`${year - 1}-11-15T10:00:00Z`));
    await insertMany(tx, 'project_call_versions', [
      {
        id: famiV1,
        call_id: famiCall,
        version_no: 1,
        rules: rules.fami,
        note: null,
        published_at: published,
        created_by: anci,
        created_at: published,
      },
      {
        id: fnpmV1,
        call_id: fnpmCall,
        version_no: 1,
        rules: rules.fnpm,
        note: null,
        published_at: published,
        created_by: mlps,
        created_at: published,
      },
      // a draft of the FAMI call's next version: the legal expert's cap raised, not yet published
      {
        id: randomUUID(),
        call_id: famiCall,
        version_no: 2,
        rules: { ...rules.fami, caps: rules.fami.caps.map((c) => (c.id === 'g2' ? { ...c, bp: 250 } : c)) },
        note: 'Bozza: esperto legale al 2,5% dei costi diretti.',
        published_at: null,
        created_by: anci,
        created_at: now,
      },
    ]);

    // ── the projects ──
    const comuni = await demoComuni(tx, async (local, displayName, orgId) => {
      const email = `${local}@${DEMO_DOMAIN}`;
      const id = await insertUser(tx, {
        email,
        displayName,
        organisationId: orgId,
        passwordHash: hash,
        isDemo: true,
        now,
      });
      await replaceUserRoles(tx, id, ['responsabile_amministrativo']);
      accounts.push({ email, roles: ['responsabile_amministrativo'] });
      return id;
    });
    const { projects } = planProjects(
      comuni,
      { fami: famiV1, fnpm: fnpmV1 },
      { anciUserId: anci, mlpsUserId: mlps },
      today,
    );
    const rows = (pick: (p: ProjectPlan) => BulkRow[]) => projects.flatMap(pick);
    await insertMany(
      tx,
      'projects',
      projects.map((p) => ({
        id: p.id,
        cup: p.status === 'BOZZA' ? null : p.cup,
        title: p.title,
        acronym: p.acronym,
        call_version_id: p.callVersionId,
        comune_istat: p.comune.istat,
        lead_org_id: p.comune.orgId,
        start_date: p.start,
        end_date: p.end,
        status: p.status,
        agreement_ref:
          p.status === 'BOZZA' || p.status === 'PRESENTATO'
            ? null
            : `Convenzione n. ${p.cup.slice(-4)}/${p.start.slice(0, 4)}`,
        summary: `Progetto dimostrativo con dati inventati: ${p.title.toLowerCase()}.`,
        created_by: p.createdBy,
        created_at: now,
        updated_at: now,
        row_version: 1,
      })),
    );
    await insertMany(
      tx,
      'project_partners',
      projects.map((p) => ({
        project_id: p.id,
        comune_istat: p.comune.istat,
        organisation_id: p.comune.partnerOrgId,
        role: 'ENTE_ATTUATORE',
      })),
    );
    await insertMany(
      tx,
      'project_logframe_items',
      rows((p) => p.logframe),
    );
    await insertMany(
      tx,
      'project_activities',
      rows((p) => p.activities),
    );
    await insertMany(
      tx,
      'project_budget_versions',
      rows((p) => p.budgetVersions),
    );
    await insertMany(
      tx,
      'project_budget_lines',
      rows((p) => p.lines),
    );
    await insertMany(
      tx,
      'project_expenses',
      rows((p) => p.expenses),
    );
    const indicators = await seedIndicators(tx, projects);

    // the revisore is assigned to every running or concluded project, for its whole period
    const assigned = projects.filter((p) => p.status === 'IN_CORSO' || p.status === 'CONCLUSO');
    await insertMany(
      tx,
      'project_revisore_assignments',
      assigned.map((p) => ({
        id: randomUUID(),
        project_id: p.id,
        comune_istat: p.comune.istat,
        user_id: revisore,
        period_start: p.start,
        period_end: p.end,
        valid_from: p.start,
        valid_to: addMonthsIso(p.end, 6),
        assigned_by: p.createdBy,
        assigned_at: now,
        revoked_by: null,
        revoked_at: null,
      })),
    );
    const counts = {
      projects: projects.length,
      expenses: projects.reduce((s, p) => s + p.expenses.length, 0),
      budgetVersions: projects.reduce((s, p) => s + p.budgetVersions.length, 0),
      indicators,
      assignments: assigned.length,
    };
    return { created: true, accounts, counts, projects, actors: { revisoreId: revisore, mlpsId: mlps, anciId: anci } };
  });
  // the audit chain is kept by a trigger, which the bulk load's transaction skips
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO audit_log (occurred_at, action, outcome, details, prev_hash, hash)
       VALUES ($1, 'demo.seed', 'success', $2, '', '')`,
      [now, JSON.stringify({ projects: result.counts })],
    ),
  );
  return result;
}

function addMonthsIso(d: string, n: number): string {
  const x = new Date(Date.parse(`${d}T00:00:00Z`));
  x.setUTCMonth(x.getUTCMonth() + n);
  return x.toISOString().slice(0, 10);
}

/**
 * The indicators each project reports on, from the catalogue (the PN FAMI common indicators): the
 * local authority supported, the participants, those oriented, those who found the activity useful,
 * with targets at mid-term and at the end. Codes missing from the catalogue are skipped.
 */
async function seedIndicators(tx: Queryable, projects: readonly ProjectPlan[]): Promise<number> {
  const wanted: Array<[string, number, number]> = [
    ['O.2.2', 1, 1],
    ['O.2.3', 40, 120],
    ['O.2.3.3', 25, 80],
    ['O.2.7', 1, 1],
    ['R.2.9', 20, 60],
  ];
  const known = new Set(
    (await tx.query<{ code: string }>('SELECT code FROM project_indicator_defs')).map((r) => r.code),
  );
  const indicators: BulkRow[] = [];
  const targets: BulkRow[] = [];
  for (const p of projects) {
    const mid = new Date((Date.parse(p.start) + Date.parse(p.end)) / 2).toISOString().slice(0, 10);
    const scale = p.call === 'fami' ? 1 : 0.6;
    for (const [code, atMid, atEnd] of wanted) {
      if (!known.has(code)) continue;
      const id = randomUUID();
      indicators.push({
        id,
        project_id: p.id,
        comune_istat: p.comune.istat,
        indicator_code: code,
        result_id: null,
        baseline: 0,
        disaggregations: code.startsWith('O.2.3') ? ['sex', 'age'] : [],
      });
      targets.push({
        project_indicator_id: id,
        comune_istat: p.comune.istat,
        period_end: mid,
        value: Math.max(1, Math.round(atMid * scale)),
      });
      targets.push({
        project_indicator_id: id,
        comune_istat: p.comune.istat,
        period_end: p.end,
        value: Math.max(1, Math.round(atEnd * scale)),
      });
    }
  }
  await insertMany(tx, 'project_indicators', indicators);
  await insertMany(tx, 'project_indicator_targets', targets);
  return indicators.length;
}
