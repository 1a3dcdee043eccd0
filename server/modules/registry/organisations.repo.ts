import type { Queryable } from '../../platform/db/db.js';
import { Where, offsetOf } from '../../platform/pagination.js';
import { foldName } from './registry.rules.js';
import type { Organisation, OrganisationDetail, OrganisationQuery } from './registry.schema.js';

const orgColumns = `o.id, o.type, o.name, o.comune_istat, c.name AS comune_name, rg.code AS region_code,
  rg.name AS region_name, o.pec, o.tax_code, o.address, o.active, o.created_at
  FROM organisations o
  LEFT JOIN comuni c ON c.istat_code = o.comune_istat
  LEFT JOIN regions rg ON rg.code = coalesce(o.region_code, c.region_code)`;

interface OrgRow {
  id: string;
  type: Organisation['type'];
  name: string;
  comune_istat: string | null;
  comune_name: string | null;
  region_code: string | null;
  region_name: string | null;
  pec: string | null;
  tax_code: string | null;
  address: string | null;
  active: boolean;
  created_at: Date;
}

function toOrganisation(r: OrgRow): Organisation {
  return {
    id: r.id,
    type: r.type,
    name: r.name,
    comuneIstat: r.comune_istat,
    comuneName: r.comune_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    pec: r.pec,
    taxCode: r.tax_code,
    address: r.address,
    active: r.active,
    createdAt: r.created_at.toISOString(),
  };
}

export async function selectOrganisationPage(
  tx: Queryable,
  q: OrganisationQuery,
): Promise<{ items: Organisation[]; total: number }> {
  const w = new Where();
  if (q.q) {
    const folded = foldName(q.q);
    // organisation names are few: folding them in the query is cheap and needs no extra column
    if (folded)
      w.add(
        `lower(translate(o.name, 'àáâäèéêëìíîïòóôöùúûüçñ''’-', 'aaaaeeeeiiiioooouuuucn   ')) LIKE '%' || $? || '%'`,
        folded,
      );
  }
  if (q.type) w.add('o.type = $?', q.type);
  if (q.region) w.add('coalesce(o.region_code, c.region_code) = $?', q.region);
  if (q.comune) w.add('o.comune_istat = $?', q.comune);
  if (q.active !== undefined) w.add('o.active = $?', q.active);
  const [count] = await tx.query<{ n: number }>(
    `SELECT count(*) AS n FROM organisations o LEFT JOIN comuni c ON c.istat_code = o.comune_istat ${w}`,
    w.params,
  );
  const limit = w.param(q.pageSize);
  const offset = w.param(offsetOf(q));
  const rows = await tx.query<OrgRow>(
    `SELECT ${orgColumns} ${w} ORDER BY o.name, o.id LIMIT ${limit} OFFSET ${offset}`,
    w.params,
  );
  return { items: rows.map(toOrganisation), total: count?.n ?? 0 };
}

export async function selectOrganisation(tx: Queryable, id: string): Promise<Organisation | undefined> {
  const [row] = await tx.query<OrgRow>(`SELECT ${orgColumns} WHERE o.id = $1`, [id]);
  return row ? toOrganisation(row) : undefined;
}

export async function selectOrganisationsOfComune(tx: Queryable, istatCode: string): Promise<Organisation[]> {
  const rows = await tx.query<OrgRow>(`SELECT ${orgColumns} WHERE o.comune_istat = $1 ORDER BY o.type, o.name`, [
    istatCode,
  ]);
  return rows.map(toOrganisation);
}

export async function selectOrganisationUsers(tx: Queryable, id: string) {
  const rows = await tx.query<{
    id: string;
    display_name: string;
    roles: OrganisationDetail['users'][number]['roles'];
  }>(
    `SELECT u.id, u.display_name, ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles
       FROM users u WHERE u.organisation_id = $1 ORDER BY u.display_name`,
    [id],
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, roles: r.roles }));
}

export async function insertOrganisation(
  tx: Queryable,
  o: {
    type: string;
    name: string;
    comuneIstat: string | null;
    regionCode: string | null;
    pec: string | null;
    taxCode: string | null;
    address: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO organisations (type, name, comune_istat, region_code, pec, tax_code, address, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [o.type, o.name, o.comuneIstat, o.regionCode, o.pec, o.taxCode, o.address, o.now],
  );
  return row!.id;
}

/** Applies a merge patch: an absent field stays as it is, `null` clears it. */
export async function updateOrganisationFields(
  tx: Queryable,
  id: string,
  f: {
    name?: string;
    pec?: string | null;
    taxCode?: string | null;
    address?: string | null;
    active?: boolean;
  },
  now: Date,
): Promise<void> {
  const params: unknown[] = [id, now];
  const sets: string[] = [];
  const set = (col: string, v: unknown) => {
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  if (f.name !== undefined) set('name', f.name);
  if (f.pec !== undefined) set('pec', f.pec);
  if (f.taxCode !== undefined) set('tax_code', f.taxCode);
  if (f.address !== undefined) set('address', f.address);
  if (f.active !== undefined) set('active', f.active);
  await tx.query(`UPDATE organisations SET ${sets.join(', ')}, updated_at = $2 WHERE id = $1`, params);
}

export async function existsOrganisationAt(
  tx: Queryable,
  type: string,
  comuneIstat: string | null,
  regionCode: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM organisations WHERE type = $1 AND
       ((type = 'comune' AND comune_istat = $2) OR (type = 'regione' AND region_code = $3))`,
    [type, comuneIstat, regionCode],
  );
  return rows.length > 0;
}
