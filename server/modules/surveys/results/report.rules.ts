/**
 * The pure rules of a wave's report (decision 0045): the response rate of a group, a settlements
 * group as published, and the report laid out as captioned tables in Italian, which the PDF, the
 * DOCX and the XLSX all render (one model, three renderings). No I/O.
 */
import type { ControlledFigure } from '../../../platform/disclosure.js';
import { personsFigure, plainFigure, smallBase } from './results.rules.js';
import type { QuestionResultOut } from './results.schema.js';
import type { RateCountRow, SettlementSumRow } from './report.repo.js';
import type { RateRow, ReportOut, SettlementGroup } from './report.schema.js';

export const BAND_LABELS: Record<string, string> = {
  lt15k: 'Fino a 15.000 abitanti',
  '15k-50k': 'Da 15.001 a 50.000 abitanti',
  '50k-100k': 'Da 50.001 a 100.000 abitanti',
  '100k-200k': 'Da 100.001 a 200.000 abitanti',
  gt200k: 'Oltre 200.000 abitanti',
};

export const SETTLEMENT_TYPE_LABELS: Record<string, string> = {
  formale: 'Formale',
  informale: 'Informale',
  '': 'Non indicato',
};

/** A group's response rate: answered over invited, to 4 decimals (null when none was invited). */
export function rateOf(r: RateCountRow, code: string, label: string): RateRow {
  return {
    code,
    label,
    invited: r.invited,
    answered: r.answered,
    rate: r.invited ? plainFigure(r.answered / r.invited, 4) : null,
  };
}

/**
 * A settlements group as published: exact for ANCI/Cittalia; for the others, persons controlled
 * (1–9 as "<10", others rounded to 5) and the whole group withheld when it rests on 1–2 Comuni.
 */
export function settlementGroupOf(r: SettlementSumRow, code: string, label: string, full: boolean): SettlementGroup {
  if (smallBase(r.comuni, full))
    return { code, label, settlements: null, comuni: r.comuni, personsMin: null, personsMax: null, suppressed: true };
  return {
    code,
    label,
    settlements: r.settlements,
    comuni: r.comuni,
    personsMin: personsFigure(r.persons_min, full),
    personsMax: personsFigure(r.persons_max, full),
    suppressed: false,
  };
}

/** A cell: a number stays a number (XLSX), text as written; null is empty. */
export type ReportCell = number | string | null;

export interface ReportTable {
  /** the sheet's name in the XLSX (short) */
  sheet: string;
  caption: string;
  /** heading of the row labels' column, then of each value column */
  head: string[];
  rows: { label: string; cells: ReportCell[] }[];
  /** a last row of totals, or null */
  total: { label: string; cells: ReportCell[] } | null;
  /** said under the table (base, suppression), or null */
  note: string | null;
  /** whether each value column is a percentage (0–1 written as %) */
  percent: boolean[];
}

export interface ReportSection {
  heading: string;
  /** a second-level heading per group of tables, e.g. the questionnaire's sections */
  groups: { heading: string | null; tables: ReportTable[] }[];
}

const it = (t: { it?: string | undefined; en?: string | undefined }, fallback: string) => t.it ?? t.en ?? fallback;
const fig = (f: ControlledFigure): ReportCell => f;

function rateTable(sheet: string, caption: string, first: string, rows: RateRow[], overall: RateRow): ReportTable {
  const cells = (r: RateRow): ReportCell[] => [r.invited, r.answered, r.rate];
  return {
    sheet,
    caption,
    head: [first, 'Comuni invitati', 'Comuni rispondenti', 'Tasso di risposta'],
    rows: rows.map((r) => ({ label: r.label, cells: cells(r) })),
    total: { label: 'Totale', cells: cells(overall) },
    note: null,
    percent: [false, false, true],
  };
}

/** The table of one question's result, captioned with its label and base. */
export function questionTable(q: QuestionResultOut, n: number): ReportTable {
  const label = it(q.question.label, q.question.name);
  const unit = q.question.inRepeat ? 'voci' : 'Comuni';
  const baseText = q.question.inRepeat
    ? `Base: ${q.base} Comuni, ${q.entries ?? 0} voci.`
    : `Base: ${q.base} Comuni che hanno risposto.`;
  const t: ReportTable = {
    sheet: `Tavola ${n}`,
    caption: `Tavola ${n}. ${label}`,
    head: [],
    rows: [],
    total: null,
    note: baseText,
    percent: [],
  };
  if (q.suppressed) {
    t.head = ['Voce', 'Valore'];
    t.percent = [false];
    t.note = `${baseText} Non mostrata: meno di 3 Comuni hanno risposto.`;
    return t;
  }
  if (q.choices) {
    t.head = ['Risposta', unit === 'voci' ? 'Voci' : 'Comuni', 'Quota'];
    t.percent = [false, true];
    t.rows = q.choices.map((c) => ({ label: it(c.label, c.code), cells: [c.count, c.share] }));
    if (q.question.kind === 'multiple') t.note = `${baseText} Più risposte possibili: le quote non sommano a 100.`;
  } else if (q.number) {
    const s = q.number;
    t.head = ['Statistica', 'Valore'];
    t.percent = [false];
    t.rows = [
      { label: 'Risposte', cells: [s.n] },
      { label: 'Somma', cells: [s.sum] },
      { label: 'Media', cells: [s.mean] },
      { label: 'Mediana', cells: [s.median] },
      { label: 'Minimo', cells: [s.min] },
      { label: 'Massimo', cells: [s.max] },
    ];
  } else if (q.range) {
    const r = q.range;
    t.head = ['Statistica', 'Valore'];
    t.percent = [false];
    t.rows = [
      { label: 'Risposte con un numero', cells: [r.n] },
      { label: 'Somma dei minimi', cells: [fig(r.sumMin)] },
      { label: 'Somma dei massimi', cells: [fig(r.sumMax)] },
      { label: 'Numeri certi', cells: [r.certain] },
      { label: 'Numeri stimati', cells: [r.estimated] },
      { label: 'Numeri non noti', cells: [r.unknown] },
      { label: 'Quota di stime', cells: [r.estimateShare] },
    ];
    t.percent = [false];
  }
  return t;
}

function settlementsTable(
  sheet: string,
  caption: string,
  first: string,
  groups: SettlementGroup[],
  total: SettlementGroup,
): ReportTable {
  const cells = (g: SettlementGroup): ReportCell[] => [g.settlements, g.comuni, fig(g.personsMin), fig(g.personsMax)];
  return {
    sheet,
    caption,
    head: [first, 'Insediamenti', 'Comuni', 'Persone (somma dei minimi)', 'Persone (somma dei massimi)'],
    rows: groups.map((g) => ({ label: g.label, cells: cells(g) })),
    total: { label: 'Totale', cells: cells(total) },
    note: groups.some((g) => g.suppressed) || total.suppressed ? '«—»: dato non diffuso (meno di 3 Comuni).' : null,
    percent: [false, false, false, false],
  };
}

/** The report as sections of captioned tables, in Italian: what every rendering lays out. */
export function reportSections(r: ReportOut): ReportSection[] {
  const rr = r.responseRate;
  const sections: ReportSection[] = [
    {
      heading: '1. Partecipazione',
      groups: [
        {
          heading: null,
          tables: [
            rateTable('Risposta per Regione', 'Tavola R1. Risposta per Regione', 'Regione', rr.byRegion, rr.overall),
            rateTable(
              'Risposta per fascia',
              'Tavola R2. Risposta per fascia demografica',
              'Fascia demografica',
              rr.byBand,
              rr.overall,
            ),
          ],
        },
      ],
    },
  ];
  const groups: ReportSection['groups'] = [];
  r.tables.forEach((q, i) => {
    const heading = q.question.section ? it(q.question.section.label, q.question.section.name) : null;
    const last = groups.at(-1);
    const table = questionTable(q, i + 1);
    if (last && last.heading === heading) last.tables.push(table);
    else groups.push({ heading, tables: [table] });
  });
  sections.push({ heading: '2. Tavole principali', groups });
  if (r.settlements) {
    const s = r.settlements;
    sections.push({
      heading: '3. Insediamenti',
      groups: [
        {
          heading: null,
          tables: [
            settlementsTable('Insediamenti per tipo', 'Tavola S1. Insediamenti per tipo', 'Tipo', s.byKind, s.total),
            settlementsTable(
              'Insediamenti per Regione',
              'Tavola S2. Insediamenti per Regione',
              'Regione',
              s.byRegion,
              s.total,
            ),
          ],
        },
      ],
    });
  }
  return sections;
}

const intFmt = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 2 });
const pctFmt = new Intl.NumberFormat('it-IT', { style: 'percent', maximumFractionDigits: 1 });

/** A cell as text, Italian style (the PDF and the DOCX); '—' for none. */
export function cellText(c: ReportCell, percent: boolean): string {
  if (c === null) return '—';
  if (typeof c === 'string') return c;
  return percent ? pctFmt.format(c) : intFmt.format(c);
}

/** `YYYY-MM-DD` as `DD/MM/YYYY`. */
export function dateIt(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : s;
}

/** The file's name from the wave's: letters and digits, dashes between, at most 80 characters. */
export function reportFilename(wave: string, ext: string): string {
  const slug = wave
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `rapporto-${slug || 'rilevazione'}.${ext}`;
}
