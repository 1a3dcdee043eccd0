/**
 * SQL of the keyed trigram index of names (`pilot_person_name_grams`, decision 0022): written
 * with every person, rebuilt on a key rotation, backfilled at start, asked by the case list.
 */
import type { FieldCipher } from '../../../platform/crypto.js';
import type { Queryable } from '../../../platform/db/db.js';
import { nameGrams } from './name-search.js';

export interface PersonGrams {
  personId: string;
  comune: string;
  grams: readonly number[];
}

/** Replaces the grams of these persons (none before: a plain insert). */
export async function writeNameGrams(tx: Queryable, persons: readonly PersonGrams[], replace = false): Promise<void> {
  if (replace && persons.length)
    await tx.query('DELETE FROM pilot_person_name_grams WHERE person_id = ANY($1::uuid[])', [
      persons.map((p) => p.personId),
    ]);
  const ids: string[] = [];
  const comuni: string[] = [];
  const grams: number[] = [];
  for (const p of persons)
    for (const g of p.grams) {
      ids.push(p.personId);
      comuni.push(p.comune);
      grams.push(g);
    }
  if (!grams.length) return;
  await tx.query(
    `INSERT INTO pilot_person_name_grams (person_id, comune_istat, gram)
     SELECT * FROM unnest($1::uuid[], $2::char(6)[], $3::integer[])`,
    [ids, comuni, grams],
  );
}

/** The persons of the Comune whose name holds every gram (candidates: the caller verifies them). */
export async function selectNameCandidates(
  tx: Queryable,
  comune: string,
  grams: readonly number[],
  ownerOnly: string | null,
): Promise<Array<{ id: string; identity_enc: string }>> {
  return tx.query<{ id: string; identity_enc: string }>(
    `SELECT p.id, p.identity_enc
       FROM (SELECT g.person_id FROM pilot_person_name_grams g
              WHERE g.comune_istat = $1 AND g.gram = ANY($2::integer[])
              GROUP BY g.person_id HAVING count(*) = $3) hit
       JOIN pilot_persons p ON p.id = hit.person_id
      WHERE $4::uuid IS NULL OR EXISTS (
        SELECT 1 FROM pilot_case_members m JOIN pilot_cases c ON c.id = m.case_id
         WHERE m.person_id = p.id AND c.owner_user_id = $4::uuid)`,
    [comune, grams, grams.length, ownerOnly],
  );
}

/**
 * Indexes the names of persons that have no grams yet (a database from before the index, rows
 * written by hand): run at start as the owner. Persons whose name has no word of three letters
 * keep no grams and are looked at again; there are few. Returns how many were indexed.
 */
export async function backfillNameGrams(
  tx: Queryable,
  cipher: FieldCipher,
  openName: (personId: string, token: string) => { surname: string; givenNames: string },
): Promise<number> {
  const rows = await tx.query<{ id: string; comune_istat: string; identity_enc: string }>(
    `SELECT p.id, p.comune_istat, p.identity_enc FROM pilot_persons p
      WHERE NOT EXISTS (SELECT 1 FROM pilot_person_name_grams g WHERE g.person_id = p.id)`,
  );
  const persons: PersonGrams[] = [];
  for (const r of rows) {
    let name: { surname: string; givenNames: string };
    try {
      name = openName(r.id, r.identity_enc);
    } catch {
      // the key was checked at start: a row that does not decrypt is a placeholder (the bench's), not a name
      continue;
    }
    persons.push({
      personId: r.id,
      comune: r.comune_istat,
      grams: nameGrams(cipher, r.comune_istat, name.surname, name.givenNames),
    });
  }
  for (let i = 0; i < persons.length; i += 1000) await writeNameGrams(tx, persons.slice(i, i + 1000));
  return persons.filter((p) => p.grams.length).length;
}

/** Rebuilds the grams of a batch of persons under a new key (data-key rotation, as the owner). */
export async function rekeyNameGrams(
  tx: Queryable,
  cipher: FieldCipher,
  rows: ReadonlyArray<{ id: string; plain: string }>,
): Promise<void> {
  if (!rows.length) return;
  const comuni = await tx.query<{ id: string; comune_istat: string }>(
    'SELECT id, comune_istat FROM pilot_persons WHERE id = ANY($1::uuid[])',
    [rows.map((r) => r.id)],
  );
  const comuneOf = new Map(comuni.map((c) => [c.id, c.comune_istat]));
  await writeNameGrams(
    tx,
    rows.map((r) => {
      const id = JSON.parse(r.plain) as { surname: string; givenNames: string };
      const comune = comuneOf.get(r.id)!;
      return { personId: r.id, comune, grams: nameGrams(cipher, comune, id.surname, id.givenNames) };
    }),
    true,
  );
}
