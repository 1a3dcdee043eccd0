/**
 * Factories: each call makes a fresh tenant by default (a Comune not used before in this
 * database), so tests do not depend on each other's rows.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import { hashPassword } from '../../server/modules/access/index.js';
import type { Role } from '../../server/platform/policy.js';

export const TEST_PASSWORD = 'correct horse battery staple';
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) hashes.set(password, (h = hashPassword(password)));
  return h;
}

export interface TestOrg {
  id: string;
  type: string;
  comuneIstat: string | null;
  regionCode: string | null;
}

/** A new organisation; a Comune organisation gets a Comune that has none yet. */
export async function makeOrg(
  db: Database,
  o: { type?: string; comuneIstat?: string; regionCode?: string; name?: string } = {},
): Promise<TestOrg> {
  const type = o.type ?? 'comune';
  return db.ownerTx(async (tx) => {
    let comuneIstat = o.comuneIstat ?? null;
    let regionCode = o.regionCode ?? null;
    if (!comuneIstat && ['comune', 'ente_gestore'].includes(type)) {
      const [c] = await tx.query<{ istat_code: string }>(
        `SELECT istat_code FROM comuni c WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
          ORDER BY random() LIMIT 1`,
      );
      comuneIstat = c!.istat_code;
    }
    if (type === 'regione' && !regionCode) {
      const [r] = await tx.query<{ code: string }>(
        `SELECT code FROM regions r WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.type = 'regione' AND o.region_code = r.code)
          ORDER BY random() LIMIT 1`,
      );
      regionCode = r!.code;
    }
    const [row] = await tx.query<{ id: string }>(
      'INSERT INTO organisations (type, name, comune_istat, region_code) VALUES ($1, $2, $3, $4) RETURNING id',
      [type, o.name ?? `Test ${type} ${randomBytes(3).toString('hex')}`, comuneIstat, comuneIstat ? null : regionCode],
    );
    return { id: row!.id, type, comuneIstat, regionCode };
  });
}

const defaultOrgType: Record<Role, string> = {
  operatore: 'ente_gestore',
  referente_comunale: 'comune',
  responsabile_amministrativo: 'comune',
  revisore: 'societa_revisione',
  regione: 'regione',
  assistenza_tecnica: 'anci',
  mlps: 'mlps',
  amministratore: 'piattaforma',
  compilatore_indagine: 'comune',
  validatore_indagine: 'comune',
};

export interface TestUser {
  id: string;
  email: string;
  password: string;
  org: TestOrg;
}

/** A user; by default a demo account (no TOTP needed in demo mode) unless a TOTP secret is given. */
export async function makeUser(
  db: Database,
  u: {
    roles: Role[];
    org?: TestOrg;
    password?: string;
    isDemo?: boolean;
    totpSecret?: string;
    status?: 'active' | 'disabled';
    displayName?: string;
  },
): Promise<TestUser> {
  const org = u.org ?? (await makeOrg(db, { type: defaultOrgType[u.roles[0]!] }));
  const password = u.password ?? TEST_PASSWORD;
  const email = `${u.roles[0]}.${randomBytes(5).toString('hex')}@test.incas.local`;
  const hash = await hashOnce(password);
  const id = await db.ownerTx(async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO users (email, display_name, organisation_id, password_hash, is_demo, status, totp_secret, totp_enabled)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        email,
        u.displayName ?? `Utente di prova ${u.roles.join('+')}`,
        org.id,
        hash,
        u.isDemo ?? !u.totpSecret,
        u.status ?? 'active',
        u.totpSecret ?? null,
        !!u.totpSecret,
      ],
    );
    for (const r of u.roles) await tx.query('INSERT INTO user_roles (user_id, role) VALUES ($1, $2)', [row!.id, r]);
    return row!.id;
  });
  return { id, email, password, org };
}

/** Counts rows of the tables a write could touch: a cheap "nothing changed" fingerprint. */
export async function fingerprint(db: Database): Promise<Record<string, number | string>> {
  return db.ownerTx(async (tx) => {
    const [r] = await tx.query<Record<string, number | string>>(
      `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM organisations) AS organisations,
              (SELECT count(*) FROM user_roles) AS roles, (SELECT count(*) FROM audit_log) AS audit,
              (SELECT coalesce(max(updated_at)::text, '') FROM users) AS users_updated,
              (SELECT coalesce(max(updated_at)::text, '') FROM organisations) AS orgs_updated,
              (SELECT coalesce(max(updated_at)::text, '') FROM comuni) AS comuni_updated,
              (SELECT count(*) FROM sessions WHERE revoked_at IS NULL) AS live_sessions`,
    );
    return r!;
  });
}

export async function auditRows(db: Database, where = 'true', params: unknown[] = []) {
  return db.ownerTx((tx) =>
    tx.query<{
      seq: number;
      action: string;
      outcome: string;
      entity_id: string | null;
      tenant_comune: string | null;
      actor_user_id: string | null;
      details: Record<string, unknown>;
    }>(
      `SELECT seq, action, outcome, entity_id, tenant_comune, actor_user_id, details FROM audit_log WHERE ${where} ORDER BY seq`,
      params,
    ),
  );
}
