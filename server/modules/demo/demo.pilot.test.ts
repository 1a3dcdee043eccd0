import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createFieldCipher } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/db.js';
import { Agent, FakeClock, openTestDb, TEST_DATA_KEY } from '../../../tests/support/harness.js';
import { pilotFingerprint } from '../../../tests/support/pilot-factories.js';
import { openIdentity, openPermitNumber } from '../pilot/shared/identity.js';
import { checkCodiceFiscale } from '../pilot/shared/codice-fiscale.js';
import { kinshipOf } from '../pilot/shared/kinship.js';
import { checkPermitDates, derivePermitStatus } from '../pilot/shared/permits.js';
import { caseStatuses, exitReasons, type PermitStatus, type Relation } from '../pilot/shared/vocab.js';
import { planPilotDemo } from './demo.pilot.plan.js';
import { demoGivenNames, demoSurnames } from './demo.pilot.words.js';
import type { DemoComune } from './demo.pilot.work.js';
import { pilotComuni, seedDemo, type PilotSeedResult } from './index.js';

const TODAY = '2026-11-30';
const PASSWORD = 'demo-incas-2026';
const cipher = createFieldCipher(Buffer.from(TEST_DATA_KEY, 'base64'));
let db: Database;
let seeded: PilotSeedResult;

beforeAll(async () => {
  db = await openTestDb();
  const res = await seedDemo(db, PASSWORD, { cipher, today: new Date(`${TODAY}T09:00:00Z`) });
  seeded = res.pilot!;
  console.log(`pilot demo seed on ${db.engine}: ${seeded.ms} ms`, JSON.stringify(seeded.counts));
}, 120_000);
afterAll(async () => db.close());

const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

describe('synthetic pilot data (demo mode)', () => {
  it('loads quickly, once', () => {
    expect(seeded.created).toBe(true);
    // a bound against a seed that loops (it takes ~3 s on a quiet machine), not a speed measurement
    expect(seeded.ms).toBeLessThan(60_000);
  });

  it('gives every pilot Comune 15–60 holders, with referrals from 2026-01-10 to today', async () => {
    const rows = await q<{ comune_istat: string; n: number }>(
      'SELECT comune_istat, count(*)::int AS n FROM pilot_cases GROUP BY comune_istat',
    );
    expect(rows.map((r) => r.comune_istat).sort()).toEqual(pilotComuni.map((c) => c.istat).sort());
    for (const r of rows) expect(r.n, r.comune_istat).toBeGreaterThanOrEqual(15);
    for (const r of rows) expect(r.n, r.comune_istat).toBeLessThanOrEqual(60);
    const [span] = await q<{ first: string; last: string; orphans: number; pending: number }>(
      `SELECT min(received_on)::text AS first, max(received_on)::text AS last,
              count(*) FILTER (WHERE case_id IS NULL AND outcome IN ('non_pertinente', 'inviata_altro_servizio'))::int AS orphans,
              count(*) FILTER (WHERE outcome = 'permesso_avviato' AND case_id IS NULL)::int AS pending
         FROM pilot_referrals`,
    );
    expect(span!.first >= '2026-01-10' && span!.last <= TODAY).toBe(true);
    expect(span!.pending).toBe(0);
    expect(span!.orphans).toBeGreaterThan(0.15 * seeded.counts.holders!);
    const [checks] = await q<{ n: number }>(`SELECT count(DISTINCT referral_id)::int AS n FROM pilot_referral_checks`);
    expect(checks!.n).toBe(seeded.counts.referrals);
  });

  it('splits €800,000 in whole euros by holders, with nothing committed beyond an allocation', async () => {
    const budgets = await q<{
      comune_istat: string;
      allocation: number;
      holders: number;
      committed: number;
      planned: number;
    }>(
      `SELECT b.comune_istat, b.allocation::float AS allocation,
              (SELECT count(*) FROM pilot_cases c WHERE c.comune_istat = b.comune_istat)::int AS holders,
              (SELECT coalesce(sum(m.cost_planned), 0) FROM pilot_measures m JOIN pilot_pais p ON p.id = m.pai_id
                WHERE m.comune_istat = b.comune_istat AND m.status <> 'annullata'
                  AND p.approved_on IS NOT NULL AND extract(year FROM m.start_on) = 2026)::float AS committed,
              (SELECT coalesce(sum(m.cost_planned), 0) FROM pilot_measures m WHERE m.comune_istat = b.comune_istat)::float AS planned
         FROM pilot_budgets b WHERE b.year = 2026`,
    );
    expect(budgets).toHaveLength(10);
    expect(budgets.reduce((s, b) => s + b.allocation, 0)).toBe(800_000);
    const holders = budgets.reduce((s, b) => s + b.holders, 0);
    for (const b of budgets) {
      expect(Number.isInteger(b.allocation)).toBe(true);
      expect(Math.abs(b.allocation - (800_000 * b.holders) / holders)).toBeLessThan(1);
      expect(b.committed, b.comune_istat).toBeGreaterThan(0);
      expect(b.planned, b.comune_istat).toBeLessThanOrEqual(b.allocation);
    }
    const [m] = await q<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM pilot_measures
        WHERE cost_planned < 200 OR cost_planned > 4000 OR cost_actual > cost_planned
           OR (status IN ('completata', 'interrotta')) <> (cost_actual IS NOT NULL)`,
    );
    expect(m!.bad).toBe(0);
  });

  it('computes kind and degree of every family member with kinshipOf', async () => {
    const members = await q<{ relation: Relation; kinship_kind: string; degree: number | null }>(
      `SELECT relation, kinship_kind, degree FROM pilot_case_members WHERE role = 'familiare'`,
    );
    expect(members.length).toBeGreaterThan(100);
    for (const m of members) expect({ kind: m.kinship_kind, degree: m.degree }).toEqual(kinshipOf(m.relation));
    expect(new Set(members.map((m) => m.relation)).size).toBeGreaterThanOrEqual(7);
    const [perCase] = await q<{ most: number }>(
      `SELECT max(n)::int AS most FROM (SELECT count(*) AS n FROM pilot_case_members WHERE role = 'familiare' GROUP BY case_id) x`,
    );
    expect(perCase!.most).toBeLessThanOrEqual(4);
  });

  it('encrypts identities (invented names only) and never stores a name in clear', async () => {
    const persons = await q<{ id: string; identity_enc: string; birth_year: number }>(
      'SELECT id, identity_enc, birth_year FROM pilot_persons',
    );
    let withCf = 0;
    for (const p of persons) {
      expect(p.identity_enc.startsWith('v1:')).toBe(true);
      const id = openIdentity(cipher, p.id, p.identity_enc);
      expect(demoSurnames).toContain(id.surname);
      expect(demoGivenNames).toContain(id.givenNames);
      expect(Number(id.birthDate.slice(0, 4))).toBe(p.birth_year);
      if (id.phone) expect(id.phone).toMatch(/^\+39 000 000 \d{4}$/);
      if (id.address) expect(id.address).toMatch(/\(demo\)$/);
      if (id.codiceFiscale) {
        withCf++;
        expect(checkCodiceFiscale(id.codiceFiscale).valid).toBe(true);
      }
    }
    expect(withCf).toBeGreaterThan(50);
    const like = demoSurnames.map((s) => `%${s}%`);
    const [leak] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM pilot_persons WHERE identity_enc LIKE ANY($1::text[]) OR pseudonym LIKE ANY($1::text[])`,
      [like],
    );
    expect(leak!.n).toBe(0);
    const [holderYears] = await q<{ lo: number; hi: number }>(
      `SELECT min(p.birth_year) AS lo, max(p.birth_year) AS hi FROM pilot_cases c JOIN pilot_persons p ON p.id = c.holder_person_id`,
    );
    expect(holderYears!.lo).toBeGreaterThanOrEqual(1960);
    expect(holderYears!.hi).toBeLessThanOrEqual(2008);
  });

  it('covers every case status and exit reason in every Comune, with events for each transition', async () => {
    const rows = await q<{ comune_istat: string; status: string; exit_reason: string | null }>(
      'SELECT DISTINCT comune_istat, status, exit_reason FROM pilot_cases',
    );
    for (const c of pilotComuni) {
      const mine = rows.filter((r) => r.comune_istat === c.istat);
      expect(new Set(mine.map((r) => r.status)), c.slug).toEqual(new Set(caseStatuses));
      expect(new Set(mine.map((r) => r.exit_reason).filter(Boolean)), c.slug).toEqual(new Set(exitReasons));
    }
    const [missing] = await q<{ opened: number; closed: number; admitted: number }>(
      `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM pilot_case_events e WHERE e.case_id = c.id AND e.type = 'PRESA_IN_CARICO'))::int AS opened,
              count(*) FILTER (WHERE c.status = 'chiuso' AND NOT EXISTS (SELECT 1 FROM pilot_case_events e
                WHERE e.case_id = c.id AND e.to_status = 'chiuso' AND e.occurred_on = c.closed_on))::int AS closed,
              count(*) FILTER (WHERE c.admitted_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pilot_case_events e
                WHERE e.case_id = c.id AND e.type = 'CAMBIO_STATO' AND e.to_status = 'ammesso_misure'))::int AS admitted
         FROM pilot_cases c`,
    );
    expect(missing).toEqual({ opened: 0, closed: 0, admitted: 0 });
    const [late] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM pilot_case_events e JOIN pilot_cases c ON c.id = e.case_id
        WHERE e.occurred_on > $1::date OR e.occurred_on < c.opened_on OR (c.closed_on IS NOT NULL AND e.occurred_on > c.closed_on)`,
      [TODAY],
    );
    expect(late!.n).toBe(0);
  });

  it('admits through the referente and keeps one live admission and PAI per person', async () => {
    const [r] = await q<{
      wrong_decider: number;
      wrong_owner: number;
      live_on_closed: number;
      pai_without_admission: number;
    }>(
      `SELECT (SELECT count(*) FROM pilot_admissions a JOIN users u ON u.id = a.decided_by WHERE u.email NOT LIKE 'referente.%')::int AS wrong_decider,
              (SELECT count(*) FROM pilot_cases c JOIN users u ON u.id = c.owner_user_id WHERE u.email NOT LIKE 'operatore.%')::int AS wrong_owner,
              (SELECT count(*) FROM pilot_admissions a JOIN pilot_cases c ON c.id = a.case_id WHERE c.status = 'chiuso' AND a.status = 'ammesso')::int AS live_on_closed,
              (SELECT count(*) FROM pilot_pais p WHERE NOT EXISTS (SELECT 1 FROM pilot_admissions a WHERE a.person_id = p.person_id))::int AS pai_without_admission`,
    );
    expect(r).toEqual({ wrong_decider: 0, wrong_owner: 0, live_on_closed: 0, pai_without_admission: 0 });
    const statuses = await q<{ status: string }>('SELECT DISTINCT status FROM pilot_pais');
    expect(new Set(statuses.map((s) => s.status))).toEqual(
      new Set(['bozza', 'condiviso', 'approvato', 'in_corso', 'in_revisione', 'chiuso']),
    );
    const [versions] = await q<{ n: number; bad: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE p.version <> v.version + 1)::int AS bad
         FROM pilot_pai_versions v JOIN pilot_pais p ON p.id = v.pai_id`,
    );
    expect(versions!.n).toBeGreaterThan(0);
    expect(versions!.bad).toBe(0);
  });

  it('records permits whose dates hold together, at every stage', async () => {
    const permits = await q<{
      id: string;
      basis: 'art_18ter' | 'motivi_famiglia' | 'lavoro_subordinato';
      predecessor_id: string | null;
      number_enc: string | null;
      receipt_on: string | null;
      issued_on: string | null;
      expires_on: string | null;
      renewal_requested_on: string | null;
      renewed_on: string | null;
      conversion_requested_on: string | null;
      converted_on: string | null;
      revoked_on: string | null;
    }>(
      `SELECT id, basis, predecessor_id, number_enc, receipt_on::text, issued_on::text, expires_on::text, renewal_requested_on::text,
              renewed_on::text, conversion_requested_on::text, converted_on::text, revoked_on::text FROM pilot_permits`,
    );
    const seen = new Set<PermitStatus>();
    let expiring90 = 0;
    for (const p of permits) {
      const facts = {
        basis: p.basis,
        receiptOn: p.receipt_on,
        issuedOn: p.issued_on,
        expiresOn: p.expires_on,
        renewalRequestedOn: p.renewal_requested_on,
        renewedOn: p.renewed_on,
        conversionRequestedOn: p.conversion_requested_on,
        convertedOn: p.converted_on,
        revokedOn: p.revoked_on,
      };
      expect(checkPermitDates({ ...facts, isFirst: p.basis === 'art_18ter' }), p.id).toEqual([]);
      if (p.number_enc) expect(openPermitNumber(cipher, p.id, p.number_enc)).toMatch(/^DEMO\d{7}$/);
      if (p.basis !== 'art_18ter') continue;
      const status = derivePermitStatus(facts, TODAY);
      seen.add(status);
      if (p.expires_on && p.expires_on >= TODAY && p.expires_on <= '2027-02-28' && !p.converted_on && !p.revoked_on)
        expiring90++;
    }
    for (const s of [
      'in_istruttoria',
      'ricevuta_rilasciata',
      'rilasciato',
      'in_scadenza',
      'rinnovo_richiesto',
      'rinnovato',
      'convertito',
      'revocato',
      'scaduto',
    ] as const) {
      expect(seen, s).toContain(s);
    }
    expect(expiring90).toBeGreaterThan(10);
    const [conv] = await q<{ n: number; family: number }>(
      `SELECT (SELECT count(*) FROM pilot_permits n JOIN pilot_permits o ON o.id = n.predecessor_id
                WHERE n.basis = 'lavoro_subordinato' AND o.converted_to = 'lavoro_subordinato')::int AS n,
              (SELECT count(*) FROM pilot_permits p JOIN pilot_case_members m ON m.person_id = p.person_id
                WHERE m.role = 'familiare' AND p.basis <> 'motivi_famiglia')::int AS family`,
    );
    expect(conv!.n).toBeGreaterThan(5);
    expect(conv!.family).toBe(0);
  });

  it('numbers pseudonyms per Comune and year, and the counters continue after them', async () => {
    const rows = await q<{ comune_istat: string; sigla: string; pseudonym: string }>(
      `SELECT p.comune_istat, v.sigla, p.pseudonym FROM pilot_persons p JOIN comuni c ON c.istat_code = p.comune_istat
         JOIN provinces v ON v.code = c.province_code`,
    );
    const last = new Map<string, number>();
    for (const r of rows) {
      const m = /^([A-Z]{2})-(\d{4})-(\d{4})$/.exec(r.pseudonym);
      expect(m, r.pseudonym).not.toBeNull();
      expect(m![1]).toBe(r.sigla);
      const key = `${r.comune_istat}/${m![2]}`;
      last.set(key, Math.max(last.get(key) ?? 0, Number(m![3])));
    }
    const counters = await q<{ comune_istat: string; year: number; last: number }>(
      'SELECT comune_istat, year, last FROM pilot_counters',
    );
    expect(new Map(counters.map((c) => [`${c.comune_istat}/${c.year}`, c.last]))).toEqual(last);
    const sigle = new Set(rows.map((r) => r.sigla));
    expect(sigle).toEqual(new Set(['CT', 'CN', 'GE', 'LT', 'MI', 'PG', 'PE', 'PO', 'RA', 'TV']));
  });

  it('raises 1–3 critical issues per Comune about its process', async () => {
    const rows = await q<{ comune_istat: string; n: number; national: number }>(
      `SELECT comune_istat, count(*)::int AS n, count(*) FILTER (WHERE raised_by_level = 'national')::int AS national FROM pilot_issues GROUP BY comune_istat`,
    );
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r.n >= 1 && r.n <= 3).toBe(true);
    expect(rows.some((r) => r.national > 0)).toBe(true);
  });

  it('records contracts and every kind of outcome the current date allows', async () => {
    const outcomes = await q<{ kind: string }>('SELECT DISTINCT kind FROM pilot_outcomes');
    expect(new Set(outcomes.map((o) => o.kind))).toEqual(
      new Set(['certificato', 'assegno_inclusione', 'autonomia_abitativa', 'follow_up_6']),
    );
    const [contracts] = await q<{ n: number; sectors: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT ateco)::int AS sectors FROM pilot_contracts',
    );
    expect(contracts!.n).toBeGreaterThan(40);
    expect(contracts!.sectors).toBeGreaterThan(5);
  });

  const fakeComuni: DemoComune[] = pilotComuni.map((c, i) => ({
    istat: c.istat,
    name: c.slug,
    sigla: 'XX',
    operatoreId: `op-${i}`,
    referenteId: `ref-${i}`,
    referenteName: 'R',
    anciId: 'anci',
    comuneOrgId: 'org',
    enteOrgId: 'ente',
    enteName: 'Ente',
  }));

  it('plans the same data from the same inputs', () => {
    const input = { comuni: fakeComuni, indicators: ['603BIS_1', 'ILO_01'], today: TODAY, seed: 18 };
    expect(JSON.stringify(planPilotDemo(input))).toBe(JSON.stringify(planPilotDemo(input)));
  });

  it.each(['2026-03-15', '2026-06-01', '2027-03-01'])('plans coherent data when started on %s', (today) => {
    const plan = planPilotDemo({ comuni: fakeComuni, indicators: ['603BIS_1', 'ILO_01'], today, seed: 18 });
    expect(plan.events.filter((e) => (e.occurred_on as string) > today)).toEqual([]);
    expect(new Set(plan.cases.map((c) => c.exit_reason).filter(Boolean))).toEqual(new Set(exitReasons));
    expect(new Set(plan.cases.map((c) => c.status))).toEqual(new Set(caseStatuses));
    for (const { row: p } of [...plan.permits, ...plan.successorPermits]) {
      const d = (k: string) => (p[k] as string | null) ?? null;
      expect(
        checkPermitDates({
          basis: p.basis as 'art_18ter',
          isFirst: p.basis === 'art_18ter',
          receiptOn: d('receipt_on'),
          issuedOn: d('issued_on'),
          expiresOn: d('expires_on'),
          renewalRequestedOn: d('renewal_requested_on'),
          renewedOn: d('renewed_on'),
          conversionRequestedOn: d('conversion_requested_on'),
          convertedOn: d('converted_on'),
          revokedOn: d('revoked_on'),
        }),
      ).toEqual([]);
    }
    for (const b of plan.budgets) {
      const planned = plan.measures
        .filter((m) => m.comune_istat === b.comune_istat)
        .reduce((s, m) => s + (m.cost_planned as number), 0);
      expect(planned).toBeLessThanOrEqual(b.allocation as number);
    }
  });

  it('adds nothing when seeded again', async () => {
    const before = await pilotFingerprint(db);
    const again = await seedDemo(db, PASSWORD, { cipher, today: new Date(`${TODAY}T09:00:00Z`) });
    expect(again.pilot!.created).toBe(false);
    expect(await pilotFingerprint(db)).toEqual(before);
  });

  it('reads back through the API as the Comune staff see it', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      INCAS_DEMO: 'true',
      LOG_LEVEL: 'silent',
      INCAS_DATA_KEY: TEST_DATA_KEY,
      INCAS_RATE_LIMIT: '100000',
      INCAS_LOGIN_RATE_LIMIT: '100000',
    });
    const app = await buildApp({
      config,
      db,
      cipher,
      clock: new FakeClock(Date.parse(`${TODAY}T09:00:00Z`)),
      logger: false,
    });
    try {
      const ref = new Agent(app);
      expect((await ref.login('referente.latina@demo.incas.local', PASSWORD)).status).toBe(200);
      const page = await ref.get<{ items: { id: string }[]; total: number }>('/api/v1/pilot/cases?pageSize=100');
      expect(page.status).toBe(200);
      expect(page.body.total).toBeGreaterThanOrEqual(15);
      for (const item of page.body.items.slice(0, 12)) {
        const detail = await ref.get<{ members: { pai: { id: string } | null }[] }>(`/api/v1/pilot/cases/${item.id}`);
        expect(detail.status, JSON.stringify(detail.body)).toBe(200);
        for (const m of detail.body.members.filter((x) => x.pai)) {
          const pai = await ref.get(`/api/v1/pilot/pais/${m.pai!.id}`);
          expect(pai.status, JSON.stringify(pai.body)).toBe(200);
        }
      }
      const budget = await ref.get<{ comuni: { allocation: number; committed: number }[] }>(
        '/api/v1/pilot/budget?year=2026',
      );
      expect(budget.status).toBe(200);
      expect(budget.body.comuni[0]!.committed).toBeLessThanOrEqual(budget.body.comuni[0]!.allocation);
    } finally {
      await app.close();
    }
  });
});
