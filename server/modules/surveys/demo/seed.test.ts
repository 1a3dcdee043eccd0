/**
 * The surveys' demo seed on a test database: two surveys with a published version each, the 2021
 * wave closed over every Comune of the registry, the 2024 wave open over the Comuni above 15,000
 * inhabitants, the answers valid for their form, flags on every response returned for
 * correction, the demo accounts; loaded in a few seconds, once; and each Comune sees only its own
 * rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/db.js';
import { openTestDb } from '../../../../tests/support/harness.js';
import { seedDemo } from '../../demo/index.js';
import { evaluateForm } from '../shared/form/engine/index.js';
import type { Form } from '../shared/form/model.js';
import { UNIVERSE_FROM, sqlParams, universeRuleSchema, universeWhere } from '../shared/universe.js';
import { SALUZZO, VITTORIA } from './plan.js';
import { CENSUS_CODE, SURVEY_CODE, seedSurveysDemoData, type SurveysSeedResult } from './seed.js';

const PASSWORD = 'demo-incas-2026';
const TODAY = new Date('2026-11-30T09:00:00Z');
let db: Database;
let seeded: SurveysSeedResult;

const q = <T>(sql: string, params: unknown[] = []) => db.ownerTx((tx) => tx.query<T>(sql, params));

async function waveOf(code: string): Promise<{ id: string; status: string; universe_count: number; form: Form }> {
  const [w] = await q<{ id: string; status: string; universe_count: number; form: Form }>(
    `SELECT w.id, w.status, w.universe_count, v.form
       FROM survey_waves w JOIN survey_surveys s ON s.id = w.survey_id
       JOIN survey_form_versions v ON v.id = w.form_version_id WHERE s.code = $1`,
    [code],
  );
  return w!;
}

async function statusCounts(waveId: string): Promise<Record<string, number>> {
  const rows = await q<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM survey_wave_comuni WHERE wave_id = $1 GROUP BY status',
    [waveId],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

beforeAll(async () => {
  db = await openTestDb();
  // as at a demo start: the modules' seeds in order, the surveys' before the demo module's
  seeded = await seedSurveysDemoData(db, PASSWORD, TODAY);
  await seedDemo(db, PASSWORD);
  console.log(
    `surveys demo seed on ${db.engine}: ${seeded.ms} ms`,
    JSON.stringify(seeded.counts),
    JSON.stringify(seeded.phases),
  );
}, 120_000);
afterAll(async () => db.close());

describe('surveys demo data', () => {
  it('loads without blowing up', () => {
    expect(seeded.created).toBe(true);
    // about 3 s of CPU on PGlite on a quiet machine, 40 s when CI shared the 2 cores with four
    // other jobs: this guards against a blow-up (a quadratic step), not speed
    expect(seeded.ms).toBeLessThan(180_000);
  });

  it('publishes both questionnaires as imported from their XLSForm files', async () => {
    const rows = await q<{ code: string; version_no: number; question_count: number; source_filename: string }>(
      `SELECT s.code, v.version_no, v.question_count, v.source_filename
         FROM survey_surveys s JOIN survey_form_versions v ON v.survey_id = s.id ORDER BY s.code`,
    );
    expect(rows).toEqual([
      { code: CENSUS_CODE, version_no: 1, question_count: 38, source_filename: 'censimento-2021.xlsx' },
      { code: SURVEY_CODE, version_no: 1, question_count: 28, source_filename: 'indagine-2024.xlsx' },
    ]);
  });

  it('closes the 2021 census over every Comune, about half of them answered and consolidated', async () => {
    const wave = await waveOf(CENSUS_CODE);
    const [all] = await q<{ n: number }>('SELECT count(*)::int AS n FROM comuni');
    expect(wave.status).toBe('chiusa');
    expect(wave.universe_count).toBe(all!.n);
    const counts = await statusCounts(wave.id);
    expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(all!.n);
    expect(counts.consolidato).toBe(3851);
    expect(counts.in_compilazione).toBeGreaterThan(100);
    expect(counts.sollecitato).toBeGreaterThan(3000);
    expect(counts.invitato).toBeGreaterThan(100);
    const [informal] = await q<{ comuni: number; settlements: number }>(
      `SELECT count(DISTINCT r.id)::int AS comuni, count(*)::int AS settlements
         FROM survey_responses r JOIN survey_wave_comuni w ON w.id = r.id,
              jsonb_array_elements(r.answers->'insediamenti') AS s
        WHERE w.wave_id = $1 AND s->>'ins_tipo' = 'informale'`,
      [wave.id],
    );
    expect(informal!.comuni).toBe(38);
    expect(informal!.settlements).toBeGreaterThan(100);
    const [workers] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_responses r JOIN survey_wave_comuni w ON w.id = r.id
        WHERE w.wave_id = $1 AND w.status = 'consolidato' AND r.answers->>'b1_presenza' = 'si'`,
      [wave.id],
    );
    expect(workers!.n).toBe(608);
  });

  it('keeps the 2024 wave open over the Comuni above 15,000 inhabitants, with flags on those to recontact', async () => {
    const wave = await waveOf(SURVEY_CODE);
    const [big] = await q<{ n: number }>('SELECT count(*)::int AS n FROM comuni WHERE population > 15000');
    expect(wave.status).toBe('aperta');
    expect(wave.universe_count).toBe(big!.n);
    const counts = await statusCounts(wave.id);
    expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(big!.n);
    const sent = counts.validato! + counts.inviato! + counts.in_validazione! + counts.da_ricontattare!;
    expect(sent).toBe(603);
    expect(counts.validato).toBeGreaterThan(450);
    expect(counts.in_compilazione).toBeGreaterThan(20);
    expect(counts.da_ricontattare).toBe(18);
    const flagged = await q<{ comune_istat: string; open: number; reasons: string[]; round: number }>(
      `SELECT w.comune_istat, w.review_round AS round,
              count(f.id) FILTER (WHERE f.resolved_at IS NULL)::int AS open, array_agg(f.reason) AS reasons
         FROM survey_wave_comuni w LEFT JOIN survey_flags f ON f.response_id = w.id
        WHERE w.wave_id = $1 AND w.status = 'da_ricontattare' GROUP BY w.comune_istat, w.review_round`,
      [wave.id],
    );
    expect(flagged).toHaveLength(18);
    for (const f of flagged) {
      expect(f.open, f.comune_istat).toBeGreaterThan(0);
      expect(f.round).toBeGreaterThan(0);
      for (const reason of f.reasons) expect(reason).toMatch(/verific|indicarne|precisare/);
    }
    expect(flagged.find((f) => f.comune_istat === VITTORIA)!.open).toBe(2);
    // no open flag anywhere else
    const [stray] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_flags f JOIN survey_wave_comuni w ON w.id = f.response_id
        WHERE f.resolved_at IS NULL AND w.status <> 'da_ricontattare'`,
    );
    expect(stray!.n).toBe(0);
  });

  it('stores answers the form engine accepts, with their history', async () => {
    for (const code of [CENSUS_CODE, SURVEY_CODE]) {
      const wave = await waveOf(code);
      const rows = await q<{
        answers: Record<string, unknown>;
        row_version: number;
        answer_versions: Record<string, number>;
      }>(
        `SELECT r.answers, r.row_version, r.answer_versions FROM survey_responses r JOIN survey_wave_comuni w ON w.id = r.id
          WHERE w.wave_id = $1 AND w.status IN ('inviato', 'in_validazione', 'validato', 'da_ricontattare', 'consolidato')
          ORDER BY w.comune_istat LIMIT 300`,
        [wave.id],
      );
      expect(rows.length).toBe(300);
      for (const r of rows) {
        expect(evaluateForm(wave.form, r.answers, { today: '2026-11-30', now: TODAY }).issues).toEqual([]);
        expect(Object.keys(r.answer_versions).sort()).toEqual(Object.keys(r.answers).sort());
        expect(Math.max(...Object.values(r.answer_versions))).toBeLessThanOrEqual(r.row_version);
      }
    }
    const [events] = await q<{ bad: number; responses: number }>(
      `SELECT count(*) FILTER (WHERE e.to_status <> w.status AND e.at = (SELECT max(at) FROM survey_response_events x WHERE x.response_id = w.id))::int AS bad,
              count(DISTINCT w.id)::int AS responses
         FROM survey_wave_comuni w JOIN survey_response_events e ON e.response_id = w.id`,
    );
    expect(events!.bad).toBe(0);
    const [waves] = await q<{ n: number }>('SELECT count(*)::int AS n FROM survey_wave_comuni');
    expect(events!.responses).toBe(waves!.n);
    const [changes] = await q<{ n: number; resolved: number }>(
      `SELECT count(*)::int AS n, (SELECT count(*)::int FROM survey_flags WHERE resolved_at IS NOT NULL) AS resolved
         FROM survey_answer_changes`,
    );
    expect(changes!.n).toBeGreaterThan(20);
    expect(changes!.n).toBe(changes!.resolved);
  });

  it('writes every reference consistent (the load skips the foreign-key triggers)', async () => {
    const [orphans] = await q<Record<string, number>>(
      `SELECT
         (SELECT count(*)::int FROM survey_wave_comuni w
           WHERE NOT EXISTS (SELECT 1 FROM survey_waves v WHERE v.id = w.wave_id)
              OR NOT EXISTS (SELECT 1 FROM comuni c WHERE c.istat_code = w.comune_istat)) AS wave_comuni,
         (SELECT count(*)::int FROM survey_responses r
           WHERE NOT EXISTS (SELECT 1 FROM survey_wave_comuni w WHERE w.id = r.id AND w.comune_istat = r.comune_istat)) AS responses,
         (SELECT count(*)::int FROM survey_response_events e
           WHERE NOT EXISTS (SELECT 1 FROM survey_wave_comuni w WHERE w.id = e.response_id AND w.comune_istat = e.comune_istat)
              OR (e.actor_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = e.actor_user_id))) AS events,
         (SELECT count(*)::int FROM survey_flags f
           WHERE NOT EXISTS (SELECT 1 FROM survey_wave_comuni w WHERE w.id = f.response_id AND w.comune_istat = f.comune_istat)
              OR NOT EXISTS (SELECT 1 FROM users u WHERE u.id = f.created_by)) AS flags,
         (SELECT count(*)::int FROM survey_answer_changes a
           WHERE NOT EXISTS (SELECT 1 FROM survey_wave_comuni w WHERE w.id = a.response_id AND w.comune_istat = a.comune_istat)) AS changes,
         (SELECT count(*)::int FROM survey_contacts k
           WHERE NOT EXISTS (SELECT 1 FROM comuni c WHERE c.istat_code = k.comune_istat)) AS contacts,
         (SELECT count(*)::int FROM survey_waves v
           WHERE NOT EXISTS (SELECT 1 FROM survey_form_versions f WHERE f.id = v.form_version_id AND f.survey_id = v.survey_id)) AS waves`,
    );
    expect(orphans).toEqual({ wave_comuni: 0, responses: 0, events: 0, flags: 0, changes: 0, contacts: 0, waves: 0 });
  });

  it('fills the answers’ projection for the maps as its triggers would (the load skips triggers)', async () => {
    // every response that counts has its mapped answers projected, and no other response has any
    const [p] = await q<{ missing: number; extra: number; rows: number }>(
      `SELECT
         (SELECT count(*)::int FROM survey_wave_comuni wc
           WHERE wc.status IN ('inviato', 'in_validazione', 'validato', 'consolidato')
             AND NOT EXISTS (SELECT 1 FROM survey_answer_values v WHERE v.response_id = wc.id)) AS missing,
         (SELECT count(*)::int FROM survey_answer_values v JOIN survey_wave_comuni wc ON wc.id = v.response_id
           WHERE wc.status NOT IN ('inviato', 'in_validazione', 'validato', 'consolidato')) AS extra,
         (SELECT count(*)::int FROM survey_answer_values) AS rows`,
    );
    expect(p).toMatchObject({ missing: 0, extra: 0 });
    expect(p!.rows).toBeGreaterThan(10_000);
  });

  it('gives every Comune fictitious contacts, at example.it', async () => {
    const [c] = await q<{ comuni: number; all: number; fake: number }>(
      `SELECT count(DISTINCT comune_istat)::int AS comuni, count(*)::int AS all,
              count(*) FILTER (WHERE email LIKE '%.example.it')::int AS fake FROM survey_contacts`,
    );
    const [all] = await q<{ n: number }>('SELECT count(*)::int AS n FROM comuni');
    expect(c!.comuni).toBe(all!.n);
    expect(c!.fake).toBe(c!.all);
  });

  it('makes the surveys’ demo accounts, next to the demo module’s', async () => {
    expect(seeded.accounts.map((a) => [a.email, a.roles])).toEqual([
      ['indagini.anci@demo.incas.local', ['assistenza_tecnica']],
      ['compilatore.saluzzo@demo.incas.local', ['compilatore_indagine']],
      ['validatore.saluzzo@demo.incas.local', ['validatore_indagine']],
      ['validatore.vittoria@demo.incas.local', ['validatore_indagine']],
    ]);
    const users = await q<{ email: string; comune_istat: string | null; status: string }>(
      `SELECT u.email, o.comune_istat, w.status FROM users u JOIN organisations o ON o.id = u.organisation_id
         LEFT JOIN survey_wave_comuni w ON w.comune_istat = o.comune_istat
          AND w.wave_id = (SELECT w2.id FROM survey_waves w2 WHERE w2.status = 'aperta')
        WHERE u.email LIKE '%.saluzzo@%' OR u.email LIKE '%.vittoria@%' ORDER BY u.email`,
    );
    expect(users).toEqual([
      { email: 'compilatore.saluzzo@demo.incas.local', comune_istat: SALUZZO, status: 'in_compilazione' },
      { email: 'validatore.saluzzo@demo.incas.local', comune_istat: SALUZZO, status: 'in_compilazione' },
      { email: 'validatore.vittoria@demo.incas.local', comune_istat: VITTORIA, status: 'da_ricontattare' },
    ]);
    const [demo] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE email = 'admin@demo.incas.local'`,
    );
    expect(demo!.n).toBe(1);
  });

  it('lets a Comune see only its own rows, a Regione its Comuni, the national scope all', async () => {
    const tables = ['survey_wave_comuni', 'survey_responses', 'survey_contacts', 'survey_flags'];
    const countAs = (access: Parameters<Database['tx']>[0]) =>
      db.tx(access, async (tx) => {
        const out: Record<string, { n: number; others: number }> = {};
        for (const t of tables) {
          const [r] = await tx.query<{ n: number; others: number }>(
            `SELECT count(*)::int AS n, count(*) FILTER (WHERE comune_istat <> $1)::int AS others FROM ${t}`,
            [access.tenant ?? ''],
          );
          out[t] = r!;
        }
        return out;
      });
    const vittoria = await countAs({ scope: 'comune', tenant: VITTORIA, region: null, userId: null });
    expect(vittoria.survey_wave_comuni).toEqual({ n: 2, others: 0 });
    expect(vittoria.survey_responses).toEqual({ n: 2, others: 0 });
    expect(vittoria.survey_flags!.n).toBeGreaterThan(0);
    for (const t of tables) expect(vittoria[t]!.others, t).toBe(0);
    // (by key: a Regione's policy looks the Comune up row by row)
    const piemonte = await db.tx({ scope: 'regione', tenant: null, region: '01', userId: null }, (tx) =>
      tx.query<{ comune_istat: string }>(
        `SELECT DISTINCT comune_istat FROM survey_wave_comuni WHERE comune_istat IN ($1, $2)`,
        [SALUZZO, VITTORIA],
      ),
    );
    expect(piemonte.map((r) => r.comune_istat)).toEqual([SALUZZO]);
    const national = await db.tx({ scope: 'national', tenant: null, region: null, userId: null }, (tx) =>
      tx.query<{ n: number }>('SELECT count(*)::int AS n FROM survey_wave_comuni'),
    );
    const [all] = await q<{ n: number }>('SELECT count(*)::int AS n FROM survey_wave_comuni');
    expect(national[0]!.n).toBe(all!.n);
    // and a Comune cannot write another's answers
    const nonEmpty = () =>
      q<{ n: number }>(`SELECT count(*)::int AS n FROM survey_responses WHERE comune_istat = $1 AND answers <> '{}'`, [
        SALUZZO,
      ]);
    const [before] = await nonEmpty();
    expect(before!.n).toBeGreaterThan(0);
    await expect(
      db.tx({ scope: 'comune', tenant: VITTORIA, region: null, userId: null }, (tx) =>
        tx.query(`UPDATE survey_responses SET answers = '{}' WHERE comune_istat = $1 RETURNING id`, [SALUZZO]),
      ),
    ).resolves.toEqual([]);
    expect((await nonEmpty())[0]!.n).toBe(before!.n);
  });

  it('describes the universe of each wave with the rule the waves read, which selects exactly its Comuni', async () => {
    const waves = await q<{ id: string; universe_rule: unknown; universe_count: number }>(
      'SELECT id, universe_rule, universe_count FROM survey_waves',
    );
    expect(waves).toHaveLength(2);
    for (const w of waves) {
      const rule = universeRuleSchema.parse(w.universe_rule);
      const p = sqlParams();
      const where = universeWhere(rule, p);
      const [n] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${UNIVERSE_FROM} WHERE ${where}`, p.values);
      expect(n!.n, w.id).toBe(w.universe_count);
    }
  });

  it('does nothing the second time', async () => {
    const before = await q<{ t: string; n: number }>(
      `SELECT 'wave_comuni' AS t, count(*)::int AS n FROM survey_wave_comuni
       UNION ALL SELECT 'events', count(*)::int FROM survey_response_events
       UNION ALL SELECT 'contacts', count(*)::int FROM survey_contacts
       UNION ALL SELECT 'users', count(*)::int FROM users`,
    );
    const again = await seedSurveysDemoData(db, PASSWORD, TODAY);
    expect(again.created).toBe(false);
    expect(again.accounts).toEqual([]);
    const after = await q<{ t: string; n: number }>(
      `SELECT 'wave_comuni' AS t, count(*)::int AS n FROM survey_wave_comuni
       UNION ALL SELECT 'events', count(*)::int FROM survey_response_events
       UNION ALL SELECT 'contacts', count(*)::int FROM survey_contacts
       UNION ALL SELECT 'users', count(*)::int FROM users`,
    );
    expect(after).toEqual(before);
    // the demo module lists every demo account at a later start, the surveys' included
    const { accounts } = await seedDemo(db, PASSWORD);
    expect(accounts.map((a) => a.email)).toEqual(expect.arrayContaining(['compilatore.saluzzo@demo.incas.local']));
  });
});
