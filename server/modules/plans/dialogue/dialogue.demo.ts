/**
 * The dialogue's demo (issue 13 item 5): threads between the Regions of Calabria, Lazio and
 * Piemonte and their Comuni (Corigliano-Rossano and Gioia Tauro, Saluzzo and Alba, the Lazio pilot
 * Comune), with two to six messages each, mentions, due dates (a few past), some closed; the
 * regional ANCI branch joins one. Anchored to the Comune's plan or one of its actions when the
 * plans part wrote one, otherwise to a topic. The e-mail notices of these messages are marked sent
 * (the demo sends no mail). Written in the transaction of ../plans.demo.ts. Every text is invented.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import { insertMany, type BulkRow } from '../../../platform/db/insert-many.js';
import type { PlanDemoComune, PlansDemoContext, PlansPartDemo } from '../shared/demo-context.js';

/** Who writes: the Region, the Comune's referente, the regional ANCI branch, ANCI nationally. */
type Who = 'R' | 'C' | 'A' | 'N';

interface DemoThread {
  comune: string;
  subject: string;
  anchor: 'PIANO' | 'AZIONE' | 'TEMA';
  topic: string;
  /** days from today (negative: past; with an open thread, overdue); null: none */
  due: number | null;
  closed: boolean;
  /** days ago of the first message */
  startedDaysAgo: number;
  messages: { by: Who; text: string; mention?: Who }[];
}

const threads: DemoThread[] = [
  {
    comune: 'corigliano-rossano',
    subject: 'Stato di attuazione del piano (esempio)',
    anchor: 'PIANO',
    topic: 'Attuazione del piano',
    due: 10,
    closed: false,
    startedDaysAgo: 12,
    messages: [
      {
        by: 'R',
        text: 'Buongiorno, per la relazione regionale ci servirebbe un punto sulle azioni avviate nel semestre.',
        mention: 'C',
      },
      { by: 'C', text: 'Buongiorno, stiamo raccogliendo i dati dai capofila: entro fine mese inviamo il riepilogo.' },
      { by: 'A', text: 'Come ANCI Calabria possiamo affiancarvi nella compilazione degli indicatori, se utile.' },
      { by: 'C', text: 'Grazie, ci organizziamo per un incontro breve la prossima settimana.', mention: 'A' },
    ],
  },
  {
    comune: 'corigliano-rossano',
    subject: 'Trasporto dei lavoratori stagionali (esempio)',
    anchor: 'AZIONE',
    topic: 'Trasporto verso i campi',
    due: -4,
    closed: false,
    startedDaysAgo: 20,
    messages: [
      {
        by: 'R',
        text: 'La Regione sta valutando un avviso per il trasporto dedicato: potete indicare le tratte più usate?',
      },
      { by: 'C', text: 'Le tratte principali sono verso le aziende della piana; inviamo la mappa appena pronta.' },
      { by: 'R', text: 'Ci serve entro la scadenza per chiudere la ricognizione.', mention: 'C' },
    ],
  },
  {
    comune: 'corigliano-rossano',
    subject: 'Calendario del tavolo territoriale (esempio)',
    anchor: 'TEMA',
    topic: 'Tavolo territoriale',
    due: null,
    closed: true,
    startedDaysAgo: 45,
    messages: [
      { by: 'C', text: 'Proponiamo di riunire il tavolo territoriale a fine mese, in presenza.' },
      { by: 'R', text: 'Va bene per noi: partecipa la funzionaria del settore lavoro.' },
    ],
  },
  {
    comune: 'gioia-tauro',
    subject: 'Bozza del piano: osservazioni regionali (esempio)',
    anchor: 'PIANO',
    topic: 'Bozza del piano',
    due: 7,
    closed: false,
    startedDaysAgo: 9,
    messages: [
      {
        by: 'R',
        text: "Abbiamo letto la bozza: suggeriamo di rafforzare l'asse della reintegrazione socio-lavorativa.",
      },
      { by: 'C', text: 'Concordiamo, stiamo aggiungendo un’azione con i centri per l’impiego.' },
      { by: 'N', text: 'Possiamo condividere esempi di azioni simili di altri Comuni della prima fase.', mention: 'C' },
    ],
  },
  {
    comune: 'gioia-tauro',
    subject: 'Accoglienza abitativa temporanea (esempio)',
    anchor: 'TEMA',
    topic: 'Accoglienza abitativa',
    due: -2,
    closed: false,
    startedDaysAgo: 15,
    messages: [
      { by: 'C', text: 'Chiediamo se ci sono fondi regionali per posti letto temporanei durante la raccolta.' },
      { by: 'R', text: 'Verifichiamo con l’assessorato e rispondiamo entro la scadenza.' },
    ],
  },
  {
    comune: 'saluzzo',
    subject: 'Monitoraggio degli indicatori (esempio)',
    anchor: 'PIANO',
    topic: 'Monitoraggio',
    due: 14,
    closed: false,
    startedDaysAgo: 6,
    messages: [
      { by: 'R', text: 'Per il monitoraggio annuale chiediamo i valori degli indicatori al 30 giugno.', mention: 'C' },
      { by: 'C', text: 'Li stiamo consolidando con i partner del tavolo: contiamo di inviarli a breve.' },
      { by: 'R', text: 'Perfetto, grazie.' },
    ],
  },
  {
    comune: 'saluzzo',
    subject: 'Sportello informativo per i braccianti (esempio)',
    anchor: 'AZIONE',
    topic: 'Sportello informativo',
    due: null,
    closed: true,
    startedDaysAgo: 60,
    messages: [
      { by: 'C', text: 'Lo sportello è attivo due giorni a settimana presso la sede del Comune.' },
      { by: 'R', text: 'Ottimo: lo segnaliamo nella newsletter regionale.' },
      { by: 'C', text: 'Grazie, chiudiamo pure la conversazione.' },
    ],
  },
  {
    comune: 'saluzzo',
    subject: 'Formazione degli operatori (esempio)',
    anchor: 'TEMA',
    topic: 'Formazione',
    due: -6,
    closed: false,
    startedDaysAgo: 25,
    messages: [
      { by: 'R', text: 'Organizziamo una formazione per gli operatori dei servizi sociali: quante persone iscrivete?' },
      { by: 'C', text: 'Probabilmente quattro: confermiamo i nomi appena possibile.' },
      { by: 'R', text: 'Ci servirebbe la conferma per chiudere le iscrizioni.', mention: 'C' },
      { by: 'N', text: 'Se utile, il materiale della formazione nazionale è a disposizione.' },
    ],
  },
  {
    comune: 'alba',
    subject: 'Presentazione del piano al workshop finale (esempio)',
    anchor: 'PIANO',
    topic: 'Workshop finale',
    due: 20,
    closed: false,
    startedDaysAgo: 4,
    messages: [
      { by: 'R', text: 'Vi proponiamo uno spazio di quindici minuti al workshop regionale per presentare la bozza.' },
      { by: 'C', text: 'Volentieri: presenterà l’assessora con il referente del piano.' },
    ],
  },
  {
    comune: 'alba',
    subject: 'Collaborazione con l’ispettorato del lavoro (esempio)',
    anchor: 'TEMA',
    topic: 'Vigilanza',
    due: null,
    closed: false,
    startedDaysAgo: 18,
    messages: [
      {
        by: 'C',
        text: 'Vorremmo formalizzare un protocollo con l’ispettorato territoriale: la Regione può facilitare?',
      },
      { by: 'R', text: 'Sì, scriviamo noi all’ispettorato e vi teniamo aggiornati.' },
      { by: 'R', text: 'L’ispettorato ha dato disponibilità per un incontro il mese prossimo.', mention: 'C' },
      { by: 'C', text: 'Benissimo, attendiamo la data.' },
      { by: 'N', text: 'Segnaliamo il modello di protocollo usato da un altro Comune del progetto.' },
      { by: 'C', text: 'Grazie, lo adattiamo.' },
    ],
  },
  {
    comune: 'lazio',
    subject: 'Rete dei servizi per le vittime (esempio)',
    anchor: 'TEMA',
    topic: 'Rete dei servizi',
    due: 5,
    closed: false,
    startedDaysAgo: 8,
    messages: [
      {
        by: 'R',
        text: 'Stiamo aggiornando la mappa regionale dei servizi: potete verificare i vostri riferimenti?',
        mention: 'C',
      },
      { by: 'C', text: 'Verifichiamo con l’ufficio servizi sociali e rispondiamo entro la scadenza.' },
    ],
  },
  {
    comune: 'lazio',
    subject: 'Avvio del piano locale (esempio)',
    anchor: 'PIANO',
    topic: 'Avvio del piano',
    due: -3,
    closed: false,
    startedDaysAgo: 30,
    messages: [
      { by: 'C', text: 'Intendiamo avviare il percorso del piano locale: quali passi suggerite?' },
      { by: 'R', text: 'Suggeriamo di partire dall’analisi di contesto e da un primo tavolo con le associazioni.' },
      { by: 'N', text: 'Possiamo fornire la traccia usata dai Comuni della prima fase.', mention: 'C' },
    ],
  },
];

const addDays = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDialogueDemo(
  tx: Queryable,
  context: PlansDemoContext,
  plans: PlansPartDemo,
): Promise<{ counts: Record<string, number> }> {
  const comuneOf = (slug: string): PlanDemoComune | null =>
    slug === 'lazio' ? context.lazioComune : (context.comuni.find((c) => c.slug === slug) ?? null);
  const rows: Record<'threads' | 'messages' | 'mentions' | 'notices', BulkRow[]> = {
    threads: [],
    messages: [],
    mentions: [],
    notices: [],
  };
  for (const d of threads) {
    const comune = comuneOf(d.comune);
    const region = context.regions.find((r) => r.code === comune?.region);
    if (!comune || !region) continue;
    const anciBranch = comune.region === '18' ? context.anciCalabriaId : null;
    const userOf = (w: Who): string | null =>
      w === 'R' ? region.userId : w === 'C' ? comune.referenteId : w === 'A' ? anciBranch : context.anciId;
    const plan = plans.plans.find((p) => p.comuneIstat === comune.istat);
    const action = plan?.actions[0];
    const anchor =
      d.anchor === 'PIANO' && plan
        ? { anchor_kind: 'PIANO', plan_id: plan.id, action_id: null, topic: null }
        : d.anchor === 'AZIONE' && action
          ? { anchor_kind: 'AZIONE', plan_id: null, action_id: action.id, topic: null }
          : { anchor_kind: 'TEMA', plan_id: null, action_id: null, topic: d.topic };
    const messages = d.messages.filter((m) => userOf(m.by) !== null);
    if (messages.length === 0) continue;
    const threadId = randomUUID();
    const start = context.now.getTime() - d.startedDaysAgo * 86_400_000;
    const at = (i: number) =>
      new Date(start + i * Math.max(1, Math.floor(d.startedDaysAgo / messages.length)) * 3_600_000 * 20);
    const last = at(messages.length - 1);
    rows.threads.push({
      id: threadId,
      comune_istat: comune.istat,
      region_code: comune.region,
      subject: d.subject,
      ...anchor,
      project_id: null,
      due_date: d.due === null ? null : addDays(context.today, d.due),
      status: d.closed ? 'CHIUSA' : 'APERTA',
      created_by: userOf(messages[0]!.by),
      created_at: at(0).toISOString(),
      updated_at: last.toISOString(),
      closed_at: d.closed ? new Date(last.getTime() + 3_600_000).toISOString() : null,
      row_version: d.closed ? 2 : 1,
    });
    const writers = new Set<string>();
    for (const [i, m] of messages.entries()) {
      const id = randomUUID();
      const author = userOf(m.by)!;
      const mentioned = m.mention ? userOf(m.mention) : null;
      const place = { thread_id: threadId, comune_istat: comune.istat, region_code: comune.region };
      rows.messages.push({ id, ...place, body: m.text, author_id: author, created_at: at(i).toISOString() });
      writers.add(author);
      if (mentioned) {
        rows.mentions.push({ message_id: id, ...place, user_id: mentioned });
        writers.add(mentioned);
      }
      // the Comune's referente and the Region always; ANCI once it joined; all marked sent
      const told = new Set([comune.referenteId, region.userId, ...writers]);
      told.delete(author);
      for (const user of told)
        rows.notices.push({
          message_id: id,
          ...place,
          user_id: user,
          reason: user === mentioned ? 'MENZIONE' : 'PARTECIPANTE',
          sent_at: at(i).toISOString(),
        });
    }
  }
  await insertMany(tx, 'plm_threads', rows.threads);
  await insertMany(tx, 'plm_thread_messages', rows.messages);
  await insertMany(tx, 'plm_thread_mentions', rows.mentions);
  await insertMany(tx, 'plm_thread_notifications', rows.notices);
  return {
    counts: { planThreads: rows.threads.length, planThreadMessages: rows.messages.length },
  };
}
