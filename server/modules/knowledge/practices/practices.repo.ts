/**
 * SQL of the good practices: the practice with its actors and links, the authors' list, the public
 * search (websearch_to_tsquery over the stored tsvector, ranked, with ts_headline's fragments), the
 * public page, and the look-ups that check what a practice links to under the actor's own
 * row-level security (what they may not see is, for them, unknown).
 */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';
import { HIT_END, HIT_START } from './practices.text.js';

export interface PracticeRow {
  id: string;
  slug: string;
  status: string;
  comune_istat: string | null;
  comune_name: string | null;
  title: string;
  summary: string;
  problem: string;
  intervention: string;
  resources: string;
  budget_cents: string | null;
  results: { text: string; evidence: string }[];
  transferability: string;
  contact_office: string;
  axis: string;
  priority_actions: number[];
  sector: string;
  region_codes: string[];
  region_names: string[];
  size_class: string | null;
  review_comment: string | null;
  submitted_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
}

export interface ActorRow {
  practice_id: string;
  org_id: string;
  name: string;
  type: string;
  role: string;
}
export interface LinkRow {
  practice_id: string;
  kind: string;
  target_id: string;
  label: string;
}

const COLUMNS = `p.id, p.slug, p.status, p.comune_istat::text AS comune_istat, c.name AS comune_name, p.title, p.summary,
       p.problem, p.intervention, p.resources, p.budget_cents::text AS budget_cents, p.results, p.transferability,
       p.contact_office, p.axis, p.priority_actions::int[] AS priority_actions, p.sector, p.region_codes,
       ARRAY(SELECT rg.name FROM regions rg WHERE rg.code = ANY (p.region_codes) ORDER BY rg.name) AS region_names,
       p.size_class, p.review_comment, p.submitted_at, p.published_at, p.created_at, p.updated_at, p.row_version`;
const FROM = `kn_practices p LEFT JOIN comuni c ON c.istat_code = p.comune_istat`;

/** One practice by id (row-level security: a draft only for its Comune and the national scope). */
export async function selectPractice(tx: Queryable, id: string, lock = false): Promise<PracticeRow | undefined> {
  if (lock) await tx.query('SELECT 1 FROM kn_practices WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await tx.query<PracticeRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
  return row;
}

/** A published practice by its public address. */
export async function selectPublicPractice(tx: Queryable, slug: string): Promise<PracticeRow | undefined> {
  const [row] = await tx.query<PracticeRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE p.slug = $1 AND p.status = 'PUBBLICATA'`,
    [slug],
  );
  return row;
}

export async function selectActors(tx: Queryable, practiceIds: string[]): Promise<ActorRow[]> {
  return tx.query<ActorRow>(
    `SELECT a.practice_id, a.org_id, o.name, o.type, a.role FROM kn_practice_actors a
       JOIN organisations o ON o.id = a.org_id
      WHERE a.practice_id = ANY ($1::uuid[]) ORDER BY a.practice_id, a.position`,
    [practiceIds],
  );
}

export async function selectLinks(tx: Queryable, practiceIds: string[]): Promise<LinkRow[]> {
  return tx.query<LinkRow>(
    `SELECT practice_id, kind, target_id, label FROM kn_practice_links
      WHERE practice_id = ANY ($1::uuid[]) ORDER BY practice_id, position`,
    [practiceIds],
  );
}

/** The practices the actor sees (their Comune's and the published ones; all for the national scope), newest change first. */
export async function selectPractices(
  tx: Queryable,
  f: { status?: string; q?: string; comune?: string | null },
  limit: number,
  offset: number,
): Promise<(PracticeRow & { total: number })[]> {
  const w = new Where();
  if (f.status) w.add('p.status = $?', f.status);
  if (f.q)
    w.add(
      `p.title ILIKE '%' || $? || '%'`,
      f.q.replace(/[\\%_]/g, (m) => `\\${m}`),
    );
  // a Comune's user: their own Comune's practices (the published ones of others are on the public site)
  if (f.comune) w.add('p.comune_istat = $?', f.comune);
  return tx.query(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM ${FROM} ${w}
      ORDER BY p.updated_at DESC, p.id LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

export interface PublicSearchRow {
  slug: string;
  title: string;
  summary: string;
  comune_name: string | null;
  axis: string;
  sector: string;
  region_names: string[];
  size_class: string | null;
  published_at: Date;
  headline: string | null;
  total: number;
}

/**
 * The public search: published practices only, the words (if any) through websearch_to_tsquery
 * with the Italian stemmer over the stored tsvector (GIN), ranked by ts_rank_cd with the weights A
 * title, B summary, C the rest; the fragments around the hits (ts_headline) only for the page's
 * rows. Without words: the latest published first. The page's ids come from kn_search_published
 * (migration 0039: the index serves the match, which row-level security would otherwise prevent);
 * the rows are then read by id under the caller's own row-level security.
 */
export async function searchPublicPractices(
  tx: Queryable,
  f: {
    q?: string | undefined;
    axis?: string | undefined;
    sector?: string | undefined;
    region?: string | undefined;
    size?: string | undefined;
  },
  limit: number,
  offset: number,
): Promise<PublicSearchRow[]> {
  const headline = f.q
    ? `ts_headline('italian', h.summary || E'\\n' || h.problem || E'\\n' || h.intervention || E'\\n' ||
         coalesce((SELECT string_agg(r->>'text', E'\\n') FROM jsonb_array_elements(h.results) r), ''),
         websearch_to_tsquery('italian', $1), $8)`
    : 'NULL::text';
  return tx.query<PublicSearchRow>(
    `SELECT h.slug, h.title, h.summary, c.name AS comune_name, h.axis, h.sector,
            ARRAY(SELECT rg.name FROM regions rg WHERE rg.code = ANY (h.region_codes) ORDER BY rg.name) AS region_names,
            h.size_class, h.published_at, ${headline} AS headline, page.total
       FROM kn_search_published($1, $2, $3, $4, $5, $6, $7) page
       JOIN kn_practices h ON h.id = page.id LEFT JOIN comuni c ON c.istat_code = h.comune_istat
      ORDER BY page.rank DESC, page.published_at DESC, page.id`,
    [
      f.q ?? null,
      f.axis ?? null,
      f.sector ?? null,
      f.region ?? null,
      f.size ?? null,
      limit,
      offset,
      ...(f.q
        ? [
            `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "`,
          ]
        : []),
    ],
  );
}

/** The Regions with published practices, with how many each (the public filter). */
export async function selectPublicRegions(tx: Queryable): Promise<{ code: string; name: string; count: number }[]> {
  return tx.query(
    `SELECT rg.code::text AS code, rg.name, count(*)::int AS count
       FROM kn_practices p CROSS JOIN LATERAL unnest(p.region_codes) AS pr(code) JOIN regions rg ON rg.code = pr.code
      WHERE p.status = 'PUBBLICATA' GROUP BY rg.code, rg.name ORDER BY rg.name`,
  );
}

/** The published case studies that cite a practice. */
export async function selectCaseStudiesOfPractice(
  tx: Queryable,
  practiceId: string,
): Promise<{ slug: string; title: string }[]> {
  return tx.query(
    `SELECT slug, title FROM kn_case_studies WHERE status = 'PUBBLICATA' AND practice_ids @> ARRAY[$1]::uuid[]
      ORDER BY published_at, id`,
    [practiceId],
  );
}

export async function selectSlugsLike(tx: Queryable, table: 'kn_practices' | 'kn_case_studies', base: string) {
  const rows = await tx.query<{ slug: string }>(`SELECT slug FROM ${table} WHERE slug = $1 OR slug LIKE $2`, [
    base,
    `${base}-%`,
  ]);
  return rows.map((r) => r.slug);
}

export interface PracticeValues {
  comuneIstat: string | null;
  title: string;
  summary: string;
  problem: string;
  intervention: string;
  resources: string;
  budgetCents: number | null;
  results: { text: string; evidence: string }[];
  transferability: string;
  contactOffice: string;
  axis: string;
  priorityActions: number[];
  sector: string;
  regionCodes: string[];
  sizeClass: string | null;
}

export const PRACTICE_INSERT = `INSERT INTO kn_practices (id, slug, status, comune_istat, title, summary, problem, intervention, resources,
        budget_cents, results, transferability, contact_office, axis, priority_actions, sector, region_codes, size_class,
        submitted_at, published_at, created_by, created_at, updated_at)`;

/** The values of one row of PRACTICE_INSERT, in its order (the demo and the bench load many through insertMany). */
export function practiceInsertValues(
  p: PracticeValues & {
    id: string;
    slug: string;
    status: string;
    submittedAt: Date | null;
    publishedAt: Date | null;
    by: string;
    now: Date;
  },
): unknown[] {
  return [
    p.id,
    p.slug,
    p.status,
    p.comuneIstat,
    p.title,
    p.summary,
    p.problem,
    p.intervention,
    p.resources,
    p.budgetCents,
    JSON.stringify(p.results),
    p.transferability,
    p.contactOffice,
    p.axis,
    p.priorityActions,
    p.sector,
    p.regionCodes,
    p.sizeClass,
    p.submittedAt,
    p.publishedAt,
    p.by,
    p.now,
    p.now,
  ];
}

export async function insertPractice(tx: Queryable, p: Parameters<typeof practiceInsertValues>[0]): Promise<void> {
  const values = practiceInsertValues(p);
  await tx.query(`${PRACTICE_INSERT} VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
}

const COLUMN_OF: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  problem: 'problem',
  intervention: 'intervention',
  resources: 'resources',
  budgetCents: 'budget_cents',
  results: 'results',
  transferability: 'transferability',
  contactOffice: 'contact_office',
  axis: 'axis',
  priorityActions: 'priority_actions',
  sector: 'sector',
  regionCodes: 'region_codes',
  sizeClass: 'size_class',
  status: 'status',
  reviewComment: 'review_comment',
  submittedAt: 'submitted_at',
  reviewedBy: 'reviewed_by',
  publishedAt: 'published_at',
};

/** Changes the named fields (API names), bumps the row version; the actors and links follow its state. */
export async function updatePractice(
  tx: Queryable,
  id: string,
  set: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const w = new Where();
  const sets = Object.entries(set).map(
    ([k, v]) => `${COLUMN_OF[k]!} = ${w.param(k === 'results' ? JSON.stringify(v) : v)}`,
  );
  await tx.query(
    `UPDATE kn_practices SET ${[...sets, `updated_at = ${w.param(now)}`, 'row_version = row_version + 1'].join(', ')}
      WHERE id = ${w.param(id)}`,
    w.params,
  );
  if (set.status !== undefined) {
    await tx.query('UPDATE kn_practice_actors SET status = $2 WHERE practice_id = $1', [id, set.status]);
    await tx.query('UPDATE kn_practice_links SET status = $2 WHERE practice_id = $1', [id, set.status]);
  }
}

/** Replaces the practice's actors (in the order given). */
export async function replaceActors(
  tx: Queryable,
  practice: { id: string; comuneIstat: string | null; status: string },
  actors: { orgId: string; role: string }[],
): Promise<void> {
  await tx.query('DELETE FROM kn_practice_actors WHERE practice_id = $1', [practice.id]);
  for (const [i, a] of actors.entries())
    await tx.query(
      `INSERT INTO kn_practice_actors (practice_id, org_id, role, position, comune_istat, status)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [practice.id, a.orgId, a.role, i, practice.comuneIstat, practice.status],
    );
}

/** Replaces the practice's links (in the order given), each with the label it was checked with. */
export async function replaceLinks(
  tx: Queryable,
  practice: { id: string; comuneIstat: string | null; status: string },
  links: { kind: string; targetId: string; label: string }[],
): Promise<void> {
  await tx.query('DELETE FROM kn_practice_links WHERE practice_id = $1', [practice.id]);
  for (const [i, l] of links.entries())
    await tx.query(
      `INSERT INTO kn_practice_links (practice_id, kind, target_id, label, position, comune_istat, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [practice.id, l.kind, l.targetId, l.label, i, practice.comuneIstat, practice.status],
    );
}

// ---- what a practice links to, as the actor sees it ----

/** The organisations among `ids` (registry), with name and type. */
export async function selectOrganisations(tx: Queryable, ids: string[]) {
  return tx.query<{ id: string; name: string; type: string }>(
    `SELECT id::text AS id, name, type FROM organisations WHERE id::text = ANY ($1::text[])`,
    [ids],
  );
}

export async function selectRegionCodes(tx: Queryable, codes: string[]): Promise<string[]> {
  const rows = await tx.query<{ code: string }>(
    `SELECT code::text AS code FROM regions WHERE code = ANY ($1::text[])`,
    [codes],
  );
  return rows.map((r) => r.code);
}

export async function selectComuneBand(
  tx: Queryable,
  istat: string,
): Promise<{ band: string; region: string } | undefined> {
  const [row] = await tx.query<{ band: string; region: string }>(
    `SELECT band, region_code::text AS region FROM comuni WHERE istat_code = $1`,
    [istat],
  );
  return row;
}

/** The labels of the link targets of one kind among `ids`, as the actor's row-level security lets them see. */
export async function selectLinkTargets(
  tx: Queryable,
  kind: string,
  ids: string[],
): Promise<{ id: string; label: string }[]> {
  return tx.query(`${TARGETS[kind]!.sql} WHERE ${TARGETS[kind]!.id} = ANY ($1::text[])`, [ids]);
}

/** The link targets (or organisations) whose name holds `q`, as the actor sees them: the pickers. */
export async function searchLinkTargets(
  tx: Queryable,
  kind: string,
  q: string | undefined,
  limit: number,
): Promise<{ id: string; label: string }[]> {
  const t = TARGETS[kind]!;
  const words = q ? q.replace(/[\\%_]/g, (m) => `\\${m}`) : '';
  // those whose name starts with the words first, then by name
  return tx.query(`${t.sql} WHERE ${t.search} ILIKE $1 ORDER BY ${t.search} ILIKE $2 DESC, 2 LIMIT ${limit}`, [
    `%${words}%`,
    `${words}%`,
  ]);
}

const TARGETS: Record<string, { sql: string; id: string; search: string }> = {
  ORGANIZZAZIONE: {
    sql: `SELECT o.id::text AS id, o.name AS label FROM organisations o`,
    id: 'o.id::text',
    search: 'o.name',
  },
  COMUNE: {
    sql: `SELECT c.istat_code::text AS id, c.name || ' (' || c.province_code || ')' AS label FROM comuni c`,
    id: 'c.istat_code::text',
    search: 'c.name',
  },
  AZIONE_PLM: {
    sql: `SELECT a.id::text AS id, a.code || ' — ' || a.title || ' (' || c.name || ')' AS label
            FROM plm_actions a JOIN comuni c ON c.istat_code = a.comune_istat`,
    id: 'a.id::text',
    search: `a.code || ' ' || a.title || ' ' || c.name`,
  },
  PROGETTO: {
    sql: `SELECT pr.id::text AS id, pr.title || coalesce(' — CUP ' || pr.cup, '') || ' (' || c.name || ')' AS label
            FROM projects pr JOIN comuni c ON c.istat_code = pr.comune_istat`,
    id: 'pr.id::text',
    search: `pr.title || ' ' || coalesce(pr.cup, '') || ' ' || c.name`,
  },
  RISPOSTA_INDAGINE: {
    sql: `SELECT r.id::text AS id, w.title_it || ' — ' || c.name AS label
            FROM survey_responses r JOIN survey_wave_comuni wc ON wc.id = r.id
            JOIN survey_waves w ON w.id = wc.wave_id JOIN comuni c ON c.istat_code = r.comune_istat`,
    id: 'r.id::text',
    search: `w.title_it || ' ' || c.name`,
  },
};
