/**
 * The good practices' demo (issue 14 item 6): thirty practices across the Regions, the four axes
 * and the sectors, most published, three in review and two drafts, and the five case studies, all
 * obviously synthetic demo text in Italian. Each practice belongs to a Comune: first the Comuni
 * whose demo plan has actions (the practice then links that plan action and, when it has one, its
 * project), then the largest Comune of other Regions; the Comune's organisation leads it when it
 * exists. Written by the demo's ANCI assistenza tecnica. Once: nothing when a practice exists.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../platform/db/db.js';
import { insertCaseStudy } from './case-studies.repo.js';
import { insertPractice, replaceActors, replaceLinks } from './practices.repo.js';
import { slugOf } from './practices.rules.js';
import type { EvidenceLevel, PracticeSector, PracticeStatus } from './practices.vocabulary.js';

export const DEMO_AUTHOR_EMAIL = 'assistenza.anci@demo.incas.local';

type Axis = 'PREVENZIONE' | 'VIGILANZA_CONTRASTO' | 'PROTEZIONE_ASSISTENZA' | 'REINTEGRAZIONE';

interface Theme {
  title: string;
  axis: Axis;
  priority: number[];
  sector: PracticeSector;
  problem: string;
  intervention: string;
  result: [string, EvidenceLevel];
}

// the themes of the demo's practices: each one repeated in a few territories, text obviously synthetic
const THEMES: Theme[] = [
  {
    title: 'Sportello mobile per il lavoratore stagionale',
    axis: 'PREVENZIONE',
    priority: [1, 2],
    sector: 'AGRICOLTURA',
    problem:
      'Nei mesi della raccolta molti lavoratori stagionali non raggiungono gli uffici comunali: orari e distanze li escludono dai servizi (testo dimostrativo).',
    intervention:
      'Un furgone attrezzato visita le aziende agricole e gli insediamenti la sera, con un operatore sociale e un mediatore culturale; informa sui diritti, sui contratti e sui servizi sanitari.',
    result: [
      'Circa 400 contatti in una stagione, un terzo seguiti da un colloquio in sede (dati di esempio).',
      'MONITORAGGIO',
    ],
  },
  {
    title: 'Trasporto sicuro verso i campi',
    axis: 'PREVENZIONE',
    priority: [3],
    sector: 'AGRICOLTURA',
    problem:
      'Il trasporto dei braccianti è spesso in mano a intermediari illegali, che trattengono parte della paga (testo dimostrativo).',
    intervention:
      'Navette comunali gratuite dagli insediamenti alle aziende aderenti, con orari concordati con le associazioni datoriali e i sindacati.',
    result: ['Le aziende aderenti dichiarano meno assenze; nessun dato di confronto (esempio).', 'ANEDDOTICA'],
  },
  {
    title: 'Accoglienza abitativa temporanea per le vittime',
    axis: 'PROTEZIONE_ASSISTENZA',
    priority: [9],
    sector: 'TRASVERSALE',
    problem:
      'Chi denuncia lo sfruttamento perde spesso anche l’alloggio fornito dal datore di lavoro (testo dimostrativo).',
    intervention:
      'Una rete di appartamenti di transizione gestiti con il terzo settore, con presa in carico sociale e orientamento legale nei primi sei mesi.',
    result: ['Otto persone su dieci hanno un alloggio autonomo dopo un anno (dati di esempio).', 'PRIMA_DOPO'],
  },
  {
    title: 'Tavolo comunale con Ispettorato e Prefettura',
    axis: 'VIGILANZA_CONTRASTO',
    priority: [8],
    sector: 'LOGISTICA',
    problem:
      'Le segnalazioni dei servizi sociali non arrivano a chi può intervenire sui luoghi di lavoro (testo dimostrativo).',
    intervention:
      'Un tavolo mensile tra Comune, Ispettorato del lavoro, Prefettura e ASL con un protocollo per lo scambio delle segnalazioni nel rispetto della riservatezza.',
    result: ['Tempi di risposta alle segnalazioni dimezzati in un anno (esempio).', 'MONITORAGGIO'],
  },
  {
    title: 'Percorsi di inserimento lavorativo con i Centri per l’impiego',
    axis: 'REINTEGRAZIONE',
    priority: [10],
    sector: 'MANIFATTURA',
    problem:
      'Le persone uscite dallo sfruttamento faticano a trovare un lavoro regolare senza rete e competenze certificate (testo dimostrativo).',
    intervention:
      'Tirocini di sei mesi in imprese del territorio, con tutoraggio, corsi di lingua e riconoscimento delle competenze, in accordo con il Centro per l’impiego.',
    result: [
      'Valutazione con gruppo di confronto: più occupati regolari a dodici mesi tra chi ha seguito il percorso (numeri inventati).',
      'VALUTAZIONE_CONTROFATTUALE',
    ],
  },
  {
    title: 'Mediazione culturale nei servizi sociali',
    axis: 'PROTEZIONE_ASSISTENZA',
    priority: [9],
    sector: 'LAVORO_DOMESTICO_CURA',
    problem:
      'Le lavoratrici domestiche straniere si rivolgono ai servizi solo quando la situazione è grave (testo dimostrativo).',
    intervention:
      'Mediatrici presenti due giorni a settimana negli sportelli sociali e nei consultori, con incontri informativi nelle comunità.',
    result: ['Più accessi spontanei agli sportelli rispetto all’anno precedente (esempio).', 'PRIMA_DOPO'],
  },
  {
    title: 'Clausole sociali negli appalti comunali',
    axis: 'PREVENZIONE',
    priority: [4],
    sector: 'EDILIZIA',
    problem: 'Nei subappalti dei cantieri pubblici si annidano rapporti di lavoro irregolari (testo dimostrativo).',
    intervention:
      'Bandi con clausole sociali, controlli a campione sui cantieri e un elenco delle imprese che hanno rispettato gli impegni.',
    result: ['Nessuna irregolarità grave nei controlli dell’ultimo anno (dato di esempio).', 'MONITORAGGIO'],
  },
  {
    title: 'Informazione nelle strutture turistiche',
    axis: 'PREVENZIONE',
    priority: [5, 6],
    sector: 'TURISMO_RISTORAZIONE',
    problem:
      'Nel lavoro stagionale di alberghi e ristoranti gli orari e le paghe reali si allontanano dai contratti (testo dimostrativo).',
    intervention:
      'Materiali in più lingue e incontri con le associazioni di categoria prima della stagione estiva; un numero dedicato per le richieste di aiuto.',
    result: ['Le richieste al numero dedicato sono cresciute nel corso della stagione (esempio).', 'ANEDDOTICA'],
  },
  {
    title: 'Mappatura degli insediamenti informali',
    axis: 'VIGILANZA_CONTRASTO',
    priority: [7, 8],
    sector: 'AGRICOLTURA',
    problem: 'Il Comune non conosce dove vivono e in quante persone i braccianti della zona (testo dimostrativo).',
    intervention:
      'Una ricognizione con le associazioni, ripetuta ogni sei mesi, dei luoghi abitati e dei servizi mancanti (acqua, rifiuti, trasporti).',
    result: ['Una mappa aggiornata condivisa con la Prefettura (esempio).', 'MONITORAGGIO'],
  },
  {
    title: 'Formazione congiunta degli operatori',
    axis: 'PROTEZIONE_ASSISTENZA',
    priority: [9],
    sector: 'COMMERCIO',
    problem:
      'Operatori sociali, sanitari e di polizia locale non riconoscono allo stesso modo gli indicatori di sfruttamento (testo dimostrativo).',
    intervention:
      'Sei giornate di formazione comune sugli indicatori, sul referral e sui percorsi di protezione, con casi di studio inventati.',
    result: ['Gli operatori formati segnalano più casi e con schede più complete (esempio).', 'PRIMA_DOPO'],
  },
];

// Regions of the practices placed outside the Comuni with a demo plan (one Comune each, the largest)
const REGIONS = [
  '16',
  '18',
  '15',
  '19',
  '12',
  '09',
  '03',
  '05',
  '08',
  '01',
  '17',
  '14',
  '13',
  '11',
  '10',
  '20',
  '07',
  '06',
  '04',
  '02',
];

interface Place {
  istat: string;
  name: string;
  region: string;
  band: string;
  orgId: string | null;
  actionId: string | null;
  projectId: string | null;
}

async function places(tx: Queryable): Promise<Place[]> {
  // Comuni with a demo plan's action first (one action each, with its project when it has one)
  const planned = await tx.query<Place>(
    `SELECT DISTINCT ON (a.comune_istat) a.comune_istat::text AS istat, c.name, c.region_code::text AS region, c.band,
            o.id::text AS "orgId", a.id::text AS "actionId", a.project_id::text AS "projectId"
       FROM plm_actions a JOIN comuni c ON c.istat_code = a.comune_istat
       LEFT JOIN organisations o ON o.type = 'comune' AND o.comune_istat = a.comune_istat
      ORDER BY a.comune_istat, a.project_id NULLS LAST, a.code`,
  );
  const largest = await tx.query<Place>(
    `SELECT DISTINCT ON (c.region_code) c.istat_code::text AS istat, c.name, c.region_code::text AS region, c.band,
            o.id::text AS "orgId", NULL AS "actionId", NULL AS "projectId"
       FROM comuni c LEFT JOIN organisations o ON o.type = 'comune' AND o.comune_istat = c.istat_code
      WHERE c.region_code = ANY ($1::text[])
      ORDER BY c.region_code, c.population DESC`,
    [REGIONS],
  );
  const seen = new Set(planned.map((p) => p.istat));
  const byRegion = new Map(largest.map((p) => [p.region, p]));
  const rest = REGIONS.map((r) => byRegion.get(r)).filter((p): p is Place => !!p && !seen.has(p.istat));
  return [...planned, ...rest];
}

/** The status of the i-th of 30: 25 published, 3 in review, 2 drafts. */
const statusOf = (i: number): PracticeStatus => (i < 25 ? 'PUBBLICATA' : i < 28 ? 'IN_REVISIONE' : 'BOZZA');

export interface PracticesDemoResult {
  practices: number;
  caseStudies: number;
}

/** The practices' demo, once (nothing when a practice exists or the demo's author is missing). */
export async function seedPracticesDemo(db: Database, today: Date): Promise<PracticesDemoResult> {
  return db.ownerTx(async (tx) => {
    if ((await tx.query('SELECT 1 FROM kn_practices LIMIT 1')).length > 0) return { practices: 0, caseStudies: 0 };
    const [author] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_AUTHOR_EMAIL]);
    if (!author) return { practices: 0, caseStudies: 0 };
    const where = await places(tx);
    if (!where.length) return { practices: 0, caseStudies: 0 };
    const partners = await tx.query<{ id: string }>(
      `SELECT id::text AS id FROM organisations WHERE type IN ('terzo_settore', 'inl', 'sindacato', 'cpi', 'asl')
        ORDER BY type, name LIMIT 6`,
    );
    const made: { id: string; slug: string; title: string; istat: string; status: PracticeStatus }[] = [];
    const used = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const theme = THEMES[i % THEMES.length]!;
      const place = where[i % where.length]!;
      const status = statusOf(i);
      const id = randomUUID();
      const title = `${theme.title} a ${place.name}`;
      let slug = slugOf(title);
      for (let n = 2; used.has(slug); n++) slug = `${slugOf(title)}-${n}`;
      used.add(slug);
      // published over the last two years, a few weeks apart
      const created = new Date(today.getTime() - (760 - i * 24) * 86_400_000);
      const submitted = status === 'BOZZA' ? null : new Date(created.getTime() + 10 * 86_400_000);
      const published = status === 'PUBBLICATA' ? new Date(created.getTime() + 20 * 86_400_000) : null;
      await insertPractice(tx, {
        id,
        slug,
        status,
        comuneIstat: place.istat,
        title,
        summary: `Pratica dimostrativa del Comune di ${place.name}: ${theme.title.toLowerCase()}. Tutti i contenuti sono inventati per la demo.`,
        problem: theme.problem,
        intervention: theme.intervention,
        resources: `Due operatori a tempo parziale e un mediatore; fondi comunali e del programma (importi di esempio).`,
        budgetCents: (40 + ((i * 37) % 160)) * 100_000,
        results: [
          { text: theme.result[0], evidence: theme.result[1] },
          {
            text: 'Le persone coinvolte descrivono il servizio come utile e facile da raggiungere (testimonianze inventate).',
            evidence: 'ANEDDOTICA',
          },
        ],
        transferability:
          'Trasferibile dove esiste una rete tra Comune, terzo settore e servizi per il lavoro; richiede un referente comunale stabile (testo dimostrativo).',
        contactOffice: `Ufficio politiche sociali del Comune di ${place.name} (recapito dimostrativo)`,
        axis: theme.axis,
        priorityActions: theme.priority,
        sector: theme.sector,
        regionCodes: [place.region],
        sizeClass: place.band,
        submittedAt: submitted,
        publishedAt: published,
        by: author.id,
        now: created,
      });
      const owner = { id, comuneIstat: place.istat, status };
      const actors = [
        ...(place.orgId ? [{ orgId: place.orgId, role: 'CAPOFILA' }] : []),
        ...(partners.length ? [{ orgId: partners[i % partners.length]!.id, role: 'PARTNER' }] : []),
      ];
      await replaceActors(tx, owner, actors);
      const links = [{ kind: 'COMUNE', targetId: place.istat, label: place.name }];
      if (place.actionId) {
        const [a] = await tx.query<{ label: string }>(
          `SELECT a.code || ' — ' || a.title || ' (' || c.name || ')' AS label FROM plm_actions a
             JOIN comuni c ON c.istat_code = a.comune_istat WHERE a.id = $1`,
          [place.actionId],
        );
        if (a) links.push({ kind: 'AZIONE_PLM', targetId: place.actionId, label: a.label });
      }
      if (place.projectId) {
        const [p] = await tx.query<{ label: string }>(
          `SELECT pr.title || coalesce(' — CUP ' || pr.cup, '') || ' (' || c.name || ')' AS label FROM projects pr
             JOIN comuni c ON c.istat_code = pr.comune_istat WHERE pr.id = $1`,
          [place.projectId],
        );
        if (p) links.push({ kind: 'PROGETTO', targetId: place.projectId, label: p.label });
      }
      await replaceLinks(tx, owner, links);
      made.push({ id, slug, title, istat: place.istat, status });
    }
    const published = made.filter((p) => p.status === 'PUBBLICATA');
    const cases = CASE_STUDIES.map((c, i) => {
      const cited = [published[i * 2], published[i * 2 + 1]].filter((p): p is (typeof made)[number] => !!p);
      return { ...c, cited };
    });
    for (const [i, c] of cases.entries()) {
      const created = new Date(today.getTime() - (300 - i * 30) * 86_400_000);
      await insertCaseStudy(tx, {
        id: randomUUID(),
        slug: slugOf(c.title, 'caso-studio'),
        status: 'PUBBLICATA',
        title: c.title,
        summary: c.summary,
        sections: c.sections,
        sources: c.sources,
        comuni: [...new Set(c.cited.map((p) => p.istat))],
        practiceIds: c.cited.map((p) => p.id),
        submittedAt: new Date(created.getTime() + 7 * 86_400_000),
        publishedAt: new Date(created.getTime() + 14 * 86_400_000),
        by: author.id,
        now: created,
      });
    }
    return { practices: made.length, caseStudies: cases.length };
  });
}

const SOURCES = [
  { citation: 'Rapporto dimostrativo sul lavoro agricolo, edizione di esempio (documento inventato)', url: null },
  { citation: 'Piano triennale contro lo sfruttamento lavorativo in agricoltura e il caporalato', url: null },
  {
    citation: 'Note di campo del gruppo di lavoro InCaS plus (testo di esempio)',
    url: 'https://example.org/note-di-campo',
  },
];

const CASE_STUDIES: {
  title: string;
  summary: string;
  sections: { heading: string; body: string }[];
  sources: { citation: string; url: string | null }[];
}[] = [
  ['Caso di studio 1: la filiera del pomodoro e i servizi di prossimità', 'la raccolta stagionale del pomodoro'],
  ['Caso di studio 2: la logistica urbana e gli appalti', 'il lavoro nei magazzini della logistica'],
  ['Caso di studio 3: il lavoro domestico e di cura', 'il lavoro domestico e di assistenza familiare'],
  ['Caso di studio 4: l’edilizia e i cantieri pubblici', 'i subappalti nei cantieri pubblici'],
  ['Caso di studio 5: il turismo stagionale sulla costa', 'il lavoro stagionale nel turismo'],
].map(([title, topic]) => ({
  title: title!,
  summary: `Un caso di studio dimostrativo su ${topic!}: il contesto, gli interventi dei Comuni, i risultati e le lezioni apprese. Testo inventato per la demo.`,
  sections: [
    {
      heading: 'Il contesto',
      body: `Questo caso di studio racconta, con testo dimostrativo, ${topic!} in un territorio immaginario.\n\nI dati citati sono inventati e servono solo a mostrare come appare un documento lungo sulla piattaforma.`,
    },
    {
      heading: 'Gli interventi',
      body: 'Il Comune ha messo in campo tre azioni principali:\n- uno sportello di orientamento con mediatori culturali;\n- un tavolo di coordinamento con Ispettorato, Prefettura e sindacati;\n- un percorso di inserimento lavorativo con il Centro per l’impiego.',
    },
    {
      heading: 'I risultati',
      body: 'Nel primo anno le persone raggiunte sono cresciute e i tempi di presa in carico si sono ridotti (numeri di esempio).\n\nLa forza delle prove è moderata: si tratta di dati di monitoraggio, senza un gruppo di confronto.',
    },
    {
      heading: 'Lezioni apprese e trasferibilità',
      body: 'Serve un referente comunale stabile e un accordo scritto tra i servizi. Le pratiche collegate mostrano come altri Comuni hanno adattato lo stesso modello.',
    },
  ],
  sources: SOURCES,
}));
