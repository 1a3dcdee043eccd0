/**
 * Who answered what, and when, in the two demo waves — decided in memory, deterministically,
 * before anything is written (seed.ts writes the plan).
 *
 * 2021 census (closed), all Comuni: about half answered (3,851 of 7,904 in the real census),
 * agricultural areas more often; 608 reported foreign agri-food workers, 38 of them 150-odd
 * informal settlements, concentrated in the agricultural provinces of the South (Foggia, Caserta,
 * Latina, Ragusa, Reggio Calabria…) with some in the North (Cuneo, Verona); Piemonte leads for
 * Comuni with workers and formal settlements (domain.md §6.2).
 * 2024 survey (open), Comuni over 15,000 inhabitants: 603 sent their questionnaire (81.8%), most
 * already validated, some being reviewed, some returned for correction with flags; 68.5% report
 * high-risk sectors, about 20% have activated services, governance tools or projects (§6.3).
 */
import { randomUUID } from 'node:crypto';
import type { Answers } from '../shared/form/engine/answers.js';
import {
  censusAnswers,
  partialAnswers,
  surveyAnswers,
  type CensusProfile,
  type DemoComune,
  type SurveyProfile,
} from './answers.js';
import { Rng, seedOf, weightedSample } from '../../../platform/random.js';

import type { ResponseStatus } from '../shared/status.js';
export type { ResponseStatus };

export interface PlannedEvent {
  from: ResponseStatus | null;
  to: ResponseStatus;
  at: Date;
  /** an ANCI/Cittalia reviewer's step (else the Comune's) */
  byReviewer: boolean;
  note?: string;
}

export interface PlannedFlag {
  question: string;
  reason: string;
  reviewRound: number;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface PlannedChange {
  question: string;
  oldValue: unknown;
  newValue: unknown;
  changedAt: Date;
  reviewRound: number;
}

export interface PlannedResponse {
  id: string;
  comune: DemoComune;
  status: ResponseStatus;
  invitedAt: Date;
  openedAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  validatedAt: Date | null;
  remindersSent: number;
  reviewRound: number;
  statusChangedAt: Date;
  answers: Answers;
  answerVersions: Record<string, number>;
  rowVersion: number;
  updatedAt: Date | null;
  events: PlannedEvent[];
  flags: PlannedFlag[];
  changes: PlannedChange[];
}

/** Pilot and demo-account Comuni the plan places on purpose (ISTAT codes). */
export const SALUZZO = '004203';
export const VITTORIA = '088012';

/** The Comuni that adopted a Piano locale multisettoriale with ANCI and Cittalia (domain.md §3). */
const PLM_COMUNI = new Set(['009002', '061027', '078157', '076043', '043042', '029041', SALUZZO, '089017']);

/** Agricultural provinces where informal settlements concentrate, with a weight. */
const SETTLEMENT_PROVINCES: Record<string, number> = {
  '071': 12, // Foggia
  '061': 7, // Caserta
  '059': 7, // Latina
  '088': 7, // Ragusa
  '080': 7, // Reggio di Calabria
  '078': 4, // Cosenza
  '076': 4, // Potenza
  '065': 4, // Salerno
  '004': 5, // Cuneo (Saluzzo)
  '023': 3, // Verona
  '077': 3, // Matera
  '072': 3, // Bari
  '110': 3, // Barletta-Andria-Trani
  '073': 3, // Taranto
  '081': 3, // Trapani
  '087': 2, // Catania
  '089': 2, // Siracusa
  '084': 2, // Agrigento
  '075': 1.5, // Lecce
  '101': 1.5, // Crotone
};

/** Share of the Comuni of a region with foreign agri-food workers, relative. */
const WORKER_REGIONS: Record<string, number> = {
  '01': 0.6, // Piemonte leads for Comuni with workers
  '03': 0.3, // Lombardia second
  '04': 0.35,
  '05': 0.35,
  '08': 0.35,
  '09': 0.25,
  '12': 0.25,
  '15': 0.2,
  '16': 0.5,
  '17': 0.45,
  '18': 0.35,
  '19': 0.3,
};

const day = 86_400_000;
const at = (iso: string): Date => new Date(iso);
const plus = (d: Date, days: number, rng?: Rng): Date =>
  new Date(d.getTime() + days * day + (rng ? rng.int(0, 8 * 60) * 60_000 : 0));
const max = (a: Date, b: Date): Date => (a > b ? a : b);
const min = (a: Date, b: Date): Date => (a < b ? a : b);

/** Per top-level answer, the save that last changed it: the answers were saved `saves` times, in order. */
function versionsOf(answers: Answers, saves: number): Record<string, number> {
  const keys = Object.keys(answers);
  return Object.fromEntries(keys.map((k, i) => [k, 1 + Math.floor((i * saves) / Math.max(1, keys.length))]));
}

function blank(id: string, comune: DemoComune, invitedAt: Date): PlannedResponse {
  return {
    id,
    comune,
    status: 'invitato',
    invitedAt,
    openedAt: null,
    startedAt: null,
    submittedAt: null,
    validatedAt: null,
    remindersSent: 0,
    reviewRound: 0,
    statusChangedAt: invitedAt,
    answers: {},
    answerVersions: {},
    rowVersion: 0,
    updatedAt: null,
    events: [{ from: null, to: 'invitato', at: invitedAt, byReviewer: false }],
    flags: [],
    changes: [],
  };
}

/** Moves a response on, recording the event. */
function step(r: PlannedResponse, to: ResponseStatus, when: Date, byReviewer = false, note?: string): void {
  r.events.push({ from: r.status, to, at: when, byReviewer, ...(note ? { note } : {}) });
  r.status = to;
  r.statusChangedAt = when;
}

function remind(r: PlannedResponse, reminderDays: readonly number[], until: Date): void {
  for (const d of reminderDays) {
    const when = plus(r.invitedAt, d);
    if (when >= until) break;
    r.remindersSent++;
    if (r.status === 'invitato') step(r, 'sollecitato', when);
  }
}

function fill(r: PlannedResponse, answers: Answers, rng: Rng, started: Date, lastSave: Date): void {
  r.openedAt = plus(started, -rng.int(0, 2));
  if (r.openedAt < r.invitedAt) r.openedAt = r.invitedAt;
  r.startedAt = started;
  step(r, 'in_compilazione', started);
  r.answers = answers;
  r.rowVersion = rng.int(2, 6);
  r.answerVersions = versionsOf(answers, r.rowVersion);
  r.updatedAt = lastSave;
}

/** The correction a reviewer asked for and the Comune made (one earlier review round). */
function correctionRound(
  r: PlannedResponse,
  rng: Rng,
  question: string,
  reason: string,
  oldValue: unknown,
  submitted: Date,
  closes: Date,
): Date {
  const reviewing = plus(submitted, 1, rng);
  step(r, 'in_validazione', reviewing, true);
  const returned = plus(reviewing, rng.int(1, 6), rng);
  r.reviewRound = 1;
  step(r, 'da_ricontattare', returned, true, reason);
  const corrected = min(plus(returned, rng.int(1, 8), rng), closes);
  r.flags.push({ question, reason, reviewRound: 1, createdAt: returned, resolvedAt: corrected });
  r.changes.push({ question, oldValue, newValue: r.answers[question], changedAt: corrected, reviewRound: 1 });
  r.rowVersion += 1;
  r.answerVersions = { ...r.answerVersions, [question]: r.rowVersion };
  r.updatedAt = corrected;
  step(r, 'in_compilazione', corrected);
  const resent = plus(corrected, 0.01);
  step(r, 'inviato', resent);
  return resent;
}

// ───────────────────────────── 2021 census ─────────────────────────────

export const CENSUS_2021 = {
  opensOn: '2021-10-04',
  closesOn: '2022-01-31',
  closedAt: at('2022-02-01T08:00:00Z'),
  consolidatedAt: at('2022-04-29T10:00:00Z'),
  reminderDays: [14, 35, 70],
  respondents: 3851,
  withWorkers: 608,
  withInformal: 38,
  started: 160,
  corrected: 60,
};

export interface CensusPlan {
  responses: PlannedResponse[];
  profiles: Map<string, CensusProfile>;
}

export function planCensus2021(universe: readonly DemoComune[]): CensusPlan {
  const C = CENSUS_2021;
  const hot = (c: DemoComune) => SETTLEMENT_PROVINCES[c.province] ?? 0;
  const answering = weightedSample(
    universe,
    C.respondents,
    (c) => (c.catastale === null ? 0 : (hot(c) > 0 ? 2.5 : 1) * (c.population > 15_000 ? 1.5 : 1)),
    seedOf('respondents', 2021),
  );
  const withWorkers = weightedSample(
    answering,
    C.withWorkers,
    (c) =>
      (WORKER_REGIONS[c.region] ?? 0.08) *
      (hot(c) > 0 ? 3 : 1) *
      Math.max(0.3, 1 + Math.log10(Math.max(1, c.population) / 1000)),
    seedOf('workers', 2021),
  );
  const withInformal = weightedSample(
    withWorkers,
    C.withInformal,
    (c) => hot(c) * (c.population > 5_000 ? 2 : 1) + 0.02,
    seedOf('informal', 2021),
  );
  const profiles = new Map<string, CensusProfile>();
  const informal = new Set(withInformal.map((c) => c.istat));
  for (const c of withWorkers) {
    const rng = new Rng(seedOf(c.istat, 21));
    const formalOdds = c.region === '01' ? 0.3 : hot(c) > 0 ? 0.2 : 0.08;
    profiles.set(c.istat, {
      workers: true,
      // a handful per Comune, a few Comuni with many ("ghetti" and scattered farmhouses)
      informal: informal.has(c.istat) ? 1 + Math.floor(rng.float() ** 2 * 9) : 0,
      formal: rng.chance(formalOdds) ? rng.int(1, c.istat === SALUZZO ? 3 : 2) : 0,
    });
  }
  const answered = new Set(answering.map((c) => c.istat));
  const nonRespondents = universe.filter((c) => !answered.has(c.istat));
  const startedOnly = new Set(
    weightedSample(nonRespondents, C.started, (c) => (c.catastale === null ? 0 : 1), seedOf('started', 2021)).map(
      (c) => c.istat,
    ),
  );
  const corrected = new Set(
    weightedSample(answering, C.corrected, () => 1, seedOf('corrected', 2021)).map((c) => c.istat),
  );

  const opens = at(`${C.opensOn}T08:00:00Z`);
  const closes = at(`${C.closesOn}T22:00:00Z`);
  const responses: PlannedResponse[] = [];
  for (const c of universe) {
    const rng = new Rng(seedOf(c.istat, 2121));
    const r = blank(randomUUID(), c, opens);
    if (answered.has(c.istat)) {
      const answers = censusAnswers(c, profiles.get(c.istat) ?? { workers: false, informal: 0, formal: 0 });
      const started = plus(opens, Math.floor(rng.float() ** 1.6 * 100), rng);
      remind(r, C.reminderDays, started);
      const submitted = min(plus(started, rng.int(0, 20) + 0.05, rng), closes);
      fill(r, answers, rng, started, submitted);
      step(r, 'inviato', submitted);
      r.submittedAt = submitted;
      let lastSubmit = submitted;
      if (corrected.has(c.istat)) {
        const q = answers.b3_stagionali !== undefined ? 'b3_stagionali' : 'a4_email';
        const reason =
          q === 'b3_stagionali'
            ? 'Il numero di lavoratori stagionali sembra molto alto rispetto alla popolazione del Comune: può verificarlo?'
            : "L'indirizzo email del rispondente risulta non raggiungibile: può indicarne un altro?";
        const old = q === 'b3_stagionali' ? { value: 9999, quality: 'certo' } : 'ufficio.protocollo@example.it';
        lastSubmit = correctionRound(r, rng, q, reason, old, submitted, closes);
      }
      const reviewing = plus(lastSubmit, 1, rng);
      step(r, 'in_validazione', reviewing, true);
      const validated = plus(reviewing, rng.int(1, 20), rng);
      step(r, 'validato', validated, true);
      r.validatedAt = validated;
      step(r, 'consolidato', max(C.consolidatedAt, plus(validated, 1)), true);
    } else if (startedOnly.has(c.istat)) {
      const full = censusAnswers(c, { workers: rng.chance(0.15), informal: 0, formal: 0 });
      const started = plus(opens, rng.int(5, 110), rng);
      remind(r, C.reminderDays, started);
      fill(r, partialAnswers(full, 0.2 + rng.float() * 0.5), rng, started, plus(started, rng.int(0, 3), rng));
    } else if (rng.chance(0.9)) {
      remind(r, C.reminderDays, closes);
    }
    responses.push(r);
  }
  return { responses, profiles };
}

// ───────────────────────────── 2024 survey ─────────────────────────────

export const SURVEY_2024 = {
  /** the wave is open: it opened two months before the demo's today and closes a month after */
  opensDaysAgo: 60,
  closesInDays: 30,
  reminderDays: [7, 14, 28],
  submitted: 603,
  returned: 18,
  inReview: 30,
  sent: 35,
  started: 60,
  reminded: 50,
  risk: 413,
  active: 121,
  corrected: 12,
};

const FLAG_REASONS: Record<string, string> = {
  b5_persone:
    'Il numero di persone seguite sembra alto rispetto ai dati dei servizi sociali comunicati nel 2023: può verificarlo?',
  c5_n_progetti:
    "Il numero di progetti indicato non corrisponde a quelli finanziati dal PON Inclusione risultanti all'ANCI: può verificare?",
  c1_attivato:
    'Risulta un protocollo d’intesa sottoscritto in Prefettura nel 2023: può verificare la risposta sugli strumenti attivati?',
  a4_email: "L'indirizzo email del rispondente risulta non raggiungibile: può indicarne un altro?",
  b2_settori: 'Può precisare se tra i settori a rischio rientra anche la logistica, segnalata dal tavolo provinciale?',
};

export interface SurveyPlan {
  responses: PlannedResponse[];
  profiles: Map<string, SurveyProfile>;
  opensOn: string;
  closesOn: string;
}

const ymd = (d: Date): string => d.toISOString().slice(0, 10);

export function planSurvey2024(universe: readonly DemoComune[], today: Date): SurveyPlan {
  const S = SURVEY_2024;
  const opens = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - S.opensDaysAgo, 8));
  const closes = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + S.closesInDays, 22),
  );
  const now = today;
  const hot = (c: DemoComune) => SETTLEMENT_PROVINCES[c.province] ?? 0;
  // every metropolitan city and nearly every provincial capital answered
  const answering = weightedSample(
    universe,
    S.submitted,
    (c) => (c.istat === SALUZZO ? 0 : c.istat === VITTORIA ? 1e9 : c.population > 100_000 ? 50 : 1),
    seedOf('respondents', 2024),
  );
  const answered = new Set(answering.map((c) => c.istat));
  const rest = universe.filter((c) => !answered.has(c.istat));
  const byRank = <T extends DemoComune>(xs: readonly T[], n: number, w: (c: T) => number, salt: string) =>
    new Set(weightedSample(xs, n, w, seedOf(salt, 2024)).map((c) => c.istat));
  const returned = byRank(answering, S.returned, (c) => (c.istat === VITTORIA ? 1e9 : 1), 'returned');
  const notReturned = answering.filter((c) => !returned.has(c.istat));
  const inReview = byRank(notReturned, S.inReview, () => 1, 'review');
  const sent = byRank(
    notReturned.filter((c) => !inReview.has(c.istat)),
    S.sent,
    () => 1,
    'sent',
  );
  const corrected = byRank(
    notReturned.filter((c) => !inReview.has(c.istat) && !sent.has(c.istat)),
    S.corrected,
    () => 1,
    'corrected',
  );
  const started = byRank(rest, S.started, (c) => (c.istat === SALUZZO ? 1e9 : 1), 'started');
  const reminded = byRank(
    rest.filter((c) => !started.has(c.istat)),
    S.reminded,
    () => 1,
    'reminded',
  );
  const risk = byRank(answering, S.risk, (c) => (c.istat === VITTORIA ? 1e9 : hot(c) > 0 ? 3 : 1), 'risk');
  const active = byRank(
    answering,
    S.active,
    (c) => (PLM_COMUNI.has(c.istat) || c.istat === VITTORIA ? 1e9 : risk.has(c.istat) ? 3 : 0.3),
    'active',
  );
  const profiles = new Map<string, SurveyProfile>();
  for (const c of universe) {
    const rng = new Rng(seedOf(c.istat, 24));
    const isAnswered = answered.has(c.istat);
    profiles.set(c.istat, {
      risk: isAnswered ? risk.has(c.istat) : rng.chance(0.685),
      active: isAnswered ? active.has(c.istat) : rng.chance(0.2),
      plm: PLM_COMUNI.has(c.istat),
      agricultural: hot(c) > 0,
    });
  }

  const responses: PlannedResponse[] = [];
  const span = Math.max(1, Math.floor((now.getTime() - opens.getTime()) / day) - 2);
  for (const c of universe) {
    const rng = new Rng(seedOf(c.istat, 2424));
    const r = blank(randomUUID(), c, opens);
    const profile = profiles.get(c.istat)!;
    if (answered.has(c.istat)) {
      const answers = surveyAnswers(c, profile);
      const startDay = Math.floor(rng.float() ** 1.4 * (span - 12));
      const start = plus(opens, startDay, rng);
      remind(r, S.reminderDays, start);
      const submitted = min(plus(start, rng.int(0, 7) + 0.05, rng), plus(now, -3));
      fill(r, answers, rng, start, submitted);
      step(r, 'inviato', submitted);
      r.submittedAt = submitted;
      let last = submitted;
      if (corrected.has(c.istat)) {
        last = correctionRound(
          r,
          rng,
          'a4_email',
          FLAG_REASONS.a4_email!,
          'ufficio.protocollo@example.it',
          submitted,
          plus(now, -2),
        );
      }
      if (sent.has(c.istat)) {
        // sent, not yet taken up by a reviewer
      } else if (inReview.has(c.istat)) {
        step(r, 'in_validazione', min(plus(last, 1, rng), now), true);
      } else if (returned.has(c.istat)) {
        const reviewing = min(plus(last, 1, rng), plus(now, -1));
        step(r, 'in_validazione', reviewing, true);
        const when = min(plus(reviewing, 1, rng), now);
        const questions = flaggable(answers);
        const picked = c.istat === VITTORIA ? questions.slice(0, 2) : [rng.pick(questions)];
        r.reviewRound += 1;
        for (const q of picked) {
          r.flags.push({
            question: q,
            reason: FLAG_REASONS[q]!,
            reviewRound: r.reviewRound,
            createdAt: when,
            resolvedAt: null,
          });
        }
        step(r, 'da_ricontattare', when, true, 'Alcune risposte da verificare: vedere le segnalazioni');
      } else {
        const reviewing = min(plus(last, 1, rng), now);
        step(r, 'in_validazione', reviewing, true);
        const validated = min(plus(reviewing, rng.int(1, 10), rng), now);
        step(r, 'validato', validated, true);
        r.validatedAt = validated;
      }
    } else if (started.has(c.istat)) {
      const full = surveyAnswers(c, profile);
      const start = plus(opens, rng.int(3, span), rng);
      remind(r, S.reminderDays, start);
      const keep = c.istat === SALUZZO ? 0.35 : 0.15 + rng.float() * 0.6;
      fill(r, partialAnswers(full, keep), rng, start, min(plus(start, rng.int(0, 5), rng), now));
    } else if (reminded.has(c.istat)) {
      remind(r, S.reminderDays, now);
      if (r.remindersSent === 0) {
        r.remindersSent = 1;
        step(r, 'sollecitato', plus(opens, S.reminderDays[0]!));
      }
    }
    responses.push(r);
  }
  return { responses, profiles, opensOn: ymd(opens), closesOn: ymd(closes) };
}

/** Questions a reviewer may question in a 2024 response (those it answered). */
function flaggable(answers: Answers): string[] {
  const out: string[] = [];
  const b5 = answers.b5_persone as { quality?: string } | undefined;
  if (b5 && b5.quality !== 'non_noto') out.push('b5_persone');
  if (answers.c5_n_progetti !== undefined) out.push('c5_n_progetti');
  if (answers.c1_attivato === 'no' && answers.b1_settori_rischio === 'si') out.push('c1_attivato');
  if (answers.b2_settori !== undefined) out.push('b2_settori');
  out.push('a4_email');
  return out;
}

/** The respondent each answered questionnaire names (for the Comuni's contacts). */
export function respondentOf(r: PlannedResponse): { name: string; email: string; role: string } | null {
  const a = r.answers;
  if (typeof a.a2_nome !== 'string' || typeof a.a4_email !== 'string') return null;
  return { name: a.a2_nome, email: a.a4_email, role: typeof a.a3_ruolo === 'string' ? a.a3_ruolo : '' };
}
