/**
 * The plan of the synthetic 18-ter pilot data: every row to write, computed without I/O from the
 * pilot Comuni, their staff, the indicator catalogue and `today`. The same inputs give the same
 * plan (the identities are encrypted later, by the writer).
 *
 * Each holder gets a scenario (a case status, and for closed cases an exit reason), then a
 * timeline that fits it: referral → presa in carico → permit (ricevuta, rilascio, renewal,
 * conversion, revocation) → admission → PAI → suspension or closure. The first nine holders of
 * every Comune take the nine scenarios in turn, so every Comune shows every status and exit.
 */
import {
  addDays,
  addMonths,
  assessEligibility,
  daysBetween,
  exitReasons,
  firstPermitExpiry,
  formatPseudonym,
  minimumRenewalExpiry,
  pseudonymPrefix,
  type CaseStatus,
  type ExitReason,
  type IsoDate,
  type PaiStatus,
  type Sector,
} from '../pilot/index.js';
import { planComuneIssues, planHousehold, planReferral, type Household } from './demo.pilot.household.js';
import { finaliseCosts, planPai, planWork } from './demo.pilot.pai.js';
import { Rng, seedOf } from './demo.pilot.random.js';
import {
  admission,
  BUDGET_TOTAL,
  BUDGET_YEAR,
  closureReasons,
  emptyPlan,
  makeWork,
  planPerson,
  type DemoComune,
  type PilotPlan,
  type Work,
} from './demo.pilot.work.js';
import { comuneProfiles } from './demo.pilot.words.js';

const WINDOW_START: IsoDate = '2026-01-10';

interface Scenario {
  status: CaseStatus;
  exit: ExitReason | null;
}

const forcedScenarios: Scenario[] = [
  { status: 'aperto', exit: null },
  { status: 'ammesso_misure', exit: null },
  { status: 'pai_attivo', exit: null },
  { status: 'sospeso', exit: null },
  ...exitReasons.map((exit) => ({ status: 'chiuso' as const, exit })),
];
const scenarioWeights: readonly (readonly [Scenario, number])[] = [
  [{ status: 'aperto', exit: null }, 12],
  [{ status: 'ammesso_misure', exit: null }, 13],
  [{ status: 'pai_attivo', exit: null }, 42],
  [{ status: 'sospeso', exit: null }, 6],
  [{ status: 'chiuso', exit: 'lavoro_autonomia' }, 11],
  [{ status: 'chiuso', exit: 'trasferimento' }, 4],
  [{ status: 'chiuso', exit: 'abbandono' }, 5],
  [{ status: 'chiuso', exit: 'revoca_art7' }, 3],
  [{ status: 'chiuso', exit: 'scadenza_permesso' }, 4],
];

/** Number of holders per Comune: the profile's base with a small seeded jitter, within 15–60. */
export function holdersPerComune(istats: readonly string[], seed: number): Map<string, number> {
  return new Map(
    istats.map((istat) => {
      const base = comuneProfiles[istat]?.holders ?? 20;
      const jitter = new Rng(seedOf(istat, seed ^ 0x5eed)).int(-3, 3);
      return [istat, Math.min(60, Math.max(15, base + jitter))];
    }),
  );
}

/** €800,000 split in proportion to the holders, in whole euros, summing exactly (largest remainder). */
export function splitBudget(holders: Map<string, number>, total = BUDGET_TOTAL): Map<string, number> {
  const sum = [...holders.values()].reduce((s, n) => s + n, 0);
  const shares = [...holders].map(([istat, n]) => ({ istat, exact: (total * n) / sum }));
  const out = new Map(shares.map((s) => [s.istat, Math.floor(s.exact)]));
  let left = total - [...out.values()].reduce((s, n) => s + n, 0);
  for (const s of [...shares].sort((a, b) => (b.exact % 1) - (a.exact % 1) || a.istat.localeCompare(b.istat))) {
    if (left-- <= 0) break;
    out.set(s.istat, out.get(s.istat)! + 1);
  }
  return out;
}

/** The whole plan for the pilot Comuni. Pure: same inputs, same plan. */
export function planPilotDemo(input: {
  comuni: DemoComune[];
  indicators: readonly string[];
  today: IsoDate;
  seed: number;
}): PilotPlan {
  const plan = emptyPlan();
  const { today, seed } = input;
  // the pilot's window starts on 2026-01-10; a seed run earlier in the year reaches further back
  const start = addDays(today, -265) < WINDOW_START ? addDays(today, -265) : WINDOW_START;
  const holders = holdersPerComune(
    input.comuni.map((c) => c.istat),
    seed,
  );
  const allocations = splitBudget(holders);
  for (const c of input.comuni) {
    const allocation = allocations.get(c.istat)!;
    planComune(makeWork(c, plan, input.indicators, today, start, seed), holders.get(c.istat)!, allocation);
    plan.budgets.push({ comune_istat: c.istat, year: BUDGET_YEAR, allocation, updated_at: `${start}T08:00:00.000Z` });
  }
  return plan;
}

function planComune(w: Work, holderCount: number, allocation: number): void {
  const profile = comuneProfiles[w.c.istat] ?? comuneProfiles['087015']!;
  for (let i = 0; i < holderCount; i++) {
    const scenario = forcedScenarios[i] ?? w.rng.weighted(scenarioWeights);
    planHolder(w, scenario, w.rng.weighted(profile.sectors), w.rng.weighted(profile.nationalities));
  }
  // referrals that did not lead to a case: ~20% closed at screening, and one or two still open
  const extra = Math.round(holderCount * 0.2);
  for (let i = 0; i < extra; i++) {
    const receivedOn = addDays(w.start, w.rng.int(0, Math.max(0, daysBetween(w.start, w.today) - 12)));
    const outcome = w.rng.chance(0.55) ? 'non_pertinente' : 'inviata_altro_servizio';
    planReferral(w, {
      receivedOn,
      outcome,
      outcomeOn: addDays(receivedOn, w.rng.int(1, 10)),
      sector: w.rng.weighted(profile.sectors),
      holder: false,
    });
  }
  planReferral(w, {
    receivedOn: addDays(w.today, -w.rng.int(0, 4)),
    outcome: 'in_screening',
    outcomeOn: null,
    sector: w.rng.weighted(profile.sectors),
    holder: false,
  });
  if (w.rng.chance(0.6)) {
    const receivedOn = addDays(w.today, -w.rng.int(8, 25));
    planReferral(w, {
      receivedOn,
      outcome: 'in_attesa_identificazione',
      outcomeOn: addDays(receivedOn, w.rng.int(1, 5)),
      sector: w.rng.weighted(profile.sectors),
      holder: false,
    });
  }
  finaliseCosts(w, allocation);
  planComuneIssues(w);
  assignPseudonyms(w);
}

/** Pseudonyms in the order the persons were registered, per year; the counters continue from there. */
function assignPseudonyms(w: Work): void {
  const prefix = pseudonymPrefix(w.c.sigla);
  const last = new Map<number, number>();
  const ordered = [...w.people].sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.order - b.order);
  for (const p of ordered) {
    const seq = (last.get(p.year) ?? 0) + 1;
    last.set(p.year, seq);
    p.person.row.pseudonym = formatPseudonym(prefix, p.year, seq);
  }
  for (const [year, n] of last) w.plan.counters.push({ comune_istat: w.c.istat, year, last: n });
}

/** Offsets in days from the referral, for the milestones a scenario reaches. */
interface Offsets {
  outcome: number;
  open: number;
  receipt?: number;
  issue?: number;
  admit?: number;
  paiCreated?: number;
  shared?: number;
  approved?: number;
  started?: number;
  review?: number;
  suspend?: number;
  contract?: number;
  convReq?: number;
  converted?: number;
  close?: number;
}

function planOffsets(
  rng: Rng,
  s: Scenario,
): {
  o: Offsets;
  admitted: boolean;
  paiLevel: PaiStatus | null;
  closeAfterExpiry: number | null;
  withContract: boolean;
} {
  const o: Offsets = { outcome: rng.int(1, 7), open: 0 };
  o.open = o.outcome + rng.int(0, 5);
  const closing = s.status === 'chiuso';
  const exit = s.exit;
  const admitted =
    s.status === 'ammesso_misure' ||
    s.status === 'pai_attivo' ||
    s.status === 'sospeso' ||
    exit === 'lavoro_autonomia' ||
    exit === 'revoca_art7' ||
    exit === 'scadenza_permesso' ||
    (exit === 'abbandono' && rng.chance(0.8)) ||
    (exit === 'trasferimento' && rng.chance(0.5));
  const hasReceipt = s.status !== 'aperto' || rng.chance(0.6);
  if (hasReceipt) o.receipt = o.open + rng.int(3, 15);
  const hasIssue =
    hasReceipt &&
    (exit === 'scadenza_permesso' ||
      (s.status === 'aperto'
        ? rng.chance(0.3)
        : s.status === 'ammesso_misure'
          ? rng.chance(0.6)
          : closing && !admitted
            ? rng.chance(0.5)
            : true));
  if (hasIssue) o.issue = o.receipt! + rng.int(20, 60);
  if (admitted) o.admit = Math.max(o.receipt!, o.open) + rng.int(2, 14);

  let paiLevel: PaiStatus | null = null;
  if (s.status === 'ammesso_misure')
    paiLevel = rng.weighted<PaiStatus | null>([
      [null, 30],
      ['bozza', 40],
      ['condiviso', 30],
    ]);
  else if (s.status === 'pai_attivo')
    paiLevel = rng.weighted<PaiStatus>([
      ['approvato', 15],
      ['in_corso', 65],
      ['in_revisione', 20],
    ]);
  else if (s.status === 'sospeso')
    paiLevel = rng.weighted<PaiStatus>([
      ['in_corso', 70],
      ['in_revisione', 30],
    ]);
  else if (closing && admitted) {
    const withPai = exit === 'abbandono' ? rng.chance(0.7) : exit === 'trasferimento' ? rng.chance(0.5) : true;
    paiLevel = withPai ? 'chiuso' : null;
  }
  if (paiLevel) {
    o.paiCreated = o.admit! + rng.int(1, 5);
    if (paiLevel !== 'bozza') o.shared = o.paiCreated + rng.int(5, 15);
    if (paiLevel !== 'bozza' && paiLevel !== 'condiviso') o.approved = o.shared! + rng.int(2, 10);
    if (paiLevel === 'in_corso' || paiLevel === 'in_revisione' || paiLevel === 'chiuso')
      o.started = o.approved! + rng.int(0, 4);
    if (paiLevel === 'in_revisione') o.review = o.started! + rng.int(45, 100);
  }
  if (s.status === 'sospeso') o.suspend = o.started! + rng.int(20, 70);
  const withContract =
    exit === 'lavoro_autonomia' || (s.status === 'pai_attivo' && o.started !== undefined && rng.chance(0.3));
  if (withContract) o.contract = o.started! + rng.int(40, 130);
  if (
    (exit === 'lavoro_autonomia' && rng.chance(0.5)) ||
    (s.status === 'pai_attivo' && withContract && rng.chance(0.3))
  ) {
    o.convReq = Math.max(o.contract!, o.issue!) + rng.int(3, 15);
    o.converted = o.convReq + rng.int(20, 45);
  }
  let closeAfterExpiry: number | null = null;
  const lastSoFar = () => Math.max(...Object.values(o).filter((v): v is number => v !== undefined));
  if (exit === 'lavoro_autonomia') o.close = o.contract! + rng.int(7, 40);
  else if (exit === 'revoca_art7') o.close = (o.started ?? o.admit!) + rng.int(20, 80);
  else if (exit === 'abbandono') o.close = (o.started ?? o.admit ?? o.receipt!) + rng.int(15, 70);
  else if (exit === 'trasferimento') o.close = lastSoFar() + rng.int(10, 60);
  else if (exit === 'scadenza_permesso') closeAfterExpiry = rng.int(1, 20);
  // nothing happens to the file after the case closes: the permit is issued, converted before
  if (o.close !== undefined && o.issue !== undefined) o.close = Math.max(o.close, o.issue + rng.int(5, 20));
  if (o.close !== undefined && o.converted !== undefined) o.close = Math.max(o.close, o.converted + rng.int(0, 10));
  return { o, admitted, paiLevel, closeAfterExpiry, withContract };
}

/** One holder with the whole file: referral, person, household, permit, case, admissions, PAIs. */
function planHolder(w: Work, s: Scenario, sector: Sector, country: string): void {
  const { rng, c } = w;
  const { o, admitted, paiLevel, closeAfterExpiry, withContract } = planOffsets(rng, s);
  // choose the referral date so that the last milestone falls on or before today
  const values = Object.values(o).filter((v): v is number => v !== undefined);
  const lastOffset = closeAfterExpiry !== null ? o.issue! + 184 + closeAfterExpiry : Math.max(...values);
  const room = daysBetween(w.start, w.today) - lastOffset;
  const recency = s.status === 'aperto' ? 45 : s.status === 'ammesso_misure' ? 90 : room;
  const received = addDays(w.today, -(lastOffset + (room > 0 ? rng.int(0, Math.min(room, recency)) : 0)));
  const at = (k: keyof Offsets): IsoDate | null => (o[k] === undefined ? null : addDays(received, o[k]));

  const opened = at('open')!;
  const issued = at('issue');
  const firstExpiry = issued ? firstPermitExpiry(issued) : null;
  const closed = closeAfterExpiry !== null ? addDays(firstExpiry!, closeAfterExpiry) : at('close');
  const horizon = closed ?? w.today;
  const maleShare =
    sector === 'lavoro_domestico_cura'
      ? 0.2
      : sector === 'manifattura' || sector === 'ristorazione' || sector === 'turismo'
        ? 0.65
        : 0.88;
  const sex = rng.chance(maleShare) ? 'M' : 'F';
  const birthYear = rng.int(1960, 2007);
  const caseYear = Number(opened.slice(0, 4));
  const holderId = planPerson(w, {
    sex,
    birthYear,
    country,
    createdOn: opened,
    caseYear,
    withCf: rng.chance(0.45),
    italian: rng.chance(0.3),
  });
  const caseId = w.id();
  const referralId = planReferral(w, {
    receivedOn: received,
    outcome: 'permesso_avviato',
    outcomeOn: at('outcome'),
    sector,
    holder: true,
  });

  const op = c.operatoreId;
  const ref = c.referenteId;
  w.event({ caseId, on: opened, type: 'PRESA_IN_CARICO', person: holderId, to: 'aperto', actor: op });
  w.plan.members.push({
    case_id: caseId,
    person_id: holderId,
    comune_istat: c.istat,
    role: 'titolare',
    relation: null,
    kinship_kind: null,
    degree: null,
    in_nucleo: true,
    present_in_italy: true,
    created_at: w.ts(opened),
  });

  // the art. 18-ter permit and its life up to the horizon
  const permit = planHolderPermit(w, {
    caseId,
    holderId,
    opened,
    receipt: at('receipt'),
    issued,
    firstExpiry,
    horizon,
    convReq: at('convReq'),
    converted: at('converted'),
    revoke: s.exit === 'revoca_art7' && rng.chance(0.5) ? closed : null,
    noRenewal: s.exit === 'scadenza_permesso',
  });

  let status: CaseStatus = 'aperto';
  let version = 1;
  const admittedOn = admitted ? at('admit')! : null;
  if (admittedOn) {
    const elig = assessEligibility({
      role: 'titolare',
      nationalities: [country],
      permit: { basis: 'art_18ter', status: issued && issued <= admittedOn ? 'rilasciato' : 'ricevuta_rilasciata' },
    });
    w.plan.admissions.push(admission(w, caseId, holderId, admittedOn, elig.explanation, elig.code, closed, s.exit));
    w.event({
      caseId,
      on: admittedOn,
      type: 'AMMISSIONE_MISURE',
      person: holderId,
      actor: ref,
      note: elig.explanation,
    });
    w.event({ caseId, on: admittedOn, type: 'CAMBIO_STATO', from: 'aperto', to: 'ammesso_misure', actor: ref });
    status = 'ammesso_misure';
    version++;
  }
  const household: Household = planHousehold(w, {
    caseId,
    holderId,
    holderBirthYear: birthYear,
    holderSex: sex,
    country,
    opened,
    caseYear,
    horizon,
    admittedOn,
    closed,
    exit: s.exit,
    paiStarted: at('started'),
    suspended: at('suspend'),
  });

  if (paiLevel) {
    const pai = planPai(w, {
      caseId,
      personId: holderId,
      sector,
      country,
      level: paiLevel,
      holder: true,
      caseStatusBefore: 'ammesso_misure',
      created: at('paiCreated')!,
      shared: at('shared'),
      approved: at('approved'),
      started: at('started'),
      review: at('review'),
      suspended: at('suspend'),
      closed,
      exit: s.exit,
      hasChildren: household.minorChildren > 0,
    });
    if (pai.activatedCase) {
      status = 'pai_attivo';
      version++;
    }
  }
  for (const fam of household.admitted)
    planPai(w, {
      ...fam,
      sector,
      country,
      caseStatusBefore: null,
      exit: s.exit,
      closed,
      hasChildren: false,
      holder: false,
    });

  const suspended = at('suspend');
  if (suspended) {
    w.event({
      caseId,
      on: suspended,
      type: 'CAMBIO_STATO',
      from: 'pai_attivo',
      to: 'sospeso',
      actor: ref,
      note: 'Sospensione concordata: temporanea indisponibilità a seguire il programma',
    });
    status = 'sospeso';
    version++;
  }
  if (withContract)
    planWork(w, {
      caseId,
      personId: holderId,
      sector,
      start: at('contract')!,
      closed,
      exit: s.exit,
      converted: permit.converted,
    });
  if (closed && s.exit) {
    w.event({
      caseId,
      on: closed,
      type: s.exit === 'revoca_art7' ? 'REVOCA_AMMISSIONE_MISURE' : 'USCITA_PROGRAMMA',
      from: status,
      to: 'chiuso',
      actor: ref,
      note: `${s.exit}: ${closureReasons[s.exit]}`,
    });
    status = 'chiuso';
    version++;
  }
  if (admittedOn && household.minorChildren > 0 && rng.chance(0.4)) {
    const on = addDays(admittedOn, rng.int(30, 90));
    if (on <= horizon)
      w.plan.outcomes.push({
        id: w.id(),
        person_id: holderId,
        case_id: caseId,
        comune_istat: c.istat,
        kind: 'assegno_inclusione',
        occurred_on: on,
        employed: null,
        detail: 'Domanda di Assegno di inclusione accolta',
        created_at: w.ts(on),
      });
  }
  if (closed) {
    for (const months of [6, 12]) {
      const due = addMonths(closed, months);
      const on = addDays(due, rng.int(0, 10));
      if (on > w.today) continue;
      w.plan.outcomes.push({
        id: w.id(),
        person_id: holderId,
        case_id: caseId,
        comune_istat: c.istat,
        kind: `follow_up_${months}`,
        occurred_on: on,
        employed: rng.chance(s.exit === 'lavoro_autonomia' ? 0.85 : 0.3),
        detail: null,
        created_at: w.ts(on),
      });
    }
  }
  w.plan.cases.push({
    id: caseId,
    comune_istat: c.istat,
    holder_person_id: holderId,
    referral_id: referralId,
    owner_user_id: op,
    status,
    opened_on: opened,
    admitted_on: admittedOn,
    closed_on: status === 'chiuso' ? closed : null,
    exit_reason: status === 'chiuso' ? s.exit : null,
    in_sai: rng.chance(0.7),
    version,
    created_at: w.ts(opened),
    updated_at: w.ts(closed ?? suspended ?? admittedOn ?? opened),
  });
}

interface HolderPermitInput {
  caseId: string;
  holderId: string;
  opened: IsoDate;
  receipt: IsoDate | null;
  issued: IsoDate | null;
  firstExpiry: IsoDate | null;
  horizon: IsoDate;
  convReq: IsoDate | null;
  converted: IsoDate | null;
  revoke: IsoDate | null;
  /** The case closes because this permit expires: it is never renewed. */
  noRenewal: boolean;
}

/** The art. 18-ter permit: receipt, issue (6 months), renewal (+1 year) when due, conversion or revocation. */
function planHolderPermit(w: Work, p: HolderPermitInput): { converted: IsoDate | null } {
  const { rng, c } = w;
  const id = w.id();
  const ev = (on: IsoDate, type: string) =>
    w.event({ caseId: p.caseId, on, type, person: p.holderId, actor: c.operatoreId });
  ev(p.opened, 'PERMESSO_IN_ISTRUTTORIA');
  if (p.receipt) ev(p.receipt, 'RICEVUTA_PERMESSO');
  if (p.issued) ev(p.issued, 'PERMESSO_RILASCIATO');
  let expires = p.firstExpiry;
  let renewalRequested: IsoDate | null = null;
  let renewed: IsoDate | null = null;
  // the renewal is handled up to the horizon, or up to the request of a conversion that replaces the permit
  const until = p.convReq && p.convReq < p.horizon ? p.convReq : p.horizon;
  if (!p.noRenewal && p.issued && p.firstExpiry && p.firstExpiry <= addDays(until, 60)) {
    const mustAct = p.firstExpiry < addDays(until, 15);
    if (mustAct || rng.chance(0.5)) {
      const req = addDays(p.firstExpiry, -rng.int(15, 55));
      if (req > p.issued && req <= until) {
        renewalRequested = req;
        ev(req, 'RINNOVO_RICHIESTO');
        const rnw = addDays(req, rng.int(15, 45));
        if (rnw <= until) {
          renewed = rnw;
          expires = minimumRenewalExpiry(rnw);
          ev(rnw, 'PERMESSO_RINNOVATO');
        }
      }
    }
  }
  if (p.convReq) ev(p.convReq, 'CONVERSIONE_RICHIESTA');
  if (p.converted) ev(p.converted, 'PERMESSO_CONVERTITO');
  if (p.revoke) ev(p.revoke, 'PERMESSO_REVOCATO');
  const createdAt = w.ts(p.opened);
  w.plan.permits.push({
    row: {
      id,
      person_id: p.holderId,
      comune_istat: c.istat,
      basis: 'art_18ter',
      questura: `Questura di ${c.name}`,
      initiated_by: rng.chance(0.6) ? 'proposta_ag' : 'parere_inl',
      receipt_on: p.receipt,
      issued_on: p.issued,
      expires_on: expires,
      renewal_requested_on: renewalRequested,
      renewed_on: renewed,
      renewal_count: renewed ? 1 : 0,
      conversion_requested_on: p.convReq,
      converted_on: p.converted,
      converted_to: p.converted ? 'lavoro_subordinato' : null,
      revoked_on: p.revoke,
      revocation_reason: p.revoke ? 'Venute meno le condizioni per il rilascio (demo)' : null,
      predecessor_id: null,
      created_at: createdAt,
      updated_at: w.ts(p.revoke ?? p.converted ?? renewed ?? renewalRequested ?? p.issued ?? p.receipt ?? p.opened),
    },
    number: p.issued ? `DEMO${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
  });
  if (p.converted) {
    w.plan.successorPermits.push({
      row: {
        id: w.id(),
        person_id: p.holderId,
        comune_istat: c.istat,
        basis: 'lavoro_subordinato',
        questura: `Questura di ${c.name}`,
        initiated_by: null,
        receipt_on: p.convReq,
        issued_on: p.converted,
        expires_on: addMonths(p.converted, 24),
        renewal_requested_on: null,
        renewed_on: null,
        renewal_count: 0,
        conversion_requested_on: null,
        converted_on: null,
        converted_to: null,
        revoked_on: null,
        revocation_reason: null,
        predecessor_id: id,
        created_at: w.ts(p.converted),
        updated_at: w.ts(p.converted),
      },
      number: `DEMO${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    });
  }
  return { converted: p.converted };
}
