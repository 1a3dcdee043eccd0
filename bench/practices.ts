/**
 * The public search of the good practices (issue 14 item 2; decision 0056), `npm run
 * bench:practices` (also a step of `npm run bench`; bench/README.md, "Practices"): BENCH_PRACTICES
 * (default 5,000) published practices of synthetic Italian text over the Regions, axes, sectors and
 * size classes, searched without a session as the public site does — words (Italian stemming,
 * ranked, with ts_headline's fragments), words with filters, filters only, a later page — each
 * against a floor measured in the same run: the same statement (the repo's searchPublicPractices)
 * run directly on a bare node:http server as the database owner (no Fastify, no zod, no row-level
 * security), closed loop, one after the other. The ratio printed is app req/s over floor req/s;
 * the target is ≥ 0.5.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../server/platform/db/db.js';
import { bulkLoadMode, insertMany, type BulkRow } from '../server/platform/db/insert-many.js';
import { searchPublicPractices } from '../server/modules/knowledge/practices/practices.repo.js';
import { practiceSectors, sizeClasses } from '../server/modules/knowledge/practices/practices.vocabulary.js';
import { axes } from '../server/modules/plans/shared/vocabulary.js';
import { compareWithFloor, f1, runAppVsFloor, startFloor } from './app-vs-floor.js';

const PRACTICES = Number(process.env.BENCH_PRACTICES || 5000);
const CONNECTIONS = Number(process.env.BENCH_PRACTICES_CONNECTIONS || 10);
const REQUESTS = Number(process.env.BENCH_PRACTICES_REQUESTS || 400);

// pieces of synthetic text, combined so that each practice reads differently
const SUBJECTS = [
  'lo sportello per il lavoratore stagionale',
  'la mediazione culturale nei servizi',
  'il trasporto verso i campi',
  'l’alloggio temporaneo per le vittime',
  'il tavolo con Ispettorato e Prefettura',
  'il percorso di inserimento lavorativo',
  'l’informazione nelle strutture turistiche',
  'la mappatura degli insediamenti informali',
  'la formazione degli operatori sociali',
  'le clausole sociali negli appalti',
  'l’orientamento legale dei braccianti',
  'la tutela sanitaria delle lavoratrici domestiche',
];
const PLACES = [
  'in pianura',
  'sulla costa',
  'in collina',
  'nei quartieri periferici',
  'nel distretto agricolo',
  'in montagna',
];
const ACTIONS = [
  'Gli operatori incontrano le persone la sera e le accompagnano ai servizi.',
  'Una rete di associazioni segnala i casi e il Comune li prende in carico.',
  'Le aziende aderenti firmano un protocollo e ricevono un marchio di qualità.',
  'I mediatori traducono i contratti e spiegano i diritti dei lavoratori.',
  'Un numero verde raccoglie le richieste di aiuto in più lingue.',
  'Le navette comunali sostituiscono il trasporto degli intermediari illegali.',
  'Gli appartamenti di transizione ospitano chi denuncia lo sfruttamento.',
  'Il Centro per l’impiego propone tirocini con tutoraggio e corsi di lingua.',
];
const RESULTS = [
  'Più accessi ai servizi rispetto all’anno precedente.',
  'Tempi di presa in carico dimezzati.',
  'Più contratti regolari dopo dodici mesi.',
  'Nessuna irregolarità grave nei controlli.',
  'Le persone coinvolte giudicano utile il servizio.',
];

async function writePractices(db: Database): Promise<{ practices: number; ms: number }> {
  const t0 = performance.now();
  const n = await db.ownerTx(async (tx) => {
    await bulkLoadMode(tx);
    const [u] = await tx.query<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 1`);
    const comuni = await tx.query<{ istat: string; region: string; band: string }>(
      `SELECT istat_code::text AS istat, region_code::text AS region, band FROM comuni ORDER BY istat_code`,
    );
    const rows: BulkRow[] = [];
    const base = Date.now() - 3 * 365 * 86_400_000;
    for (let i = 0; i < PRACTICES; i++) {
      const c = comuni[(i * 97) % comuni.length]!;
      const subject = SUBJECTS[i % SUBJECTS.length]!;
      const place = PLACES[(i * 7) % PLACES.length]!;
      const at = new Date(base + i * 15_000_000).toISOString();
      rows.push({
        id: randomUUID(),
        slug: `pratica-bench-${i + 1}`,
        status: 'PUBBLICATA',
        comune_istat: c.istat,
        title: `${subject[0]!.toUpperCase()}${subject.slice(1)} ${place} (${i + 1})`,
        summary: `Pratica sintetica per il bench: ${subject} ${place}. Testo inventato.`,
        problem: `Nel territorio ${place} ${ACTIONS[(i * 3) % ACTIONS.length]!.toLowerCase()}`,
        intervention: [ACTIONS[i % ACTIONS.length], ACTIONS[(i * 5 + 1) % ACTIONS.length]].join(' '),
        resources: 'Due operatori e un mediatore (importi di esempio).',
        budget_cents: (i % 90) * 100_000,
        results: [{ text: RESULTS[i % RESULTS.length], evidence: 'MONITORAGGIO' }],
        transferability: 'Serve una rete tra Comune, terzo settore e servizi per il lavoro.',
        contact_office: 'Ufficio politiche sociali (recapito di esempio)',
        // the subject's axis (prevention, enforcement, protection, reintegration in turn)
        axis: axes[(i % SUBJECTS.length) % axes.length],
        priority_actions: [(i % 10) + 1],
        sector: practiceSectors[(i * 3) % practiceSectors.length],
        region_codes: [c.region],
        size_class: sizeClasses.includes(c.band as (typeof sizeClasses)[number]) ? c.band : null,
        submitted_at: at,
        published_at: at,
        created_by: u!.id,
        created_at: at,
        updated_at: at,
        row_version: 1,
      });
    }
    await insertMany(tx, 'kn_practices', rows);
    return rows.length;
  });
  return { practices: n, ms: performance.now() - t0 };
}

// The floor: the public search's own statement, on the request's query string
const floorAnswer = async (u: URL, tx: Queryable) => {
  if (u.pathname !== '/api/v1/public/practices') return null;
  const p = u.searchParams;
  const f = {
    q: p.get('q') ?? undefined,
    axis: p.get('axis') ?? undefined,
    sector: p.get('sector') ?? undefined,
    region: p.get('region') ?? undefined,
    size: p.get('size') ?? undefined,
  };
  const page = Number(p.get('page') ?? 1);
  const rows = await searchPublicPractices(tx, f, 20, (page - 1) * 20);
  return { total: rows[0]?.total ?? 0, items: rows };
};

/** What both answers must agree on: the total and the page's practices in order. */
function fingerprint(body: unknown): string {
  const b = body as { total: number; items: { slug: string }[] };
  return `${b.total} found, page ${b.items.map((i) => i.slug.replace('pratica-bench-', '')).join(',')}`;
}

await runAppVsFloor({
  name: 'practices',
  write: writePractices,
  floor: (dbUrl) => startFloor(dbUrl, floorAnswer),
  run: async (env) => {
    console.log(
      `InCaS practices search bench — ${new Date().toISOString()} — ${env.fx.practices} published practices ` +
        `(written in ${f1(env.fx.ms / 1000)} s), ${CONNECTIONS} connections, ${REQUESTS} requests each, no session`,
    );
    const q = (s: string) => `/api/v1/public/practices?${s}`;
    const met = await compareWithFloor(
      env,
      [
        {
          label: 'words (stemmed, ranked, fragments): lavoratori stagionali',
          path: () => q('q=lavoratori%20stagionali'),
        },
        { label: 'words: mediazione culturale', path: () => q('q=mediazione%20culturale') },
        { label: 'a phrase and an excluded word', path: () => q('q=%22mediazione%20culturale%22%20-costa') },
        { label: 'words + Region + axis', path: () => q('q=alloggio&region=16&axis=REINTEGRAZIONE') },
        { label: 'filters only: sector + Region', path: () => q('sector=AGRICOLTURA&region=18') },
        { label: 'no words, no filter: the latest', path: () => q('') },
        { label: 'words, page 5', path: () => q('q=servizi&page=5') },
      ],
      { connections: CONNECTIONS, requests: REQUESTS, fingerprint },
    );
    return met ? 0 : 1;
  },
});
