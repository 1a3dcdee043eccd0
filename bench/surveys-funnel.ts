/**
 * The live funnel of a national survey wave (issue 10, point 9) in the benchmark: one open wave
 * over every Comune of the registry (7,894 invitations), with its Comuni spread along the funnel,
 * and the endpoint measured as MLPS at 10 connections (target p99 < 200 ms).
 *
 * The data is written as the database owner in a handful of set-based statements: a survey, a
 * published version, the wave, one survey_wave_comuni row per Comune (invited; then by a fixed
 * spread opened, filling in, sent, in review, validated, consolidated, returned) and its response.
 */
import pg from 'pg';
import { funnelOf } from '../server/modules/surveys/waves/funnel.service.js';
import { selectFunnelCounts, type FunnelGroupBy } from '../server/modules/surveys/waves/funnel.repo.js';
import type { Queryable } from '../server/platform/db/db.js';
import type { Endpoint } from './endpoints.js';

export interface FunnelData {
  waveId: string;
  invitations: number;
  ms: number;
}

/** The wave and its 7,894 invitations; MLPS's demo account reads it. */
export async function generateFunnelData(dbUrl: string): Promise<FunnelData> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: dbUrl, application_name: 'incas-bench-admin' });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows: users } = await client.query<{ id: string }>(
      `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'assistenza_tecnica' ORDER BY u.email LIMIT 1`,
    );
    const author = users[0]?.id;
    if (!author) throw new Error('No assistenza_tecnica demo account (demo data missing?)');
    const { rows } = await client.query<{ wave_id: string }>(
      `WITH s AS (
         INSERT INTO survey_surveys (id, code, title_it, created_by, created_at)
         VALUES (gen_random_uuid(), 'bench-funnel', 'Indagine (benchmark)', $1, now()) RETURNING id),
       v AS (
         INSERT INTO survey_form_versions (id, survey_id, version_no, form, question_count, created_by, created_at,
                                           published_by, published_at)
         SELECT gen_random_uuid(), s.id, 1, '{"title":"Indagine (benchmark)","questions":[]}', 0, $1, now(), $1, now()
           FROM s RETURNING id, survey_id)
       INSERT INTO survey_waves (id, survey_id, form_version_id, title_it, universe_rule, reference_month, opens_on,
                                 closes_on, status, universe_count, launched_by, launched_at, created_by, created_at)
       SELECT gen_random_uuid(), v.survey_id, v.id, 'Rilevazione (benchmark)', '{"kind":"all"}', '2026-04',
              current_date - 20, current_date + 40, 'aperta', (SELECT count(*) FROM comuni), $1, now(), $1, now()
         FROM v RETURNING id AS wave_id`,
      [author],
    );
    const waveId = rows[0]!.wave_id;
    // each Comune's place in the funnel by its rank (a fixed spread of 20 slots)
    const { rowCount } = await client.query(
      `INSERT INTO survey_wave_comuni (id, wave_id, comune_istat, status, invited_at, opened_at, started_at, submitted_at,
                                       validated_at, reminders_sent, status_changed_at)
       SELECT gen_random_uuid(), $1, c.istat_code, s.status, now() - interval '20 days',
              CASE WHEN k >= 6 THEN now() - interval '15 days' END,
              CASE WHEN k >= 8 THEN now() - interval '14 days' END,
              CASE WHEN k >= 12 THEN now() - interval '7 days' END,
              CASE WHEN k >= 17 THEN now() - interval '2 days' END,
              CASE WHEN k < 8 THEN 2 ELSE 0 END, now() - interval '1 day'
         FROM (SELECT istat_code, (row_number() OVER (ORDER BY istat_code) % 20)::int AS k FROM comuni) c
         CROSS JOIN LATERAL (SELECT CASE
           WHEN k < 4 THEN 'invitato' WHEN k < 8 THEN 'sollecitato' WHEN k < 12 THEN 'in_compilazione'
           WHEN k < 14 THEN 'inviato' WHEN k < 16 THEN 'in_validazione' WHEN k = 16 THEN 'da_ricontattare'
           WHEN k < 19 THEN 'validato' ELSE 'consolidato' END AS status) s`,
      [waveId],
    );
    await client.query(
      `INSERT INTO survey_responses (id, comune_istat) SELECT id, comune_istat FROM survey_wave_comuni WHERE wave_id = $1`,
      [waveId],
    );
    await client.query('COMMIT');
    return { waveId, invitations: rowCount ?? 0, ms: performance.now() - started };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}

/** The floor's answer: the app's own aggregate (selectFunnelCounts) and mapping (funnelOf), no wrapper. */
export async function floorFunnel(tx: Queryable, waveId: string, groupBy: string | null): Promise<unknown> {
  const g: FunnelGroupBy = groupBy === 'macroArea' || groupBy === 'band' ? groupBy : 'region';
  return funnelOf(await selectFunnelCounts(tx, waveId, g), waveId, g);
}

export const funnelEndpoint: Endpoint = {
  key: 'funnel',
  label: 'Survey wave funnel',
  path: '/api/v1/surveys/waves/{waveId}/funnel?groupBy=region',
  surveys: true,
  // read as MLPS (surveys.read), the session the quadro comparativo uses
  comparativeSession: true,
  connections: [10],
  targets: { minRatio: 0.5, maxP99Ms: 200, p99AtConnections: 10 },
  fingerprint: (body) => {
    const b = body as {
      overall: Record<string, number>;
      groups: { key: string; universe: number; submitted: number }[];
    };
    return (
      `overall ${JSON.stringify(b.overall)}, ${b.groups.length} regions: ` +
      b.groups.map((g) => `${g.key}:${g.universe}/${g.submitted}`).join(' ')
    );
  },
};
