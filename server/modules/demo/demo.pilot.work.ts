/**
 * The shared shapes of the synthetic pilot plan (rows keyed by column, the per-Comune working
 * state) and the helpers every part of the plan uses: persons with invented identities and
 * admissions. Pure, seeded, no I/O.
 */
import type { ExitReason, Identity, IsoDate } from '../pilot/index.js';
import type { PlannedMeasure } from './demo.pilot.measures.js';
import { Rng, seedOf } from '../../platform/random.js';
import { idMaker, syntheticCodiceFiscale } from './demo.pilot.random.js';
import { demoGivenNames, demoSurnames, languagesOf } from './demo.pilot.words.js';

export type Row = Record<string, unknown>;

/** A pilot Comune with the demo accounts and organisations the data refers to. */
export interface DemoComune {
  istat: string;
  name: string;
  sigla: string;
  operatoreId: string;
  referenteId: string;
  referenteName: string;
  anciId: string;
  comuneOrgId: string;
  enteOrgId: string;
  enteName: string;
}

export interface PlannedPerson {
  row: Row;
  identity: Identity;
}

export interface PlannedPermit {
  row: Row;
  number: string | null;
}

export interface PilotPlan {
  persons: PlannedPerson[];
  referrals: Row[];
  checks: Row[];
  cases: Row[];
  members: Row[];
  admissions: Row[];
  permits: PlannedPermit[];
  /** Permits with a predecessor (conversions), written after the others. */
  successorPermits: PlannedPermit[];
  events: Row[];
  pais: Row[];
  paiVersions: Row[];
  measures: Row[];
  contracts: Row[];
  outcomes: Row[];
  budgets: Row[];
  issues: Row[];
  counters: Row[];
}

export const BUDGET_YEAR = 2026;
export const BUDGET_TOTAL = 800_000;

/** What one Comune's planning shares: its random stream, ids, dates and the rows so far. */
export interface Work {
  c: DemoComune;
  rng: Rng;
  id: () => string;
  today: IsoDate;
  start: IsoDate;
  plan: PilotPlan;
  indicators: readonly string[];
  cfs: Set<string>;
  /** Persons of this Comune in creation order, for the pseudonyms. */
  people: { person: PlannedPerson; year: number; createdOn: IsoDate; order: number }[];
  measures: PlannedMeasure[];
  /** Steps that need the final costs (frozen PAI versions), run once costs are set. */
  after: (() => void)[];
  ts(on: IsoDate): string;
  event(e: {
    caseId: string;
    on: IsoDate;
    type: string;
    person?: string | null;
    from?: string | null;
    to?: string | null;
    actor: string;
    note?: string | null;
  }): void;
}

export const closureReasons: Record<ExitReason, string> = {
  lavoro_autonomia: 'Assunzione con contratto regolare e autonomia raggiunta',
  trasferimento: 'Trasferimento in un altro Comune',
  abbandono: 'Il beneficiario non si presenta più agli appuntamenti',
  revoca_art7: "Revoca dell'ammissione alle misure (art. 7 DL 145/2024)",
  scadenza_permesso: 'Permesso di soggiorno scaduto senza richiesta di rinnovo',
};

export function emptyPlan(): PilotPlan {
  return {
    persons: [],
    referrals: [],
    checks: [],
    cases: [],
    members: [],
    admissions: [],
    permits: [],
    successorPermits: [],
    events: [],
    pais: [],
    paiVersions: [],
    measures: [],
    contracts: [],
    outcomes: [],
    budgets: [],
    issues: [],
    counters: [],
  };
}

export function makeWork(
  c: DemoComune,
  plan: PilotPlan,
  indicators: readonly string[],
  today: IsoDate,
  start: IsoDate,
  seed: number,
): Work {
  const rng = new Rng(seedOf(c.istat, seed));
  const w: Work = {
    c,
    rng,
    id: idMaker(`${c.istat}/${seed}`),
    today,
    start,
    plan,
    indicators,
    cfs: new Set(),
    people: [],
    measures: [],
    after: [],
    ts: (on) => `${on}T${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
    event: (e) =>
      plan.events.push({
        case_id: e.caseId,
        comune_istat: c.istat,
        person_id: e.person ?? null,
        type: e.type,
        from_status: e.from ?? null,
        to_status: e.to ?? null,
        occurred_on: e.on,
        recorded_at: w.ts(e.on),
        actor_user_id: e.actor,
        note: e.note ?? null,
      }),
  };
  return w;
}

/** A person with an invented identity; returns the id. */
export function planPerson(
  w: Work,
  p: {
    sex: 'F' | 'M';
    birthYear: number;
    country: string;
    surname?: string;
    createdOn: IsoDate;
    caseYear: number;
    withCf: boolean;
    italian: boolean;
  },
): string {
  const { rng } = w;
  const id = w.id();
  const surname = p.surname ?? rng.pick(demoSurnames);
  const givenNames = rng.pick(demoGivenNames);
  const birthDate = `${p.birthYear}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  let cf = p.withCf ? syntheticCodiceFiscale(surname, givenNames, birthDate, p.sex, p.country) : null;
  if (cf && w.cfs.has(cf)) cf = null;
  if (cf) w.cfs.add(cf);
  const languages = [...(languagesOf[p.country] ?? ['en'])];
  if (p.italian && !languages.includes('it')) languages.push('it');
  const createdAt = w.ts(p.createdOn);
  const person: PlannedPerson = {
    row: {
      id,
      comune_istat: w.c.istat,
      pseudonym: '',
      sex: p.sex,
      birth_year: p.birthYear,
      birth_country: p.country,
      nationalities: [p.country],
      languages,
      created_at: createdAt,
      updated_at: createdAt,
    },
    identity: {
      surname,
      givenNames,
      birthDate,
      codiceFiscale: cf,
      phone: rng.chance(0.7) ? `+39 000 000 ${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
      email: null,
      address: rng.chance(0.4) ? `Via Esempio ${rng.int(1, 99)} (demo)` : null,
    },
  };
  w.plan.persons.push(person);
  w.people.push({ person, year: p.caseYear, createdOn: p.createdOn, order: w.people.length });
  return id;
}

export function admission(
  w: Work,
  caseId: string,
  personId: string,
  on: IsoDate,
  reason: string,
  code: string,
  closed: IsoDate | null,
  exit: ExitReason | null,
): Row {
  return {
    id: w.id(),
    case_id: caseId,
    person_id: personId,
    comune_istat: w.c.istat,
    status: closed ? (exit === 'revoca_art7' ? 'revocato' : 'cessato') : 'ammesso',
    decided_on: on,
    decided_by: w.c.referenteId,
    reason,
    eligibility_code: code,
    ended_on: closed,
    ended_by: closed ? w.c.referenteId : null,
    end_reason: closed && exit ? closureReasons[exit] : null,
    created_at: w.ts(on),
  };
}
