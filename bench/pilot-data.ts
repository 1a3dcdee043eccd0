/**
 * Bulk data of the 18-ter pilot for the benchmark: 5,000 cases (by default) in each of the 10 demo
 * pilot Comuni, written as the database owner with set-based SQL (INSERT … SELECT over a generated
 * plan), in one transaction, after the app has seeded the demo accounts.
 *
 * Per case: a referral, the holder (plus a spouse in one case out of three and a child in one out
 * of five), an art. 18-ter permit for the holder and a family permit for the spouse, the events of
 * the case, and by status an admission, a PAI with two measures, a contract and outcomes; a budget
 * per Comune and year. Each Comune's cases belong to its demo operatore.
 *
 * Identities: the Catania persons (the ones the detail endpoint reads) get a real ciphertext each,
 * encrypted here with the data key both servers use (the AAD binds the person id, so one shared
 * ciphertext could not be decrypted); so do the Catania permit numbers. The persons of the other
 * Comuni carry one placeholder ciphertext that cannot be decrypted: no benchmarked request opens
 * them (the comparative reads no identity; the list reads only the operatore's Catania cases).
 * The Catania names are also indexed for partial search (the keyed trigrams of decision 0022).
 */
import pg from 'pg';
import { createFieldCipher } from '../server/platform/crypto.js';
import { DEMO_DOMAIN, pilotComuni } from '../server/modules/demo/index.js';
import { nameIndex, sealIdentity, sealPermitNumber, type Identity } from '../server/modules/pilot/shared/identity.js';
import { kinshipOf } from '../server/modules/pilot/shared/kinship.js';
import { nameGrams } from '../server/modules/pilot/shared/name-search.js';
import {
  exitReasons,
  measureTypes,
  referralChannels,
  referralSources,
  sectors,
} from '../server/modules/pilot/shared/vocab.js';

/** The accounts the pilot endpoints are measured with (demo password). */
export const pilotLogins = {
  /** An operatore sees their own cases: all the generated Catania cases are theirs. */
  cases: `operatore.catania@${DEMO_DOMAIN}`,
  /** The ministry sees every row of the quadro comparativo disclosure-controlled. */
  comparative: `mlps@${DEMO_DOMAIN}`,
};

/** The Comune whose cases are listed and opened. */
export const detailComune = '087015';
/** The generated case the detail endpoint opens: n = 30 is pai_attivo, with a spouse and a child. */
const DETAIL_N = 30;

export interface PilotData {
  comuni: number;
  cases: number;
  persons: number;
  realCiphertexts: number;
  /** The Catania case the detail endpoint reads. */
  detailCaseId: string;
  ms: number;
}

/** Status by n % 20: 4 aperto, 4 ammesso_misure, 7 pai_attivo, 1 sospeso, 4 chiuso. */
const statusCycle = [
  ...Array<string>(4).fill('aperto'),
  ...Array<string>(4).fill('ammesso_misure'),
  ...Array<string>(7).fill('pai_attivo'),
  'sospeso',
  ...Array<string>(4).fill('chiuso'),
];
const countries = ['IN', 'PK', 'BD', 'MA', 'NG', 'TN', 'SN', 'EG', 'GH', 'ML'];
const languages = ['pa', 'ur', 'bn', 'ar', 'en', 'ar', 'wo', 'ar', 'en', 'bm'];
const surnames = [
  'Adebayo',
  'Singhvala',
  'Haddouri',
  'Dialloro',
  'Rahmani',
  'Mensahu',
  'Traorini',
  'Khanzad',
  'Benaliq',
  'Okaforo',
];
const givenNames = [
  'Amadou',
  'Gurpreet',
  'Fatima',
  'Kwame',
  'Nasrin',
  'Youssef',
  'Aminata',
  'Imran',
  'Salma',
  'Tunde',
  'Rokia',
];

/** Generates the pilot data in the database at `dbUrl`; `dataKey` is the app's INCAS_DATA_KEY. */
export async function generatePilotData(dbUrl: string, dataKey: Buffer, casesPerComune = 5000): Promise<PilotData> {
  const started = performance.now();
  const cipher = createFieldCipher(dataKey);
  const generic = cipher.encrypt('{}', 'bench/placeholder');
  const spouse = kinshipOf('coniuge');
  const child = kinshipOf('figlio');
  const client = new pg.Client({ connectionString: dbUrl, application_name: 'incas-bench-admin' });
  await client.connect();
  try {
    await client.query('BEGIN');
    // The plan is consistent by construction, so the foreign-key triggers (one per row and key,
    // most of the time of a bulk insert) are skipped when the user may (superuser); else kept.
    await client.query('SAVEPOINT replica');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT replica');
    }
    // the plan: one row per case, with every id and date the inserts below need
    await client.query(
      `CREATE TEMP TABLE bench_gen ON COMMIT DROP AS
       SELECT pc.istat AS comune, pr.sigla, s.n, op.id AS owner_id, rf.id AS referente_id,
              gen_random_uuid() AS case_id, gen_random_uuid() AS holder_id,
              CASE WHEN s.n % 3 = 0 THEN gen_random_uuid() END AS spouse_id,
              CASE WHEN s.n % 5 = 0 THEN gen_random_uuid() END AS child_id,
              gen_random_uuid() AS referral_id, gen_random_uuid() AS pai_id,
              (current_date - 30 - (s.n * 37) % 900) AS opened_on,
              ($5::text[])[1 + s.n % 20] AS status,
              ($6::text[])[1 + (s.n / 20) % 5] AS exit_reason
         FROM unnest($1::text[], $2::text[]) AS pc(istat, slug)
         JOIN comuni c ON c.istat_code = pc.istat
         JOIN provinces pr ON pr.code = c.province_code
         JOIN users op ON op.email = 'operatore.' || pc.slug || '@' || $3
         JOIN users rf ON rf.email = 'referente.' || pc.slug || '@' || $3
        CROSS JOIN generate_series(1, $4::int) AS s(n)`,
      [
        pilotComuni.map((p) => p.istat),
        pilotComuni.map((p) => p.slug),
        DEMO_DOMAIN,
        casesPerComune,
        statusCycle,
        [...exitReasons],
      ],
    );
    await client.query(
      `ALTER TABLE bench_gen ADD COLUMN admitted_on date, ADD COLUMN closed_on date, ADD COLUMN pai_status text,
         ADD COLUMN ts timestamptz`,
    );
    await client.query(
      `UPDATE bench_gen SET
         admitted_on = CASE WHEN status <> 'aperto' THEN opened_on + n % 20 END,
         ts = opened_on::timestamptz + interval '9 hours'`,
    );
    await client.query(
      `UPDATE bench_gen SET
         closed_on = CASE WHEN status = 'chiuso' THEN least(admitted_on + 30 + n % 200, current_date - 1) END,
         pai_status = CASE status WHEN 'pai_attivo' THEN 'in_corso' WHEN 'sospeso' THEN 'approvato' WHEN 'chiuso' THEN 'chiuso'
                                  WHEN 'ammesso_misure' THEN CASE WHEN n % 2 = 0 THEN 'bozza' END END`,
    );
    const [plan] = (
      await client.query<{ comuni: number; cases: number }>(
        'SELECT count(DISTINCT comune)::int AS comuni, count(*)::int AS cases FROM bench_gen',
      )
    ).rows;
    if (!plan || plan.comuni !== pilotComuni.length) {
      throw new Error(
        `Pilot data: found ${plan?.comuni ?? 0} of the ${pilotComuni.length} demo pilot Comuni with their accounts`,
      );
    }

    await client.query(
      `INSERT INTO pilot_referrals (id, comune_istat, received_on, source, channel, sector, catalogue_version, outcome,
         outcome_on, created_by, created_at, updated_at)
       SELECT referral_id, comune, opened_on - n % 20, ($1::text[])[1 + n % cardinality($1::text[])],
              ($2::text[])[1 + n % cardinality($2::text[])], ($3::text[])[1 + n % cardinality($3::text[])], 1,
              'permesso_avviato', opened_on - n % 20 + n % 10, owner_id, ts, ts
         FROM bench_gen`,
      [[...referralSources], [...referralChannels], [...sectors]],
    );
    // holder k = 1, spouse k = 2, child k = 3: pseudonyms CT-2025-10030, CT-2025-20030, … (the
    // app's own numbering has four digits, so the two never meet)
    await client.query(
      `INSERT INTO pilot_persons (id, comune_istat, pseudonym, sex, birth_year, birth_country, nationalities, languages,
         identity_enc, name_index, created_at, updated_at)
       SELECT p.id, g.comune, g.sigla || '-' || extract(year FROM g.opened_on)::int || '-' || (p.k * 10000 + g.n),
              CASE p.k WHEN 1 THEN (ARRAY['M', 'M', 'F'])[1 + g.n % 3] WHEN 2 THEN (ARRAY['F', 'F', 'M'])[1 + g.n % 3]
                       ELSE (ARRAY['F', 'M'])[1 + g.n % 2] END,
              CASE WHEN p.k = 3 THEN 2010 + g.n % 12 ELSE 1970 + g.n % 35 END,
              ($1::text[])[1 + g.n % 10], ARRAY[($1::text[])[1 + g.n % 10]], ARRAY[($2::text[])[1 + g.n % 10], 'it'],
              $3, md5(p.id::text), g.ts, g.ts
         FROM bench_gen g
        CROSS JOIN LATERAL (VALUES (g.holder_id, 1), (g.spouse_id, 2), (g.child_id, 3)) AS p(id, k)
        WHERE p.id IS NOT NULL`,
      [countries, languages, generic],
    );
    await client.query(
      `INSERT INTO pilot_cases (id, comune_istat, holder_person_id, referral_id, owner_user_id, status, opened_on,
         admitted_on, closed_on, exit_reason, in_sai, created_at, updated_at)
       SELECT case_id, comune, holder_id, referral_id, owner_id, status, opened_on, admitted_on, closed_on,
              CASE WHEN status = 'chiuso' THEN exit_reason END, n % 4 <> 0, ts, ts
         FROM bench_gen`,
    );
    await client.query('UPDATE pilot_referrals r SET case_id = g.case_id FROM bench_gen g WHERE r.id = g.referral_id');
    await client.query(
      `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, relation, kinship_kind, degree, created_at)
       SELECT case_id, holder_id, comune, 'titolare', NULL, NULL, NULL, ts FROM bench_gen
       UNION ALL
       SELECT case_id, spouse_id, comune, 'familiare', 'coniuge', $1, $2::int, ts + interval '1 day' FROM bench_gen WHERE spouse_id IS NOT NULL
       UNION ALL
       SELECT case_id, child_id, comune, 'familiare', 'figlio', $3, $4::int, ts + interval '2 days' FROM bench_gen WHERE child_id IS NOT NULL`,
      [spouse.kind, spouse.degree, child.kind, child.degree],
    );
    // the holder's art. 18-ter permit: pending in one case out of ten, renewed in one out of four,
    // converted to work or revoked when the case closed that way; the spouse's family permit
    await client.query(
      `INSERT INTO pilot_permits (person_id, comune_istat, basis, questura, initiated_by, receipt_on, issued_on, expires_on,
         renewal_requested_on, renewed_on, renewal_count, conversion_requested_on, converted_on, converted_to, revoked_on,
         revocation_reason, created_at, updated_at)
       SELECT holder_id, comune, 'art_18ter', 'Questura (bench)', (ARRAY['proposta_ag', 'parere_inl'])[1 + n % 2],
              opened_on - 5, iss, CASE WHEN iss IS NOT NULL THEN iss + CASE WHEN n % 4 = 0 THEN 547 ELSE 182 END END,
              CASE WHEN iss IS NOT NULL AND n % 4 = 0 THEN iss + 160 END, CASE WHEN iss IS NOT NULL AND n % 4 = 0 THEN iss + 175 END,
              CASE WHEN iss IS NOT NULL AND n % 4 = 0 THEN 1 ELSE 0 END,
              CASE WHEN conv THEN closed_on - 20 END, CASE WHEN conv THEN closed_on - 5 END,
              CASE WHEN conv THEN 'lavoro_subordinato' END,
              CASE WHEN status = 'chiuso' AND exit_reason = 'revoca_art7' THEN closed_on END,
              CASE WHEN status = 'chiuso' AND exit_reason = 'revoca_art7' THEN 'Revoca art. 7 (bench)' END, ts, ts
         FROM (SELECT g.*, CASE WHEN n % 10 <> 0 THEN opened_on + 15 END AS iss,
                      (status = 'chiuso' AND exit_reason = 'lavoro_autonomia' AND n % 10 <> 0) AS conv
                 FROM bench_gen g) g
       UNION ALL
       SELECT spouse_id, comune, 'motivi_famiglia', 'Questura (bench)', NULL, opened_on + 20, opened_on + 40, opened_on + 405,
              NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, ts, ts
         FROM bench_gen WHERE spouse_id IS NOT NULL`,
    );
    await client.query(
      `INSERT INTO pilot_admissions (case_id, person_id, comune_istat, status, decided_on, decided_by, reason, eligibility_code,
         ended_on, ended_by, end_reason, created_at)
       SELECT case_id, p.id, comune, CASE WHEN status = 'chiuso' THEN 'cessato' ELSE 'ammesso' END, admitted_on + p.k - 1,
              referente_id, 'Ammissione alle misure (bench)', p.code, closed_on, CASE WHEN status = 'chiuso' THEN referente_id END,
              CASE WHEN status = 'chiuso' THEN 'Chiusura del caso (bench)' END, ts + interval '3 days'
         FROM bench_gen g
        CROSS JOIN LATERAL (VALUES (g.holder_id, 1, 'titolare_18ter'), (CASE WHEN g.n % 2 = 0 THEN g.spouse_id END, 2, 'coniuge'))
              AS p(id, k, code)
        WHERE g.admitted_on IS NOT NULL AND p.id IS NOT NULL`,
    );
    await client.query(
      `INSERT INTO pilot_pais (id, case_id, person_id, comune_istat, status, shared_on, notice_language, approved_on, approved_by,
         review_due_on, closed_on, created_at, updated_at)
       SELECT pai_id, case_id, holder_id, comune, pai_status,
              CASE WHEN pai_status <> 'bozza' THEN admitted_on + 5 END, CASE WHEN pai_status <> 'bozza' THEN 'en' END,
              CASE WHEN pai_status <> 'bozza' THEN admitted_on + 8 END, CASE WHEN pai_status <> 'bozza' THEN referente_id END,
              CASE WHEN pai_status <> 'bozza' THEN admitted_on + 188 END, CASE WHEN pai_status = 'chiuso' THEN closed_on END,
              ts + interval '4 days', ts + interval '4 days'
         FROM bench_gen WHERE pai_status IS NOT NULL`,
    );
    await client.query(
      `INSERT INTO pilot_measures (pai_id, comune_istat, type, provider_name, start_on, end_on, hours_planned, hours_actual,
         cost_planned, cost_actual, status, created_at, updated_at)
       SELECT pai_id, comune, ($1::text[])[1 + (n + m.k * 7) % cardinality($1::text[])], 'Ente attuatore (bench)', m.start_on,
              CASE WHEN m.st IN ('completata', 'interrotta') THEN least(m.start_on + 60, greatest(closed_on, m.start_on)) END,
              40, CASE m.st WHEN 'completata' THEN 38 WHEN 'avviata' THEN 12 WHEN 'interrotta' THEN 10 END,
              600 + (n % 10) * 50, CASE m.st WHEN 'completata' THEN 600 + (n % 10) * 50 WHEN 'avviata' THEN 300 WHEN 'interrotta' THEN 150 END,
              m.st, ts + interval '5 days', ts + interval '5 days'
         FROM bench_gen g
        CROSS JOIN LATERAL (VALUES
              (0, g.admitted_on + 9, CASE g.pai_status WHEN 'in_corso' THEN 'avviata' WHEN 'approvato' THEN 'avviata' ELSE 'completata' END),
              (1, g.admitted_on + 19, CASE g.pai_status WHEN 'in_corso' THEN 'pianificata' WHEN 'approvato' THEN 'pianificata'
                                      ELSE CASE WHEN g.n % 3 = 0 THEN 'interrotta' ELSE 'completata' END END)
              ) AS m(k, start_on, st)
        WHERE g.pai_status IN ('in_corso', 'approvato', 'chiuso')`,
      [[...measureTypes]],
    );
    await client.query(
      `INSERT INTO pilot_contracts (person_id, case_id, comune_istat, type, ateco, ccnl, weekly_hours, start_on, created_at)
       SELECT holder_id, case_id, comune, 'tempo_indeterminato', '01.11', 'Operai agricoli', 39, closed_on - 3, ts
         FROM bench_gen WHERE status = 'chiuso' AND exit_reason = 'lavoro_autonomia'`,
    );
    await client.query(
      `INSERT INTO pilot_outcomes (person_id, case_id, comune_istat, kind, occurred_on, employed, created_at)
       SELECT holder_id, case_id, comune, 'follow_up_6', least(closed_on + 180, current_date - 1), n % 2 = 0, ts
         FROM bench_gen WHERE status = 'chiuso'
       UNION ALL
       SELECT holder_id, case_id, comune, 'assegno_inclusione', admitted_on + 20, NULL, ts
         FROM bench_gen WHERE admitted_on IS NOT NULL AND n % 7 = 0`,
    );
    // the case's history; one event in six is recorded more than 30 days late
    await client.query(
      `INSERT INTO pilot_case_events (case_id, comune_istat, person_id, type, from_status, to_status, occurred_on, recorded_at,
         actor_user_id)
       SELECT case_id, comune, holder_id, 'PRESA_IN_CARICO', NULL, 'aperto', opened_on, ts + (n % 36) * interval '1 day', owner_id
         FROM bench_gen
       UNION ALL
       SELECT case_id, comune, holder_id, 'AMMISSIONE_MISURE', 'aperto', 'ammesso_misure', admitted_on, ts + interval '3 days', referente_id
         FROM bench_gen WHERE admitted_on IS NOT NULL
       UNION ALL
       SELECT case_id, comune, holder_id, 'PAI_APPROVATO', 'ammesso_misure', 'pai_attivo', admitted_on + 8, ts + interval '8 days', referente_id
         FROM bench_gen WHERE pai_status IN ('in_corso', 'approvato', 'chiuso')
       UNION ALL
       SELECT case_id, comune, holder_id, 'CAMBIO_STATO', 'pai_attivo', status, coalesce(closed_on, least(admitted_on + 60, current_date - 1)),
              coalesce(closed_on, least(admitted_on + 60, current_date - 1))::timestamptz + interval '10 hours', owner_id
         FROM bench_gen WHERE status IN ('sospeso', 'chiuso')`,
    );
    await client.query(
      `INSERT INTO pilot_budgets (comune_istat, year, allocation, updated_at)
       SELECT p.istat, y, 1500000, now() FROM unnest($1::text[]) AS p(istat),
              generate_series(extract(year FROM current_date)::int - 2, extract(year FROM current_date)::int) AS y
       ON CONFLICT DO NOTHING`,
      [pilotComuni.map((p) => p.istat)],
    );

    // real ciphertexts for the persons and permit numbers of the Comune whose cases are opened
    const permits = (
      await client.query<{ id: string }>(
        `SELECT pm.id FROM pilot_permits pm JOIN pilot_persons p ON p.id = pm.person_id
        WHERE p.comune_istat = $1 AND p.identity_enc = $2 AND pm.issued_on IS NOT NULL`,
        [detailComune, generic],
      )
    ).rows;
    const persons = (
      await client.query<{ id: string; birth_year: number }>(
        `SELECT p.id, p.birth_year FROM pilot_persons p WHERE p.comune_istat = $1 AND p.identity_enc = $2`,
        [detailComune, generic],
      )
    ).rows;
    const ids: string[] = [];
    const encs: string[] = [];
    const idxs: string[] = [];
    persons.forEach((p, i) => {
      const identity: Identity = {
        surname: surnames[i % surnames.length]!,
        givenNames: givenNames[i % givenNames.length]!,
        birthDate: `${p.birth_year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        codiceFiscale: null,
        phone: null,
        email: null,
        address: null,
      };
      ids.push(p.id);
      encs.push(sealIdentity(cipher, p.id, identity));
      idxs.push(nameIndex(cipher, identity.surname, identity.givenNames));
    });
    await client.query(
      `UPDATE pilot_persons p SET identity_enc = v.enc, name_index = v.idx
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, enc, idx) WHERE p.id = v.id`,
      [ids, encs, idxs],
    );
    // the keyed trigrams of their names, as the application writes them (partial search by name)
    const gramIds: string[] = [];
    const gramValues: number[] = [];
    persons.forEach((p, i) => {
      for (const g of nameGrams(
        cipher,
        detailComune,
        surnames[i % surnames.length]!,
        givenNames[i % givenNames.length]!,
      )) {
        gramIds.push(p.id);
        gramValues.push(g);
      }
    });
    await client.query(
      `INSERT INTO pilot_person_name_grams (person_id, comune_istat, gram)
       SELECT v.id, $3, v.gram FROM unnest($1::uuid[], $2::integer[]) AS v(id, gram)`,
      [gramIds, gramValues, detailComune],
    );
    await client.query(
      'UPDATE pilot_permits p SET number_enc = v.enc FROM unnest($1::uuid[], $2::text[]) AS v(id, enc) WHERE p.id = v.id',
      [
        permits.map((p) => p.id),
        permits.map((p, i) => sealPermitNumber(cipher, p.id, `I${String(4000000 + i).padStart(9, '0')}`)),
      ],
    );

    const [detail] = (
      await client.query<{ case_id: string }>('SELECT case_id FROM bench_gen WHERE comune = $1 AND n = $2', [
        detailComune,
        DETAIL_N,
      ])
    ).rows;
    const [count] = (
      await client.query<{ persons: number }>('SELECT (SELECT count(*) FROM pilot_persons)::int AS persons')
    ).rows;
    await client.query('COMMIT');
    if (!detail) throw new Error('Pilot data: the detail case was not generated');
    return {
      comuni: plan.comuni,
      cases: plan.cases,
      persons: count?.persons ?? 0,
      realCiphertexts: ids.length + permits.length,
      detailCaseId: detail.case_id,
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
