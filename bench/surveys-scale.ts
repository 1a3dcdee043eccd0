/**
 * The survey benches' scale (bench/README.md, "Survey results" and "Survey exports"): a fresh
 * database per run, and waves over every Comune of the registry with a 300-question response each,
 * written with set-based SQL in seconds. Shared by bench/surveys-results.ts and surveys-exports.ts.
 */
import pg from 'pg';
import type { Database } from '../server/platform/db/db.js';
import type { Form, Item } from '../server/modules/surveys/shared/form/model.js';
import { settings } from './settings.js';

export const QUESTIONS = 300;

/** A fresh database for one bench run, `incas_bench_<name>_<pid>`, on the PostgreSQL server. */
export function benchDatabase(name: string): { dbName: string; dbUrl: string } {
  const dbName = `incas_bench_${name}_${process.pid}`;
  const u = new URL(settings.adminUrl);
  u.pathname = `/${dbName}`;
  return { dbName, dbUrl: u.toString() };
}

export async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: settings.adminUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A questionnaire of QUESTIONS questions in sections of 20: 100 choice, 100 integer, the rest ranges of persons. */
export function scaleForm(): Form {
  const items: Item[] = [];
  for (let s = 0; s * 20 < QUESTIONS; s++) {
    const qs: Item[] = [];
    for (let i = s * 20; i < Math.min(QUESTIONS, (s + 1) * 20); i++) {
      const base = {
        kind: 'question',
        name: `q${i}`,
        label: { it: `Domanda ${i + 1}` },
        required: false,
        readOnly: false,
      } as const;
      if (i < 100) qs.push({ ...base, type: 'select_one', listName: 'abc', other: false });
      else if (i < 200) qs.push({ ...base, type: 'integer' });
      else qs.push({ ...base, type: 'range_estimate', decimal: false });
    }
    items.push({ kind: 'group', name: `s${s}`, label: { it: `Sezione ${s + 1}` }, items: qs });
  }
  const choice = (name: string) => ({ name, label: { it: name.toUpperCase() }, extra: {} });
  return {
    modelVersion: 1,
    id: 'grande',
    title: { it: 'Grande' },
    defaultLanguage: 'it',
    items,
    lists: [{ name: 'abc', choices: [choice('a'), choice('b'), choice('c')] }],
  };
}

/** `waves` waves, each over every Comune, every response sent with 300 answers; returns the wave ids. */
export async function writeScaleWaves(
  db: Database,
  waves: number,
  codePrefix: string,
): Promise<{ waveIds: string[]; comuni: number; ms: number }> {
  const t0 = performance.now();
  const waveIds: string[] = [];
  let comuni = 0;
  for (let w = 0; w < waves; w++) {
    await db.ownerTx(async (tx) => {
      const [author] = await tx.query<{ id: string }>('SELECT id FROM users ORDER BY created_at LIMIT 1');
      const [row] = await tx.query<{ wave_id: string }>(
        `WITH s AS (
           INSERT INTO survey_surveys (id, code, title_it, created_by, created_at)
           VALUES (gen_random_uuid(), $3, 'Indagine (benchmark)', $1, now()) RETURNING id),
         v AS (
           INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at,
                                             published_by, published_at)
           SELECT gen_random_uuid(), s.id, 1, $2::jsonb, ${QUESTIONS}, $1, now(), $1, now() FROM s RETURNING id, survey_id)
         INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, opens_on, closes_on, status,
                                   universe_count, launched_by, launched_at, created_by, created_at)
         SELECT gen_random_uuid(), v.survey_id, v.id, 'Rilevazione (benchmark)', '{"kind":"all"}', '2026-01-01',
                '2026-03-31', 'chiusa', (SELECT count(*) FROM comuni), $1, now(), $1, now()
           FROM v RETURNING id AS wave_id`,
        [author!.id, JSON.stringify(scaleForm()), `${codePrefix}-${w}`],
      );
      const waveId = row!.wave_id;
      waveIds.push(waveId);
      await tx.query(
        `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, submitted_at, status_changed_at)
         SELECT gen_random_uuid(), $1, istat_code, 'inviato', now(), now(), now() FROM comuni`,
        [waveId],
      );
      // deterministic answers from a hash of (Comune, question, wave): a third each of a/b/c,
      // integers 0–999, ranges of 0–99 persons, a third exact, the rest estimated min–max
      const [n] = await tx.query<{ n: number }>(
        `WITH ins AS (
           INSERT INTO survey_responses (id, comune_istat, answers)
           SELECT wc.id, wc.comune_istat,
                  (SELECT jsonb_object_agg('q' || i, CASE
                     WHEN i < 100 THEN to_jsonb((ARRAY['a', 'b', 'c'])[1 + h % 3])
                     WHEN i < 200 THEN to_jsonb(h % 1000)
                     WHEN h % 3 = 0 THEN jsonb_build_object('value', h % 100, 'quality', 'certo')
                     ELSE jsonb_build_object('min', h % 100, 'max', h % 100 + h % 7, 'quality', 'stima') END)
                     FROM generate_series(0, ${QUESTIONS - 1}) AS i,
                          LATERAL (SELECT abs(hashtext(wc.comune_istat || ':' || i || ':' || $2)) AS h) x)
             FROM survey_wave_comuni wc WHERE wc.wave_id = $1
           RETURNING 1)
         SELECT count(*)::int AS n FROM ins`,
        [waveId, w],
      );
      comuni = n!.n;
    });
  }
  return { waveIds, comuni, ms: performance.now() - t0 };
}
