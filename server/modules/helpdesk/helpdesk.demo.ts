/**
 * The help desk's demo data (issue 14 item 4): about 200 requests of the demo Comuni over the last
 * year, across topics, with their conversations, assignments to the two demo accounts of the help
 * desk, resolutions and ratings, some still open, some late and signalled; and 15 published entries
 * of the knowledge base. Every text is obviously synthetic ("[demo]"), and none speaks of a person.
 * Once: nothing when a request exists already. The same data for the same day (seeded).
 */
import { randomUUID } from 'node:crypto';
import { romeDate } from '../../platform/calendar.js';
import type { Database, Queryable } from '../../platform/db/db.js';
import { insertMany, type BulkRow } from '../../platform/db/insert-many.js';
import { Rng } from '../../platform/random.js';
import { dueDates, missedDueDates } from './requests/requests.rules.js';
import { keywordsText, slugOf } from './answers/answers.rules.js';
import { helpTopics, type HelpTopic, type RequestStatus } from './shared/vocabulary.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A few synthetic questions per topic (subject, body, answer). */
const questions: Record<HelpTopic, readonly [string, string, string][]> = {
  PROGETTAZIONE: [
    [
      'Quadro logico: come formulare gli indicatori di risultato',
      '[demo] Stiamo compilando il quadro logico del progetto e non è chiaro se gli indicatori di risultato vadano espressi come valori assoluti o percentuali. Potete indicarci un esempio?',
      "[demo] Gli indicatori di risultato si esprimono nell'unità del catalogo PN FAMI quando ne esiste uno pertinente; altrimenti come valore assoluto con la baseline e il target per periodo. Un esempio: «persone orientate ai servizi per il lavoro», baseline 0, target 40 al secondo anno.",
    ],
    [
      'Partenariato: un ente del terzo settore può essere capofila?',
      '[demo] Nel bando il capofila deve essere il Comune? Un ente del terzo settore può assumere il ruolo di capofila operativo?',
      "[demo] Il beneficiario capofila resta il Comune (o l'ambito) che presenta il progetto; l'ente del terzo settore partecipa come partner con il proprio budget e le proprie attività, indicati nell'accordo di partenariato.",
    ],
    [
      'Cronoprogramma: attività che si sovrappongono',
      '[demo] Due attività del cronoprogramma si sovrappongono per tre mesi: è un problema per la valutazione della proposta?',
      '[demo] No, le attività possono sovrapporsi; conta che le dipendenze siano coerenti (un output necessario a un’altra attività sia prodotto prima) e che la durata complessiva rientri nel periodo del bando.',
    ],
  ],
  RENDICONTAZIONE: [
    [
      'Spese di personale interno: quali documenti allegare',
      '[demo] Per le spese di personale interno del Comune quali documenti servono nella domanda di rimborso? Basta il prospetto delle ore?',
      "[demo] Servono l'ordine di servizio che assegna la persona al progetto, i timesheet mensili firmati, il prospetto del costo orario e le buste paga quietanzate; il prospetto delle ore da solo non basta.",
    ],
    [
      'IVA: quando è una spesa ammissibile',
      "[demo] L'IVA sulle fatture del progetto può essere rendicontata come spesa ammissibile?",
      "[demo] L'IVA è ammissibile solo quando non è recuperabile dal beneficiario; il Comune lo dichiara nella domanda di rimborso. Se è recuperabile va esclusa dall'importo rendicontato.",
    ],
    [
      'Scostamento tra voci di budget',
      '[demo] Abbiamo speso più del previsto in una voce e meno in un’altra. Possiamo compensare senza chiedere una variante?',
      '[demo] Entro il 10% della voce il bando consente la compensazione senza variante; oltre serve una rimodulazione del budget, approvata prima della spesa.',
    ],
  ],
  MONITORAGGIO: [
    [
      'Monitoraggio trimestrale: scadenza e contenuti',
      '[demo] Entro quando va inviato il monitoraggio trimestrale e quali indicatori vanno aggiornati?',
      '[demo] Il monitoraggio si invia entro 30 giorni dalla fine del trimestre; si aggiornano gli indicatori di output e di risultato con il valore del periodo, lo stato delle attività e le eventuali criticità.',
    ],
    [
      'Indicatori a zero in un trimestre',
      '[demo] In un trimestre non abbiamo svolto attività su un indicatore: va lasciato vuoto o indicato zero?',
      '[demo] Va indicato zero, con una nota che spiega il motivo; un campo vuoto risulta come dato mancante.',
    ],
  ],
  VALUTAZIONE: [
    [
      'Valutazione di impatto: serve un gruppo di controllo?',
      '[demo] Il bando chiede una valutazione degli esiti: dobbiamo costruire un gruppo di controllo?',
      '[demo] Non è richiesto: basta un disegno prima-dopo con gli indicatori del quadro logico e una raccolta qualitativa presso gli operatori; il gruppo di controllo è facoltativo e va concordato con l’assistenza tecnica.',
    ],
    [
      'Questionario di gradimento dei servizi',
      '[demo] Esiste un modello di questionario di gradimento da somministrare ai partecipanti delle attività?',
      '[demo] Sì, nella sezione Indagini della piattaforma è disponibile un modello; va somministrato in forma anonima e i risultati si leggono solo in forma aggregata.',
    ],
  ],
  PLM: [
    [
      'Piano locale multisettoriale: chi lo adotta',
      '[demo] Il piano locale multisettoriale va adottato dalla Giunta o dal Consiglio comunale?',
      "[demo] L'adozione spetta all'organo indicato dal regolamento del Comune, di norma la Giunta; nella piattaforma si registrano l'organo, il numero e la data dell'atto e si allega la delibera.",
    ],
    [
      'Aggiornare un piano già adottato',
      '[demo] Dobbiamo aggiungere un’azione a un piano già adottato: serve una nuova delibera?',
      '[demo] Un aggiornamento sostanziale (nuove azioni, risorse) richiede un nuovo atto; la piattaforma conserva la versione adottata e crea una nuova versione del piano.',
    ],
  ],
  PILOTA_18TER: [
    [
      'Pilota 18-ter: documenti per la presa in carico',
      '[demo] Per la presa in carico nel pilota quali documenti generali deve conservare il Comune (non relativi a una persona)?',
      '[demo] Il Comune conserva la convenzione con l’ente gestore, il modello di PAI adottato e le procedure interne; i documenti delle persone restano nel fascicolo del caso, mai nelle richieste di assistenza.',
    ],
    [
      'Pilota 18-ter: tempi del PAI',
      '[demo] Entro quanti giorni dalla presa in carico va redatto il PAI nel pilota?',
      '[demo] Le linee guida del pilota indicano 30 giorni dalla presa in carico; la piattaforma segnala nella lista di lavoro i PAI in ritardo.',
    ],
  ],
  ALTRO: [
    [
      'Accesso alla piattaforma per un nuovo collega',
      '[demo] Un nuovo collega dell’ufficio deve accedere alla piattaforma: a chi va chiesto l’account?',
      "[demo] L'account si chiede all'amministratore della piattaforma tramite il referente comunale, indicando il ruolo; il collega riceve l'invito e imposta la password e il secondo fattore.",
    ],
    [
      'Esportare i dati in formato aperto',
      '[demo] È possibile esportare i dati del nostro Comune in un formato aperto per il sito istituzionale?',
      '[demo] Sì, le pagine dei risultati e dei progetti offrono l’esportazione in CSV e XLSX; i dati sono aggregati e non contengono dati personali.',
    ],
  ],
};

const followUps = [
  '[demo] Grazie, potete indicarci anche il riferimento normativo?',
  '[demo] Abbiamo verificato internamente: resta un dubbio sulla tempistica.',
  '[demo] Alleghiamo a breve la bozza del documento per una verifica.',
];
const asks = [
  '[demo] Per rispondere ci serve sapere a quale annualità del bando si riferisce la domanda.',
  '[demo] Potete indicarci il codice del progetto e la voce di spesa interessata?',
];
const notes = [
  '[demo] Nota interna: caso simile già trattato, vedere la base di conoscenza.',
  '[demo] Nota interna: sentire il referente della rendicontazione prima di rispondere.',
];
const comments = [
  '[demo] Risposta chiara e veloce.',
  '[demo] Utile, grazie.',
  '[demo] Avremmo voluto un esempio in più.',
];

interface ComuneUser {
  comune_istat: string;
  region_code: string;
  user_id: string;
}

/** Writes the demo requests and entries in the owner's transaction; returns their counts. */
export async function seedHelpdeskDemoRows(tx: Queryable, today: Date): Promise<{ requests: number; answers: number }> {
  if ((await tx.query('SELECT 1 FROM hd_requests LIMIT 1')).length > 0) return { requests: 0, answers: 0 };
  const staff = await tx.query<{ id: string }>(
    `SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.is_demo AND o.type IN ('anci', 'cittalia') AND o.comune_istat IS NULL AND o.region_code IS NULL
        AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = 'assistenza_tecnica')
      ORDER BY u.email`,
  );
  const askers = await tx.query<ComuneUser>(
    `SELECT o.comune_istat, c.region_code, u.id AS user_id FROM users u JOIN organisations o ON o.id = u.organisation_id
       JOIN comuni c ON c.istat_code = o.comune_istat
      WHERE u.is_demo AND o.type IN ('comune', 'ente_gestore')
        AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id
                       AND r.role IN ('operatore', 'referente_comunale', 'responsabile_amministrativo'))
      ORDER BY u.email`,
  );
  if (staff.length === 0 || askers.length === 0) return { requests: 0, answers: 0 };
  const projects = await tx.query<{ id: string; comune_istat: string }>(
    'SELECT id, comune_istat FROM projects ORDER BY id',
  );
  const plans = await tx.query<{ id: string; comune_istat: string }>(
    'SELECT id, comune_istat FROM plm_plans ORDER BY id',
  );
  const rng = new Rng(20261207);
  const now = today.getTime();
  const todayDay = romeDate(today);
  const requests: BulkRow[] = [];
  const messages: BulkRow[] = [];
  const events: BulkRow[] = [];
  const escalations: BulkRow[] = [];
  const resolvedSources: { id: string; topic: HelpTopic; q: [string, string, string] }[] = [];
  const N = 200;
  for (let i = 0; i < N; i++) {
    const asker = rng.pick(askers);
    const topic = rng.weighted<HelpTopic>([
      ['PROGETTAZIONE', 5],
      ['RENDICONTAZIONE', 7],
      ['MONITORAGGIO', 4],
      ['VALUTAZIONE', 2],
      ['PLM', 3],
      ['PILOTA_18TER', 3],
      ['ALTRO', 2],
    ]);
    const q = rng.pick(questions[topic]);
    const priority = rng.chance(0.15) ? 'ALTA' : 'NORMALE';
    // spread over the last year, a little denser in recent months
    const ageDays = Math.floor(365 * Math.pow(rng.float(), 1.3));
    const created = new Date(now - ageDays * DAY - rng.int(1, 8) * HOUR);
    const due = dueDates(romeDate(created), topic, priority);
    const id = randomUUID();
    const assignee = rng.pick(staff).id;
    const ownProject = projects.filter((p) => p.comune_istat === asker.comune_istat);
    const ownPlan = plans.filter((p) => p.comune_istat === asker.comune_istat);
    const about =
      ['PROGETTAZIONE', 'RENDICONTAZIONE', 'MONITORAGGIO'].includes(topic) && ownProject.length && rng.chance(0.6)
        ? { project_id: rng.pick(ownProject).id, plan_id: null }
        : topic === 'PLM' && ownPlan.length && rng.chance(0.7)
          ? { project_id: null, plan_id: rng.pick(ownPlan).id }
          : { project_id: null, plan_id: null };
    // the life of the request, by its age
    const firstAnswerAfter = rng.between(0.1, ageDays > 40 && rng.chance(0.12) ? 5 : 2.2) * DAY;
    const resolveAfter = firstAnswerAfter + rng.between(0.5, rng.chance(0.15) ? 20 : 9) * DAY;
    const at = (ms: number) => new Date(created.getTime() + ms);
    const fits = (ms: number) => created.getTime() + ms < now;
    let status: RequestStatus;
    if (ageDays < 1 && rng.chance(0.6)) status = 'NUOVA';
    else if (!fits(firstAnswerAfter)) status = rng.chance(0.5) ? 'NUOVA' : 'ASSEGNATA';
    else if (!fits(resolveAfter)) status = rng.pick(['IN_LAVORAZIONE', 'IN_ATTESA_COMUNE'] as const);
    else if (ageDays > 20 || rng.chance(0.5)) status = 'CHIUSA';
    else status = 'RISOLTA';
    // a few old ones still open: the late, signalled requests
    if (ageDays > 25 && rng.chance(0.05)) status = rng.pick(['ASSEGNATA', 'IN_LAVORAZIONE'] as const);
    const answered = status !== 'NUOVA' && status !== 'ASSEGNATA';
    const resolved = status === 'RISOLTA' || status === 'CHIUSA';
    const resolvedAt = resolved ? at(resolveAfter) : null;
    const closedAt = status === 'CHIUSA' ? at(resolveAfter + rng.between(0.2, 3) * DAY) : null;
    const rated = status === 'CHIUSA' && rng.chance(0.7);
    const score = rng.weighted([
      [5, 5],
      [4, 4],
      [3, 2],
      [2, 1],
      [1, 0.5],
    ] as const);
    const assigned = status !== 'NUOVA';
    requests.push({
      id,
      comune_istat: asker.comune_istat,
      region_code: asker.region_code,
      topic,
      priority,
      subject: q[0],
      ...about,
      status,
      assignee_id: assigned ? assignee : null,
      created_by: asker.user_id,
      created_at: created.toISOString(),
      updated_at: (closedAt ?? resolvedAt ?? created).toISOString(),
      first_answer_due: due.firstAnswerDue,
      resolution_due: due.resolutionDue,
      first_answer_at: answered ? at(firstAnswerAfter).toISOString() : null,
      resolved_at: resolvedAt?.toISOString() ?? null,
      resolution: resolved ? q[2] : null,
      closed_at: closedAt?.toISOString() ?? null,
      satisfaction: rated ? score : null,
      satisfaction_comment: rated && rng.chance(0.4) ? rng.pick(comments) : null,
      rated_at: rated ? closedAt!.toISOString() : null,
      reopened_count: 0,
    });
    const msg = (side: 'COMUNE' | 'ANCI', body: string, ms: number, internal = false, author?: string) =>
      messages.push({
        id: randomUUID(),
        request_id: id,
        comune_istat: asker.comune_istat,
        side,
        internal,
        body,
        author_id: author ?? (side === 'COMUNE' ? asker.user_id : assignee),
        created_at: at(ms).toISOString(),
      });
    const ev = (kind: string, from: string | null, to: string | null, ms: number, actor: string | null, who?: string) =>
      events.push({
        id: randomUUID(),
        request_id: id,
        comune_istat: asker.comune_istat,
        kind,
        from_status: from,
        to_status: to,
        assignee_id: who ?? null,
        actor_id: actor,
        at: at(ms).toISOString(),
      });
    msg('COMUNE', q[1], 0);
    ev('APERTA', null, 'NUOVA', 0, asker.user_id);
    if (assigned) ev('ASSEGNATA', 'NUOVA', 'ASSEGNATA', firstAnswerAfter / 3, staff[0]!.id, assignee);
    if (rng.chance(0.25) && assigned) msg('ANCI', rng.pick(notes), firstAnswerAfter / 2, true);
    if (answered) {
      const waits = status === 'IN_ATTESA_COMUNE' || rng.chance(0.3);
      msg('ANCI', waits ? rng.pick(asks) : '[demo] Stiamo verificando e vi rispondiamo a breve.', firstAnswerAfter);
      ev('STATO', 'ASSEGNATA', waits ? 'IN_ATTESA_COMUNE' : 'IN_LAVORAZIONE', firstAnswerAfter, assignee);
      if (waits && status !== 'IN_ATTESA_COMUNE') {
        const back = firstAnswerAfter + (resolveAfter - firstAnswerAfter) / 2;
        msg('COMUNE', rng.pick(followUps), back);
        ev('STATO', 'IN_ATTESA_COMUNE', 'IN_LAVORAZIONE', back, asker.user_id);
      }
    }
    if (resolved) ev('STATO', 'IN_LAVORAZIONE', 'RISOLTA', resolveAfter, assignee);
    if (closedAt) ev('STATO', 'RISOLTA', 'CHIUSA', closedAt.getTime() - created.getTime(), asker.user_id);
    // the signals the escalation job would have written
    const missed = missedDueDates(
      {
        status,
        firstAnswerDue: due.firstAnswerDue,
        resolutionDue: due.resolutionDue,
        firstAnswerAt: answered ? at(firstAnswerAfter) : null,
      },
      todayDay,
    );
    for (const m of missed) {
      escalations.push({
        id: randomUUID(),
        request_id: id,
        comune_istat: asker.comune_istat,
        kind: m.kind,
        due_date: m.dueDate,
        created_at: new Date(Date.parse(`${m.dueDate}T07:07:00Z`) + DAY).toISOString(),
      });
    }
    if (missed.length) {
      requests[requests.length - 1]!.escalated_at = escalations[escalations.length - 1]!.created_at;
      events.push({
        id: randomUUID(),
        request_id: id,
        comune_istat: asker.comune_istat,
        kind: 'SOLLECITO',
        from_status: status,
        to_status: status,
        assignee_id: null,
        actor_id: null,
        at: escalations[escalations.length - 1]!.created_at,
      });
    }
    if (resolved && resolvedSources.every((s) => s.q[0] !== q[0])) resolvedSources.push({ id, topic, q });
  }
  // every request has the same keys (escalated_at on some): fill the missing ones
  for (const r of requests) r.escalated_at ??= null;
  await insertMany(tx, 'hd_requests', requests);
  await insertMany(tx, 'hd_messages', messages);
  await insertMany(tx, 'hd_request_events', events);
  await insertMany(tx, 'hd_escalations', escalations);
  // the knowledge base: one entry per question answered, rewritten (no Comune, no names), published
  const answers: BulkRow[] = [];
  const written = new Set<string>();
  for (const topic of helpTopics)
    for (const q of questions[topic]) {
      const source = resolvedSources.find((s) => s.q[0] === q[0]);
      const slug = slugOf(q[0]);
      if (written.has(slug)) continue;
      written.add(slug);
      const published = new Date(now - rng.int(5, 300) * DAY);
      answers.push({
        id: randomUUID(),
        slug,
        topic,
        question: `${q[0]}?`.replace(/\?\?$/, '?'),
        answer: q[2],
        keywords: keywordsText(
          q[0]
            .split(/[^\p{L}]+/u)
            .filter((w) => w.length > 6)
            .slice(0, 3),
        ),
        status: 'PUBBLICATA',
        source_request_id: source?.id ?? null,
        created_by: staff[0]!.id,
        created_at: published.toISOString(),
        updated_at: published.toISOString(),
        published_at: published.toISOString(),
      });
    }
  await insertMany(tx, 'hd_answers', answers);
  return { requests: requests.length, answers: answers.length };
}

/** The demo's help desk, once (after the demo accounts, the projects and the plans). */
export async function seedHelpdeskDemo(db: Database, today: Date): Promise<{ requests: number; answers: number }> {
  return db.ownerTx((tx) => seedHelpdeskDemoRows(tx, today));
}
