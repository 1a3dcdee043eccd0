/**
 * SQL of a wave's settlements register: one row per entry of the census's `insediamenti` repeat in
 * the responses that count, with its Comune, province and Region. No location finer than the
 * Comune exists in the model.
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import { COUNTED_STATUSES } from './results.rules.js';
import { SETTLEMENT_FIELDS as F } from './settlements.rules.js';

export interface SettlementRow {
  istat: string;
  comune: string;
  province_code: string;
  province: string;
  region_code: string;
  region: string;
  entry: number;
  v: Record<string, unknown>;
  total: number;
}

export async function selectSettlements(
  tx: Queryable,
  waveId: string,
  f: { region?: string; type?: string; kind?: string },
  limit: number,
  offset: number,
): Promise<SettlementRow[]> {
  const w = new Where().add('wc.wave_id = $?', waveId).add('wc.status = ANY($?::text[])', COUNTED_STATUSES);
  if (f.region) w.add('c.region_code = $?', f.region);
  if (f.type) w.raw(`e.v ->> ${w.param(F.type)}::text = ${w.param(f.type)}`);
  if (f.kind) {
    const k = w.param(f.kind);
    w.raw(`(e.v ->> ${w.param(F.formalKind)}::text = ${k} OR e.v ->> ${w.param(F.informalKind)}::text = ${k})`);
  }
  const rep = w.param(F.repeat);
  return tx.query<SettlementRow>(
    `SELECT c.istat_code::text AS istat, c.name AS comune, p.code::text AS province_code, p.name AS province,
            rg.code::text AS region_code, rg.name AS region, e.i::int AS entry, e.v, count(*) OVER ()::int AS total
       FROM survey_wave_comuni wc JOIN survey_responses sr ON sr.id = wc.id
       JOIN comuni c ON c.istat_code = wc.comune_istat JOIN provinces p ON p.code = c.province_code
       JOIN regions rg ON rg.code = c.region_code
       CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(sr.answers -> ${rep}::text) = 'array'
                                                    THEN sr.answers -> ${rep}::text ELSE '[]'::jsonb END) WITH ORDINALITY e(v, i)
      ${w}
      ORDER BY rg.name, c.name, c.istat_code, e.i
      LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}
