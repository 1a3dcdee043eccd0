/**
 * The networks' demo (issue 13 item 5): tavoli and thematic working groups of the demo Comuni with
 * their member organisations, and their meetings across 2022–2023 with decisions and follow-ups.
 * Written in the transaction of ../plans.demo.ts. The figures come near those of InCaS phase 1
 * (domain.md §3): 36 groups, 250 organisations, about 110 meetings; plus a regional tavolo of
 * Calabria with its territorial workshops. Each Comune gets fictitious bodies of the registry's
 * kinds, named "… (demo)", besides its own Comune organisation. Deterministic: a seeded sequence.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/db.js';
import { insertMany, type BulkRow } from '../../../platform/db/insert-many.js';
import type { PlanDemoComune, PlansDemoContext, PlansPartDemo } from '../shared/demo-context.js';
import { demoDocument, insertDemoDocuments } from '../shared/demo-documents.js';
import type { Axis } from '../shared/vocabulary.js';
import { addYears } from './networks.rules.js';

/** The fictitious bodies each Comune's networks draw from: registry type and name. */
const bodies: [string, (c: string) => string][] = [
  ['prefettura', (c) => `Prefettura – presidio di ${c} (demo)`],
  ['questura', (c) => `Commissariato di ${c} (demo)`],
  ['asl', (c) => `ASL – distretto di ${c} (demo)`],
  ['cpi', (c) => `Centro per l'impiego di ${c} (demo)`],
  ['inl', (c) => `Ispettorato del lavoro – sede di ${c} (demo)`],
  ['sindacato', (c) => `FLAI Esempio ${c} (demo)`],
  ['sindacato', (c) => `Sindacato agricolo Esempio ${c} (demo)`],
  ['sindacato', (c) => `Unione lavoratori Esempio ${c} (demo)`],
  ['altro', (c) => `Associazione datoriale agricola di ${c} (demo)`],
  ['altro', (c) => `Confederazione imprese Esempio ${c} (demo)`],
  ['altro', (c) => `Cooperativa di produttori di ${c} (demo)`],
  ['terzo_settore', (c) => `Caritas Esempio ${c} (demo)`],
  ['terzo_settore', (c) => `Associazione Accoglienza ${c} (demo)`],
  ['terzo_settore', (c) => `Centro antiviolenza Esempio ${c} (demo)`],
  ['terzo_settore', (c) => `Sportello migranti Esempio ${c} (demo)`],
  ['terzo_settore', (c) => `Associazione mediatori culturali di ${c} (demo)`],
  ['terzo_settore', (c) => `Rete volontariato Esempio ${c} (demo)`],
  ['ente_gestore', (c) => `Cooperativa sociale Esempio ${c} (demo)`],
  ['ente_gestore', (c) => `Ente gestore SAI di ${c} (demo)`],
  ['ente_gestore', (c) => `Progetto antitratta Esempio ${c} (demo)`],
  ['altro', (c) => `Istituto scolastico CPIA di ${c} (demo)`],
  ['altro', (c) => `Patronato Esempio ${c} (demo)`],
  ['altro', (c) => `Ordine dei consulenti del lavoro di ${c} (demo)`],
  ['altro', (c) => `Camera di commercio – sede di ${c} (demo)`],
];

const groupThemes: [string, string, Axis][] = [
  [
    'Gruppo prevenzione e informazione',
    'Informazione ai lavoratori e alle imprese, mappatura del rischio',
    'PREVENZIONE',
  ],
  ['Gruppo vigilanza e contrasto', 'Coordinamento dei controlli e delle segnalazioni', 'VIGILANZA_CONTRASTO'],
  ['Gruppo protezione e accoglienza', 'Presa in carico delle vittime, alloggi e salute', 'PROTEZIONE_ASSISTENZA'],
  ['Gruppo inserimento lavorativo', 'Orientamento, formazione e incontro domanda-offerta', 'REINTEGRAZIONE'],
];

/** A small seeded sequence (the demo is the same at every load). */
function sequence(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface DemoNetwork {
  id: string;
  comune: string | null;
  region: string;
  kind: 'TAVOLO' | 'GRUPPO_TEMATICO';
  name: string;
  members: string[];
  ownerUser: string | null;
  actions: string[];
}

export async function seedNetworksDemo(
  tx: Queryable,
  context: PlansDemoContext,
  plans: PlansPartDemo,
): Promise<{ counts: Record<string, number> }> {
  if (context.comuni.length === 0) return { counts: {} };
  const rnd = sequence(13);
  const now = context.now;
  const organisations: BulkRow[] = [];
  const networks: BulkRow[] = [];
  const members: BulkRow[] = [];
  const made: DemoNetwork[] = [];

  // the actions of each Comune's plans: from the plans' demo, else from the tables
  const actionsOf = async (c: PlanDemoComune): Promise<string[]> => {
    const fromDemo = plans.plans.filter((p) => p.comuneIstat === c.istat).flatMap((p) => p.actions.map((a) => a.id));
    if (fromDemo.length > 0) return fromDemo;
    const rows = await tx.query<{ id: string }>('SELECT id FROM plm_actions WHERE comune_istat = $1 ORDER BY code', [
      c.istat,
    ]);
    return rows.map((r) => r.id);
  };
  const planOf = (c: PlanDemoComune): string | null => plans.plans.find((p) => p.comuneIstat === c.istat)?.id ?? null;

  for (const [i, c] of context.comuni.entries()) {
    // the Comune's own organisations already in the registry, then fictitious ones
    const existing = await tx.query<{ id: string }>(
      'SELECT id FROM organisations WHERE comune_istat = $1 AND id <> $2 ORDER BY created_at, id LIMIT 6',
      [c.istat, c.orgId],
    );
    // as many fictitious ones as keep the Comune near 25 organisations, whatever the other demos made
    const local = bodies.slice(0, Math.max(12, bodies.length - existing.length)).map(([type, name]) => {
      const id = randomUUID();
      organisations.push({
        id,
        type,
        name: name(c.name),
        comune_istat: type === 'ente_gestore' || type === 'altro' || type === 'terzo_settore' ? c.istat : null,
        region_code: type === 'ente_gestore' || type === 'altro' || type === 'terzo_settore' ? null : c.region,
      });
      return id;
    });
    const pool = [...existing.map((e) => e.id), ...local];
    const actions = await actionsOf(c);
    const planId = planOf(c);
    const tavolo: DemoNetwork = {
      id: randomUUID(),
      comune: c.istat,
      region: c.region,
      kind: 'TAVOLO',
      name: `Tavolo multisettoriale contro lo sfruttamento – ${c.name}`,
      members: [c.orgId, ...pool.slice(0, 16)],
      ownerUser: c.referenteId,
      actions,
    };
    const groupCount = i < 5 ? 3 : 2;
    const groups = groupThemes.slice(0, groupCount).map(([name, , axis], g): DemoNetwork & { axis: Axis } => ({
      id: randomUUID(),
      comune: c.istat,
      region: c.region,
      kind: 'GRUPPO_TEMATICO',
      name: `${name} – ${c.name}`,
      axis,
      // each group: the Comune and its share of the pool (every body works in one group)
      members: [c.orgId, ...pool.filter((_, j) => j % groupCount === g)],
      ownerUser: c.referenteId,
      actions,
    }));
    networks.push({
      id: tavolo.id,
      comune_istat: c.istat,
      region_code: c.region,
      kind: 'TAVOLO',
      name: tavolo.name,
      theme: 'Il tavolo che ha scritto il piano locale multisettoriale e ne segue l’attuazione',
      axis: null,
      plan_id: planId,
      active: true,
      created_by: c.referenteId,
      created_at: now,
      updated_at: now,
    });
    for (const [g, n] of groups.entries())
      networks.push({
        id: n.id,
        comune_istat: c.istat,
        region_code: c.region,
        kind: 'GRUPPO_TEMATICO',
        name: n.name,
        theme: groupThemes[g]![1],
        axis: n.axis,
        plan_id: planId,
        // one group of the smaller Comuni ended its work
        active: !(i >= 8 && g === 1),
        created_by: c.referenteId,
        created_at: now,
        updated_at: now,
      });
    for (const n of [tavolo, ...groups]) {
      made.push(n);
      n.members = [...new Set(n.members)];
      n.members.forEach((org, k) =>
        members.push({
          network_id: n.id,
          comune_istat: c.istat,
          region_code: c.region,
          organisation_id: org,
          role: k === 0 ? 'COORDINATORE' : k === 1 ? 'SEGRETERIA' : k % 7 === 6 ? 'OSSERVATORE' : 'MEMBRO',
          joined_on: '2022-01-15',
        }),
      );
    }
  }

  // the regional tavolo of Calabria, with the Region, ANCI Calabria and the Calabrian Comuni
  const calabria = context.regions.find((r) => r.code === '18');
  if (calabria) {
    const [anciCalabria] = await tx.query<{ organisation_id: string }>(
      'SELECT organisation_id FROM users WHERE id = $1',
      [context.anciCalabriaId],
    );
    const calabrian = context.comuni.filter((c) => c.region === '18');
    const id = randomUUID();
    const memberOrgs = [
      calabria.orgId,
      ...(anciCalabria ? [anciCalabria.organisation_id] : []),
      ...calabrian.map((c) => c.orgId),
    ];
    networks.push({
      id,
      comune_istat: null,
      region_code: '18',
      kind: 'TAVOLO',
      name: 'Tavolo regionale della Calabria sui piani locali',
      theme: 'Coordinamento regionale dei piani locali multisettoriali e dei progetti finanziati dal Ministero',
      axis: null,
      plan_id: null,
      active: true,
      created_by: calabria.userId,
      created_at: now,
      updated_at: now,
    });
    const regional: DemoNetwork = {
      id,
      comune: null,
      region: '18',
      kind: 'TAVOLO',
      name: 'Tavolo regionale della Calabria',
      members: [...new Set(memberOrgs)],
      ownerUser: calabria.userId,
      actions: [],
    };
    regional.members.forEach((org, k) =>
      members.push({
        network_id: id,
        comune_istat: null,
        region_code: '18',
        organisation_id: org,
        role: k === 0 ? 'COORDINATORE' : k === 1 ? 'SEGRETERIA' : 'MEMBRO',
        joined_on: '2022-03-01',
      }),
    );
    made.push(regional);
  }

  // meetings: the tavolo five times, each group two or three, across 2022–2023; the regional
  // tavolo with its territorial workshops and a training
  const meetings: BulkRow[] = [];
  const meetingOrgs: BulkRow[] = [];
  const followUps: BulkRow[] = [];
  const titles: Record<string, string[]> = {
    TAVOLO: [
      'Insediamento del tavolo',
      'Analisi del contesto',
      'Bozza del piano',
      'Verifica delle azioni',
      'Monitoraggio',
    ],
    GRUPPO_TEMATICO: ['Avvio del gruppo', 'Proposte di azione', 'Verifica intermedia'],
    REGIONAL: [
      'Workshop territoriale: Piana di Gioia Tauro',
      'Workshop territoriale: Sibaritide',
      'Formazione ai referenti comunali',
      'Workshop finale con le Regioni',
    ],
  };
  for (const n of made) {
    const plan =
      n.comune === null
        ? (['WORKSHOP_TERRITORIALE', 'WORKSHOP_TERRITORIALE', 'FORMAZIONE', 'WORKSHOP_TERRITORIALE'] as const)
        : n.kind === 'TAVOLO'
          ? (['TAVOLO', 'TAVOLO', 'TAVOLO', 'TAVOLO', 'TAVOLO'] as const)
          : n.members.length > 8
            ? (['GRUPPO_TEMATICO', 'GRUPPO_TEMATICO', 'GRUPPO_TEMATICO'] as const)
            : (['GRUPPO_TEMATICO', 'GRUPPO_TEMATICO', 'GRUPPO_TEMATICO'] as const).slice(
                0,
                2 + (rnd.next() < 0.5 ? 1 : 0),
              );
    const names = n.comune === null ? titles.REGIONAL! : titles[n.kind]!;
    // spread over 24 months from January 2022
    const step = Math.floor(700 / plan.length);
    for (const [k, kind] of plan.entries()) {
      const id = randomUUID();
      const heldOn = addDays('2022-01-20', k * step + rnd.int(0, Math.max(1, step - 30)));
      const present = n.members.filter((_, j) => j === 0 || rnd.next() < 0.7);
      meetings.push({
        id,
        network_id: n.id,
        comune_istat: n.comune,
        region_code: n.region,
        kind,
        title: `${names[k % names.length]} – ${n.name}`.slice(0, 300),
        held_on: heldOn,
        place: n.comune === null ? 'Catanzaro, Cittadella regionale' : 'Sala consiliare del Comune',
        agenda: '1. Apertura e presentazioni\n2. Punto sulle azioni del piano\n3. Impegni e prossimi passi',
        participants_count: present.length + rnd.int(3, 25),
        minutes_document_id: null,
        created_by: n.ownerUser,
        created_at: now,
        updated_at: now,
      });
      for (const org of present)
        meetingOrgs.push({ meeting_id: id, comune_istat: n.comune, region_code: n.region, organisation_id: org });
      // a decision at every meeting, a follow-up at most
      followUps.push({
        id: randomUUID(),
        meeting_id: id,
        comune_istat: n.comune,
        region_code: n.region,
        kind: 'DECISIONE',
        text: k === 0 ? 'Si approva il calendario degli incontri' : 'Si approva il verbale dell’incontro precedente',
        action_id: null,
        owner_user_id: null,
        owner_org_id: null,
        due_date: null,
        status: 'FATTO',
        done_at: new Date(`${heldOn}T12:00:00Z`),
        created_at: now,
        updated_at: now,
      });
      if (rnd.next() < 0.8) {
        const due = addDays(heldOn, rnd.int(30, 90));
        const roll = rnd.next();
        const status = roll < 0.6 ? 'FATTO' : roll < 0.9 ? 'APERTO' : 'ANNULLATO';
        const byUser = rnd.next() < 0.5;
        followUps.push({
          id: randomUUID(),
          meeting_id: id,
          comune_istat: n.comune,
          region_code: n.region,
          kind: 'AZIONE',
          text:
            n.comune === null
              ? 'Raccogliere dai Comuni lo stato di attuazione dei piani'
              : [
                  'Mappare le aziende del territorio',
                  'Preparare il materiale informativo',
                  'Segnalare i casi al tavolo',
                ][k % 3]!,
          action_id: n.actions.length > 0 && rnd.next() < 0.6 ? n.actions[k % n.actions.length]! : null,
          owner_user_id: byUser ? n.ownerUser : null,
          owner_org_id: byUser ? null : (n.members[1 + (k % Math.max(1, n.members.length - 1))] ?? n.members[0]!),
          due_date: due,
          status,
          done_at: status === 'FATTO' ? new Date(`${due}T12:00:00Z`) : null,
          created_at: now,
          updated_at: now,
        });
      }
    }
    // the referente of each Comune has one follow-up still ahead on the work list
    if (n.kind === 'TAVOLO' && n.comune !== null) {
      const last = meetings[meetings.length - 1]!;
      const due = addDays(context.today, 20);
      if (due <= addYears(String(last.held_on), 5))
        followUps.push({
          id: randomUUID(),
          meeting_id: last.id,
          comune_istat: n.comune,
          region_code: n.region,
          kind: 'AZIONE',
          text: 'Preparare il monitoraggio annuale del piano',
          action_id: n.actions[0] ?? null,
          owner_user_id: n.ownerUser,
          owner_org_id: null,
          due_date: due,
          status: 'APERTO',
          done_at: null,
          created_at: now,
          updated_at: now,
        });
    }
  }

  await insertMany(tx, 'organisations', organisations);
  await insertMany(tx, 'plm_networks', networks);
  await insertMany(tx, 'plm_network_members', members);
  await insertMany(tx, 'plm_meetings', meetings);
  const minutes = await attachMinutes(tx, context, meetings);
  await insertMany(tx, 'plm_meeting_organisations', meetingOrgs);
  await insertMany(tx, 'plm_follow_ups', followUps);
  const distinct = new Set([...members.map((m) => m.organisation_id), ...meetingOrgs.map((m) => m.organisation_id)]);
  return {
    counts: {
      networks: networks.length,
      networkOrganisations: distinct.size,
      meetings: meetings.length,
      minutes,
      followUps: followUps.length,
    },
  };
}

/** The minutes of four meetings in five (a PDF of synthetic text each), as the meetings' documents. */
async function attachMinutes(tx: Queryable, context: PlansDemoContext, meetings: BulkRow[]): Promise<number> {
  if (!context.cipher) return 0;
  const docs = meetings
    .filter((_, i) => i % 5 !== 4)
    .map((m) => {
      const [y, mo, d] = String(m.held_on).split('-');
      return demoDocument({
        owner: { meetingId: m.id as string },
        kind: 'VERBALE',
        comune: m.comune_istat as string | null,
        region: m.region_code as string,
        fileName: `verbale-${String(m.held_on)}.pdf`,
        uploadedBy: m.created_by as string,
        uploadedAt: new Date(`${String(m.held_on)}T17:00:00Z`),
        title: `Verbale – ${String(m.title)}`.slice(0, 110),
        paragraphs: [
          `Riunione del ${d}/${mo}/${y}, ${String(m.place)}. Presenti ${String(m.participants_count)} persone in rappresentanza delle organizzazioni della rete.`,
          `Ordine del giorno:\n${String(m.agenda)}`,
          'Dopo la discussione i presenti approvano le decisioni e gli impegni riportati nella scheda dell’incontro.',
        ],
      });
    });
  await insertDemoDocuments(tx, context.cipher, docs);
  await tx.query(
    `UPDATE plm_meetings m SET minutes_document_id = x.doc
       FROM json_to_recordset($1::json) AS x(meeting uuid, doc uuid) WHERE m.id = x.meeting`,
    [JSON.stringify(docs.map((d) => ({ meeting: 'meetingId' in d.owner ? d.owner.meetingId : null, doc: d.id })))],
  );
  return docs.length;
}
