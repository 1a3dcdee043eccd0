/**
 * The events' demo (issue 14 item 6): the twenty territorial workshops of InCaS plus, one in each
 * Region, from February 2026 to October 2027 (those over by `today` CONCLUSO, the last one still a
 * draft, the others published), a webinar and the national conference in Rome; organised by the
 * demo's ANCI assistenza tecnica. Titles and programmes are obviously synthetic demo text. Once:
 * nothing when an event exists already. The events made are returned for the other parts' demos
 * (registrations, attendance).
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../../platform/db/db.js';
import type { EventKind, EventStatus } from '../shared/vocabulary.js';
import { insertEvent } from './events.repo.js';
import { slugOf } from './events.rules.js';

export const DEMO_ORGANISER_EMAIL = 'assistenza.anci@demo.incas.local';

export interface DemoEvent {
  id: string;
  slug: string;
  kind: EventKind;
  status: EventStatus;
  title: string;
  regionCode: string | null;
  capacity: number;
  startsAt: Date;
  endsAt: Date;
  certificateHours: number | null;
}

export interface EventsDemoResult {
  created: boolean;
  events: DemoEvent[];
}

// [Region code, capoluogo, theme of the workshop]
const WORKSHOPS: [string, string, string][] = [
  ['18', 'Catanzaro', 'la presa in carico delle vittime di sfruttamento in agricoltura'],
  ['16', 'Bari', 'i piani locali multisettoriali: dall’analisi di contesto alle azioni'],
  ['15', 'Napoli', 'la rete territoriale tra Comuni, Prefetture e Ispettorato del lavoro'],
  ['19', 'Palermo', 'gli insediamenti informali e l’accesso ai servizi'],
  ['12', 'Roma', 'la rendicontazione dei progetti finanziati'],
  ['09', 'Firenze', 'il lavoro stagionale e il trasporto dei lavoratori'],
  ['03', 'Milano', 'la logistica e gli appalti: prevenire lo sfruttamento'],
  ['05', 'Venezia', 'l’orientamento al lavoro e i Centri per l’impiego'],
  ['08', 'Bologna', 'la mediazione culturale nei servizi comunali'],
  ['01', 'Torino', 'l’abitare dignitoso per i lavoratori stagionali'],
  ['17', 'Potenza', 'il monitoraggio delle azioni dei piani locali'],
  ['14', 'Campobasso', 'i Comuni piccoli e la cooperazione intercomunale'],
  ['13', 'L’Aquila', 'la valutazione degli interventi: indicatori e fonti'],
  ['11', 'Ancona', 'il coinvolgimento delle imprese agricole'],
  ['10', 'Perugia', 'l’emersione e la regolarizzazione dei rapporti di lavoro'],
  ['20', 'Cagliari', 'la tutela sanitaria dei lavoratori vulnerabili'],
  ['07', 'Genova', 'il porto, i servizi e il lavoro irregolare'],
  ['06', 'Trieste', 'i corridoi di ingresso e l’accoglienza'],
  ['04', 'Trento', 'le filiere agricole di montagna'],
  ['02', 'Aosta', 'lo scambio di pratiche tra territori: cosa portare a casa'],
];

const PROGRAMME = (city: string) =>
  [
    '09:30 Accoglienza e registrazione dei partecipanti',
    `10:00 Saluti istituzionali (Comune di ${city}, ANCI) — testo dimostrativo`,
    '10:30 Il quadro del Piano triennale e del programma InCaS plus',
    '11:30 Lavori di gruppo per casi di studio (dati di esempio)',
    '13:00 Pausa',
    '14:00 Restituzione dei gruppi e domande',
    '15:30 Chiusura dei lavori',
  ].join('\n');

/** Ten in the morning in Rome on that day, as an instant (Rome is UTC+1 in winter, +2 in summer). */
function romeMorning(day: string, hour = 10): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const romeHour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', hour12: false }).format(guess),
  );
  return new Date(guess.getTime() - (romeHour - hour) * 3_600_000);
}

/** The events of the demo, as they would be on `today`. */
export function demoEvents(today: Date): (Omit<DemoEvent, 'id' | 'slug'> & {
  summary: string;
  programme: string;
  audience: string;
  place: string | null;
  onlineUrl: string | null;
})[] {
  const statusOf = (end: Date, draft = false): EventStatus =>
    draft ? 'BOZZA' : end <= today ? 'CONCLUSO' : 'PUBBLICATO';
  const workshops = WORKSHOPS.map(([region, city, theme], i) => {
    // one a month from February 2026, then the second half of each month from 2027
    const month = 2 + i; // 2 … 21
    const year = 2026 + Math.floor((month - 1) / 12);
    const m = ((month - 1) % 12) + 1;
    const day = `${year}-${String(m).padStart(2, '0')}-${i % 2 === 0 ? '12' : '21'}`;
    const startsAt = romeMorning(day, 9);
    const endsAt = new Date(startsAt.getTime() + 6.5 * 3_600_000);
    return {
      kind: 'WORKSHOP_TERRITORIALE' as const,
      status: statusOf(endsAt, i === WORKSHOPS.length - 1),
      title: `Workshop territoriale di ${city}: ${theme}`,
      summary: `Una giornata di lavoro tra Comuni, Regione e servizi del territorio su ${theme}. Evento dimostrativo: i contenuti sono testo di esempio.`,
      programme: PROGRAMME(city),
      audience: 'Referenti comunali, operatori dei servizi sociali, enti del terzo settore, Prefetture e Ispettorato',
      place: `Sala conferenze del Comune di ${city} (indirizzo dimostrativo)`,
      onlineUrl: null,
      regionCode: region,
      capacity: i % 3 === 0 ? 30 : 40,
      startsAt,
      endsAt,
      certificateHours: 5,
    };
  });
  const webinarStart = romeMorning('2027-01-20', 15);
  const webinarEnd = new Date(webinarStart.getTime() + 2 * 3_600_000);
  const confStart = romeMorning('2027-11-18', 9);
  const confEnd = new Date(confStart.getTime() + 32 * 3_600_000);
  return [
    ...workshops,
    {
      kind: 'WEBINAR',
      status: statusOf(webinarEnd),
      title: 'Webinar: rendicontare un progetto InCaS plus passo per passo',
      summary:
        'Due ore online sulla rendicontazione delle spese e degli indicatori, con esempi sulla piattaforma. Evento dimostrativo.',
      programme: '15:00 Introduzione\n15:15 Le spese ammissibili; le domande di rimborso\n16:15 Domande e risposte',
      audience: 'Responsabili amministrativi e referenti dei Comuni beneficiari',
      place: null,
      onlineUrl: 'https://webinar.example.org/incas-rendicontazione',
      regionCode: null,
      capacity: 300,
      startsAt: webinarStart,
      endsAt: webinarEnd,
      certificateHours: 2,
    },
    {
      kind: 'CONFERENZA_NAZIONALE',
      status: statusOf(confEnd),
      title: 'Conferenza nazionale InCaS plus: i Comuni contro lo sfruttamento lavorativo',
      summary:
        'Due giornate per restituire i risultati del programma: i piani locali, i progetti, le buone pratiche e le proposte per il futuro. Evento dimostrativo.',
      programme: [
        'Primo giorno',
        '09:30 Apertura dei lavori (Ministero del Lavoro, ANCI) — testo dimostrativo',
        '10:30 I risultati dell’indagine nazionale',
        '14:00 Sessioni parallele: prevenzione, protezione, reintegrazione',
        'Secondo giorno',
        '09:30 Tavola rotonda con i Comuni',
        '12:30 Conclusioni',
      ].join('\n'),
      audience: 'Comuni, Regioni, Ministero, parti sociali, terzo settore, università',
      place: 'Centro congressi di Roma (indirizzo dimostrativo)',
      onlineUrl: 'https://streaming.example.org/incas-conferenza',
      regionCode: '12',
      capacity: 400,
      startsAt: confStart,
      endsAt: confEnd,
      certificateHours: 10,
    },
  ];
}

async function insertDemo(tx: Queryable, organiser: { id: string; org: string }, today: Date): Promise<DemoEvent[]> {
  const out: DemoEvent[] = [];
  const used = new Set<string>();
  for (const e of demoEvents(today)) {
    const id = randomUUID();
    let slug = slugOf(e.title);
    for (let i = 2; used.has(slug); i++) slug = `${slugOf(e.title)}-${i}`;
    used.add(slug);
    // published a month before (a draft: never)
    const publishedAt =
      e.status === 'BOZZA' ? null : new Date(Math.min(e.startsAt.getTime() - 30 * 86_400_000, today.getTime()));
    const createdAt = new Date((publishedAt ?? today).getTime() - 86_400_000);
    await insertEvent(tx, {
      ...e,
      id,
      slug,
      registrationClosesAt: null,
      publishedAt,
      orgId: organiser.org,
      by: organiser.id,
      now: createdAt,
    });
    out.push({
      id,
      slug,
      kind: e.kind,
      status: e.status,
      title: e.title,
      regionCode: e.regionCode,
      capacity: e.capacity,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      certificateHours: e.certificateHours,
    });
  }
  return out;
}

/** The events' demo, once (nothing when an event exists or the demo's organiser is missing). */
export async function seedEventsDemoAll(db: Database, today: Date): Promise<EventsDemoResult> {
  return db.ownerTx(async (tx): Promise<EventsDemoResult> => {
    if ((await tx.query('SELECT 1 FROM evt_events LIMIT 1')).length > 0) return { created: false, events: [] };
    const [organiser] = await tx.query<{ id: string; org: string }>(
      'SELECT id, organisation_id AS org FROM users WHERE email = $1',
      [DEMO_ORGANISER_EMAIL],
    );
    if (!organiser) return { created: false, events: [] };
    return { created: true, events: await insertDemo(tx, organiser, today) };
  });
}
