import type { Queryable } from '../../platform/db/db.js';
import type { Me } from './access.schema.js';

/** The user and organisation parts of `/me`. */
export async function selectMe(tx: Queryable, userId: string): Promise<Pick<Me, 'user' | 'organisation'> | undefined> {
  const [r] = await tx.query<{
    id: string;
    email: string;
    display_name: string;
    totp_enabled: boolean;
    org_id: string;
    org_type: Me['organisation']['type'];
    org_name: string;
    comune_istat: string | null;
    comune_name: string | null;
    region_code: string | null;
    region_name: string | null;
  }>(
    `SELECT u.id, u.email, u.display_name, u.totp_enabled, o.id AS org_id, o.type AS org_type, o.name AS org_name,
            o.comune_istat, c.name AS comune_name, rg.code AS region_code, rg.name AS region_name
       FROM users u
       JOIN organisations o ON o.id = u.organisation_id
       LEFT JOIN comuni c ON c.istat_code = o.comune_istat
       LEFT JOIN regions rg ON rg.code = coalesce(o.region_code, c.region_code)
      WHERE u.id = $1`,
    [userId],
  );
  if (!r) return undefined;
  return {
    user: { id: r.id, email: r.email, displayName: r.display_name, totpEnabled: r.totp_enabled },
    organisation: {
      id: r.org_id,
      type: r.org_type,
      name: r.org_name,
      comuneIstat: r.comune_istat,
      comuneName: r.comune_name,
      regionCode: r.region_code,
      regionName: r.region_name,
    },
  };
}
