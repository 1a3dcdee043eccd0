/**
 * Writes a plan of synthetic pilot data in one transaction: multi-row INSERTs from one JSON
 * parameter per batch, with the identities and permit numbers encrypted like real ones.
 */
import type { FieldCipher } from '../../platform/crypto.js';
import type { Queryable } from '../../platform/db/db.js';
import { cfIndex, nameGrams, nameIndex, sealIdentity, sealPermitNumber, writeNameGrams } from '../pilot/index.js';
import type { PilotPlan, PlannedPermit, Row } from './demo.pilot.work.js';

/** Rows per statement: one JSON parameter each, so a batch costs one parse and one bind. */
const BATCH = 2_000;

/**
 * Multi-row INSERT from one JSON parameter expanded with the table's own row type
 * (json_populate_recordset): JSON arrays become SQL arrays, objects jsonb, strings dates.
 */
async function insertMany(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  rows: readonly Row[],
  suffix = '',
): Promise<void> {
  const cols = columns.join(', ');
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null])));
    await tx.query(
      `INSERT INTO ${table} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${table}, $1::json)${suffix}`,
      [JSON.stringify(batch)],
    );
  }
}

const permitColumns = [
  'id',
  'person_id',
  'comune_istat',
  'basis',
  'questura',
  'initiated_by',
  'number_enc',
  'receipt_on',
  'issued_on',
  'expires_on',
  'renewal_requested_on',
  'renewed_on',
  'renewal_count',
  'conversion_requested_on',
  'converted_on',
  'converted_to',
  'revoked_on',
  'revocation_reason',
  'predecessor_id',
  'created_at',
  'updated_at',
] as const;

export async function writePlan(tx: Queryable, cipher: FieldCipher, plan: PilotPlan): Promise<void> {
  const persons = plan.persons.map(({ row, identity }) => ({
    ...row,
    identity_enc: sealIdentity(cipher, row.id as string, identity),
    name_index: nameIndex(cipher, identity.surname, identity.givenNames),
    cf_index: identity.codiceFiscale ? cfIndex(cipher, identity.codiceFiscale) : null,
  }));
  await insertMany(
    tx,
    'pilot_persons',
    [
      'id',
      'comune_istat',
      'pseudonym',
      'sex',
      'birth_year',
      'birth_country',
      'nationalities',
      'languages',
      'identity_enc',
      'name_index',
      'cf_index',
      'created_at',
      'updated_at',
    ],
    persons,
  );
  // the keyed trigrams of the names, for partial search (as the application writes them); a
  // database of an earlier release has no index yet: the pilot's prepare step fills it after the
  // upgrade (tests/api/migrations.test.ts seeds one)
  const [hasIndex] = await tx.query<{ ok: boolean }>(`SELECT to_regclass('pilot_person_name_grams') IS NOT NULL AS ok`);
  const grams = plan.persons.map(({ row, identity }) => ({
    personId: row.id as string,
    comune: row.comune_istat as string,
    grams: nameGrams(cipher, row.comune_istat as string, identity.surname, identity.givenNames),
  }));
  if (hasIndex?.ok) for (let i = 0; i < grams.length; i += BATCH) await writeNameGrams(tx, grams.slice(i, i + BATCH));
  await insertMany(
    tx,
    'pilot_referrals',
    [
      'id',
      'comune_istat',
      'received_on',
      'source',
      'channel',
      'sector',
      'catalogue_version',
      'outcome',
      'outcome_on',
      'created_by',
      'created_at',
      'updated_at',
    ],
    plan.referrals,
  );
  await insertMany(
    tx,
    'pilot_referral_checks',
    ['referral_id', 'comune_istat', 'catalogue_version', 'indicator_code', 'observed'],
    plan.checks,
  );
  await insertMany(
    tx,
    'pilot_cases',
    [
      'id',
      'comune_istat',
      'holder_person_id',
      'referral_id',
      'owner_user_id',
      'status',
      'opened_on',
      'admitted_on',
      'closed_on',
      'exit_reason',
      'in_sai',
      'version',
      'created_at',
      'updated_at',
    ],
    plan.cases,
  );
  await tx.query(
    `UPDATE pilot_referrals r SET case_id = c.id FROM pilot_cases c WHERE c.referral_id = r.id AND r.case_id IS NULL`,
  );
  await insertMany(
    tx,
    'pilot_case_members',
    [
      'case_id',
      'person_id',
      'comune_istat',
      'role',
      'relation',
      'kinship_kind',
      'degree',
      'in_nucleo',
      'present_in_italy',
      'created_at',
    ],
    plan.members,
  );
  await insertMany(
    tx,
    'pilot_admissions',
    [
      'id',
      'case_id',
      'person_id',
      'comune_istat',
      'status',
      'decided_on',
      'decided_by',
      'reason',
      'eligibility_code',
      'ended_on',
      'ended_by',
      'end_reason',
      'created_at',
    ],
    plan.admissions,
  );
  const sealed = (list: PlannedPermit[]) =>
    list.map(({ row, number }) => ({
      ...row,
      number_enc: number ? sealPermitNumber(cipher, row.id as string, number) : null,
    }));
  await insertMany(tx, 'pilot_permits', permitColumns, sealed(plan.permits));
  await insertMany(tx, 'pilot_permits', permitColumns, sealed(plan.successorPermits));
  await insertMany(
    tx,
    'pilot_pais',
    [
      'id',
      'case_id',
      'person_id',
      'comune_istat',
      'version',
      'status',
      'needs',
      'objectives',
      'shared_on',
      'notice_language',
      'approved_on',
      'approved_by',
      'review_due_on',
      'closed_on',
      'created_at',
      'updated_at',
    ],
    plan.pais,
  );
  await insertMany(
    tx,
    'pilot_pai_versions',
    ['pai_id', 'version', 'comune_istat', 'snapshot', 'frozen_at'],
    plan.paiVersions,
  );
  await insertMany(
    tx,
    'pilot_measures',
    [
      'id',
      'pai_id',
      'comune_istat',
      'type',
      'provider_name',
      'provider_org_id',
      'start_on',
      'end_on',
      'hours_planned',
      'hours_actual',
      'cost_planned',
      'cost_actual',
      'status',
      'outcome',
      'created_at',
      'updated_at',
    ],
    plan.measures,
  );
  await insertMany(
    tx,
    'pilot_contracts',
    [
      'id',
      'person_id',
      'case_id',
      'comune_istat',
      'type',
      'ateco',
      'ccnl',
      'weekly_hours',
      'start_on',
      'end_on',
      'created_at',
    ],
    plan.contracts,
  );
  await insertMany(
    tx,
    'pilot_outcomes',
    ['id', 'person_id', 'case_id', 'comune_istat', 'kind', 'occurred_on', 'employed', 'detail', 'created_at'],
    plan.outcomes,
  );
  // the identity column numbers the history: write it in the order things happened
  const events = plan.events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.occurred_on as string).localeCompare(b.e.occurred_on as string) || a.i - b.i)
    .map(({ e }) => e);
  await insertMany(
    tx,
    'pilot_case_events',
    [
      'case_id',
      'comune_istat',
      'person_id',
      'type',
      'from_status',
      'to_status',
      'occurred_on',
      'recorded_at',
      'actor_user_id',
      'note',
    ],
    events,
  );
  await insertMany(
    tx,
    'pilot_budgets',
    ['comune_istat', 'year', 'allocation', 'updated_at'],
    plan.budgets,
    ' ON CONFLICT (comune_istat, year) DO NOTHING',
  );
  await insertMany(
    tx,
    'pilot_issues',
    [
      'id',
      'comune_istat',
      'raised_by',
      'raised_by_level',
      'category',
      'title',
      'description',
      'corrective_action',
      'owner',
      'due_on',
      'status',
      'resolution',
      'created_at',
      'updated_at',
    ],
    plan.issues,
  );
  // the application numbers new persons after the demo's
  await insertMany(
    tx,
    'pilot_counters',
    ['comune_istat', 'year', 'last'],
    plan.counters,
    ' ON CONFLICT (comune_istat, year) DO UPDATE SET last = GREATEST(pilot_counters.last, EXCLUDED.last)',
  );
}
