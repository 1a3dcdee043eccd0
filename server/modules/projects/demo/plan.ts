/**
 * The demo's MLPS-funded projects, planned in memory before anything is written (pure: a seeded
 * generator and the day the demo is made): two calls, twenty projects in Comuni across Italy (the
 * ten of the 18-ter pilot among them) in every state, their logical framework, activities, budget
 * versions (a rimodulazione approved, one waiting for MLPS) and about two thousand expenses, a few
 * of them deliberately wrong — out of the eligibility period, over a cap, the same invoice charged
 * twice — so that the checks have something to find. Every name is fictitious.
 */
import { randomUUID } from 'node:crypto';
import { Rng, seedOf } from '../../../platform/random.js';
import type { CallRules } from '../shared/call-rules.js';
import { checkPartitaIva, documentNumberKey, issuerKey } from '../shared/tax-ids.js';
import { famiLikeRules, fnpmRules } from './call-rules.js';

export type Row = Record<string, unknown>;

export interface DemoComune {
  istat: string;
  name: string;
  /** The Comune's organisation and, for the pilot's Comuni, its responsabile amministrativo. */
  orgId: string;
  staffUserId: string | null;
  /** An organisation of the Comune's territory to be the project's partner. */
  partnerOrgId: string;
  partnerName: string;
}

export interface DemoActors {
  anciUserId: string;
  mlpsUserId: string;
}

/** The codes of the expense warnings the demo's wrong expenses carry (those of the expenses part). */
export const demoWarnings = {
  outOfPeriod: 'fuori_periodo',
  noPayment: 'quietanza_mancante',
  overCap: 'massimale_superato',
  overLine: 'budget_riga_superato',
  doubleFunding: 'doppio_finanziamento',
} as const;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const addDays = (d: string, n: number) => iso(ms(d) + n * DAY);
const addMonths = (d: string, n: number) => {
  const x = new Date(ms(d));
  x.setUTCMonth(x.getUTCMonth() + n);
  return iso(x.getTime());
};

/** The two calls' rules, with their eligibility periods placed around the day of the demo. */
export function demoCallRules(today: string): { fami: CallRules; fnpm: CallRules } {
  const y = Number(today.slice(0, 4)) - 1;
  return {
    fami: { ...famiLikeRules, eligibility: { from: `${y}-01-01`, to: `${y + 2}-06-30` } },
    fnpm: { ...fnpmRules, eligibility: { from: `${y}-03-01`, to: `${y + 1}-12-31` } },
  };
}

/** A synthetic partita IVA with a valid check digit (the first ten digits from the generator). */
function partitaIva(rng: Rng): string {
  const head = `0${String(rng.int(100000000, 999999999))}`;
  for (let d = 0; d <= 9; d++) if (checkPartitaIva(`${head}${d}`)) return `${head}${d}`;
  throw new Error('unreachable');
}

interface Supplier {
  name: string;
  taxId: string;
  next: number;
}

const supplierNames = [
  'Alfa Servizi Sociali Soc. Coop. (demo)',
  'Beta Formazione S.r.l. (demo)',
  'Gamma Mediazione Interculturale (demo)',
  'Delta Trasporti Locali S.r.l. (demo)',
  'Epsilon Informatica S.p.A. (demo)',
  'Zeta Cancelleria e Forniture (demo)',
  'Eta Accoglienza Soc. Coop. (demo)',
  'Theta Consulenze Legali (demo)',
  'Iota Comunicazione S.r.l. (demo)',
  'Kappa Orientamento al Lavoro (demo)',
];

export interface ProjectPlan {
  id: string;
  comune: DemoComune;
  call: 'fami' | 'fnpm';
  callVersionId: string;
  status: 'BOZZA' | 'PRESENTATO' | 'APPROVATO' | 'IN_CORSO' | 'CONCLUSO';
  start: string;
  end: string;
  cup: string;
  title: string;
  acronym: string;
  createdBy: string;
  budgetVersions: Row[];
  lines: Row[];
  /** The lines in force: key, category, amount. */
  linesInForce: Array<{ key: string; category: string; cents: number; partner: string | null }>;
  logframe: Row[];
  activities: Row[];
  expenses: Row[];
}

const titles: ReadonlyArray<[string, string]> = [
  ['Percorsi di inclusione socio-lavorativa per i lavoratori agricoli stranieri', 'PRISMA'],
  ['Rete territoriale contro il caporalato e lo sfruttamento lavorativo', 'RETE-ON'],
  ['Sportello integrato di orientamento, tutela e accompagnamento al lavoro', 'SIOTA'],
  ['Filiere agricole eque: mediazione, formazione e inserimento lavorativo', 'FAIR'],
  ['Casa e lavoro: autonomia abitativa e lavorativa dei cittadini di Paesi terzi', 'CASALAV'],
];

/** The twenty projects' states, in order: a mix of every state, most running. */
const statuses: ProjectPlan['status'][] = [
  'IN_CORSO',
  'IN_CORSO',
  'IN_CORSO',
  'IN_CORSO',
  'IN_CORSO',
  'CONCLUSO',
  'IN_CORSO',
  'IN_CORSO',
  'APPROVATO',
  'PRESENTATO',
  'IN_CORSO',
  'IN_CORSO',
  'IN_CORSO',
  'CONCLUSO',
  'IN_CORSO',
  'IN_CORSO',
  'APPROVATO',
  'IN_CORSO',
  'BOZZA',
  'IN_CORSO',
];

interface LineShape {
  category: string;
  share: number;
  partner?: boolean;
}
const famiShape: LineShape[] = [
  { category: 'A1', share: 0.08 },
  { category: 'A2', share: 0.24 },
  { category: 'A2', share: 0.16, partner: true },
  { category: 'B', share: 0.03 },
  { category: 'D', share: 0.04 },
  { category: 'E', share: 0.02 },
  { category: 'F', share: 0.2 },
  { category: 'H', share: 0.1, partner: true },
  { category: 'I1', share: 0.005 },
];
const fnpmShape: LineShape[] = [
  { category: 'A1', share: 0.07 },
  { category: 'A2', share: 0.3 },
  { category: 'A2', share: 0.15, partner: true },
  { category: 'B', share: 0.25, partner: true },
  { category: 'C', share: 0.15 },
  { category: 'E', share: 0.003 },
];

/** Expenses per project, at the end of its period (fewer while it runs). */
const EXPENSES_PER_PROJECT = 135;

/**
 * The plan of the whole demo. `comuni` are twenty (the first ten: the pilot's); `versions` are
 * the ids of the published versions of the two calls; `today` the day of the demo.
 */
export function planProjects(
  comuni: readonly DemoComune[],
  versions: { fami: string; fnpm: string },
  actors: DemoActors,
  today: string,
): { projects: ProjectPlan[]; suppliers: number } {
  const rng = new Rng(seedOf('incas-projects-demo', 12));
  const rules = demoCallRules(today);
  const suppliers: Supplier[] = supplierNames.map((name) => ({ name, taxId: partitaIva(rng), next: 1 }));
  const projects = comuni.map((comune, i) => {
    const status = statuses[i % statuses.length]!;
    const notStarted = status === 'APPROVATO' || status === 'PRESENTATO' || status === 'BOZZA';
    // the projects not started yet belong to the call whose period runs longer
    const call = !notStarted && (i % 5 === 3 || i % 5 === 4) ? 'fnpm' : 'fami';
    const callRules = rules[call];
    // started 2–14 months after the period opened (concluded ones at its opening), lasting 18–24 months
    const start =
      status === 'CONCLUSO'
        ? callRules.eligibility.from
        : notStarted
          ? addMonths(today.slice(0, 8) + '01', 2)
          : addMonths(callRules.eligibility.from, rng.int(0, 6));
    const duration = status === 'CONCLUSO' ? 18 : call === 'fnpm' ? 18 : rng.int(20, 24);
    let end = addDays(addMonths(start, duration), -1);
    if (end > callRules.eligibility.to) end = callRules.eligibility.to;
    const [title, acronym] = titles[i % titles.length]!;
    const id = randomUUID();
    const yy = start.slice(2, 4);
    const cup = `${call === 'fami' ? 'J' : 'H'}${yy}${call === 'fami' ? 'F' : 'D'}${comune.istat}D${String(2000 + i).slice(-4)}`;
    const createdBy = comune.staffUserId ?? actors.anciUserId;
    const total = call === 'fami' ? rng.int(20, 60) * 10_000_00 : rng.int(10, 30) * 10_000_00; // 200k–600k or 100k–300k
    const budget = planBudget(rng, id, comune, call, callRules, total, status, start, actors, createdBy);
    const plan: ProjectPlan = {
      id,
      comune,
      call,
      callVersionId: versions[call],
      status,
      start,
      end,
      cup,
      title: `${title} – ${comune.name}`,
      acronym: `${acronym}-${comune.name.slice(0, 3).toUpperCase()}`,
      createdBy,
      ...budget,
      logframe: [],
      activities: [],
      expenses: [],
    };
    planLogframe(plan, today);
    if (status === 'IN_CORSO' || status === 'CONCLUSO') {
      planExpenses(rng, plan, callRules, suppliers, today);
    }
    return plan;
  });
  planWrongExpenses(rng, projects, rules, suppliers, today);
  return { projects, suppliers: suppliers.length };
}

function planBudget(
  rng: Rng,
  projectId: string,
  comune: DemoComune,
  call: 'fami' | 'fnpm',
  rules: CallRules,
  total: number,
  status: ProjectPlan['status'],
  start: string,
  actors: DemoActors,
  createdBy: string,
): Pick<ProjectPlan, 'budgetVersions' | 'lines' | 'linesInForce'> {
  const shape = call === 'fami' ? famiShape : fnpmShape;
  const base = shape.map((s, position) => ({
    key: randomUUID(),
    category: s.category,
    partner: s.partner ? comune.partnerOrgId : null,
    cents: Math.round((total * s.share) / 100) * 100,
    position,
  }));
  const direct = base.reduce((s, l) => s + l.cents, 0);
  // the auditor and the legal expert within their caps, indirect costs at exactly the flat rate
  if (call === 'fami') {
    base.push({ key: randomUUID(), category: 'G1', partner: null, cents: Math.floor(direct * 0.065), position: 20 });
    base.push({ key: randomUUID(), category: 'G2', partner: null, cents: Math.floor(direct * 0.015), position: 21 });
    base.push({
      key: randomUUID(),
      category: 'IND',
      partner: null,
      cents: Math.floor((direct * 700) / 10_000),
      position: 22,
    });
  } else {
    base.push({ key: randomUUID(), category: 'G1', partner: null, cents: Math.floor(direct * 0.06), position: 20 });
    base.push({ key: randomUUID(), category: 'D', partner: null, cents: Math.floor(total * 0.08), position: 21 });
  }
  const labelOf = (code: string) => rules.categories.find((c) => c.code === code)?.labelIt ?? code;
  const coFinancing = call === 'fnpm' ? Math.round(base.reduce((s, l) => s + l.cents, 0) * 0.07) : 0;
  const decidedAt = new Date(ms(start) - rng.int(10, 40) * DAY);
  const submittedAt = new Date(decidedAt.getTime() - rng.int(15, 45) * DAY);
  const v1 = randomUUID();
  const versions: Row[] = [];
  const lines: Row[] = [];
  const v1Status = status === 'BOZZA' ? 'BOZZA' : status === 'PRESENTATO' ? 'PROPOSTA' : 'APPROVATA';
  versions.push({
    id: v1,
    project_id: projectId,
    comune_istat: comune.istat,
    version_no: 1,
    status: v1Status,
    kind: 'INIZIALE',
    reason: null,
    co_financing_cents: coFinancing,
    submitted_by: v1Status === 'BOZZA' ? null : createdBy,
    submitted_at: v1Status === 'BOZZA' ? null : submittedAt,
    decided_by: v1Status === 'APPROVATA' ? actors.mlpsUserId : null,
    decided_at: v1Status === 'APPROVATA' ? decidedAt : null,
    decision_note: v1Status === 'APPROVATA' ? 'Piano approvato come presentato.' : null,
    created_by: createdBy,
    created_at: new Date(submittedAt.getTime() - 20 * DAY),
    row_version: 1,
  });
  const lineRow = (versionId: string, l: (typeof base)[number], cents: number) => ({
    id: randomUUID(),
    budget_version_id: versionId,
    project_id: projectId,
    comune_istat: comune.istat,
    line_key: l.key,
    category_code: l.category,
    partner_org_id: l.partner,
    description: l.partner ? `${labelOf(l.category)} – ${comune.partnerName}` : labelOf(l.category),
    amount_cents: cents,
    position: l.position,
  });
  for (const l of base) lines.push(lineRow(v1, l, l.cents));
  let inForce = base.map((l) => ({ key: l.key, category: l.category, cents: l.cents, partner: l.partner }));
  // a rimodulazione: approved on one running project, waiting for MLPS on another; it moves part
  // of the subcontracting (F, or B for an FNPM call) to the costs for the target persons (H, or C)
  const rimodulata = status === 'IN_CORSO' && rng.chance(0.25);
  if (rimodulata) {
    const approved = rng.chance(0.6);
    const v2 = randomUUID();
    const from = call === 'fami' ? 'F' : 'B';
    const to = call === 'fami' ? 'H' : 'C';
    const moved = Math.round((base.find((l) => l.category === from)!.cents * 0.1) / 100) * 100;
    const at = new Date(ms(start) + rng.int(120, 240) * DAY);
    versions.push({
      id: v2,
      project_id: projectId,
      comune_istat: comune.istat,
      version_no: 2,
      status: approved ? 'APPROVATA' : 'PROPOSTA',
      kind: 'RIMODULAZIONE',
      reason: `Più destinatari del previsto: si sposta una parte di «${labelOf(from)}» su «${labelOf(to)}».`,
      co_financing_cents: coFinancing,
      submitted_by: createdBy,
      submitted_at: at,
      decided_by: approved ? actors.mlpsUserId : null,
      decided_at: approved ? new Date(at.getTime() + 12 * DAY) : null,
      decision_note: approved ? 'Rimodulazione approvata: invariato il costo totale.' : null,
      created_by: createdBy,
      created_at: new Date(at.getTime() - 3 * DAY),
      row_version: 1,
    });
    const changed = base.map((l) => ({
      l,
      cents:
        l.category === from && !l.partner
          ? l.cents - moved
          : l.category === to && l.partner
            ? l.cents + moved
            : l.cents,
    }));
    // an FNPM project's C line has no partner share: the whole move goes to the lead's line
    if (!changed.some((c) => c.l.category === to && c.l.partner)) {
      const target = changed.find((c) => c.l.category === to)!;
      target.cents += moved;
    }
    for (const c of changed) lines.push(lineRow(v2, c.l, c.cents));
    if (approved)
      inForce = changed.map((c) => ({ key: c.l.key, category: c.l.category, cents: c.cents, partner: c.l.partner }));
  }
  return { budgetVersions: versions, lines, linesInForce: inForce };
}

function planLogframe(p: ProjectPlan, today: string): void {
  const item = (kind: string, code: string, text: string, parent: string | null, position: number) => {
    const id = randomUUID();
    p.logframe.push({
      id,
      project_id: p.id,
      comune_istat: p.comune.istat,
      kind,
      parent_id: parent,
      code,
      text,
      position,
    });
    return id;
  };
  const og = item(
    'OBIETTIVO_GENERALE',
    'OG',
    `Favorire l'inclusione socio-lavorativa dei cittadini di Paesi terzi e prevenire lo sfruttamento lavorativo nel territorio di ${p.comune.name}.`,
    null,
    0,
  );
  const os1 = item(
    'OBIETTIVO_SPECIFICO',
    'OS1',
    'Rafforzare la rete locale dei servizi di orientamento e tutela.',
    og,
    1,
  );
  const os2 = item(
    'OBIETTIVO_SPECIFICO',
    'OS2',
    'Accompagnare i destinatari verso un lavoro regolare e un alloggio dignitoso.',
    og,
    2,
  );
  const r11 = item(
    'RISULTATO',
    'R1.1',
    'Un tavolo territoriale attivo con i servizi, le parti sociali e il terzo settore.',
    os1,
    3,
  );
  const r12 = item(
    'RISULTATO',
    'R1.2',
    'Uno sportello di orientamento e tutela aperto almeno tre giorni a settimana.',
    os1,
    4,
  );
  const r21 = item('RISULTATO', 'R2.1', 'Percorsi individuali di orientamento e bilancio delle competenze.', os2, 5);
  const r22 = item('RISULTATO', 'R2.2', 'Tirocini e inserimenti lavorativi regolari.', os2, 6);
  const months = Math.max(1, Math.round((ms(p.end) - ms(p.start)) / (30.4 * DAY)));
  const at = (f: number) => addDays(p.start, Math.round(f * months * 30.4));
  const elapsed = (s: string, e: string, today: number) =>
    today <= ms(s) ? 0 : today >= ms(e) ? 100 : Math.round(((today - ms(s)) / (ms(e) - ms(s))) * 100);
  const running = p.status === 'IN_CORSO' || p.status === 'CONCLUSO';
  const now = Math.min(ms(today), ms(p.end));
  const act = (code: string, title: string, parent: string | null, result: string | null, f0: number, f1: number) => {
    const id = randomUUID();
    const planned_start = at(f0);
    const planned_end = f1 >= 1 ? p.end : addDays(at(f1), -1);
    const progress = running ? elapsed(planned_start, planned_end, now) : 0;
    p.activities.push({
      id,
      project_id: p.id,
      comune_istat: p.comune.istat,
      code,
      parent_id: parent,
      result_id: result,
      title,
      planned_start,
      planned_end,
      actual_start: running && progress > 0 ? planned_start : null,
      actual_end: running && progress === 100 ? planned_end : null,
      progress_pct: progress,
    });
    return id;
  };
  const wp1 = act('1', 'Coordinamento e gestione del progetto', null, null, 0, 1);
  act('1.1', 'Avvio, convenzioni con i partner e piano di lavoro', wp1, null, 0, 0.1);
  act('1.2', 'Tavolo territoriale e incontri di rete', wp1, r11, 0.05, 1);
  const wp2 = act('2', 'Orientamento e accompagnamento al lavoro', null, null, 0.1, 0.95);
  act('2.1', 'Sportello di orientamento e tutela', wp2, r12, 0.1, 0.95);
  act('2.2', 'Bilancio delle competenze e percorsi individuali', wp2, r21, 0.15, 0.8);
  act('2.3', 'Tirocini e inserimenti lavorativi', wp2, r22, 0.3, 0.95);
  const wp3 = act('3', 'Mediazione interculturale e supporto abitativo', null, r21, 0.1, 0.9);
  act('3.1', 'Mediazione nei servizi e nei luoghi di lavoro', wp3, r21, 0.1, 0.9);
  act('4', 'Monitoraggio, valutazione e rendicontazione', null, null, 0, 1);
}

/** The petty-cash category of each call (paid in cash, with receipts). */
const pettyCashOf = { fami: 'I1', fnpm: 'E' } as const;

function docTypeOf(call: 'fami' | 'fnpm', category: string): string {
  if (category.startsWith('A')) return 'CEDOLINO';
  if (category.startsWith('G')) return 'NOTULA';
  // receipts: the petty cash, and the travel of a FAMI project
  if (category === pettyCashOf[call] || (call === 'fami' && category === 'B')) return 'RICEVUTA';
  return 'FATTURA';
}

function planExpenses(rng: Rng, p: ProjectPlan, rules: CallRules, suppliers: Supplier[], today: string): void {
  const until = p.end < today ? p.end : addDays(today, -3);
  const span = ms(until) - ms(p.start);
  if (span <= 0) return;
  const elapsedShare = Math.min(1, span / (ms(p.end) - ms(p.start)));
  const lines = p.linesInForce.filter((l) => !rules.categories.find((c) => c.code === l.category)?.flatRate);
  const total = lines.reduce((s, l) => s + l.cents, 0);
  const wanted = Math.round(EXPENSES_PER_PROJECT * elapsedShare);
  for (const line of lines) {
    const share = p.status === 'CONCLUSO' ? rng.between(0.9, 0.99) : elapsedShare * rng.between(0.6, 0.95);
    const target = Math.floor(line.cents * share);
    const count = Math.max(1, Math.round((wanted * line.cents) / total));
    const per = Math.floor(target / count);
    if (per < 1_00) continue;
    const docType = docTypeOf(p.call, line.category);
    const ownCedolini = docType === 'CEDOLINO';
    const lineSupplier = rng.pick(suppliers);
    for (let k = 0; k < count; k++) {
      const cents =
        k === count - 1 ? target - per * (count - 1) : Math.round((per * rng.between(0.8, 1.2)) / 100) * 100;
      if (cents <= 0) continue;
      const docDate = iso(ms(p.start) + Math.floor(((k + rng.float()) / count) * span));
      const issuer = ownCedolini
        ? { name: line.partner ? p.comune.partnerName : `${p.comune.name} – personale del progetto`, taxId: null }
        : docType === 'NOTULA'
          ? suppliers[7]!
          : lineSupplier;
      const number =
        docType === 'CEDOLINO'
          ? `CED-${docDate.slice(0, 7)}-${k + 1}`
          : `${(issuer as Supplier).next++}/${docDate.slice(0, 4)}`;
      p.expenses.push(expenseRow(rng, p, line, docType, issuer.name, issuer.taxId, number, docDate, cents, today));
    }
  }
}

function expenseRow(
  rng: Rng,
  p: ProjectPlan,
  line: { key: string; category: string },
  docType: string,
  issuerName: string,
  taxId: string | null,
  number: string,
  docDate: string,
  charged: number,
  today: string,
  warnings: string[] = [],
): Row {
  const withVat = docType === 'FATTURA' || docType === 'NOTULA';
  const net = withVat ? Math.round(charged / 1.22) : charged;
  const vat = charged - net;
  const age = (ms(today) - ms(docDate)) / DAY;
  // the last fortnight's documents are still drafts, some without their payment yet
  const status = age > 60 ? 'VALIDATA' : age > 15 ? 'CARICATA' : 'BOZZA';
  const paid = status !== 'BOZZA' || rng.chance(0.5);
  const cash = line.category === pettyCashOf[p.call];
  const means = cash ? 'CONTANTI' : docType === 'CEDOLINO' ? 'MANDATO' : rng.pick(['BONIFICO', 'MANDATO']);
  let paymentDate = addDays(docDate, rng.int(3, 40));
  if (paymentDate > today) paymentDate = today;
  return {
    id: randomUUID(),
    project_id: p.id,
    comune_istat: p.comune.istat,
    line_key: line.key,
    activity_id: null,
    doc_type: docType,
    issuer_name: issuerName,
    issuer_tax_id: taxId,
    issuer_key: issuerKey(issuerName, taxId),
    doc_number: number,
    number_key: documentNumberKey(number),
    doc_date: docDate,
    description: null,
    net_cents: net,
    vat_cents: vat,
    vat_recoverable: false,
    charged_cents: charged,
    payment_date: paid ? paymentDate : null,
    payment_means: paid ? means : null,
    payment_ref: paid
      ? means === 'CONTANTI'
        ? 'Registro di piccola cassa'
        : `MAND-${docDate.slice(0, 4)}-${rng.int(100, 9999)}`
      : null,
    payment_cents: paid ? charged : null,
    status,
    warnings: paid ? warnings : [...warnings, demoWarnings.noPayment],
    import_id: null,
    created_by: p.createdBy,
    created_at: new Date(ms(docDate) + rng.int(1, 20) * DAY),
    updated_at: new Date(ms(docDate) + rng.int(20, 30) * DAY),
    row_version: 1,
  };
}

/** The deliberate mistakes: one out of period, one over the auditor's cap, one invoice charged twice. */
function planWrongExpenses(
  rng: Rng,
  projects: ProjectPlan[],
  rules: { fami: CallRules; fnpm: CallRules },
  suppliers: Supplier[],
  today: string,
): void {
  const running = projects.filter((p) => p.status === 'IN_CORSO' && p.expenses.length > 20);
  const [a, b, c] = running;
  if (!a || !b || !c) return;
  const lineOf = (p: ProjectPlan, category: string) => p.linesInForce.find((l) => l.category === category)!;
  // out of the eligibility period: dated before the call opened
  const early = addDays(rules[a.call].eligibility.from, -20);
  a.expenses.push(
    expenseRow(
      rng,
      a,
      lineOf(a, a.call === 'fami' ? 'F' : 'B'),
      'FATTURA',
      suppliers[4]!.name,
      suppliers[4]!.taxId,
      `${suppliers[4]!.next++}/${early.slice(0, 4)}`,
      early,
      2_440_00,
      today,
      [demoWarnings.outOfPeriod],
    ),
  );
  // the auditor paid beyond 7% of the direct costs charged so far
  const directCharged = b.expenses.reduce((s, e) => s + (e.charged_cents as number), 0);
  const g1 = lineOf(b, 'G1');
  const over = Math.floor(directCharged * 0.08);
  b.expenses.push(
    expenseRow(
      rng,
      b,
      g1,
      'NOTULA',
      suppliers[7]!.name,
      suppliers[7]!.taxId,
      `${suppliers[7]!.next++}/${today.slice(0, 4)}`,
      addDays(today, -40),
      over,
      today,
      [demoWarnings.overCap],
    ),
  );
  // the same invoice (issuer, number, date) in two Comuni's projects, and twice in one project
  const s = suppliers[0]!;
  const number = `${s.next++}/${today.slice(0, 4)}`;
  const date = addDays(today, -75);
  for (const p of [a, c]) {
    p.expenses.push(
      expenseRow(
        rng,
        p,
        lineOf(p, p.call === 'fami' ? 'F' : 'B'),
        'FATTURA',
        s.name,
        s.taxId,
        number,
        date,
        3_660_00,
        today,
        [demoWarnings.doubleFunding],
      ),
    );
  }
  const twice = `${s.next++}/${today.slice(0, 4)}`;
  for (let k = 0; k < 2; k++) {
    c.expenses.push(
      expenseRow(
        rng,
        c,
        lineOf(c, c.call === 'fami' ? 'H' : 'C'),
        'FATTURA',
        s.name,
        s.taxId,
        twice,
        addDays(today, -50),
        1_220_00,
        today,
        [demoWarnings.doubleFunding],
      ),
    );
  }
}
