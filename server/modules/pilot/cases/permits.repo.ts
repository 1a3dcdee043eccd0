/** SQL of residence permits. Plain rows in, plain rows out. */
import type { Queryable } from '../../../platform/db/db.js';

export interface PermitRow {
  id: string;
  person_id: string;
  basis: string;
  questura: string;
  initiated_by: string | null;
  number_enc: string | null;
  receipt_on: string | null;
  issued_on: string | null;
  expires_on: string | null;
  renewal_requested_on: string | null;
  renewed_on: string | null;
  renewal_count: number;
  conversion_requested_on: string | null;
  converted_on: string | null;
  converted_to: string | null;
  revoked_on: string | null;
  revocation_reason: string | null;
  predecessor_id: string | null;
}

const permitColumns = `id, person_id, basis, questura, initiated_by, number_enc, receipt_on::text AS receipt_on,
  issued_on::text AS issued_on, expires_on::text AS expires_on, renewal_requested_on::text AS renewal_requested_on,
  renewed_on::text AS renewed_on, renewal_count, conversion_requested_on::text AS conversion_requested_on,
  converted_on::text AS converted_on, converted_to, revoked_on::text AS revoked_on, revocation_reason, predecessor_id`;

export async function selectPermitsOf(tx: Queryable, personIds: string[]): Promise<PermitRow[]> {
  if (!personIds.length) return [];
  return tx.query<PermitRow>(
    `SELECT ${permitColumns} FROM pilot_permits WHERE person_id = ANY($1::uuid[]) ORDER BY coalesce(issued_on, receipt_on, created_at::date), created_at, id`,
    [personIds],
  );
}

export async function selectPermit(tx: Queryable, id: string, lock = false): Promise<PermitRow | undefined> {
  const [row] = await tx.query<PermitRow>(
    `SELECT ${permitColumns} FROM pilot_permits WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return row;
}

export async function insertPermit(
  tx: Queryable,
  p: {
    id: string;
    personId: string;
    comune: string;
    basis: string;
    questura: string;
    initiatedBy?: string | null;
    numberEnc?: string | null;
    receiptOn?: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
    predecessorId?: string | null;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_permits (id, person_id, comune_istat, basis, questura, initiated_by, number_enc, receipt_on, issued_on, expires_on,
       predecessor_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [
      p.id,
      p.personId,
      p.comune,
      p.basis,
      p.questura,
      p.initiatedBy ?? null,
      p.numberEnc ?? null,
      p.receiptOn ?? null,
      p.issuedOn,
      p.expiresOn,
      p.predecessorId ?? null,
      p.now,
    ],
  );
}

/** The column of each changeable field of a permit. */
const columnOf = {
  receiptOn: 'receipt_on',
  issuedOn: 'issued_on',
  expiresOn: 'expires_on',
  renewalRequestedOn: 'renewal_requested_on',
  renewedOn: 'renewed_on',
  renewalCount: 'renewal_count',
  conversionRequestedOn: 'conversion_requested_on',
  convertedOn: 'converted_on',
  convertedTo: 'converted_to',
  revokedOn: 'revoked_on',
  revocationReason: 'revocation_reason',
  numberEnc: 'number_enc',
} as const;
export type PermitChanges = Partial<Record<keyof typeof columnOf, string | number | null>>;

/** One update of the changed fields; returns the columns it set, in order. */
export async function updatePermit(tx: Queryable, id: string, changes: PermitChanges, now: Date): Promise<string[]> {
  const keys = (Object.keys(changes) as (keyof typeof columnOf)[]).filter((k) => changes[k] !== undefined);
  const columns = keys.map((k) => columnOf[k]);
  await tx.query(
    `UPDATE pilot_permits SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = $${keys.length + 2} WHERE id = $1`,
    [id, ...keys.map((k) => changes[k]), now],
  );
  return columns;
}
