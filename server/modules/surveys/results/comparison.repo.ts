/**
 * SQL of the comparison across waves (decision 0043): the two waves, the mapping of a pair, the
 * panel. The figures themselves come from results.repo.ts (the `panelWith` and `comune` filters).
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import type { WaveMapping } from './comparison.schema.js';

export interface ComparedWaveRow {
  id: string;
  survey_id: string;
  title: string;
  opens_on: string;
  created_at: Date;
}

export async function selectComparedWave(tx: Queryable, id: string): Promise<ComparedWaveRow | null> {
  const [row] = await tx.query<ComparedWaveRow>(
    `SELECT id, survey_id, title_it AS title, to_char(opens_on, 'YYYY-MM-DD') AS opens_on, created_at
       FROM survey_waves WHERE id = $1`,
    [id],
  );
  return row ?? null;
}

/** The launched waves (open or closed) other than `waveId`: those of its survey first, then the newest. */
export async function selectComparableWaves(
  tx: Queryable,
  waveId: string,
): Promise<(ComparedWaveRow & { same: boolean })[]> {
  return tx.query(
    `SELECT w.id, w.survey_id, w.title_it AS title, to_char(w.opens_on, 'YYYY-MM-DD') AS opens_on, w.created_at,
            w.survey_id = me.survey_id AS same
       FROM survey_waves w, survey_waves me
      WHERE me.id = $1 AND w.id <> me.id AND w.status IN ('aperta', 'chiusa')
      ORDER BY w.survey_id = me.survey_id DESC, w.opens_on DESC, w.created_at DESC
      LIMIT 200`,
    [waveId],
  );
}

interface MappingRow {
  kind: WaveMapping['kind'];
  earlier_questions: string[];
  later_questions: string[];
  recodes: { from: string; to: string }[];
  reason: string | null;
}

function toMapping(r: MappingRow): WaveMapping {
  const [e = null] = r.earlier_questions;
  const [l = null] = r.later_questions;
  switch (r.kind) {
    case 'match':
      return { kind: 'match', earlier: e!, later: l!, recodes: r.recodes };
    case 'split':
      return { kind: 'split', earlier: e!, later: r.later_questions };
    case 'merge':
      return { kind: 'merge', earlier: r.earlier_questions, later: l! };
    case 'not_comparable':
      return { kind: 'not_comparable', earlier: e, later: l, reason: r.reason ?? '' };
  }
}

/** The mapping of a pair of waves, in the order it was written. */
export async function selectMappings(tx: Queryable, earlierId: string, laterId: string): Promise<WaveMapping[]> {
  const rows = await tx.query<MappingRow>(
    `SELECT kind, earlier_questions, later_questions, recodes, reason FROM survey_wave_mappings
      WHERE earlier_wave_id = $1 AND later_wave_id = $2 ORDER BY position`,
    [earlierId, laterId],
  );
  return rows.map(toMapping);
}

/** Replaces the mapping of a pair of waves. */
export async function replaceMappings(
  tx: Queryable,
  earlierId: string,
  laterId: string,
  items: WaveMapping[],
  by: string,
  at: Date,
): Promise<void> {
  await tx.query('DELETE FROM survey_wave_mappings WHERE earlier_wave_id = $1 AND later_wave_id = $2', [
    earlierId,
    laterId,
  ]);
  for (const [i, m] of items.entries()) {
    const list = (x: string | string[] | null) => (x === null ? [] : Array.isArray(x) ? x : [x]);
    await tx.query(
      `INSERT INTO survey_wave_mappings (id, earlier_wave_id, later_wave_id, position, kind, earlier_questions,
                                         later_questions, recodes, reason, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[], $8::jsonb, $9, $10, $11)`,
      [
        randomUUID(),
        earlierId,
        laterId,
        i,
        m.kind,
        list(m.earlier),
        list(m.later),
        JSON.stringify(m.kind === 'match' ? m.recodes : []),
        m.kind === 'not_comparable' ? m.reason : null,
        by,
        at,
      ],
    );
  }
}

/** The Comune's name, when the wave's universe holds it. */
export async function selectWaveComune(tx: Queryable, waveIds: string[], istat: string): Promise<string | null> {
  const [row] = await tx.query<{ name: string }>(
    `SELECT c.name FROM comuni c WHERE c.istat_code = $1
        AND EXISTS (SELECT 1 FROM survey_wave_comuni wc WHERE wc.comune_istat = c.istat_code AND wc.wave_id = ANY($2::uuid[]))`,
    [istat, waveIds],
  );
  return row?.name ?? null;
}
