/**
 * The coverage as an XLSX (server/platform/xlsx.ts): the matrix (one row per Comune with a plan,
 * the priority actions grouped under the Piano triennale's axes, then the axes and the total, and
 * the column totals) and the priority actions no plan of each Region covers. Counts are numbers;
 * headings in Italian with the priority actions' names.
 */
import { writeXlsx, type SheetTable } from '../../../platform/xlsx.js';
import { axes, axisOfPriorityAction, priorityActions, type Axis, type PriorityAction } from '../shared/vocabulary.js';
import type { CoverageRow, CoverageTotals, UncoveredRegion } from './coverage.rules.js';

export const AXIS_IT: Readonly<Record<Axis, string>> = {
  PREVENZIONE: 'Prevenzione',
  VIGILANZA_CONTRASTO: 'Vigilanza e contrasto',
  PROTEZIONE_ASSISTENZA: 'Protezione e assistenza',
  REINTEGRAZIONE: 'Reintegrazione socio-lavorativa',
};
export const PRIORITY_ACTION_IT: Readonly<Record<PriorityAction, string>> = {
  1: 'Sistema informativo e mappatura del rischio',
  2: 'Interventi strutturali e valorizzazione dei prodotti agricoli',
  3: 'Rete del lavoro agricolo di qualità',
  4: 'Pianificazione dei flussi e servizi di incontro domanda-offerta',
  5: 'Soluzioni alloggiative dignitose',
  6: 'Trasporto dei lavoratori agricoli',
  7: 'Campagne di informazione e sensibilizzazione',
  8: 'Vigilanza e contrasto',
  9: 'Protezione e prima assistenza delle vittime',
  10: 'Reintegrazione socio-lavorativa delle vittime',
};
const PLAN_STATUS_IT: Readonly<Record<string, string>> = {
  AVVIO: 'Avvio',
  ANALISI_CONTESTO: 'Analisi di contesto',
  TAVOLI_TEMATICI: 'Tavoli tematici',
  BOZZA: 'Bozza',
  ADOTTATO: 'Adottato',
  IN_ATTUAZIONE: 'In attuazione',
  MONITORATO: 'Monitorato',
  AGGIORNATO: 'Aggiornato',
};
const BAND_IT: Readonly<Record<string, string>> = {
  lt15k: 'fino a 15.000',
  '15k-50k': '15.000–50.000',
  '50k-100k': '50.000–100.000',
  '100k-200k': '100.000–200.000',
  gt200k: 'oltre 200.000',
};
const GROUP_IT = { all: 'tutti', adopted: 'adottati', preparation: 'in preparazione' } as const;

const paLabel = (p: PriorityAction) => `${p}. ${PRIORITY_ACTION_IT[p]}`;
const dateIt = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface CoverageWorkbook {
  today: string;
  matrix: {
    filters: {
      region: string | null;
      band: string | null;
      statusGroup: 'all' | 'adopted' | 'preparation';
      axis: Axis | null;
      priorityAction: number | null;
    };
    options: { regions: { code: string; name: string }[] };
    totals: CoverageTotals;
    rows: CoverageRow[];
  };
  uncovered: UncoveredRegion[];
}

const paColumns = priorityActions.map((p) => ({
  key: `pa${p}`,
  label: paLabel(p),
  group: `Asse: ${AXIS_IT[axisOfPriorityAction[p]]}`,
}));

export async function coverageXlsx(w: CoverageWorkbook): Promise<Buffer> {
  const f = w.matrix.filters;
  const words = [
    f.region ? `Regione: ${w.matrix.options.regions.find((r) => r.code === f.region)?.name ?? f.region}` : null,
    f.band ? `Fascia demografica: ${BAND_IT[f.band] ?? f.band}` : null,
    f.statusGroup !== 'all' ? `Piani: ${GROUP_IT[f.statusGroup]}` : null,
    f.axis ? `Asse: ${AXIS_IT[f.axis]}` : null,
    f.priorityAction ? `Azione prioritaria: ${paLabel(f.priorityAction as PriorityAction)}` : null,
  ].filter(Boolean);
  const subtitle = `Situazione al ${dateIt(w.today)}${words.length ? ` — ${words.join('; ')}` : ''}`;
  const t = w.matrix.totals;
  const matrix: SheetTable = {
    title: 'Copertura del Piano triennale — piani locali multisettoriali',
    subtitle,
    note:
      `${t.comuni} Comuni con un piano (${t.adopted} adottati, ${t.preparation} in preparazione), ${t.actions} azioni. ` +
      'Per ogni Comune il piano più recente (periodo e data di creazione). Numero di azioni per azione prioritaria e per asse.',
    rowHeader: 'Comune',
    columns: [
      { key: 'istat', label: 'Codice ISTAT', group: 'Comune' },
      { key: 'province', label: 'Provincia', group: 'Comune' },
      { key: 'region', label: 'Regione', group: 'Comune' },
      { key: 'band', label: 'Fascia demografica', group: 'Comune' },
      { key: 'status', label: 'Stato del piano', group: 'Piano' },
      { key: 'adopted', label: 'Adottato', group: 'Piano' },
      { key: 'period', label: 'Periodo', group: 'Piano' },
      ...paColumns,
      ...axes.map((a) => ({ key: `axis_${a}`, label: AXIS_IT[a], group: 'Azioni per asse' })),
      { key: 'actions', label: 'Totale azioni', group: 'Totale' },
    ],
    rows: [
      ...w.matrix.rows.map((r) => ({
        label: r.comuneName,
        cells: {
          istat: r.comuneIstat,
          province: r.provinceName,
          region: r.regionName,
          band: BAND_IT[r.band] ?? r.band,
          status: PLAN_STATUS_IT[r.status] ?? r.status,
          adopted: r.adopted ? 'Sì' : 'No',
          period: `${r.periodFrom}–${r.periodTo}`,
          ...Object.fromEntries(priorityActions.map((p, i) => [`pa${p}`, r.priorityActions[i] ?? 0])),
          ...Object.fromEntries(axes.map((a, i) => [`axis_${a}`, r.axes[i] ?? 0])),
          actions: r.actions,
        },
      })),
      {
        label: 'Totale azioni',
        cells: {
          ...Object.fromEntries(t.priorityActions.map((x) => [`pa${x.priorityAction}`, x.actions])),
          ...Object.fromEntries(t.axes.map((x) => [`axis_${x.axis}`, x.actions])),
          actions: t.actions,
        },
      },
      {
        label: 'Comuni che la coprono',
        cells: {
          ...Object.fromEntries(t.priorityActions.map((x) => [`pa${x.priorityAction}`, x.comuni])),
          ...Object.fromEntries(t.axes.map((x) => [`axis_${x.axis}`, x.comuni])),
          actions: t.comuni,
        },
      },
    ],
  };
  const uncovered: SheetTable = {
    title: 'Copertura del Piano triennale — azioni prioritarie non coperte per Regione',
    subtitle,
    note: 'Per ogni azione prioritaria, il numero di Comuni della Regione il cui piano la copre (0: nessun piano la copre).',
    rowHeader: 'Regione',
    columns: [
      { key: 'comuni', label: 'Comuni con un piano', group: 'Regione' },
      { key: 'uncoveredCount', label: 'Azioni prioritarie non coperte', group: 'Regione' },
      ...paColumns,
      { key: 'uncovered', label: 'Non coperte', group: 'Elenco' },
    ],
    rows: w.uncovered.map((r) => {
      const byPa = new Map(r.covered.map((c) => [c.priorityAction, c.comuni]));
      return {
        label: r.name,
        cells: {
          comuni: r.comuni,
          uncoveredCount: r.uncovered.length,
          ...Object.fromEntries(priorityActions.map((p) => [`pa${p}`, byPa.get(p) ?? 0])),
          uncovered: r.uncovered.map(paLabel).join('; '),
        },
      };
    }),
  };
  return writeXlsx(
    [
      { name: 'Matrice di copertura', table: matrix },
      { name: 'Azioni non coperte', table: uncovered },
    ],
    { creator: 'InCaS', title: 'Copertura del Piano triennale' },
  );
}
