/**
 * The national dashboard as an XLSX (server/platform/xlsx.ts): one worksheet for the projects, one
 * per grouping (Region, call, status) with a total row, one for the claims waiting and one for the
 * critical issues. Amounts are numbers in euro (cents / 100), shares numbers in percent, dates
 * gg/mm/aaaa, statuses and issues in words.
 */
import { writeXlsx, type SheetTable } from '../../../platform/xlsx.js';
import { formatEuro } from '../shared/money.js';
import { warningWordsIt, type IssueKind } from './dashboards.rules.js';
import type { NationalDashboardOut } from './dashboards.schema.js';

type Model = Omit<NationalDashboardOut, 'projects'> & { rows: NationalDashboardOut['projects']['items'] };
type FiguresOut = NationalDashboardOut['totals']['figures'];

export const PROJECT_STATUS_IT: Readonly<Record<string, string>> = {
  BOZZA: 'Bozza',
  PRESENTATO: 'Presentato',
  APPROVATO: 'Approvato',
  IN_CORSO: 'In corso',
  CONCLUSO: 'Concluso',
  REVOCATO: 'Revocato',
};
export const CLAIM_STATUS_IT: Readonly<Record<string, string>> = {
  INVIATA: 'Inviata',
  IN_VERIFICA: 'In verifica',
  RICHIESTA_INTEGRAZIONI: 'Integrazioni richieste',
  CONTRODEDUZIONI: 'Controdeduzioni inviate',
};
const ISSUE_IT: Readonly<Record<IssueKind, string>> = {
  claim_waiting: 'Domanda di rimborso in attesa da oltre 60 giorni',
  ending_underspent: 'Progetto in scadenza entro 90 giorni con meno del 50% di spesa',
  query_overdue: 'Richieste di chiarimento scadute',
  expense_warning: 'Spese con avvisi',
};

const euro = (cents: number): number => cents / 100;
const pct = (bp: number): number => bp / 100;
const dateIt = (iso: string | null): string | null =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;

const MONEY = 'Importi (€)';
const SHARE = 'Avanzamento (%)';
const moneyColumns = [
  { key: 'plan', label: 'Piano', group: MONEY },
  { key: 'spent', label: 'Spesa sostenuta', group: MONEY },
  { key: 'claimed', label: 'Rendicontato', group: MONEY },
  { key: 'verified', label: 'Verificato', group: MONEY },
  { key: 'paid', label: 'Liquidato', group: MONEY },
  { key: 'expected', label: 'Spesa attesa a oggi', group: MONEY },
  { key: 'spentShare', label: 'Spesa sul piano', group: SHARE },
  { key: 'expectedShare', label: 'Attesa sul piano', group: SHARE },
];
const moneyCells = (f: FiguresOut) => ({
  plan: euro(f.planCents),
  spent: euro(f.spentCents),
  claimed: euro(f.claimedCents),
  verified: euro(f.verifiedCents),
  paid: euro(f.paidCents),
  expected: euro(f.expectedCents),
  spentShare: pct(f.spentShareBp),
  expectedShare: pct(f.expectedShareBp),
});

function groupTable(
  title: string,
  rowHeader: string,
  subtitle: string,
  groups: { label: string; projects: number; figures: FiguresOut }[],
  totals: Model['totals'],
): SheetTable {
  return {
    title,
    subtitle,
    note: 'Importi in euro; percentuali sul piano in vigore.',
    rowHeader,
    columns: [{ key: 'projects', label: 'Progetti', group: 'Progetti' }, ...moneyColumns],
    rows: [
      ...groups.map((g) => ({ label: g.label, cells: { projects: g.projects, ...moneyCells(g.figures) } })),
      { label: 'Totale', cells: { projects: totals.projects, ...moneyCells(totals.figures) } },
    ],
  };
}

/** The national dashboard's model as an XLSX file. */
export async function nationalXlsx(m: Model): Promise<Buffer> {
  const filterWords = [
    m.filters.region
      ? `Regione: ${m.options.regions.find((r) => r.code === m.filters.region)?.name ?? m.filters.region}`
      : null,
    m.filters.callId
      ? `Avviso: ${m.options.calls.find((c) => c.id === m.filters.callId)?.title ?? m.filters.callId}`
      : null,
    m.filters.status ? `Stato: ${PROJECT_STATUS_IT[m.filters.status] ?? m.filters.status}` : null,
  ].filter(Boolean);
  const subtitle = `Situazione al ${dateIt(m.today)}${filterWords.length ? ` — ${filterWords.join('; ')}` : ''}`;
  const T = 'Progetto';
  const projects: SheetTable = {
    title: 'Cruscotto progetti — progetti',
    subtitle,
    note: `${m.totals.projects} progetti; piano ${formatEuro(m.totals.figures.planCents)}, spesa ${formatEuro(m.totals.figures.spentCents)}.`,
    rowHeader: 'Titolo',
    columns: [
      { key: 'cup', label: 'CUP', group: T },
      { key: 'comune', label: 'Comune', group: T },
      { key: 'region', label: 'Regione', group: T },
      { key: 'call', label: 'Avviso', group: T },
      { key: 'status', label: 'Stato', group: T },
      { key: 'start', label: 'Inizio', group: T },
      { key: 'end', label: 'Fine', group: T },
      ...moneyColumns,
      { key: 'warned', label: 'Spese con avvisi', group: 'Criticità' },
      { key: 'waiting', label: 'Domande in attesa', group: 'Criticità' },
      { key: 'overdue', label: 'Richieste scadute', group: 'Criticità' },
    ],
    rows: m.rows.map((p) => ({
      label: p.title,
      cells: {
        cup: p.cup,
        comune: p.comuneName,
        region: p.regionName,
        call: p.callTitle,
        status: PROJECT_STATUS_IT[p.status] ?? p.status,
        start: dateIt(p.startDate),
        end: dateIt(p.endDate),
        ...moneyCells(p.figures),
        warned: p.warnedExpenses,
        waiting: p.waitingClaims,
        overdue: p.overdueQueries,
      },
    })),
  };
  const claims: SheetTable = {
    title: 'Cruscotto progetti — domande di rimborso in attesa',
    subtitle,
    note: `${m.claimsWaiting.total} domande in attesa; età in giorni dall'invio.`,
    rowHeader: 'Progetto',
    columns: [
      { key: 'cup', label: 'CUP', group: 'Domanda' },
      { key: 'comune', label: 'Comune', group: 'Domanda' },
      { key: 'region', label: 'Regione', group: 'Domanda' },
      { key: 'no', label: 'Numero', group: 'Domanda' },
      { key: 'status', label: 'Stato', group: 'Domanda' },
      { key: 'sent', label: 'Inviata il', group: 'Domanda' },
      { key: 'age', label: 'Giorni di attesa', group: 'Attesa' },
      { key: 'claimed', label: 'Spese rendicontate (€)', group: 'Importo' },
    ],
    rows: m.claimsWaiting.items.map((c) => ({
      label: c.projectTitle,
      cells: {
        cup: c.cup,
        comune: c.comuneName,
        region: c.regionName,
        no: c.versionNo > 1 ? `${c.claimNo} (versione ${c.versionNo})` : String(c.claimNo),
        status: CLAIM_STATUS_IT[c.status] ?? c.status,
        sent: dateIt(c.sentOn),
        age: c.ageDays,
        claimed: euro(c.claimedCents),
      },
    })),
  };
  const issues: SheetTable = {
    title: 'Cruscotto progetti — criticità',
    subtitle,
    note: `${m.criticalIssues.total} criticità.`,
    rowHeader: 'Progetto',
    columns: [
      { key: 'comune', label: 'Comune', group: 'Criticità' },
      { key: 'kind', label: 'Tipo', group: 'Criticità' },
      { key: 'detail', label: 'Dettaglio', group: 'Criticità' },
      { key: 'count', label: 'Numero', group: 'Misura' },
      { key: 'cents', label: 'Importo (€)', group: 'Misura' },
      { key: 'days', label: 'Giorni', group: 'Misura' },
      { key: 'date', label: 'Data', group: 'Misura' },
    ],
    rows: m.criticalIssues.items.map((i) => ({
      label: i.projectTitle,
      cells: {
        comune: i.comuneName,
        kind: ISSUE_IT[i.kind],
        detail:
          i.kind === 'expense_warning'
            ? warningWordsIt(i.code ?? '')
            : i.kind === 'claim_waiting'
              ? `Domanda n. ${i.claimNo ?? ''}`
              : i.kind === 'ending_underspent'
                ? `Spesa al ${String(pct(i.shareBp ?? 0)).replace('.', ',')}% del piano`
                : 'Scadenza superata',
        count: i.count,
        cents: i.cents === null ? null : euro(i.cents),
        days: i.days,
        date: dateIt(i.date),
      },
    })),
  };
  return writeXlsx(
    [
      { name: 'Progetti', table: projects },
      {
        name: 'Per Regione',
        table: groupTable(
          'Cruscotto progetti — per Regione',
          'Regione',
          subtitle,
          m.byRegion.map((g) => ({ ...g, label: g.name })),
          m.totals,
        ),
      },
      {
        name: 'Per avviso',
        table: groupTable(
          'Cruscotto progetti — per avviso',
          'Avviso',
          subtitle,
          m.byCall.map((g) => ({ ...g, label: g.title })),
          m.totals,
        ),
      },
      {
        name: 'Per stato',
        table: groupTable(
          'Cruscotto progetti — per stato',
          'Stato',
          subtitle,
          m.byStatus.map((g) => ({ ...g, label: PROJECT_STATUS_IT[g.status] ?? g.status })),
          m.totals,
        ),
      },
      { name: 'Domande in attesa', table: claims },
      { name: 'Criticità', table: issues },
    ],
    { creator: 'InCaS', title: 'Cruscotto progetti' },
  );
}
