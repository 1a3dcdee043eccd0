/**
 * The plans part's demo (issue 13 item 5): a plan for each demo Comune at a different state — the
 * eight Comuni of phase 1 adopted in 2022–2023 by their Giunta or Consiglio, some being implemented
 * or monitored, Saluzzo updated (version 2); Alba in draft and Gioia Tauro at its working groups —
 * each with 6–14 actions across the four axes and the priority actions, lead and partner
 * organisations (a few fictitious ones per Comune, all "(demo)"), budgets and funding sources (an
 * action carries the Comune's demo project when it has one), indicators with a target per year,
 * monitorings with values, the events of each step and the versions (snapshots by the part's own
 * builder), and the adopted plans' resolutions as PDFs of synthetic text. Written in the
 * transaction of ../plans.demo.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import { insertMany } from '../../../platform/db/insert-many.js';
import type { DemoPlan, PlanDemoComune, PlansDemoContext, PlansPartDemo } from '../shared/demo-context.js';
import { demoDocument, insertDemoDocuments, type DemoDocument } from '../shared/demo-documents.js';
import {
  axisOfPriorityAction,
  fundingSources,
  planStatuses,
  type Axis,
  type PlanStatus,
  type PriorityAction,
} from '../shared/vocabulary.js';
import { buildSnapshot } from './plans.repo.js';

interface ActionTemplate {
  title: string;
  priority: PriorityAction;
  axis?: Axis;
  indicator: [name: string, unit: string, perYear: number];
  description: string;
}

/** Plausible actions of a local plan, by priority action (axis: the Piano triennale's unless said). */
const catalogue: readonly ActionTemplate[] = [
  {
    title: 'Osservatorio locale sul lavoro agricolo',
    priority: 1,
    indicator: ['Rapporti pubblicati', 'rapporti', 1],
    description: 'Raccolta e lettura dei dati su imprese, contratti e presenze stagionali.',
  },
  {
    title: 'Mappatura degli insediamenti informali',
    priority: 1,
    indicator: ['Insediamenti mappati', 'insediamenti', 4],
    description: 'Ricognizione periodica con la polizia locale e il terzo settore.',
  },
  {
    title: 'Filiera etica dei prodotti locali',
    priority: 2,
    indicator: ['Aziende aderenti al disciplinare', 'aziende', 10],
    description: 'Un marchio per le aziende che rispettano i contratti e la sicurezza.',
  },
  {
    title: 'Adesione delle aziende alla Rete del lavoro agricolo di qualità',
    priority: 3,
    indicator: ['Aziende iscritte alla Rete', 'aziende', 15],
    description: 'Accompagnamento delle aziende del territorio all’iscrizione.',
  },
  {
    title: 'Sportello di incontro tra domanda e offerta di lavoro stagionale',
    priority: 4,
    indicator: ['Persone avviate al lavoro', 'persone', 60],
    description: 'Con il Centro per l’impiego, liste di disponibilità trasparenti.',
  },
  {
    title: 'Sportello informativo per lavoratori stagionali',
    priority: 4,
    indicator: ['Accessi allo sportello', 'accessi', 400],
    description: 'Informazioni su contratti, permessi di soggiorno, residenza e servizi.',
  },
  {
    title: 'Foresteria comunale per braccianti',
    priority: 5,
    indicator: ['Posti letto disponibili', 'posti letto', 40],
    description: 'Recupero di un immobile comunale come alloggio temporaneo a canone calmierato.',
  },
  {
    title: 'Accoglienza diffusa in alloggi sfitti',
    priority: 5,
    axis: 'PROTEZIONE_ASSISTENZA',
    indicator: ['Persone alloggiate', 'persone', 25],
    description: 'Intermediazione con i proprietari e garanzia comunale sugli affitti.',
  },
  {
    title: 'Trasporto gratuito verso i campi',
    priority: 6,
    indicator: ['Corse effettuate', 'corse', 300],
    description: 'Navetta nei mesi di raccolta tra i centri abitati e le aziende.',
  },
  {
    title: 'Campagna informativa multilingue sui diritti dei lavoratori',
    priority: 7,
    indicator: ['Persone raggiunte', 'persone', 800],
    description: 'Materiali in sei lingue, radio locali e incontri nei luoghi di ritrovo.',
  },
  {
    title: 'Unità mobile di prossimità negli insediamenti',
    priority: 7,
    axis: 'PROTEZIONE_ASSISTENZA',
    indicator: ['Contatti dell’unità mobile', 'contatti', 500],
    description: 'Operatori e mediatori che raggiungono le persone dove vivono.',
  },
  {
    title: 'Tavolo di coordinamento per la vigilanza con INL e Carabinieri',
    priority: 8,
    indicator: ['Ispezioni congiunte', 'ispezioni', 20],
    description: 'Programmazione condivisa dei controlli nelle aziende a rischio.',
  },
  {
    title: 'Formazione degli operatori sugli indicatori di sfruttamento',
    priority: 8,
    indicator: ['Operatori formati', 'operatori', 30],
    description: 'Per servizi sociali, polizia locale, sanità e sportelli.',
  },
  {
    title: 'Presa in carico delle vittime con la rete antitratta',
    priority: 9,
    indicator: ['Vittime prese in carico', 'persone', 12],
    description: 'Percorsi di protezione con l’ente antitratta della Regione.',
  },
  {
    title: 'Servizio di mediazione linguistico-culturale',
    priority: 9,
    indicator: ['Ore di mediazione', 'ore', 600],
    description: 'Mediatori nei servizi comunali, sanitari e all’ufficio anagrafe.',
  },
  {
    title: 'Ambulatorio medico di prossimità',
    priority: 9,
    indicator: ['Visite effettuate', 'visite', 700],
    description: 'Presidio sanitario stagionale con la ASL e il volontariato.',
  },
  {
    title: 'Tirocini di inclusione socio-lavorativa',
    priority: 10,
    indicator: ['Tirocini avviati', 'tirocini', 15],
    description: 'Tirocini in aziende della Rete per le persone uscite dallo sfruttamento.',
  },
  {
    title: 'Corsi di lingua italiana e sicurezza sul lavoro',
    priority: 10,
    indicator: ['Partecipanti ai corsi', 'persone', 80],
    description: 'Corsi serali con il CPIA e le associazioni.',
  },
];

/** The demo's plan of each Comune: its state and adoption (phase 1), in the order of planComuniNames. */
const plansOf: Record<
  string,
  { status: PlanStatus; organ?: 'GIUNTA' | 'CONSIGLIO'; adopted?: string; actions: number }
> = {
  Albenga: { status: 'IN_ATTUAZIONE', organ: 'GIUNTA', adopted: '2022-11-17', actions: 10 },
  'Castel Volturno': { status: 'MONITORATO', organ: 'CONSIGLIO', adopted: '2022-12-20', actions: 12 },
  'Corigliano-Rossano': { status: 'IN_ATTUAZIONE', organ: 'GIUNTA', adopted: '2023-03-09', actions: 9 },
  Lavello: { status: 'ADOTTATO', organ: 'CONSIGLIO', adopted: '2023-06-28', actions: 7 },
  'Porto Recanati': { status: 'IN_ATTUAZIONE', organ: 'GIUNTA', adopted: '2023-04-13', actions: 8 },
  Rovigo: { status: 'MONITORATO', organ: 'GIUNTA', adopted: '2022-10-06', actions: 11 },
  Saluzzo: { status: 'AGGIORNATO', organ: 'GIUNTA', adopted: '2022-07-21', actions: 14 },
  Siracusa: { status: 'IN_ATTUAZIONE', organ: 'CONSIGLIO', adopted: '2023-05-30', actions: 9 },
  Alba: { status: 'BOZZA', actions: 8 },
  'Gioia Tauro': { status: 'TAVOLI_TEMATICI', actions: 6 },
};

/** A small deterministic generator, so that the demo is the same at every load. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T10:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d;
};
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** An action's state a year earlier (for an earlier monitoring of the demo): one step behind. */
const stepBehind: Record<string, string> = { COMPLETATA: 'IN_CORSO', IN_CORSO: 'AVVIATA' };

/** The path of states from AVVIO to `status` (an updated plan went through implementation and monitoring). */
function pathTo(status: PlanStatus): PlanStatus[] {
  const i = planStatuses.indexOf(status);
  return planStatuses.slice(0, i + 1);
}

async function demoOrganisations(tx: Queryable, c: PlanDemoComune) {
  const orgs = [
    { type: 'asl', name: `ASL – Distretto di ${c.name} (demo)` },
    { type: 'cpi', name: `Centro per l'impiego di ${c.name} (demo)` },
    { type: 'sindacato', name: `Sindacato lavoratori agroalimentari – ${c.name} (demo)` },
    { type: 'altro', name: `Associazione datoriale agricola di ${c.name} (demo)` },
    { type: 'terzo_settore', name: `Cooperativa sociale Esempio di ${c.name} (demo)` },
    { type: 'terzo_settore', name: `Associazione di volontariato Esempio – ${c.name} (demo)` },
  ].map((o) => ({ id: randomUUID(), ...o, comune_istat: c.istat }));
  await insertMany(tx, 'organisations', orgs);
  return orgs;
}

export async function seedPlansPartDemo(tx: Queryable, context: PlansDemoContext): Promise<PlansPartDemo> {
  const rows = {
    plans: [] as Record<string, unknown>[],
    events: [] as Record<string, unknown>[],
    actions: [] as Record<string, unknown>[],
    partners: [] as Record<string, unknown>[],
    indicators: [] as Record<string, unknown>[],
    targets: [] as Record<string, unknown>[],
    monitorings: [] as Record<string, unknown>[],
    values: [] as Record<string, unknown>[],
    monitoringActions: [] as Record<string, unknown>[],
  };
  const out: DemoPlan[] = [];
  const later: { planId: string; c: PlanDemoComune; by: string; at: Date }[] = [];
  let organisations = 0;
  const thisYear = Number(context.today.slice(0, 4));

  for (const [ci, c] of context.comuni.entries()) {
    const spec = plansOf[c.name];
    if (!spec) continue;
    const rand = rng(1000 + ci * 7919);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const orgs = await demoOrganisations(tx, c);
    organisations += orgs.length;
    const [project] = await tx.query<{ id: string }>(
      'SELECT id FROM projects WHERE comune_istat = $1 ORDER BY created_at, id LIMIT 1',
      [c.istat],
    );
    const planId = randomUUID();
    const adopted = spec.adopted ?? null;
    const startYear = adopted ? Number(adopted.slice(0, 4)) : thisYear;
    const periodFrom = startYear;
    const periodTo = startYear + 2;
    const steps = pathTo(spec.status);
    // the dates of the steps: the work before adoption over about ten months, then implementation
    const base = adopted ?? isoDay(addDays(context.today, -200));
    const stepAt = new Map<PlanStatus, Date>([
      ['AVVIO', addDays(base, -300)],
      ['ANALISI_CONTESTO', addDays(base, -240)],
      ['TAVOLI_TEMATICI', addDays(base, -170)],
      ['BOZZA', addDays(base, -60)],
      ['ADOTTATO', addDays(base, 0)],
      ['IN_ATTUAZIONE', addDays(base, 30)],
      ['MONITORATO', addDays(`${startYear + 1}-12-31`, 45)],
      ['AGGIORNATO', addDays(`${startYear + 1}-12-31`, 120)],
    ]);
    if (!adopted) {
      // a draft being written now: its steps in the last months
      stepAt.set('AVVIO', addDays(context.today, -260));
      stepAt.set('ANALISI_CONTESTO', addDays(context.today, -200));
      stepAt.set('TAVOLI_TEMATICI', addDays(context.today, -120));
      stepAt.set('BOZZA', addDays(context.today, -30));
    }
    const created = stepAt.get('AVVIO')!;
    const lastAt = stepAt.get(spec.status)!;
    rows.plans.push({
      id: planId,
      comune_istat: c.istat,
      region_code: c.region,
      title: `Piano locale multisettoriale contro lo sfruttamento lavorativo – ${c.name}`,
      period_from: periodFrom,
      period_to: periodTo,
      status: spec.status,
      adoption_organ: spec.organ ?? null,
      adoption_number: adopted ? String(20 + ((ci * 37) % 160)) : null,
      adoption_date: adopted,
      adoption_document_id: null,
      summary: `Il piano del Comune di ${c.name} coordina prevenzione, vigilanza, protezione delle vittime e reintegrazione socio-lavorativa con i soggetti del territorio (dati di esempio).`,
      context_text:
        spec.status === 'AVVIO'
          ? null
          : `Nel territorio di ${c.name} il lavoro agricolo stagionale si concentra nei mesi di raccolta. L'analisi (di esempio) ha messo in luce la carenza di alloggi, la distanza dai campi senza trasporto pubblico e la scarsa conoscenza dei servizi da parte dei lavoratori stranieri.`,
      version_no: spec.status === 'AGGIORNATO' ? 2 : adopted ? 1 : 0,
      created_by: c.referenteId,
      created_at: created.toISOString(),
      updated_at: lastAt.toISOString(),
      row_version: steps.length,
    });
    let previous: PlanStatus | null = null;
    for (const s of steps) {
      rows.events.push({
        id: randomUUID(),
        plan_id: planId,
        comune_istat: c.istat,
        region_code: c.region,
        from_status: previous,
        to_status: s,
        note: s === 'ADOTTATO' ? `Delibera di ${spec.organ === 'GIUNTA' ? 'Giunta' : 'Consiglio'} comunale` : null,
        actor_id: c.referenteId,
        at: stepAt.get(s)!.toISOString(),
      });
      previous = s;
    }

    // the actions: one per axis first, then others from the catalogue
    const byAxis = (axis: Axis) => catalogue.filter((a) => (a.axis ?? axisOfPriorityAction[a.priority]) === axis);
    const chosen: ActionTemplate[] = [];
    for (const axis of ['PREVENZIONE', 'VIGILANZA_CONTRASTO', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE'] as const)
      chosen.push(pick(byAxis(axis)));
    const rest = catalogue.filter((a) => !chosen.includes(a)).sort(() => rand() - 0.5);
    const count = spec.actions;
    chosen.push(...rest.slice(0, count - chosen.length));
    const implemented = ['IN_ATTUAZIONE', 'MONITORATO', 'AGGIORNATO'].includes(spec.status);
    const demoActions: DemoPlan['actions'] = [];
    for (const [i, tpl] of chosen.entries()) {
      const id = randomUUID();
      const code = `A${i + 1}`;
      const axis = tpl.axis ?? axisOfPriorityAction[tpl.priority];
      const status = implemented
        ? pick(['AVVIATA', 'IN_CORSO', 'IN_CORSO', 'COMPLETATA', 'PROGRAMMATA'] as const)
        : 'PROGRAMMATA';
      const lead = i % 3 === 0 ? c.orgId : pick(orgs).id;
      // the updated plan's last action came with its update (version 2)
      const isLater = spec.status === 'AGGIORNATO' && i === chosen.length - 1;
      const row = {
        id,
        plan_id: planId,
        comune_istat: c.istat,
        region_code: c.region,
        code,
        title: tpl.title,
        description: tpl.description,
        axis,
        priority_action: tpl.priority,
        lead_org_id: lead,
        budget_cents: Math.round((15_000 + rand() * 235_000) / 500) * 500 * 100,
        funding_source: pick(fundingSources),
        project_id: project && i < 2 ? project.id : null,
        status,
        start_date: `${periodFrom}-${String(1 + (i % 9)).padStart(2, '0')}-01`,
        end_date: `${periodTo}-12-31`,
        position: i,
        created_at: created.toISOString(),
        updated_at: lastAt.toISOString(),
        row_version: 1,
      };
      if (row.project_id) row.funding_source = 'FNPM';
      if (isLater) later.push({ planId, c, by: c.referenteId, at: stepAt.get('AGGIORNATO')! });
      rows.actions.push({ ...row, __later: isLater });
      demoActions.push({ id, code, axis, priorityAction: tpl.priority });
      const partnerOrgs = orgs
        .filter((o) => o.id !== lead)
        .sort(() => rand() - 0.5)
        .slice(0, 1 + Math.floor(rand() * 3));
      for (const [pi, o] of partnerOrgs.entries())
        rows.partners.push({
          action_id: id,
          plan_id: planId,
          comune_istat: c.istat,
          region_code: c.region,
          organisation_id: o.id,
          role: pi === 0 ? 'ATTUATORE' : pick(['PARTNER', 'PARTNER', 'FINANZIATORE', 'ALTRO'] as const),
          __later: isLater,
        });
      const indicatorId = randomUUID();
      const [name, unit, perYear] = tpl.indicator;
      rows.indicators.push({
        id: indicatorId,
        action_id: id,
        plan_id: planId,
        comune_istat: c.istat,
        region_code: c.region,
        name,
        unit,
        baseline: 0,
        position: 0,
        __later: isLater,
      });
      for (let y = periodFrom; y <= periodTo; y++)
        rows.targets.push({
          indicator_id: indicatorId,
          plan_id: planId,
          comune_istat: c.istat,
          region_code: c.region,
          period: String(y),
          target: Math.max(1, Math.round(perYear * (0.6 + 0.2 * (y - periodFrom)))),
          __later: isLater,
          __action: status,
          __perYear: perYear,
        });
    }

    // monitorings: one a year since adoption for a plan monitored or updated, one for some in implementation
    const monitoredYears =
      spec.status === 'MONITORATO' || spec.status === 'AGGIORNATO'
        ? [startYear, startYear + 1]
        : spec.status === 'IN_ATTUAZIONE' && ci % 2 === 0
          ? [startYear]
          : [];
    const pastYears = monitoredYears.filter((y) => y < thisYear);
    for (const year of pastYears) {
      const monitoringId = randomUUID();
      // the actions' states at the monitoring: today's at the latest one, a step behind at an earlier
      // one; the action that came with the update (after the monitorings) is not among them
      const latest = year === pastYears[pastYears.length - 1];
      for (const a of rows.actions)
        if (a.plan_id === planId && !a.__later)
          rows.monitoringActions.push({
            monitoring_id: monitoringId,
            action_id: a.id,
            plan_id: planId,
            comune_istat: c.istat,
            region_code: c.region,
            status: latest ? a.status : (stepBehind[a.status as string] ?? a.status),
          });
      rows.monitorings.push({
        id: monitoringId,
        plan_id: planId,
        comune_istat: c.istat,
        region_code: c.region,
        period: String(year),
        reference_date: `${year}-12-31`,
        note: `Monitoraggio ${year} (dati di esempio).`,
        created_by: c.referenteId,
        created_at: addDays(`${year}-12-31`, 30).toISOString(),
      });
      for (const t of rows.targets)
        if (t.plan_id === planId && t.period === String(year) && !t.__later && t.__action !== 'PROGRAMMATA')
          rows.values.push({
            indicator_id: t.indicator_id,
            monitoring_id: monitoringId,
            plan_id: planId,
            comune_istat: c.istat,
            region_code: c.region,
            value: Math.round((t.target as number) * (0.5 + rand() * 0.7)),
            note: null,
          });
    }
    out.push({ id: planId, comuneIstat: c.istat, regionCode: c.region, status: spec.status, actions: demoActions });
  }

  const strip = (xs: Record<string, unknown>[], later: boolean | null) =>
    xs
      .filter((r) => later === null || Boolean(r.__later) === later)
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('__'))));
  await insertMany(tx, 'plm_plans', rows.plans);
  await attachResolutions(tx, context, rows.plans);
  await insertMany(tx, 'plm_plan_events', rows.events);
  await insertMany(tx, 'plm_actions', strip(rows.actions, false));
  await insertMany(tx, 'plm_action_partners', strip(rows.partners, false));
  await insertMany(tx, 'plm_indicators', strip(rows.indicators, false));
  await insertMany(tx, 'plm_indicator_targets', strip(rows.targets, false));

  // version 1 of each adopted plan, as adopted (every action still to start)
  const versions: Record<string, unknown>[] = [];
  const version = async (
    p: DemoPlan,
    no: number,
    reason: 'ADOZIONE' | 'AGGIORNAMENTO',
    at: string,
    asAdopted: boolean,
  ) => {
    const snapshot = await buildSnapshot(tx, p.id);
    if (asAdopted) for (const a of snapshot.actions) a.status = 'PROGRAMMATA';
    const plan = rows.plans.find((r) => r.id === p.id)!;
    versions.push({
      id: randomUUID(),
      plan_id: p.id,
      comune_istat: p.comuneIstat,
      region_code: p.regionCode,
      version_no: no,
      reason,
      note: reason === 'ADOZIONE' ? 'Versione adottata' : 'Aggiornamento dopo il monitoraggio (esempio)',
      snapshot,
      created_by: plan.created_by,
      created_at: at,
    });
  };
  for (const p of out) {
    const plan = rows.plans.find((r) => r.id === p.id)!;
    if (plan.adoption_date)
      await version(p, 1, 'ADOZIONE', addDays(plan.adoption_date as string, 0).toISOString(), true);
  }
  // the update: the action added then, a budget raised, a target raised
  for (const l of later) {
    await insertMany(
      tx,
      'plm_actions',
      strip(
        rows.actions.filter((r) => r.plan_id === l.planId),
        true,
      ),
    );
    await insertMany(
      tx,
      'plm_action_partners',
      strip(
        rows.partners.filter((r) => r.plan_id === l.planId),
        true,
      ),
    );
    await insertMany(
      tx,
      'plm_indicators',
      strip(
        rows.indicators.filter((r) => r.plan_id === l.planId),
        true,
      ),
    );
    await insertMany(
      tx,
      'plm_indicator_targets',
      strip(
        rows.targets.filter((r) => r.plan_id === l.planId),
        true,
      ),
    );
    await tx.query(`UPDATE plm_actions SET budget_cents = budget_cents + 2500000 WHERE plan_id = $1 AND code = 'A2'`, [
      l.planId,
    ]);
    await tx.query(
      `UPDATE plm_indicator_targets SET target = target + 10
        WHERE plan_id = $1 AND indicator_id = (SELECT i.id FROM plm_indicators i JOIN plm_actions a ON a.id = i.action_id
                                                WHERE a.plan_id = $1 AND a.code = 'A1' LIMIT 1)`,
      [l.planId],
    );
    await version(out.find((p) => p.id === l.planId)!, 2, 'AGGIORNAMENTO', l.at.toISOString(), false);
  }
  await insertMany(tx, 'plm_plan_versions', versions);
  await insertMany(tx, 'plm_monitorings', rows.monitorings);
  await insertMany(tx, 'plm_indicator_values', rows.values);
  await insertMany(tx, 'plm_monitoring_actions', rows.monitoringActions);
  return {
    plans: out,
    counts: {
      plans: rows.plans.length,
      planActions: rows.actions.length,
      planIndicators: rows.indicators.length,
      planMonitorings: rows.monitorings.length,
      planVersions: versions.length,
      planOrganisations: organisations,
    },
  };
}

/** The resolution of each adopted plan, a PDF of synthetic text, as its adoption act's document. */
async function attachResolutions(tx: Queryable, context: PlansDemoContext, plans: Record<string, unknown>[]) {
  if (!context.cipher) return;
  const docs: DemoDocument[] = [];
  for (const p of plans) {
    const adopted = p.adoption_date as string | null;
    if (!adopted) continue;
    const c = context.comuni.find((x) => x.istat === p.comune_istat)!;
    const organ = p.adoption_organ === 'GIUNTA' ? 'Giunta' : 'Consiglio';
    const [y, m, d] = adopted.split('-');
    docs.push(
      demoDocument({
        owner: { planId: p.id as string },
        kind: 'DELIBERA',
        comune: c.istat,
        region: c.region,
        fileName: `delibera-${organ.toLowerCase()}-${String(p.adoption_number)}-${y}.pdf`,
        uploadedBy: c.referenteId,
        uploadedAt: addDays(adopted, 2),
        title: `Comune di ${c.name} – Deliberazione della ${organ} comunale n. ${String(p.adoption_number)} del ${d}/${m}/${y}`,
        paragraphs: [
          `Oggetto: adozione del Piano locale multisettoriale contro lo sfruttamento lavorativo ${String(p.period_from)}–${String(p.period_to)}.`,
          `La ${organ}, visto il Piano triennale di contrasto allo sfruttamento lavorativo in agricoltura e al caporalato, sentiti i tavoli tematici del territorio, delibera di adottare il piano allegato e di incaricare il referente comunale della sua attuazione e del monitoraggio annuale.`,
        ],
      }),
    );
  }
  await insertDemoDocuments(tx, context.cipher, docs);
  await tx.query(
    `UPDATE plm_plans p SET adoption_document_id = x.doc
       FROM json_to_recordset($1::json) AS x(plan uuid, doc uuid) WHERE p.id = x.plan`,
    [JSON.stringify(docs.map((d) => ({ plan: 'planId' in d.owner ? d.owner.planId : null, doc: d.id })))],
  );
}
