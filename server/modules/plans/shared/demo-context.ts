/**
 * The people and places of the plans' demo (issue 13 item 5): the eight Comuni of InCaS phase 1
 * that adopted a plan, plus Alba and Gioia Tauro, each with its Comune organisation and a demo
 * referente comunale; the Regions of Calabria, Lazio and Piemonte with a demo account each; a
 * regional ANCI branch (ANCI Calabria) whose support staff take part in the dialogue; and the
 * national ANCI and MLPS accounts. Made once, after the demo module's and the projects' accounts
 * (which it reuses where they exist). Every name is fictitious.
 */
import type { FieldCipher } from '../../../platform/crypto.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { DemoAccount } from '../../../platform/module.js';
import { insertUser, replaceUserRoles } from '../../access/index.js';
import { DEMO_DOMAIN } from '../../demo/index.js';

/** The ten Comuni of the plans' demo, by their name in the ISTAT registry. */
export const planComuniNames = [
  'Albenga',
  'Castel Volturno',
  'Corigliano-Rossano',
  'Lavello',
  'Porto Recanati',
  'Rovigo',
  'Saluzzo',
  'Siracusa',
  'Alba',
  'Gioia Tauro',
] as const;

/** The eight that adopted their plan by resolution in phase 1 (domain.md §3); Alba and Gioia Tauro presented a draft. */
export const adoptedInPhaseOne = new Set<string>([
  'Albenga',
  'Castel Volturno',
  'Corigliano-Rossano',
  'Lavello',
  'Porto Recanati',
  'Rovigo',
  'Saluzzo',
  'Siracusa',
]);

export interface PlanDemoComune {
  istat: string;
  name: string;
  region: string;
  slug: string;
  /** the Comune's organisation in the registry */
  orgId: string;
  /** the demo referente comunale */
  referenteId: string;
}

export interface PlanDemoRegion {
  code: string;
  name: string;
  orgId: string;
  /** the Region's demo account (role regione) */
  userId: string;
}

export interface PlansDemoContext {
  now: Date;
  /** the data key's cipher, for the demo's documents (none without it) */
  cipher: FieldCipher | null;
  /** today in Italy (aaaa-mm-gg) */
  today: string;
  comuni: PlanDemoComune[];
  /** Calabria (18), Lazio (12), Piemonte (01) */
  regions: PlanDemoRegion[];
  /** ANCI's national support (assistenza tecnica) */
  anciId: string;
  /** the regional ANCI branch's support (assistenza tecnica, Calabria) */
  anciCalabriaId: string;
  mlpsId: string;
  /** a Comune of the pilot in Lazio, for the Lazio threads (Latina in the demo) */
  lazioComune: PlanDemoComune | null;
}

export const slugOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

async function userIdOf(tx: Queryable, local: string): Promise<string | null> {
  const [u] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [`${local}@${DEMO_DOMAIN}`]);
  return u?.id ?? null;
}

async function orgOf(tx: Queryable, type: string, name: string, comune: string | null, region: string | null) {
  const [found] = await tx.query<{ id: string }>(
    comune
      ? 'SELECT id FROM organisations WHERE type = $1 AND comune_istat = $2 ORDER BY created_at LIMIT 1'
      : 'SELECT id FROM organisations WHERE type = $1 AND region_code = $2 AND comune_istat IS NULL ORDER BY created_at LIMIT 1',
    [type, comune ?? region],
  );
  if (found) return found.id;
  const [row] = await tx.query<{ id: string }>(
    'INSERT INTO organisations (type, name, comune_istat, region_code) VALUES ($1, $2, $3, $4) RETURNING id',
    [type, name, comune, comune ? null : region],
  );
  return row!.id;
}

/**
 * Finds or makes the demo's Comuni, Regions and accounts; `accounts` receives the accounts it made.
 * Null when the registry lacks the demo module's national accounts (no demo loaded).
 */
export async function planDemoContext(
  tx: Queryable,
  deps: { now: Date; today: string; passwordHash: string; accounts: DemoAccount[]; cipher: FieldCipher | null },
): Promise<PlansDemoContext | null> {
  const anciId = await userIdOf(tx, 'assistenza.anci');
  const mlpsId = await userIdOf(tx, 'mlps');
  if (!anciId || !mlpsId) return null;
  const account = async (
    local: string,
    displayName: string,
    orgId: string,
    role: 'referente_comunale' | 'regione' | 'assistenza_tecnica',
  ) => {
    const existing = await userIdOf(tx, local);
    if (existing) return existing;
    const email = `${local}@${DEMO_DOMAIN}`;
    const id = await insertUser(tx, {
      email,
      displayName,
      organisationId: orgId,
      passwordHash: deps.passwordHash,
      isDemo: true,
      now: deps.now,
    });
    await replaceUserRoles(tx, id, [role]);
    deps.accounts.push({ email, roles: [role] });
    return id;
  };
  const comuni: PlanDemoComune[] = [];
  for (const wanted of planComuniNames) {
    const [c] = await tx.query<{ istat_code: string; name: string; region_code: string }>(
      'SELECT istat_code, name, region_code FROM comuni WHERE name = $1 ORDER BY istat_code LIMIT 1',
      [wanted],
    );
    if (!c) continue;
    const slug = slugOf(c.name);
    const orgId = await orgOf(tx, 'comune', `Comune di ${c.name} (demo)`, c.istat_code, null);
    const referenteId = await account(`referente.${slug}`, `Referente Demo ${c.name}`, orgId, 'referente_comunale');
    comuni.push({ istat: c.istat_code, name: c.name, region: c.region_code, slug, orgId, referenteId });
  }
  const regions: PlanDemoRegion[] = [];
  for (const [code, slug] of [
    ['18', 'calabria'],
    ['12', 'lazio'],
    ['01', 'piemonte'],
  ] as const) {
    const [r] = await tx.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [code]);
    if (!r) continue;
    const orgId = await orgOf(tx, 'regione', `Regione ${r.name} (demo)`, null, code);
    const userId = await account(`regione.${slug}`, `Funzionaria Demo ${r.name}`, orgId, 'regione');
    regions.push({ code, name: r.name, orgId, userId });
  }
  const anciCalabriaOrg = await orgOf(tx, 'anci', 'ANCI Calabria (demo)', null, '18');
  const anciCalabriaId = await account(
    'assistenza.anci-calabria',
    'Assistenza Tecnica Demo ANCI Calabria',
    anciCalabriaOrg,
    'assistenza_tecnica',
  );
  // a Comune of the pilot in Lazio (Latina) for the Lazio threads, with its demo referente
  const [lazio] = await tx.query<{ istat_code: string; name: string; org_id: string; user_id: string }>(
    `SELECT c.istat_code, c.name, o.id AS org_id, u.id AS user_id
       FROM comuni c JOIN organisations o ON o.comune_istat = c.istat_code AND o.type = 'comune'
       JOIN users u ON u.organisation_id = o.id JOIN user_roles r ON r.user_id = u.id AND r.role = 'referente_comunale'
      WHERE c.region_code = '12' AND u.is_demo ORDER BY c.istat_code, u.email LIMIT 1`,
  );
  const lazioComune = lazio
    ? {
        istat: lazio.istat_code,
        name: lazio.name,
        region: '12',
        slug: slugOf(lazio.name),
        orgId: lazio.org_id,
        referenteId: lazio.user_id,
      }
    : null;
  return {
    now: deps.now,
    cipher: deps.cipher,
    today: deps.today,
    comuni,
    regions,
    anciId,
    anciCalabriaId,
    mlpsId,
    lazioComune,
  };
}

/** A plan of the demo, as the plans part wrote it, for the other parts' demo data. */
export interface DemoPlan {
  id: string;
  comuneIstat: string;
  regionCode: string;
  status: string;
  /** the plan's actions: id, code, axis, priority action */
  actions: { id: string; code: string; axis: string; priorityAction: number }[];
}

export interface PlansPartDemo {
  plans: DemoPlan[];
  counts: Record<string, number>;
}
