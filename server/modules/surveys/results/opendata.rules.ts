/**
 * The pure rules of the open data (issue 11 item 6; decision 0044): which questions may be
 * released at which level, the released CSV's cells (disclosure-controlled as for MLPS), and the
 * CSV's shape. No I/O, no clock.
 */
import { createHash } from 'node:crypto';
import { CSV_BOM, csvHeader, csvLine } from '../../../platform/csv.js';
import type { AreaRow } from './results.repo.js';
import { areaValue, type ResultQuestion } from './results.rules.js';
import type { OpenDataLevel } from './opendata.schema.js';

/**
 * Why a question may not be released at `level`, or null when it may: free text never (it never
 * leaves ANCI/Cittalia), dates and periods never (only how many answered: nothing to publish),
 * counts of persons never per Comune (a Comune's own count of workers is a count of persons on 1
 * Comune).
 */
export function unreleasable(q: ResultQuestion, level: OpenDataLevel): string | null {
  if (q.kind === 'text') return `The question ${q.name} is free text: free text is never released`;
  if (q.kind === 'answered') return `The question ${q.name} has no figure to release (a date or a period)`;
  if (q.persons && level === 'comune')
    return `The question ${q.name} counts persons: it is released by Regione or provincia, never per Comune`;
  return null;
}

/** The released CSV's columns (long: one row per area × question × measure × choice). */
export const OPEN_CSV_COLUMNS = [
  'livello',
  'codice_area',
  'area',
  'domanda',
  'domanda_etichetta',
  'misura',
  'scelta',
  'scelta_etichetta',
  'valore',
  'base_comuni',
  'soppresso',
] as const;

/**
 * - quota: share (0–1, 4 decimals) of the answering units (Comuni, or entries of a repeat) that
 *   chose the choice;
 * - media: mean of the answers (numbers that are not persons);
 * - somma_minimi / somma_massimi: sums of the minima and of the maxima of a range of persons,
 *   controlled (1–9 suppressed, others rounded to 5).
 */
export type OpenMeasure = 'quota' | 'media' | 'somma_minimi' | 'somma_massimi';

export interface OpenCell {
  areaCode: string;
  areaName: string;
  question: ResultQuestion;
  measure: OpenMeasure;
  choice: { code: string; label: string } | null;
  value: number | null;
  /** Comuni that answered in the area; null when the cell is suppressed */
  base: number | null;
  suppressed: boolean;
}

/**
 * One cell controlled as the areas endpoint controls it for MLPS (areaValue, not full): nothing
 * on 1–2 Comuni, counts of persons 1–9 suppressed and others rounded to 5. At Comune level (only
 * questions that are not persons, see unreleasable) each area is one Comune answering for itself
 * as an institution: the 3-Comuni floor, which protects a respondent among few, is not applied
 * there (decision 0044).
 */
export function controlledCell(
  raw: number | null,
  base: number,
  persons: boolean,
  level: OpenDataLevel,
): { value: number | null; base: number | null; suppressed: boolean } {
  if (level === 'comune') {
    if (persons) throw new Error('Counts of persons are never released per Comune');
    const v = areaValue(raw, base, false, true);
    return { value: v.value, base, suppressed: false };
  }
  const v = areaValue(raw, base, persons, false);
  return { value: v.value, base: v.suppressed ? null : base, suppressed: v.suppressed };
}

/** The cells of one question from its area rows (one list of rows per choice for choice questions). */
export function questionCells(
  q: ResultQuestion,
  level: OpenDataLevel,
  rows: AreaRow[] | Map<string, AreaRow[]>,
): OpenCell[] {
  const out: OpenCell[] = [];
  const push = (r: AreaRow, measure: OpenMeasure, choice: OpenCell['choice'], raw: number | null) =>
    out.push({
      areaCode: r.code,
      areaName: r.name,
      question: q,
      measure,
      choice,
      ...controlledCell(raw, r.base, q.persons, level),
    });
  if (rows instanceof Map) {
    const byChoice = q.choices.map((c) => ({ c, list: rows.get(c.code) ?? [] }));
    const areas = byChoice[0]?.list ?? [];
    areas.forEach((_, i) => {
      for (const { c, list } of byChoice) {
        const r = list[i]!;
        push(r, 'quota', { code: c.code, label: c.label.it ?? c.code }, r.answered ? r.hits / r.answered : null);
      }
    });
    return out;
  }
  for (const r of rows) {
    if (q.kind === 'number') push(r, 'media', null, r.mean);
    else {
      push(r, 'somma_minimi', null, r.sum_min);
      push(r, 'somma_massimi', null, r.sum_max);
    }
  }
  return out;
}

export interface FrozenCsv {
  /**
   * The text after the byte-order mark: stored so (a driver decoding UTF-8 may drop a leading BOM),
   * served as CSV_BOM + content; the size and the SHA-256 are of the bytes served.
   */
  content: string;
  byteSize: number;
  sha256: string;
  rows: number;
  suppressed: number;
}

/** The CSV as released: UTF-8 with BOM, ";" and decimal comma (platform/csv.ts), a header row. */
export function openCsv(level: OpenDataLevel, cells: OpenCell[]): FrozenCsv {
  let content = csvHeader(OPEN_CSV_COLUMNS);
  let suppressed = 0;
  for (const c of cells) {
    if (c.suppressed) suppressed++;
    content += csvLine([
      level,
      c.areaCode,
      c.areaName,
      c.question.name,
      c.question.label.it ?? c.question.name,
      c.measure,
      c.choice?.code ?? null,
      c.choice?.label ?? null,
      c.suppressed ? null : c.value,
      c.suppressed ? null : c.base,
      c.suppressed ? 'si' : 'no',
    ]);
  }
  const bytes = servedCsv(content);
  return {
    content,
    byteSize: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    rows: cells.length,
    suppressed,
  };
}

/** The bytes of a frozen CSV as served: UTF-8 with the byte-order mark. */
export function servedCsv(content: string): Buffer {
  return Buffer.from(CSV_BOM + content, 'utf8');
}
