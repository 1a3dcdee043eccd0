/**
 * Factories for the 18-ter pilot: a fresh pilot Comune with its staff, and cases written straight
 * into the tables (as the owner), so that a test of one feature does not depend on the routes of
 * another. Names are obviously fake.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { FieldCipher } from '../../server/platform/crypto.js';
import { cfIndex, nameIndex, sealIdentity, type Identity } from '../../server/modules/pilot/shared/identity.js';
import { makeOrg, makeUser, TEST_PASSWORD, type TestOrg, type TestUser } from './factories.js';
import { Agent, type TestApp } from './harness.js';

export interface PilotComune {
  istat: string;
  comuneOrg: TestOrg;
  enteOrg: TestOrg;
  operatore: TestUser;
  referente: TestUser;
  amministrativo: TestUser;
}

/**
 * A Comune not used before, flagged as pilot and SAI, with an operatore, a referente and an
 * amministrativo. It is taken from a province with no other pilot Comune, so that its pseudonyms
 * (the province's sigla and the Comune's own counter, unique per Comune since migration 0015) do
 * not look like another test Comune's; name-search.test.ts covers two pilot Comuni of one province.
 */
export async function makePilotComune(db: Database): Promise<PilotComune> {
  const [free] = await db.ownerTx((tx) =>
    tx.query<{ istat_code: string }>(
      `SELECT c.istat_code FROM comuni c
      WHERE NOT EXISTS (SELECT 1 FROM organisations o WHERE o.comune_istat = c.istat_code)
        AND NOT EXISTS (SELECT 1 FROM comuni p WHERE p.province_code = c.province_code AND p.pilot_18ter)
      ORDER BY random() LIMIT 1`,
    ),
  );
  const comuneOrg = await makeOrg(db, { type: 'comune', comuneIstat: free!.istat_code });
  const istat = comuneOrg.comuneIstat!;
  await db.ownerTx((tx) =>
    tx.query('UPDATE comuni SET pilot_18ter = true, sai_network = true WHERE istat_code = $1', [istat]),
  );
  const enteOrg = await makeOrg(db, { type: 'ente_gestore', comuneIstat: istat });
  return {
    istat,
    comuneOrg,
    enteOrg,
    operatore: await makeUser(db, { roles: ['operatore'], org: enteOrg }),
    referente: await makeUser(db, { roles: ['referente_comunale'], org: comuneOrg }),
    amministrativo: await makeUser(db, { roles: ['responsabile_amministrativo'], org: comuneOrg }),
  };
}

/** A new agent logged in as `user` (a demo account: no TOTP); throws if the login is refused. */
export async function loginAs(t: TestApp, user: TestUser): Promise<Agent> {
  const agent = new Agent(t.app);
  const res = await agent.login(user.email, TEST_PASSWORD);
  if (res.status !== 200) throw new Error(`login of ${user.email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return agent;
}

/** A pilot Comune whose three staff members are logged in, each with their own agent. */
export interface LoggedInPilotComune extends PilotComune {
  as: { operatore: Agent; referente: Agent; amministrativo: Agent };
}

/** A fresh pilot Comune with its staff logged in. */
export async function loggedInPilotComune(t: TestApp): Promise<LoggedInPilotComune> {
  const comune = await makePilotComune(t.db);
  return {
    ...comune,
    as: {
      operatore: await loginAs(t, comune.operatore),
      referente: await loginAs(t, comune.referente),
      amministrativo: await loginAs(t, comune.amministrativo),
    },
  };
}

/**
 * The tenancy setup most pilot tests start from: Comune A, whose records the test works on, and
 * Comune B, another pilot Comune whose staff must not see them. Both fresh, staff logged in.
 */
export async function twoPilotComuni(t: TestApp): Promise<{ a: LoggedInPilotComune; b: LoggedInPilotComune }> {
  return { a: await loggedInPilotComune(t), b: await loggedInPilotComune(t) };
}

export function fakeIdentity(over: Partial<Identity> = {}): Identity {
  const tag = randomBytes(3).toString('hex');
  return {
    surname: `Prova-${tag}`,
    givenNames: 'Esempio',
    birthDate: '1990-05-17',
    codiceFiscale: null,
    phone: null,
    email: null,
    address: null,
    ...over,
  };
}

export interface MadeCase {
  caseId: string;
  holderId: string;
  pseudonym: string;
}

/**
 * A case with its holder (and optionally a valid art. 18-ter permit) written directly. Status
 * 'ammesso_misure' also writes the holder's admission.
 */
export async function makeCase(
  db: Database,
  cipher: FieldCipher,
  o: {
    comune: PilotComune;
    owner?: TestUser;
    status?: 'aperto' | 'ammesso_misure' | 'pai_attivo';
    identity?: Partial<Identity>;
    nationalities?: string[];
    withPermit?: boolean;
    openedOn?: string;
  },
): Promise<MadeCase> {
  const owner = o.owner ?? o.comune.operatore;
  const status = o.status ?? 'aperto';
  const holderId = randomUUID();
  const caseId = randomUUID();
  const identity = fakeIdentity(o.identity);
  const pseudonym = `T${randomBytes(2).toString('hex').toUpperCase()}-2026-${String(Math.floor(Math.random() * 9999)).padStart(4, '0')}`;
  const now = new Date('2026-06-01T09:00:00Z');
  const openedOn = o.openedOn ?? '2026-05-01';
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO pilot_persons (id, comune_istat, pseudonym, sex, birth_year, birth_country, nationalities, languages,
         identity_enc, name_index, cf_index, created_at, updated_at)
       VALUES ($1, $2, $3, 'M', 1990, 'IN', $4, '{pa,en}', $5, $6, $7, $8, $8)`,
      [
        holderId,
        o.comune.istat,
        pseudonym,
        o.nationalities ?? ['IN'],
        sealIdentity(cipher, holderId, identity),
        nameIndex(cipher, identity.surname, identity.givenNames),
        identity.codiceFiscale ? cfIndex(cipher, identity.codiceFiscale) : null,
        now,
      ],
    );
    await tx.query(
      `INSERT INTO pilot_cases (id, comune_istat, holder_person_id, owner_user_id, status, opened_on, admitted_on, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
      [caseId, o.comune.istat, holderId, owner.id, status, openedOn, status === 'aperto' ? null : openedOn, now],
    );
    await tx.query(
      `INSERT INTO pilot_case_members (case_id, person_id, comune_istat, role, created_at) VALUES ($1, $2, $3, 'titolare', $4)`,
      [caseId, holderId, o.comune.istat, now],
    );
    if (o.withPermit ?? status !== 'aperto') {
      await tx.query(
        `INSERT INTO pilot_permits (person_id, comune_istat, basis, questura, initiated_by, receipt_on, issued_on, expires_on, created_at, updated_at)
         VALUES ($1, $2, 'art_18ter', 'Questura di prova', 'proposta_ag', '2026-04-01', '2026-04-15', '2026-10-15', $3, $3)`,
        [holderId, o.comune.istat, now],
      );
    }
    if (status !== 'aperto') {
      await tx.query(
        `INSERT INTO pilot_admissions (case_id, person_id, comune_istat, status, decided_on, decided_by, reason, eligibility_code, created_at)
         VALUES ($1, $2, $3, 'ammesso', $4, $5, 'Ammissione di prova', 'titolare_18ter', $6)`,
        [caseId, holderId, o.comune.istat, openedOn, o.comune.referente.id, now],
      );
    }
  });
  return { caseId, holderId, pseudonym };
}

/** Counts the pilot tables' rows: a "nothing changed" fingerprint for refused writes. */
export async function pilotFingerprint(db: Database): Promise<Record<string, number | string>> {
  return db.ownerTx(async (tx) => {
    const [r] = await tx.query<Record<string, number | string>>(
      `SELECT (SELECT count(*) FROM pilot_persons) AS persons, (SELECT count(*) FROM pilot_cases) AS cases,
              (SELECT count(*) FROM pilot_case_members) AS members, (SELECT count(*) FROM pilot_permits) AS permits,
              (SELECT count(*) FROM pilot_admissions) AS admissions, (SELECT count(*) FROM pilot_pais) AS pais,
              (SELECT count(*) FROM pilot_measures) AS measures, (SELECT count(*) FROM pilot_referrals) AS referrals,
              (SELECT count(*) FROM pilot_issues) AS issues, (SELECT count(*) FROM pilot_budgets) AS budgets,
              (SELECT count(*) FROM pilot_contracts) AS contracts, (SELECT count(*) FROM pilot_outcomes) AS outcomes,
              (SELECT count(*) FROM pilot_case_events) AS events,
              (SELECT coalesce(sum(version), 0) FROM pilot_pais) AS pai_versions,
              (SELECT count(*) FROM pilot_measures WHERE updated_at > created_at) AS measures_updated,
              (SELECT coalesce(max(updated_at)::text, '') FROM pilot_cases) AS cases_updated,
              (SELECT coalesce(max(updated_at)::text, '') FROM pilot_issues) AS issues_updated,
              (SELECT coalesce(max(updated_at)::text, '') FROM pilot_referrals) AS referrals_updated,
              (SELECT coalesce(max(updated_at)::text, '') FROM pilot_permits) AS permits_updated,
              (SELECT count(*) FROM pilot_tasks WHERE status = 'fatto') AS tasks_done`,
    );
    return r!;
  });
}

export interface MadeTask {
  id: string;
  label: string;
  dueOn: string;
}

/**
 * A task on the work list written directly, as the daily job would write it (by default a
 * permit-expiry reminder for the case's holder, assigned to the Comune's operatore).
 */
export async function makeTask(
  db: Database,
  o: {
    comune: PilotComune;
    kase: MadeCase;
    dueOn: string;
    kind?: 'permit_expiry' | 'pai_review' | 'follow_up' | 'measure_overdue';
    label?: string;
    assignee?: TestUser;
  },
): Promise<MadeTask> {
  const label = o.label ?? `Permesso in scadenza il 2026-10-15 (${o.kase.pseudonym}): 30 giorni`;
  const [row] = await db.ownerTx((tx) =>
    tx.query<{ id: string }>(
      `INSERT INTO pilot_tasks (comune_istat, assignee_user_id, kind, due_on, case_id, label, dedupe_key, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
      [
        o.comune.istat,
        (o.assignee ?? o.comune.operatore).id,
        o.kind ?? 'permit_expiry',
        o.dueOn,
        o.kase.caseId,
        label,
        `test:${randomUUID()}`,
      ],
    ),
  );
  return { id: row!.id, label, dueOn: o.dueOn };
}
