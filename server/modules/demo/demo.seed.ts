/**
 * Demo data (demo mode only): the national bodies, the 10 pilot Comuni of the 18-ter pilot with
 * their ente gestore and Region, and one account per role. Every name and address is fictitious;
 * `@demo.incas.local` addresses cannot receive mail.
 */
import type { FieldCipher } from '../../platform/crypto.js';
import type { Database, Queryable } from '../../platform/db/db.js';
import { hashPassword, insertUser, replaceUserRoles } from '../access/index.js';
import { seedPilotDemo, type PilotSeedResult } from './demo.pilot.js';

export const DEMO_DOMAIN = 'demo.incas.local';

/** The 10 Comuni of the pilot "Emersione dallo sfruttamento lavorativo" (PRODUCT.md §1). */
export const pilotComuni = [
  { istat: '087015', slug: 'catania', region: '19', regionSlug: 'sicilia' },
  { istat: '004078', slug: 'cuneo', region: '01', regionSlug: 'piemonte' },
  { istat: '010025', slug: 'genova', region: '07', regionSlug: 'liguria' },
  { istat: '059011', slug: 'latina', region: '12', regionSlug: 'lazio' },
  { istat: '015146', slug: 'milano', region: '03', regionSlug: 'lombardia' },
  { istat: '054039', slug: 'perugia', region: '10', regionSlug: 'umbria' },
  { istat: '068028', slug: 'pescara', region: '13', regionSlug: 'abruzzo' },
  { istat: '100005', slug: 'prato', region: '09', regionSlug: 'toscana' },
  { istat: '039014', slug: 'ravenna', region: '08', regionSlug: 'emilia-romagna' },
  { istat: '026086', slug: 'treviso', region: '05', regionSlug: 'veneto' },
] as const;

export interface DemoAccount {
  email: string;
  roles: string[];
  organisation: string;
}

async function org(
  tx: Queryable,
  type: string,
  name: string,
  comuneIstat: string | null = null,
  regionCode: string | null = null,
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO organisations (type, name, comune_istat, region_code) VALUES ($1, $2, $3, $4) RETURNING id`,
    [type, name, comuneIstat, regionCode],
  );
  return row!.id;
}

/**
 * Loads the demo organisations and accounts once; returns the accounts (also when already loaded).
 * With a cipher it also loads the synthetic 18-ter pilot data, once (demo.pilot.ts).
 */
export async function seedDemo(
  db: Database,
  password: string,
  pilot?: { cipher: FieldCipher; today?: Date },
): Promise<{ created: boolean; accounts: DemoAccount[]; pilot: PilotSeedResult | null }> {
  const accounts: DemoAccount[] = [];
  const admin = `admin@${DEMO_DOMAIN}`;
  const existing = await db.ownerTx((tx) => tx.query('SELECT 1 FROM users WHERE email = $1', [admin]));
  // one hash for all demo accounts: they share the documented demo password anyway
  const hash = existing.length ? '' : await hashPassword(password);
  const created = await db.ownerTx(async (tx) => {
    if (existing.length) return false;
    const now = new Date();
    const user = async (
      local: string,
      displayName: string,
      organisationId: string,
      orgName: string,
      roles: string[],
    ) => {
      const email = `${local}@${DEMO_DOMAIN}`;
      const id = await insertUser(tx, { email, displayName, organisationId, passwordHash: hash, isDemo: true, now });
      await replaceUserRoles(tx, id, roles);
      accounts.push({ email, roles, organisation: orgName });
    };
    const platform = await org(tx, 'piattaforma', 'Gestore della piattaforma InCaS (demo)');
    const mlps = await org(tx, 'mlps', 'Ministero del Lavoro e delle Politiche Sociali – DG Immigrazione (demo)');
    const anci = await org(tx, 'anci', 'ANCI – Associazione Nazionale Comuni Italiani (demo)');
    const cittalia = await org(tx, 'cittalia', 'Fondazione Cittalia (demo)');
    const regionOrgs = new Map<string, string>();
    for (const p of pilotComuni) {
      if (regionOrgs.has(p.region)) continue;
      const [r] = await tx.query<{ name: string }>('SELECT name FROM regions WHERE code = $1', [p.region]);
      const name = `Regione ${r!.name} (demo)`;
      const id = await org(tx, 'regione', name, null, p.region);
      regionOrgs.set(p.region, id);
      await user(`regione.${p.regionSlug}`, `Funzionaria Demo ${r!.name}`, id, name, ['regione']);
    }
    for (const p of pilotComuni) {
      const [c] = await tx.query<{ name: string }>('SELECT name FROM comuni WHERE istat_code = $1', [p.istat]);
      await tx.query('UPDATE comuni SET pilot_18ter = true, sai_network = true WHERE istat_code = $1', [p.istat]);
      const comuneName = `Comune di ${c!.name} (demo)`;
      const comuneId = await org(tx, 'comune', comuneName, p.istat);
      const enteName = `Cooperativa Sociale Esempio ${c!.name} (ente gestore, demo)`;
      const enteId = await org(tx, 'ente_gestore', enteName, p.istat);
      await user(`operatore.${p.slug}`, `Operatore Demo ${c!.name}`, enteId, enteName, ['operatore']);
      await user(`referente.${p.slug}`, `Referente Demo ${c!.name}`, comuneId, comuneName, ['referente_comunale']);
      await user(`amministrativo.${p.slug}`, `Amministrativo Demo ${c!.name}`, comuneId, comuneName, [
        'responsabile_amministrativo',
      ]);
    }
    await user('assistenza.anci', 'Assistenza Tecnica Demo ANCI', anci, 'ANCI (demo)', ['assistenza_tecnica']);
    await user('assistenza.cittalia', 'Assistenza Tecnica Demo Cittalia', cittalia, 'Fondazione Cittalia (demo)', [
      'assistenza_tecnica',
    ]);
    await user('mlps', 'Dirigente Demo MLPS', mlps, 'MLPS (demo)', ['mlps']);
    await user('admin', 'Amministratore Demo', platform, 'Gestore della piattaforma (demo)', ['amministratore']);
    await tx.query(
      `INSERT INTO audit_log (occurred_at, action, outcome, details, prev_hash, hash)
       VALUES ($1, 'demo.seed', 'success', $2, '', '')`,
      [now, JSON.stringify({ accounts: accounts.length })],
    );
    return true;
  });
  const pilotResult = pilot
    ? await seedPilotDemo(db, pilot.cipher, { today: pilot.today, comuni: pilotComuni, domain: DEMO_DOMAIN })
    : null;
  if (!created) {
    const rows = await db.ownerTx((tx) =>
      tx.query<{ email: string; roles: string[]; organisation: string }>(
        `SELECT u.email, ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id) AS roles, o.name AS organisation
           FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.is_demo ORDER BY u.email`,
      ),
    );
    accounts.push(...rows);
  }
  return { created, accounts, pilot: pilotResult };
}
