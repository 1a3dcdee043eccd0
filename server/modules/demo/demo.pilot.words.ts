/**
 * The fixed word lists of the synthetic 18-ter pilot data: invented names, the mix of sectors and
 * nationalities of each pilot Comune, providers, objectives and critical issues. Every name is an
 * invented Italian word, so nobody can mistake a demo person for a real one.
 */
import type { ContractType, MeasureType, Sector } from '../pilot/index.js';
import type { Weighted } from '../../platform/random.js';

/** Invented surnames ("example", "fiction", "mock-up"…): never a real family name. */
export const demoSurnames = [
  'Esempiani',
  'Provetti',
  'Finzioni',
  'Demodi',
  'Fittizi',
  'Inventati',
  'Simulati',
  'Campionari',
  'Prototipi',
  'Modellini',
  'Bozzetti',
  'Abbozzi',
  'Posticci',
  'Ipotetici',
  'Immaginari',
  'Fantasini',
  'Surrogati',
  'Segnaposti',
  'Facsimili',
  'Fintini',
] as const;

/** Invented given names. */
export const demoGivenNames = [
  'Demo Uno',
  'Demo Due',
  'Demo Tre',
  'Demo Quattro',
  'Demo Cinque',
  'Prova',
  'Esempio',
  'Campione',
  'Modello',
  'Ipotesi',
  'Figura',
  'Bozza',
  'Saggio',
  'Tentativo',
  'Fittizio',
  'Prova Bis',
  'Esempio Bis',
  'Segnaposto',
] as const;

export interface ComuneProfile {
  /** Base number of art. 18-ter holders (the seed adds a small jitter, staying within 15–60). */
  holders: number;
  sectors: Weighted<Sector>;
  nationalities: Weighted<string>;
}

/** Per Comune (ISTAT code): agriculture in Latina, Catania, Cuneo; logistics in Milano and Genova; textiles in Prato. */
export const comuneProfiles: Record<string, ComuneProfile> = {
  '087015': {
    // Catania
    holders: 50,
    sectors: [
      ['agricoltura', 55],
      ['edilizia', 10],
      ['ristorazione', 10],
      ['lavoro_domestico_cura', 10],
      ['commercio', 5],
      ['logistica', 5],
      ['altro', 5],
    ],
    nationalities: [
      ['TN', 20],
      ['MA', 15],
      ['NG', 15],
      ['GM', 10],
      ['SN', 10],
      ['ML', 10],
      ['BD', 10],
      ['EG', 5],
      ['GH', 5],
    ],
  },
  '004078': {
    // Cuneo
    holders: 34,
    sectors: [
      ['agricoltura', 65],
      ['logistica', 10],
      ['manifattura', 10],
      ['edilizia', 5],
      ['ristorazione', 5],
      ['altro', 5],
    ],
    nationalities: [
      ['ML', 20],
      ['SN', 20],
      ['GM', 15],
      ['GH', 15],
      ['MA', 15],
      ['AL', 10],
      ['NG', 5],
    ],
  },
  '010025': {
    // Genova
    holders: 24,
    sectors: [
      ['logistica', 30],
      ['ristorazione', 20],
      ['edilizia', 15],
      ['pulizie', 15],
      ['lavoro_domestico_cura', 15],
      ['altro', 5],
    ],
    nationalities: [
      ['AL', 15],
      ['MA', 15],
      ['SN', 15],
      ['EC', 15],
      ['NG', 10],
      ['BD', 10],
      ['PK', 10],
      ['UA', 10],
    ],
  },
  '059011': {
    // Latina: the Punjabi community of the Agro Pontino
    holders: 57,
    sectors: [
      ['agricoltura', 70],
      ['manifattura', 8],
      ['edilizia', 7],
      ['ristorazione', 5],
      ['lavoro_domestico_cura', 5],
      ['altro', 5],
    ],
    nationalities: [
      ['IN', 60],
      ['BD', 10],
      ['PK', 8],
      ['MA', 7],
      ['NG', 5],
      ['TN', 5],
      ['SN', 5],
    ],
  },
  '015146': {
    // Milano
    holders: 46,
    sectors: [
      ['logistica', 35],
      ['ristorazione', 20],
      ['edilizia', 15],
      ['pulizie', 10],
      ['lavoro_domestico_cura', 10],
      ['commercio', 10],
    ],
    nationalities: [
      ['EG', 20],
      ['BD', 15],
      ['MA', 15],
      ['PK', 10],
      ['UA', 10],
      ['SN', 10],
      ['NG', 10],
      ['CN', 10],
    ],
  },
  '054039': {
    // Perugia
    holders: 18,
    sectors: [
      ['agricoltura', 25],
      ['edilizia', 20],
      ['ristorazione', 20],
      ['lavoro_domestico_cura', 20],
      ['turismo', 10],
      ['altro', 5],
    ],
    nationalities: [
      ['AL', 20],
      ['MA', 20],
      ['NG', 15],
      ['UA', 15],
      ['IN', 10],
      ['PK', 10],
      ['SN', 10],
    ],
  },
  '068028': {
    // Pescara
    holders: 16,
    sectors: [
      ['agricoltura', 25],
      ['ristorazione', 25],
      ['edilizia', 20],
      ['commercio', 15],
      ['pulizie', 15],
    ],
    nationalities: [
      ['MA', 20],
      ['AL', 15],
      ['NG', 15],
      ['PK', 15],
      ['UA', 15],
      ['BD', 10],
      ['SN', 10],
    ],
  },
  '100005': {
    // Prato: textiles
    holders: 44,
    sectors: [
      ['manifattura', 65],
      ['logistica', 15],
      ['commercio', 10],
      ['pulizie', 5],
      ['altro', 5],
    ],
    nationalities: [
      ['CN', 45],
      ['PK', 25],
      ['BD', 15],
      ['NG', 5],
      ['SN', 5],
      ['AL', 5],
    ],
  },
  '039014': {
    // Ravenna
    holders: 27,
    sectors: [
      ['agricoltura', 35],
      ['manifattura', 20],
      ['logistica', 15],
      ['turismo', 15],
      ['ristorazione', 10],
      ['altro', 5],
    ],
    nationalities: [
      ['SN', 20],
      ['MA', 15],
      ['NG', 15],
      ['PK', 15],
      ['BD', 15],
      ['AL', 10],
      ['UA', 10],
    ],
  },
  '026086': {
    // Treviso
    holders: 30,
    sectors: [
      ['manifattura', 35],
      ['agricoltura', 25],
      ['edilizia', 15],
      ['logistica', 15],
      ['lavoro_domestico_cura', 10],
    ],
    nationalities: [
      ['BD', 20],
      ['MA', 20],
      ['SN', 15],
      ['AL', 10],
      ['IN', 10],
      ['CN', 10],
      ['NG', 10],
      ['UA', 5],
    ],
  },
};

/** Languages spoken, by nationality (ISO 639-1), the first being the mother tongue. */
export const languagesOf: Record<string, readonly string[]> = {
  IN: ['pa', 'hi', 'en'],
  PK: ['ur', 'pa', 'en'],
  BD: ['bn', 'en'],
  MA: ['ar', 'fr'],
  TN: ['ar', 'fr'],
  EG: ['ar', 'en'],
  SN: ['wo', 'fr'],
  GM: ['wo', 'en'],
  ML: ['bm', 'fr'],
  NG: ['en', 'yo'],
  GH: ['tw', 'en'],
  AL: ['sq', 'it'],
  CN: ['zh'],
  UA: ['uk', 'ru'],
  EC: ['es'],
};

/** Languages in which the PAI notice exists (the communities of the pilot). */
export const noticeLanguages = ['pa', 'ur', 'bn', 'ar', 'en', 'fr', 'wo'] as const;

/** Belfiore-style codes of foreign states, for the shape of a synthetic codice fiscale. */
export const foreignStateCodes: Record<string, string> = {
  IN: 'Z222',
  PK: 'Z236',
  BD: 'Z249',
  MA: 'Z330',
  TN: 'Z352',
  EG: 'Z336',
  SN: 'Z343',
  GM: 'Z317',
  ML: 'Z325',
  NG: 'Z335',
  GH: 'Z318',
  AL: 'Z100',
  CN: 'Z210',
  UA: 'Z138',
  EC: 'Z605',
};

/** Per sector: employment details (ATECO 2007 code, CCNL), skills and a job title for the work history. */
export const sectorWork: Record<
  Sector,
  { ateco: readonly string[]; ccnl: string; skills: readonly string[]; role: string }
> = {
  agricoltura: {
    ateco: ['01.13', '01.21', '01.24', '01.19'],
    ccnl: 'CCNL Operai agricoli e florovivaisti',
    skills: ['Raccolta di ortaggi e frutta', 'Potatura', 'Guida di trattori agricoli', 'Lavoro in serra e irrigazione'],
    role: 'Bracciante agricolo',
  },
  logistica: {
    ateco: ['49.41', '52.29', '52.10'],
    ccnl: 'CCNL Logistica, trasporto merci e spedizione',
    skills: ['Carico e scarico merci', 'Uso del transpallet', 'Gestione del magazzino', 'Patente di guida B'],
    role: 'Magazziniere',
  },
  manifattura: {
    ateco: ['14.13', '13.92', '10.11', '25.11'],
    ccnl: 'CCNL Tessile, abbigliamento e moda',
    skills: ['Cucito con macchine industriali', 'Taglio dei tessuti', 'Stiro e confezione', 'Controllo qualità'],
    role: 'Operaio di produzione',
  },
  edilizia: {
    ateco: ['41.20', '43.31', '43.99'],
    ccnl: 'CCNL Edilizia industria',
    skills: ['Muratura', 'Carpenteria', 'Tinteggiatura', 'Montaggio di ponteggi'],
    role: 'Manovale edile',
  },
  ristorazione: {
    ateco: ['56.10', '56.30'],
    ccnl: 'CCNL Turismo – Pubblici esercizi',
    skills: ['Aiuto cucina', 'Lavaggio stoviglie', 'Servizio in sala', 'Preparazione pizze'],
    role: 'Aiuto cuoco',
  },
  turismo: {
    ateco: ['55.10', '55.20'],
    ccnl: 'CCNL Turismo – Pubblici esercizi',
    skills: ['Riassetto camere', 'Accoglienza clienti', 'Lavanderia'],
    role: 'Addetto ai piani',
  },
  lavoro_domestico_cura: {
    ateco: ['97.00', '88.10'],
    ccnl: 'CCNL Lavoro domestico',
    skills: ['Assistenza alla persona', 'Pulizie domestiche', 'Cucina casalinga'],
    role: 'Assistente familiare',
  },
  commercio: {
    ateco: ['47.11', '46.31'],
    ccnl: 'CCNL Terziario, distribuzione e servizi',
    skills: ['Vendita al banco', 'Rifornimento scaffali', 'Uso della cassa'],
    role: 'Addetto alle vendite',
  },
  pulizie: {
    ateco: ['81.21', '81.22'],
    ccnl: 'CCNL Multiservizi',
    skills: ['Pulizie industriali', 'Uso di macchinari per la pulizia'],
    role: 'Addetto alle pulizie',
  },
  altro: {
    ateco: ['82.92', '96.09'],
    ccnl: 'CCNL Terziario, distribuzione e servizi',
    skills: ['Lavoro di squadra', 'Confezionamento'],
    role: 'Operaio generico',
  },
};

export const contractMix: Record<'agricoltura' | 'other', Weighted<ContractType>> = {
  agricoltura: [
    ['stagionale', 45],
    ['tempo_determinato', 40],
    ['tempo_indeterminato', 15],
  ],
  other: [
    ['tempo_determinato', 45],
    ['tempo_indeterminato', 25],
    ['apprendistato', 10],
    ['somministrazione', 20],
  ],
};

/** Per measure type: planned hours, duration in days and the cost before scaling to the Comune's budget (€). */
export const measureProfiles: Record<
  MeasureType,
  { hours: [number, number]; days: [number, number]; cost: [number, number] }
> = {
  orientamento: { hours: [4, 20], days: [7, 30], cost: [200, 500] },
  bilancio_competenze: { hours: [6, 16], days: [7, 21], cost: [250, 600] },
  formazione: { hours: [40, 160], days: [30, 120], cost: [800, 2500] },
  riqualificazione: { hours: [40, 120], days: [30, 100], cost: [800, 2200] },
  corso_italiano: { hours: [60, 200], days: [90, 180], cost: [250, 900] },
  tirocinio: { hours: [160, 480], days: [90, 180], cost: [900, 2400] },
  accompagnamento_lavoro: { hours: [10, 40], days: [60, 150], cost: [300, 1200] },
  supporto_abitativo: { hours: [0, 10], days: [90, 180], cost: [600, 3000] },
  trasporto: { hours: [0, 0], days: [60, 150], cost: [200, 600] },
  mediazione: { hours: [10, 40], days: [60, 180], cost: [200, 800] },
  legale: { hours: [4, 20], days: [30, 90], cost: [200, 900] },
  sanitario: { hours: [2, 10], days: [14, 60], cost: [200, 600] },
  cura_figli: { hours: [0, 0], days: [90, 180], cost: [500, 2000] },
  sostegno_economico: { hours: [0, 0], days: [30, 90], cost: [300, 1500] },
  altro_complementare: { hours: [2, 10], days: [14, 60], cost: [200, 600] },
};

/** What a completed measure achieved (no personal detail). */
export const measureOutcomes: Partial<Record<MeasureType, string>> = {
  corso_italiano: 'Livello A2 raggiunto (test finale)',
  formazione: 'Attestato di frequenza con profitto',
  riqualificazione: 'Qualifica professionale conseguita',
  tirocinio: 'Tirocinio concluso con valutazione positiva',
  orientamento: 'Progetto professionale definito',
  bilancio_competenze: 'Competenze documentate nel libretto formativo',
  accompagnamento_lavoro: 'Colloqui di lavoro sostenuti',
};

export const objectivePool = [
  'Raggiungere il livello A2 di italiano (QCER)',
  "Raggiungere il livello B1 di italiano per l'accesso a un lavoro qualificato",
  'Ottenere un contratto di lavoro regolare',
  'Completare un percorso di formazione professionale certificato',
  'Svolgere un tirocinio extracurricolare in azienda',
  'Trovare una soluzione abitativa autonoma e dignitosa',
  "Iscriversi al Centro per l'impiego e al Servizio sanitario nazionale",
  'Conseguire la patente di guida italiana',
  'Avviare il riconoscimento del titolo di studio',
  'Convertire il permesso di soggiorno in permesso per lavoro subordinato',
  'Aprire un conto corrente e gestire in autonomia le spese',
  "Inserire i figli a scuola e nei servizi per l'infanzia",
] as const;

export interface IssueTemplate {
  category: 'presa_in_carico' | 'permessi' | 'misure' | 'rete_territoriale' | 'finanziaria' | 'dati' | 'altro';
  title: string;
  description: string;
  action: string;
  owner: string;
  resolution: string;
}

/** Critical issues about a Comune's process: never about a person. */
export const issueTemplates: readonly IssueTemplate[] = [
  {
    category: 'permessi',
    title: 'Tempi lunghi per il rilascio della ricevuta in Questura',
    description:
      "Tra la proposta dell'autorità giudiziaria e il rilascio della ricevuta passano in media più di 30 giorni: nel frattempo le persone non possono essere ammesse alle misure.",
    action: 'Tavolo con la Questura per un canale dedicato alle pratiche art. 18-ter.',
    owner: 'Referente comunale',
    resolution: 'Canale dedicato attivato: tempi medi scesi sotto i 15 giorni.',
  },
  {
    category: 'permessi',
    title: 'Rinnovi dei permessi non programmati',
    description: 'Diversi permessi scadono nei prossimi 60 giorni senza che la richiesta di rinnovo sia stata avviata.',
    action: "Calendario condiviso delle scadenze con l'ente gestore e promemoria a 90, 60 e 30 giorni.",
    owner: 'Ente gestore',
    resolution: 'Scadenziario in uso; nessun permesso scaduto senza richiesta di rinnovo.',
  },
  {
    category: 'misure',
    title: 'Posti insufficienti nei corsi di italiano del CPIA',
    description:
      "Le liste d'attesa del CPIA ritardano di alcune settimane l'avvio dei corsi di lingua previsti nei PAI.",
    action: 'Convenzione per classi serali aggiuntive e moduli intensivi.',
    owner: 'Referente comunale',
    resolution: 'Due classi aggiuntive attivate dal CPIA.',
  },
  {
    category: 'rete_territoriale',
    title: "Appuntamenti al Centro per l'impiego con lunghi tempi di attesa",
    description:
      'I colloqui di orientamento al lavoro sono fissati con settimane di ritardo rispetto alla firma del PAI.',
    action: 'Protocollo operativo con il CPI e un referente dedicato.',
    owner: 'ANCI – Assistenza tecnica',
    resolution: 'Protocollo firmato; colloqui entro 10 giorni.',
  },
  {
    category: 'presa_in_carico',
    title: 'Carenza di mediatori linguistico-culturali per alcune lingue',
    description:
      'Per alcune lingue (punjabi, urdu, bangla, wolof) la mediazione è disponibile solo a chiamata e i colloqui vengono rinviati.',
    action: "Ampliamento dell'elenco dei mediatori tramite l'ente gestore.",
    owner: 'Ente gestore',
    resolution: 'Elenco ampliato con quattro nuovi mediatori.',
  },
  {
    category: 'finanziaria',
    title: 'Ritardo nel trasferimento della quota annuale',
    description:
      "L'anticipo della quota annuale non è ancora stato erogato: l'ente gestore anticipa le spese delle misure.",
    action: 'Sollecito al Ministero e piano di cassa trimestrale.',
    owner: 'Responsabile amministrativo',
    resolution: 'Anticipo erogato.',
  },
  {
    category: 'dati',
    title: 'Schede di segnalazione incomplete',
    description:
      'In molte segnalazioni mancano il canale o il settore e la checklist degli indicatori è compilata solo in parte.',
    action: 'Formazione breve agli operatori e controllo mensile della completezza dei dati.',
    owner: 'ANCI – Assistenza tecnica',
    resolution: 'Completezza delle schede oltre il 95%.',
  },
  {
    category: 'misure',
    title: 'Luoghi di tirocinio non raggiungibili con i mezzi pubblici',
    description:
      'Le aziende che ospitano i tirocini si trovano in aree non servite dal trasporto pubblico negli orari di lavoro.',
    action: 'Servizio di navetta con il terzo settore e rimborso degli abbonamenti.',
    owner: 'Referente comunale',
    resolution: 'Navetta attiva su due linee.',
  },
  {
    category: 'rete_territoriale',
    title: 'Soluzioni abitative temporanee insufficienti',
    description: "Mancano alloggi temporanei per chi esce dall'accoglienza e non ha ancora un reddito stabile.",
    action: "Accordo con l'agenzia sociale per la casa e ricognizione degli alloggi disponibili.",
    owner: 'Referente comunale',
    resolution: 'Sei alloggi messi a disposizione.',
  },
  {
    category: 'altro',
    title: "Turnover degli operatori dell'ente gestore",
    description: 'Il cambio di due operatori in pochi mesi ha rallentato la stesura dei PAI.',
    action: 'Affiancamento dei nuovi operatori e passaggio di consegne documentato.',
    owner: 'Ente gestore',
    resolution: 'Nuovi operatori formati.',
  },
];
