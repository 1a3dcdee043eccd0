/** SQL of the publications: the publication, its versions, the public library's search. */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';

export interface PublicationRow {
  id: string;
  slug: string;
  kind: string;
  status: string;
  title: string;
  abstract: string;
  authors: string[];
  published_on: string | null;
  language: string;
  keywords: string[];
  topics: string[];
  licence: string;
  survey_wave_id: string | null;
  region_code: string | null;
  region_name: string | null;
  published_version: number | null;
  first_published_at: Date | null;
  withdrawn_reason: string | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
  /** the latest version the actor sees, and whether it passed the check */
  latest_version: number | null;
  latest_accessible: boolean | null;
}

export interface VersionRow {
  id: string;
  publication_id: string;
  number: number;
  file_name: string;
  size_bytes: number;
  sha256: string;
  page_count: number | null;
  accessible: boolean;
  accessibility_issues: string[];
  note: string | null;
  source: string;
  uploaded_at: Date;
}

const COLUMNS = `p.id, p.slug, p.kind, p.status, p.title, p.abstract, p.authors, to_char(p.published_on, 'YYYY-MM-DD') AS published_on,
       p.language, p.keywords, p.topics, p.licence, p.survey_wave_id, p.region_code::text AS region_code,
       rg.name AS region_name, p.published_version, p.first_published_at, p.withdrawn_reason, p.created_at, p.updated_at,
       p.row_version, lv.number AS latest_version, lv.accessible AS latest_accessible`;
const FROM = `kno_publications p LEFT JOIN regions rg ON rg.code = p.region_code
  LEFT JOIN LATERAL (SELECT v.number, v.accessible FROM kno_publication_versions v WHERE v.publication_id = p.id
                      ORDER BY v.number DESC LIMIT 1) lv ON true`;

/** Every publication the actor sees, filtered, the latest change first (the organisers' list). */
export async function selectPublications(
  tx: Queryable,
  f: { kind?: string; status?: string; q?: string },
  limit: number,
  offset: number,
): Promise<(PublicationRow & { total: number })[]> {
  const w = new Where();
  if (f.kind) w.add('p.kind = $?', f.kind);
  if (f.status) w.add('p.status = $?', f.status);
  if (f.q) w.add(`p.search @@ websearch_to_tsquery('italian', $?)`, f.q);
  return tx.query(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM ${FROM} ${w}
      ORDER BY p.updated_at DESC, p.id LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

/**
 * The public library: published publications, searched in Italian (title, keywords, abstract, by
 * weight) and filtered; the best match first when searching, else the newest publication date.
 */
export async function selectPublicPublications(
  tx: Queryable,
  f: { q?: string; kind?: string; year?: number; topic?: string },
  limit: number,
  offset: number,
): Promise<(PublicationRow & { total: number; size_bytes: number; accessible: boolean })[]> {
  const w = new Where();
  w.raw(`p.status = 'PUBBLICATA'`);
  let rank = '';
  if (f.q) {
    const q = w.param(f.q);
    w.raw(`p.search @@ websearch_to_tsquery('italian', ${q})`);
    rank = `ts_rank(p.search, websearch_to_tsquery('italian', ${q})) DESC, `;
  }
  if (f.kind) w.add('p.kind = $?', f.kind);
  if (f.year) w.add('extract(year FROM p.published_on) = $?', f.year);
  if (f.topic) w.add('$? = ANY (p.topics)', f.topic);
  return tx.query(
    `SELECT ${COLUMNS}, pv.size_bytes, pv.accessible, count(*) OVER ()::int AS total
       FROM ${FROM} JOIN kno_publication_versions pv ON pv.publication_id = p.id AND pv.number = p.published_version
       ${w}
      ORDER BY ${rank}p.published_on DESC NULLS LAST, p.title, p.id
      LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

export async function selectPublication(tx: Queryable, id: string, lock = false): Promise<PublicationRow | undefined> {
  // the lock is taken on the publication alone (a LATERAL join cannot be locked)
  if (lock) await tx.query('SELECT 1 FROM kno_publications WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await tx.query<PublicationRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE p.id = $1`, [id]);
  return row;
}

/** A published publication by its address (the public scope sees no other). */
export async function selectPublicationBySlug(tx: Queryable, slug: string): Promise<PublicationRow | undefined> {
  const [row] = await tx.query<PublicationRow>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE p.slug = $1 AND p.status = 'PUBBLICATA'`,
    [slug],
  );
  return row;
}

export async function selectPublicationOfWave(tx: Queryable, waveId: string): Promise<string | undefined> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT id FROM kno_publications WHERE survey_wave_id = $1 AND kind = 'RAPPORTO_INDAGINE'`,
    [waveId],
  );
  return row?.id;
}

export async function selectSlugsLike(tx: Queryable, base: string): Promise<string[]> {
  const rows = await tx.query<{ slug: string }>(
    `SELECT slug FROM kno_publications WHERE slug = $1 OR slug LIKE $1 || '-%'`,
    [base],
  );
  return rows.map((r) => r.slug);
}

export async function regionExists(tx: Queryable, code: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM regions WHERE code = $1', [code]);
  return rows.length > 0;
}

export async function waveExists(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM survey_waves WHERE id = $1', [id]);
  return rows.length > 0;
}

export interface PublicationValues {
  kind: string;
  title: string;
  abstract: string;
  authors: string[];
  publishedOn: string | null;
  language: string;
  keywords: string[];
  topics: string[];
  licence: string;
  surveyWaveId: string | null;
  regionCode: string | null;
}

export async function insertPublication(
  tx: Queryable,
  p: PublicationValues & { id: string; slug: string; by: string; now: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO kno_publications (id, slug, kind, status, title, abstract, authors, published_on, language, keywords,
                                   topics, licence, survey_wave_id, region_code, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, 'BOZZA', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
    [
      p.id,
      p.slug,
      p.kind,
      p.title,
      p.abstract,
      p.authors,
      p.publishedOn,
      p.language,
      p.keywords,
      p.topics,
      p.licence,
      p.surveyWaveId,
      p.regionCode,
      p.by,
      p.now,
    ],
  );
}

const columnOf: Record<string, string> = {
  kind: 'kind',
  title: 'title',
  abstract: 'abstract',
  authors: 'authors',
  publishedOn: 'published_on',
  language: 'language',
  keywords: 'keywords',
  topics: 'topics',
  licence: 'licence',
  surveyWaveId: 'survey_wave_id',
  regionCode: 'region_code',
  status: 'status',
  publishedVersion: 'published_version',
  firstPublishedAt: 'first_published_at',
  withdrawnReason: 'withdrawn_reason',
};

/** Changes the given fields (names of `columnOf` only), bumps row_version and updated_at. */
export async function updatePublication(
  tx: Queryable,
  id: string,
  set: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const w = new Where();
  const assignments = Object.entries(set)
    .filter(([k]) => k in columnOf)
    .map(([k, v]) => `${columnOf[k]} = ${w.param(v)}`);
  assignments.push(`updated_at = ${w.param(now)}`, 'row_version = row_version + 1');
  await tx.query(`UPDATE kno_publications SET ${assignments.join(', ')} WHERE id = ${w.param(id)}`, w.params);
}

const VERSION_COLUMNS = `id, publication_id, number, file_name, size_bytes, sha256, page_count, accessible,
       accessibility_issues, note, source, uploaded_at`;

/** The versions the actor sees (the public: up to the published one), newest first. */
export async function selectVersions(tx: Queryable, publicationId: string): Promise<VersionRow[]> {
  return tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM kno_publication_versions WHERE publication_id = $1 ORDER BY number DESC`,
    [publicationId],
  );
}

export async function selectVersion(tx: Queryable, publicationId: string, n: number): Promise<VersionRow | undefined> {
  const [row] = await tx.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM kno_publication_versions WHERE publication_id = $1 AND number = $2`,
    [publicationId, n],
  );
  return row;
}

export async function insertVersion(
  tx: Queryable,
  v: {
    id: string;
    publicationId: string;
    number: number;
    fileName: string;
    sizeBytes: number;
    sha256: string;
    pageCount: number | null;
    accessible: boolean;
    issues: string[];
    note: string | null;
    source: string;
    by: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO kno_publication_versions (id, publication_id, number, file_name, size_bytes, sha256, page_count,
                                           accessible, accessibility_issues, note, source, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      v.id,
      v.publicationId,
      v.number,
      v.fileName,
      v.sizeBytes,
      v.sha256,
      v.pageCount,
      v.accessible,
      v.issues,
      v.note,
      v.source,
      v.by,
      v.at,
    ],
  );
}
