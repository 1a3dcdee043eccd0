/**
 * Synthetic households (family members with kinship computed by `kinshipOf`, motivi di famiglia
 * permits, admissions), referrals with their screening checklist, and each Comune's critical
 * issues. Part of the demo plan: pure, seeded, no I/O.
 */
import {
  addDays,
  addMonths,
  assessEligibility,
  daysBetween,
  kinshipOf,
  type ExitReason,
  type IsoDate,
  type PaiStatus,
  type Relation,
  type Sector,
} from '../pilot/index.js';
import { admission, planPerson, type Work } from './demo.pilot.work.js';
import type { Weighted } from '../../platform/random.js';
import { issueTemplates } from './demo.pilot.words.js';

/** A family member's PAI to plan once the holder's is planned. */
export interface FamilyPai {
  caseId: string;
  personId: string;
  level: PaiStatus;
  created: IsoDate;
  shared: IsoDate | null;
  approved: IsoDate | null;
  started: IsoDate | null;
  review: IsoDate | null;
  suspended: IsoDate | null;
}

export interface Household {
  /** Children under 18 living in Italy. */
  minorChildren: number;
  admitted: FamilyPai[];
}

const relationWeights: Weighted<Relation> = [
  ['coniuge', 30],
  ['figlio', 35],
  ['genitore', 10],
  ['fratello', 12],
  ['suocero', 3],
  ['cognato', 4],
  ['nonno', 2],
  ['zio', 2],
  ['nipote_di_nonno', 1],
  ['genero_nuora', 1],
];
const presentInItaly: Record<Relation, number> = {
  coniuge: 0.8,
  figlio: 0.85,
  genitore: 0.35,
  fratello: 0.6,
  suocero: 0.35,
  cognato: 0.6,
  nonno: 0.2,
  zio: 0.5,
  nipote_di_nonno: 0.7,
  genero_nuora: 0.7,
  nipote_di_zio: 0.5,
  figliastro: 0.8,
  patrigno_matrigna: 0.4,
  altro: 0.5,
};
const maxOf: Partial<Record<Relation, number>> = { coniuge: 1, genitore: 2, suocero: 2, nonno: 1, zio: 1 };

/** A birth year for the relative, or null when the relation does not fit the holder's age. */
function birthYearOf(w: Work, relation: Relation, holder: number, hasSpouse: boolean): number | null {
  const { rng } = w;
  const year = Number(w.today.slice(0, 4));
  const within = (y: number, lo: number, hi: number) => (y >= lo && y <= hi ? y : null);
  switch (relation) {
    case 'coniuge':
      return holder <= year - 22 ? within(holder + rng.int(-6, 6), 1950, year - 19) : null;
    case 'figlio':
      return within(holder + rng.int(18, 40), 1960, Math.min(2025, year - 1));
    case 'genitore':
      return within(holder - rng.int(20, 38), 1930, 1990);
    case 'fratello':
      return within(holder + rng.int(-10, 10), 1950, 2012);
    case 'suocero':
      return hasSpouse ? within(holder - rng.int(20, 35), 1930, 1990) : null;
    case 'cognato':
      return within(holder + rng.int(-10, 10), 1950, 2008);
    case 'nonno':
      return within(holder - rng.int(45, 60), 1925, 1965);
    case 'zio':
      return within(holder - rng.int(15, 30), 1930, 1990);
    case 'nipote_di_nonno':
      return holder <= 1975 ? within(holder + rng.int(40, 55), 2000, 2025) : null;
    case 'genero_nuora':
      return holder <= 1978 ? within(holder + rng.int(20, 35), 1980, 2006) : null;
    default:
      return null;
  }
}

/** The holder's relatives: 0–4, each with the kinship the codice civile gives (never typed in). */
export function planHousehold(
  w: Work,
  h: {
    caseId: string;
    holderId: string;
    holderBirthYear: number;
    holderSex: 'F' | 'M';
    country: string;
    opened: IsoDate;
    caseYear: number;
    horizon: IsoDate;
    admittedOn: IsoDate | null;
    closed: IsoDate | null;
    exit: ExitReason | null;
    paiStarted: IsoDate | null;
    suspended: IsoDate | null;
  },
): Household {
  const { rng, c } = w;
  const holderSurname = w.plan.persons.find((p) => p.row.id === h.holderId)!.identity.surname;
  const out: Household = { minorChildren: 0, admitted: [] };
  const count = rng.weighted<number>([
    [0, 35],
    [1, 25],
    [2, 20],
    [3, 12],
    [4, 8],
  ]);
  const taken: Relation[] = [];
  const year = Number(w.today.slice(0, 4));
  for (let attempt = 0; taken.length < count && attempt < 20; attempt++) {
    const relation = rng.weighted(relationWeights);
    if (taken.filter((r) => r === relation).length >= (maxOf[relation] ?? 4)) continue;
    const birthYear = birthYearOf(w, relation, h.holderBirthYear, taken.includes('coniuge'));
    if (birthYear === null) continue;
    taken.push(relation);
    const kin = kinshipOf(relation);
    const present = rng.chance(presentInItaly[relation]);
    const inNucleo =
      relation === 'coniuge' || relation === 'figlio' ? present || rng.chance(0.5) : present && rng.chance(0.3);
    let added = rng.chance(0.7) ? h.opened : addDays(h.opened, rng.int(5, 40));
    if (added > h.horizon) added = h.opened;
    const sex = relation === 'coniuge' ? (h.holderSex === 'M' ? 'F' : 'M') : rng.chance(0.5) ? 'M' : 'F';
    const sameSurname = ['figlio', 'fratello', 'nipote_di_nonno'].includes(relation) || rng.chance(0.4);
    const personId = planPerson(w, {
      sex,
      birthYear,
      country: h.country,
      surname: sameSurname ? holderSurname : undefined,
      createdOn: added,
      caseYear: h.caseYear,
      withCf: present && year - birthYear >= 14 && rng.chance(0.35),
      italian: relation === 'figlio' && present && rng.chance(0.6),
    });
    if (relation === 'figlio' && present && birthYear > year - 18) out.minorChildren++;
    w.plan.members.push({
      case_id: h.caseId,
      person_id: personId,
      comune_istat: c.istat,
      role: 'familiare',
      relation,
      kinship_kind: kin.kind,
      degree: kin.degree,
      in_nucleo: inNucleo,
      present_in_italy: present,
      created_at: w.ts(added),
    });
    w.event({ caseId: h.caseId, on: added, type: 'FAMILIARE_AGGIUNTO', person: personId, actor: c.operatoreId });
    if (present) planFamilyPermit(w, h.caseId, personId, added, h.horizon);

    // admission of an eligible relative (parente or affine within the 2nd degree, or spouse)
    if (!h.admittedOn || !present || !rng.chance(0.5)) continue;
    const elig = assessEligibility({ role: 'familiare', nationalities: [h.country], relation, holderAdmitted: true });
    if (!elig.eligible) continue;
    const decided = addDays(added > h.admittedOn ? added : h.admittedOn, rng.int(0, 20));
    if (decided > h.horizon || (h.closed && decided >= h.closed)) continue;
    w.plan.admissions.push(admission(w, h.caseId, personId, decided, elig.explanation, elig.code, h.closed, h.exit));
    w.event({
      caseId: h.caseId,
      on: decided,
      type: 'AMMISSIONE_MISURE',
      person: personId,
      actor: c.referenteId,
      note: elig.explanation,
    });
    if (!h.paiStarted || year - birthYear < 16 || !rng.chance(0.6)) continue;
    const pai = familyPai(w, h, personId, decided);
    if (pai) out.admitted.push(pai);
  }
  return out;
}

/** The relative's PAI follows the holder's: drafted after it started, cut at suspension or closure. */
function familyPai(
  w: Work,
  h: { caseId: string; paiStarted: IsoDate | null; suspended: IsoDate | null; closed: IsoDate | null },
  personId: string,
  decided: IsoDate,
): FamilyPai | null {
  const { rng } = w;
  const created = addDays(decided > h.paiStarted! ? decided : h.paiStarted!, rng.int(1, 10));
  const shared = addDays(created, rng.int(5, 15));
  const approved = addDays(shared, rng.int(2, 10));
  const started = addDays(approved, rng.int(0, 4));
  const limit = h.suspended ?? h.closed ?? w.today;
  if (h.closed) {
    return started <= limit
      ? {
          caseId: h.caseId,
          personId,
          level: 'chiuso',
          created,
          shared,
          approved,
          started,
          review: null,
          suspended: null,
        }
      : null;
  }
  const level: PaiStatus | null =
    started <= limit
      ? 'in_corso'
      : approved <= limit
        ? 'approvato'
        : shared <= limit
          ? 'condiviso'
          : created <= limit
            ? 'bozza'
            : null;
  if (!level) return null;
  const reached = (d: IsoDate) => (d <= limit ? d : null);
  return {
    caseId: h.caseId,
    personId,
    level,
    created,
    shared: reached(shared),
    approved: reached(approved),
    started: reached(started),
    review: null,
    suspended: h.suspended,
  };
}

/** A motivi di famiglia permit for a relative living in Italy. */
function planFamilyPermit(w: Work, caseId: string, personId: string, added: IsoDate, horizon: IsoDate): void {
  const { rng, c } = w;
  const receipt = addDays(added, rng.int(10, 40));
  if (receipt > horizon) return;
  const issuedCandidate = addDays(receipt, rng.int(20, 60));
  const issued = issuedCandidate <= horizon ? issuedCandidate : null;
  w.event({ caseId, on: receipt, type: 'RICEVUTA_PERMESSO', person: personId, actor: c.operatoreId });
  if (issued) w.event({ caseId, on: issued, type: 'PERMESSO_RILASCIATO', person: personId, actor: c.operatoreId });
  w.plan.permits.push({
    row: {
      id: w.id(),
      person_id: personId,
      comune_istat: c.istat,
      basis: 'motivi_famiglia',
      questura: `Questura di ${c.name}`,
      initiated_by: null,
      receipt_on: receipt,
      issued_on: issued,
      expires_on: issued ? addMonths(issued, 12) : null,
      renewal_requested_on: null,
      renewed_on: null,
      renewal_count: 0,
      conversion_requested_on: null,
      converted_on: null,
      converted_to: null,
      revoked_on: null,
      revocation_reason: null,
      predecessor_id: null,
      created_at: w.ts(receipt),
      updated_at: w.ts(issued ?? receipt),
    },
    number: issued ? `DEMO${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
  });
}

const sourceWeights: Weighted<string> = [
  ['inl', 20],
  ['forze_ordine', 14],
  ['procura', 8],
  ['sindacato', 15],
  ['ente_antitratta', 12],
  ['servizi_sociali', 8],
  ['sai_cas', 8],
  ['asl', 3],
  ['terzo_settore', 6],
  ['autosegnalazione', 5],
  ['altro', 1],
];
const channelWeights: Weighted<string> = [
  ['telefono', 25],
  ['email', 18],
  ['di_persona', 25],
  ['numero_verde', 10],
  ['unita_di_strada', 10],
  ['pec', 10],
  ['altro', 2],
];

/** A referral with its screening over the catalogue: a holder's shows at least two indicators. */
export function planReferral(
  w: Work,
  r: { receivedOn: IsoDate; outcome: string; outcomeOn: IsoDate | null; sector: Sector; holder: boolean },
): string {
  const { rng, c } = w;
  const id = w.id();
  w.plan.referrals.push({
    id,
    comune_istat: c.istat,
    received_on: r.receivedOn,
    source: rng.weighted(sourceWeights),
    channel: rng.weighted(channelWeights),
    sector: r.sector,
    catalogue_version: 1,
    outcome: r.outcome,
    outcome_on: r.outcomeOn,
    case_id: null,
    created_by: c.operatoreId,
    created_at: w.ts(r.receivedOn),
    updated_at: w.ts(r.outcomeOn ?? r.receivedOn),
  });
  const weights: Weighted<string> = r.holder
    ? [
        ['si', 30],
        ['no', 45],
        ['non_noto', 25],
      ]
    : [
        ['si', 8],
        ['no', 62],
        ['non_noto', 30],
      ];
  const forced = new Set(r.holder ? rng.sample(w.indicators, 2) : []);
  for (const code of w.indicators) {
    w.plan.checks.push({
      referral_id: id,
      comune_istat: c.istat,
      catalogue_version: 1,
      indicator_code: code,
      observed: forced.has(code) ? 'si' : rng.weighted(weights),
    });
  }
  return id;
}

/** One to three critical issues about the Comune's process, raised by the referente or by ANCI. */
export function planComuneIssues(w: Work): void {
  const { rng, c } = w;
  const span = daysBetween(w.start, w.today);
  for (const t of rng.sample(issueTemplates, rng.int(1, 3))) {
    const national = rng.chance(0.4);
    const created = addDays(w.start, rng.int(Math.min(20, span - 5), span - 5));
    const due = addDays(created, rng.int(30, 90));
    const status =
      due < w.today
        ? rng.weighted<string>([
            ['risolta', 40],
            ['chiusa', 20],
            ['in_corso', 40],
          ])
        : rng.weighted<string>([
            ['aperta', 50],
            ['in_corso', 50],
          ]);
    const updated =
      status === 'aperta' ? created : addDays(created, rng.int(1, Math.max(1, daysBetween(created, w.today))));
    w.plan.issues.push({
      id: w.id(),
      comune_istat: c.istat,
      raised_by: national ? c.anciId : c.referenteId,
      raised_by_level: national ? 'national' : 'comune',
      category: t.category,
      title: t.title,
      description: t.description,
      corrective_action: status === 'aperta' && rng.chance(0.5) ? '' : t.action,
      owner: t.owner,
      due_on: due,
      status,
      resolution: status === 'risolta' || status === 'chiusa' ? t.resolution : null,
      created_at: w.ts(created),
      updated_at: w.ts(updated),
    });
  }
}
