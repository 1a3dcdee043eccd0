/**
 * Plausible synthetic answers to the two demo questionnaires (forms/censimento-2021.ts,
 * forms/indagine-2024.ts), one Comune at a time, deterministic from its ISTAT code. A complete
 * answer set is valid for its form: every required answer given, every constraint met, repeats as
 * many as their count (forms.test.ts checks it with the form engine). What a Comune answers
 * follows a profile chosen by the plan (plan.ts): whether it has foreign agri-food workers, how
 * many formal and informal settlements, whether it has activated services or projects.
 * Respondents' names are obviously fictitious ("Mario Prova") and their addresses are on
 * example.it, which receives no mail. Settlements are located only by the name of a place.
 */
import type { Answers, RangeEstimateAnswer } from '../shared/form/engine/answers.js';
import { Rng, seedOf } from '../../../platform/random.js';

/** A Comune of the registry, as the generators need it. */
export interface DemoComune {
  istat: string;
  name: string;
  /** codice catastale (a handful of Comuni have none in the registry) */
  catastale: string | null;
  province: string;
  region: string;
  population: number;
}

/** What a Comune has to tell in the 2021 census. */
export interface CensusProfile {
  workers: boolean;
  informal: number;
  formal: number;
}

/** What a Comune has to tell in the 2024 survey. */
export interface SurveyProfile {
  /** high-risk sectors present */
  risk: boolean;
  /** services, governance tools or projects activated */
  active: boolean;
  /** it adopted a Piano locale multisettoriale */
  plm: boolean;
  /** an agricultural area (agriculture more often among its sectors) */
  agricultural: boolean;
}

const GIVEN = [
  'Mario',
  'Anna',
  'Giulia',
  'Luca',
  'Paola',
  'Marco',
  'Sara',
  'Franco',
  'Elena',
  'Davide',
  'Chiara',
  'Piero',
];
const SURNAMES = ['Prova', 'Esempio', 'Fittizio', 'Campione', 'Modello', 'Simulato', 'Dimostrativo', 'Provvisorio'];

/** A fictitious respondent: name and an address on example.it. */
export function fakePerson(rng: Rng, comuneName: string): { name: string; email: string } {
  const given = rng.pick(GIVEN);
  const surname = rng.pick(SURNAMES);
  return {
    name: `${given} ${surname}`,
    email: `${slug(given)}.${slug(surname)}@${comuneSlug(comuneName)}.comuni.example.it`,
  };
}

/** Lower-case ASCII letters and digits joined by '-' ("Sant'Agata di Puglia" → "sant-agata-di-puglia"). */
export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A Comune's name as a DNS label (at most 63 characters). */
export const comuneSlug = (name: string): string => slug(name).slice(0, 50).replace(/-$/, '') || 'comune';

type Role = 'sindaco' | 'assessore' | 'dirigente' | 'polizia_locale' | 'servizi_sociali' | 'altro';
const ROLES: ReadonlyArray<readonly [Role, number]> = [
  ['sindaco', 0.22],
  ['assessore', 0.12],
  ['dirigente', 0.38],
  ['polizia_locale', 0.1],
  ['servizi_sociali', 0.14],
  ['altro', 0.04],
];
const OFFICES: Record<Role, readonly string[]> = {
  sindaco: ['Ufficio del Sindaco', 'Segreteria del Sindaco'],
  assessore: ['Assessorato alle politiche sociali', 'Assessorato alle attività produttive'],
  dirigente: ['Settore servizi sociali', 'Area affari generali', 'Ufficio tecnico', 'Settore politiche abitative'],
  polizia_locale: ['Comando di Polizia Locale'],
  servizi_sociali: ['Servizi sociali', "Ufficio di piano dell'ambito sociale"],
  altro: ['Segreteria generale', 'Ufficio statistica'],
};

function weightedPick<T>(rng: Rng, pairs: ReadonlyArray<readonly [T, number]>): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let x = rng.float() * total;
  for (const [v, w] of pairs) if ((x -= w) < 0) return v;
  return pairs[pairs.length - 1]![0];
}

/** Section A: the Comune and its respondent (both surveys). */
function respondent(rng: Rng, c: DemoComune): Record<string, unknown> {
  const person = fakePerson(rng, c.name);
  const role = weightedPick(rng, ROLES);
  return {
    a1_comune: c.name,
    a2_nome: person.name,
    a3_ruolo: role,
    ...(role === 'altro'
      ? { a3_ruolo_altro: rng.pick(['Segretario comunale', 'Responsabile ufficio statistica']) }
      : {}),
    a3b_ufficio: rng.pick(OFFICES[role]),
    a4_email: person.email,
  };
}

/** A figure as a Comune gives it: exact, an estimated range, or (rarely) unknown. */
function figure(rng: Rng, around: number, unknown = 0): RangeEstimateAnswer {
  const x = Math.max(1, Math.round(around));
  const r = rng.float();
  if (r < unknown) return { quality: 'non_noto' };
  if (r < unknown + 0.25) return { value: x, quality: 'certo' };
  if (r < unknown + 0.35) return { value: x, quality: 'stima' };
  const min = Math.max(1, Math.round((x * (0.6 + 0.2 * rng.float())) / 5) * 5 || 1);
  const max = Math.max(min + 1, Math.round((x * (1.2 + 0.5 * rng.float())) / 5) * 5);
  return { min, max, quality: 'stima' };
}

/** A span of months of a year: `from`–`to` as YYYY-MM. */
function months(
  rng: Rng,
  year: number,
  first: [number, number],
  length: [number, number],
): { from: string; to: string } {
  const start = rng.int(first[0], first[1]);
  const end = Math.min(12, start + rng.int(length[0], length[1]));
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { from: mm(start), to: mm(end) };
}

/** Codes of a select_multiple: each kept with its probability, at least one (the likeliest). */
function several(rng: Rng, choices: ReadonlyArray<readonly [string, number]>): string[] {
  const chosen = rng.some(choices);
  if (chosen.length > 0) return chosen;
  return [[...choices].sort((a, b) => b[1] - a[1])[0]![0]];
}

/** Generic names of places, never an address nor coordinates (a settlement is located by its Comune only). */
const PLACE_WORDS = [
  'Località Case Sparse',
  'Contrada Campo Grande',
  'Località Fontanelle',
  'Contrada Torretta',
  'Località Palude',
  'Contrada Casalini',
  'Località Pantano',
  'Contrada Mulino',
  'Località Piana',
  'Frazione Ponte',
  'Località Le Vigne',
  'Contrada Serre',
];

function settlement(rng: Rng, kind: 'formale' | 'informale', big: boolean, index: number): Record<string, unknown> {
  const place = `${PLACE_WORDS[(index + rng.int(0, PLACE_WORDS.length - 1)) % PLACE_WORDS.length]}`;
  const seasonal = kind === 'formale' ? rng.chance(0.6) : rng.chance(0.45);
  const services =
    kind === 'formale'
      ? several(rng, [
          ['acqua', 0.97],
          ['elettricita', 0.95],
          ['servizi_igienici', 0.95],
          ['rifiuti', 0.8],
          ['trasporto', 0.35],
        ])
      : rng.chance(0.35)
        ? ['nessuno']
        : several(rng, [
            ['acqua', 0.35],
            ['elettricita', 0.25],
            ['servizi_igienici', 0.15],
            ['rifiuti', 0.2],
            ['trasporto', 0.05],
          ]);
  const persons =
    kind === 'formale' ? rng.int(20, 150) : big ? rng.int(150, 1500) * (rng.chance(0.15) ? 2 : 1) : rng.int(8, 150);
  // 38% of the informal settlements have stood at least 7 years, 12% more than 20 (Rapporto InCaS 2022)
  const years =
    kind === 'formale'
      ? rng.int(1, 8)
      : weightedPick(rng, [
          [rng.int(0, 6), 0.62],
          [rng.int(7, 20), 0.26],
          [rng.int(21, 30), 0.12],
        ]);
  return {
    ins_localita: `${place}${index > 0 ? ` ${index + 1}` : ''}`,
    ins_tipo: kind,
    ...(kind === 'formale'
      ? {
          ins_tipologia_formale: weightedPick(rng, [
            ['foresteria', 0.35],
            ['accoglienza', 0.2],
            ['moduli_abitativi', 0.25],
            ['alloggi_aziendali', 0.2],
          ] as const),
        }
      : {
          ins_tipologia_informale: weightedPick(rng, [
            ['casolari', 0.4],
            ['edifici', 0.15],
            ['baraccopoli', 0.25],
            ['tende', 0.1],
            ['roulotte', 0.1],
          ] as const),
        }),
    ins_persone: kind === 'formale' ? { value: persons, quality: 'certo' } : figure(rng, persons),
    ins_stagionalita: seasonal ? 'stagionale' : 'tutto_anno',
    ...(seasonal ? { ins_periodo: months(rng, 2021, [4, 7], [2, 5]) } : {}),
    ins_servizi: services.join(' '),
    ins_distanza_km: Math.round((kind === 'formale' ? 1 + rng.float() * 8 : 2 + rng.float() * 25) * 10) / 10,
    ins_anni: years,
  };
}

/** A complete answer set to the 2021 census. */
export function censusAnswers(c: DemoComune, p: CensusProfile): Answers {
  if (c.catastale === null) throw new RangeError(`${c.istat} has no codice catastale`);
  const rng = new Rng(seedOf(c.istat, 2021));
  const a: Record<string, unknown> = { ...respondent(rng, c), a1a_catastale: c.catastale };
  if (a.a3_ruolo === 'assessore') {
    a.a3a_deleghe = rng.pick([
      'Politiche sociali e immigrazione',
      'Agricoltura e attività produttive',
      'Casa e welfare',
    ]);
  }
  a.b1_presenza = p.workers ? 'si' : rng.chance(0.12) ? 'non_so' : 'no';
  if (p.workers) {
    const settlements = p.informal + p.formal;
    const scale = Math.min(4000, 10 + c.population * (p.informal > 0 ? 0.04 : 0.008) * (0.5 + rng.float()));
    const kinds = several(rng, [
      ['stagionali', 0.85],
      ['stanziali', 0.6],
    ]);
    a.b2_tipologia = kinds.join(' ');
    if (kinds.includes('stagionali')) {
      a.b3_stagionali = figure(rng, scale, 0.05);
      a.b3a_periodo = months(rng, 2021, [3, 7], [2, 5]);
    }
    if (kinds.includes('stanziali')) a.b4_stanziali = figure(rng, scale * 0.4, 0.05);
    const comparti = several(rng, [
      ['ortofrutta', 0.7],
      ['serre', 0.3],
      ['viticoltura', 0.3],
      ['olivicoltura', 0.25],
      ['zootecnia', 0.2],
      ['trasformazione', 0.2],
      ['florovivaismo', 0.08],
      ['other', 0.04],
    ]);
    a.b5_comparti = comparti.join(' ');
    if (comparti.includes('other'))
      a.b5_comparti_other = rng.pick(['Agrumicoltura', 'Castanicoltura', 'Tabacchicoltura']);
    const origin = rng.some([
      ['africa_subsahariana', 0.55],
      ['nord_africa', 0.4],
      ['europa_ue', 0.45],
      ['europa_extra_ue', 0.2],
      ['asia_meridionale', 0.4],
      ['altre_aree', 0.05],
    ] as const);
    if (origin.length > 0) a.b6_provenienza = origin.join(' ');
    a.b7_senza_permesso =
      p.informal > 0
        ? 'si'
        : weightedPick(rng, [
            ['si', 0.2],
            ['no', 0.5],
            ['non_so', 0.3],
          ] as const);
    const housing = rng.some([
      ['abitazioni_private', 0.7],
      ['alloggi_datore', 0.35],
      ['accoglienza', 0.12],
      ['other', 0.03],
    ] as const) as string[];
    if (p.formal > 0) housing.push('foresterie');
    if (p.informal > 0) housing.push('insediamenti_informali');
    a.c1_sistemazioni = housing.length > 0 ? housing.join(' ') : 'non_noto';
    if (housing.includes('other')) a.c1_sistemazioni_other = 'Ospitalità presso connazionali';
    a.c2_insediamenti = settlements > 0 ? 'si' : 'no';
    if (settlements > 0) {
      a.c2a_numero = settlements;
      const big = p.informal > 0 && c.population > 10_000 && rng.chance(0.5);
      a.insediamenti = [
        ...Array.from({ length: p.informal }, (_, i) => settlement(rng, 'informale', big && i === 0, i)),
        ...Array.from({ length: p.formal }, (_, i) => settlement(rng, 'formale', false, p.informal + i)),
      ];
    }
    const acted = rng.chance(settlements > 0 ? 0.7 : 0.2);
    a.d1_interventi = acted ? 'si' : 'no';
    if (acted) {
      const tipi = several(rng, [
        ['foresterie', p.formal > 0 ? 0.7 : 0.1],
        ['contributi_affitto', 0.3],
        ['mediazione_abitativa', 0.25],
        ['trasporto', 0.3],
        ['igienico_sanitari', p.informal > 0 ? 0.5 : 0.05],
        ['presidi_sanitari', p.informal > 0 ? 0.4 : 0.05],
        ['ricollocazione', p.informal > 0 ? 0.25 : 0],
        ['other', 0.04],
      ]);
      a.d2_tipi = tipi.join(' ');
      if (tipi.includes('other')) a.d2_tipi_other = 'Sportello informativo per i lavoratori stagionali';
      a.d3_fonti = several(rng, [
        ['bilancio_comunale', 0.6],
        ['regione', 0.45],
        ['pon_inclusione', 0.3],
        ['fami', 0.2],
        ['altri_fondi', 0.1],
      ]).join(' ');
      if (rng.chance(0.8)) a.d4_importo = rng.int(5, 400) * 1000;
    }
  }
  if (rng.chance(0.08)) a.e1_note = 'Dati forniti sulla base delle informazioni degli uffici comunali.';
  a.e2_conferma = 'OK';
  return a;
}

const PROJECT_TITLES = [
  'Rete territoriale contro lo sfruttamento',
  'Sportello lavoro dignitoso',
  'Percorsi di inclusione socio-lavorativa',
  'Casa e lavoro: accoglienza per lavoratori stagionali',
  'Unità mobile di prossimità',
  'Mediazione e orientamento per lavoratori stranieri',
  'Emersione e tutela delle vittime',
];

/** A complete answer set to the 2024 survey. */
export function surveyAnswers(c: DemoComune, p: SurveyProfile): Answers {
  const rng = new Rng(seedOf(c.istat, 2024));
  const a: Record<string, unknown> = respondent(rng, c);
  a.b1_settori_rischio = p.risk ? 'si' : rng.chance(0.3) ? 'non_so' : 'no';
  if (p.risk) {
    const sectors = several(rng, [
      ['agricoltura', p.agricultural ? 0.9 : 0.5],
      ['edilizia', 0.49],
      ['cura_domestico', 0.35],
      ['ristorazione', 0.3],
      ['turismo', 0.2],
      ['logistica', 0.25],
      ['consegne', 0.2],
      ['manifattura', 0.1],
      ['carni', 0.05],
      ['other', 0.03],
    ]);
    a.b2_settori = sectors.join(' ');
    if (sectors.includes('other')) a.b2_settori_other = rng.pick(['Pesca', 'Cantieri navali', 'Pulizie']);
    const forms = several(rng, [
      ['retribuzione', 0.7],
      ['orari', 0.55],
      ['sicurezza', 0.4],
      ['alloggi', sectors.includes('agricoltura') ? 0.45 : 0.15],
      ['intermediazione', sectors.includes('agricoltura') ? 0.55 : 0.2],
      ['lavoro_nero', 0.75],
      ['documenti', 0.08],
      ['violenza', 0.07],
      ['debito', 0.04],
      ['other', 0.02],
    ]);
    a.b3_forme = forms.join(' ');
    if (forms.includes('other')) a.b3_forme_other = 'Finte partite IVA';
    const sources = rng.some([
      ['servizi_sociali', 0.6],
      ['polizia_locale', 0.45],
      ['sindacati', 0.4],
      ['terzo_settore', 0.5],
      ['ispettorato', 0.25],
      ['prefettura', 0.3],
      ['cittadini', 0.15],
    ] as const);
    if (sources.length > 0) a.b4_fonti_info = sources.join(' ');
    a.b5_persone = rng.chance(0.5) ? { quality: 'non_noto' } : figure(rng, 3 + c.population / 4000);
  }
  a.c1_attivato = p.active ? 'si' : 'no';
  if (p.active) {
    const what = several(rng, [
      ['servizi', 0.49],
      ['governance', p.plm ? 1 : 0.47],
      ['progetti', 0.73],
    ]);
    a.c2_cosa = what.join(' ');
    if (what.includes('servizi')) {
      const s = several(rng, [
        ['sportello', 0.5],
        ['presa_in_carico', 0.55],
        ['accoglienza', 0.3],
        ['mediazione', 0.4],
        ['orientamento_lavoro', 0.35],
        ['legale', 0.3],
        ['unita_strada', 0.2],
        ['other', 0.03],
      ]);
      a.c3_servizi = s.join(' ');
      if (s.includes('other')) a.c3_servizi_other = 'Servizio di trasporto per i lavoratori';
    }
    if (what.includes('governance')) {
      const g = several(rng, [
        ['tavolo_prefettura', 0.55],
        ['tavolo_comunale', 0.35],
        ['protocollo', 0.5],
        ['rete_qualita', 0.1],
        ['other', 0.03],
      ]);
      if (p.plm) g.push('plm');
      a.c4_governance = g.join(' ');
      if (g.includes('other')) a.c4_governance_other = "Consulta comunale per l'immigrazione";
      if (p.plm)
        a.c4a_plm_data = `${rng.int(2022, 2023)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    }
    if (what.includes('progetti')) {
      const n = weightedPick(rng, [
        [1, 0.5],
        [2, 0.3],
        [3, 0.15],
        [4, 0.05],
      ] as const);
      a.c5_n_progetti = n;
      a.progetti = Array.from({ length: n }, () => {
        const start = rng.int(2021, 2023);
        const project: Record<string, unknown> = {
          prj_titolo: rng.pick(PROJECT_TITLES),
          prj_asse: weightedPick(rng, [
            ['prevenzione', 0.4],
            ['vigilanza', 0.1],
            ['protezione', 0.3],
            ['reintegrazione', 0.2],
          ] as const),
          prj_fonte: weightedPick(rng, [
            ['pon_inclusione', 0.3],
            ['fami', 0.25],
            ['pnrr', 0.15],
            ['regione', 0.15],
            ['bilancio_comunale', 0.1],
            ['privati', 0.05],
          ] as const),
          prj_periodo: {
            from: `${start}-${String(rng.int(1, 12)).padStart(2, '0')}`,
            to: `${start + rng.int(1, 3)}-${String(rng.int(1, 12)).padStart(2, '0')}`,
          },
        };
        if (rng.chance(0.85)) project.prj_importo = rng.int(20, 1500) * 1000;
        if (rng.chance(0.7)) project.prj_persone = figure(rng, rng.int(15, 400));
        return project;
      });
    }
  } else {
    const why = several(rng, [
      ['fenomeno_assente', p.risk ? 0.2 : 0.7],
      ['risorse', 0.45],
      ['personale', 0.4],
      ['competenza', 0.3],
      ['other', 0.03],
    ]);
    a.c6_motivi = why.join(' ');
    if (why.includes('other')) a.c6_motivi_other = 'Interventi gestiti a livello di ambito sociale';
  }
  const needs = rng.some([
    ['formazione', 0.55],
    ['progettazione', 0.45],
    ['rendicontazione', 0.25],
    ['rete', 0.4],
    ['dati', 0.35],
  ] as const);
  if (needs.length > 0) a.d1_bisogni = needs.join(' ');
  if (rng.chance(0.06)) a.d2_note = 'Il Comune partecipa al tavolo provinciale presso la Prefettura.';
  a.d3_conferma = 'OK';
  return a;
}

/**
 * What a Comune still filling in has saved: its answers to the first questions (section A and
 * sometimes the start of section B), as a `keep` share of the complete set's top-level answers.
 */
export function partialAnswers(full: Answers, keep: number): Answers {
  const keys = Object.keys(full);
  const n = Math.max(3, Math.min(keys.length - 1, Math.round(keys.length * keep)));
  return Object.fromEntries(keys.slice(0, n).map((k) => [k, full[k]]));
}
