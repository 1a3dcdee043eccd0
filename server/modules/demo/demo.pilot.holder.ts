/**
 * One holder of the synthetic 18-ter pilot data with the whole file: the milestones their scenario
 * reaches (as offsets in days from the referral), then the referral, person, household, permit,
 * case, admissions and PAIs dated from those offsets.
 */
import {
  addDays,
  addMonths,
  assessEligibility,
  daysBetween,
  firstPermitExpiry,
  type CaseStatus,
  type ExitReason,
  type IsoDate,
  type PaiStatus,
  type Sector,
} from '../pilot/index.js';
import { planHousehold, planReferral, type Household } from './demo.pilot.household.js';
import { planPai } from './demo.pilot.pai.js';
import { planWork } from './demo.pilot.employment.js';
import type { Rng } from '../../platform/random.js';
import { admission, closureReasons, planPerson, type Work } from './demo.pilot.work.js';
import { planHolderPermit } from './demo.pilot.permit.js';

/** The case status a holder reaches and, for a closed case, the exit reason. */
export interface Scenario {
  status: CaseStatus;
  exit: ExitReason | null;
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
export function planHolder(w: Work, s: Scenario, sector: Sector, country: string): void {
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
