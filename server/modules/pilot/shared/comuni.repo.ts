/**
 * The Comuni as the pilot reads them: through the registry's view `registry_comuni_v` (migration
 * 0008), never its tables. One place answers "is this a Comune of the 18-ter pilot?".
 */
import type { Queryable } from '../../../platform/db/db.js';

/** True when the Comune exists and takes part in the 18-ter pilot. */
export async function isPilotComune(tx: Queryable, istat: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM registry_comuni_v WHERE istat_code = $1 AND pilot_18ter', [istat])).length > 0;
}

/** The Comune's name, when the ISTAT code exists. */
export async function selectComuneName(tx: Queryable, istat: string): Promise<string | undefined> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM registry_comuni_v WHERE istat_code = $1', [istat]);
  return row?.name;
}
