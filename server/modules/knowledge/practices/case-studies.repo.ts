/** SQL of the case studies: the document with its sections and sources, its Comuni and practices by name. */
import type { Queryable } from '../../../platform/db/db.js';
import { Where } from '../../../platform/pagination.js';

export interface CaseStudyRow {
  id: string;
  slug: string;
  status: string;
  title: string;
  summary: string;
  sections: { heading: string; body: string }[];
  sources: { citation: string; url: string | null }[];
  comuni: string[];
  practice_ids: string[];
  review_comment: string | null;
  submitted_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  updated_at: Date;
  row_version: number;
}

const COLUMNS = `s.id, s.slug, s.status, s.title, s.summary, s.sections, s.sources, s.comuni, s.practice_ids::text[] AS practice_ids,
       s.review_comment, s.submitted_at, s.published_at, s.created_at, s.updated_at, s.row_version`;

export async function selectCaseStudy(tx: Queryable, id: string, lock = false): Promise<CaseStudyRow | undefined> {
  if (lock) await tx.query('SELECT 1 FROM kn_case_studies WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await tx.query<CaseStudyRow>(`SELECT ${COLUMNS} FROM kn_case_studies s WHERE s.id = $1`, [id]);
  return row;
}

export async function selectPublicCaseStudy(tx: Queryable, slug: string): Promise<CaseStudyRow | undefined> {
  const [row] = await tx.query<CaseStudyRow>(
    `SELECT ${COLUMNS} FROM kn_case_studies s WHERE s.slug = $1 AND s.status = 'PUBBLICATA'`,
    [slug],
  );
  return row;
}

/** The case studies the actor sees (published ones only, for whoever may not see drafts), in order of writing. */
export async function selectCaseStudies(
  tx: Queryable,
  f: { status?: string | undefined; publishedOnly?: boolean },
  limit: number,
  offset: number,
): Promise<(CaseStudyRow & { total: number })[]> {
  const w = new Where();
  if (f.status) w.add('s.status = $?', f.status);
  if (f.publishedOnly) w.raw(`s.status = 'PUBBLICATA'`);
  const order = f.publishedOnly ? 's.published_at, s.id' : 's.created_at, s.id';
  return tx.query(
    `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM kn_case_studies s ${w}
      ORDER BY ${order} LIMIT ${w.param(limit)} OFFSET ${w.param(offset)}`,
    w.params,
  );
}

/** The Comuni among `codes`, by name, in the order given. */
export async function selectComuniNamed(tx: Queryable, codes: string[]): Promise<{ istat: string; name: string }[]> {
  const rows = await tx.query<{ istat: string; name: string }>(
    `SELECT istat_code::text AS istat, name FROM comuni WHERE istat_code = ANY ($1::text[])`,
    [codes],
  );
  const byCode = new Map(rows.map((r) => [r.istat, r]));
  return codes.map((c) => byCode.get(c)).filter((r): r is { istat: string; name: string } => !!r);
}

/** The practices among `ids` the actor sees, in the order given. */
export async function selectPracticesNamed(
  tx: Queryable,
  ids: string[],
): Promise<{ id: string; slug: string; title: string; published: boolean }[]> {
  const rows = await tx.query<{ id: string; slug: string; title: string; published: boolean }>(
    `SELECT id::text AS id, slug, title, status = 'PUBBLICATA' AS published FROM kn_practices WHERE id::text = ANY ($1::text[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((i) => byId.get(i)).filter((r): r is NonNullable<typeof r> => !!r);
}

export interface CaseStudyValues {
  title: string;
  summary: string;
  sections: { heading: string; body: string }[];
  sources: { citation: string; url: string | null }[];
  comuni: string[];
  practiceIds: string[];
}

export async function insertCaseStudy(
  tx: Queryable,
  c: CaseStudyValues & {
    id: string;
    slug: string;
    status: string;
    submittedAt: Date | null;
    publishedAt: Date | null;
    by: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO kn_case_studies (id, slug, status, title, summary, sections, sources, comuni, practice_ids,
                                  submitted_at, published_at, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11, $12, $13, $13)`,
    [
      c.id,
      c.slug,
      c.status,
      c.title,
      c.summary,
      JSON.stringify(c.sections),
      JSON.stringify(c.sources),
      c.comuni,
      c.practiceIds,
      c.submittedAt,
      c.publishedAt,
      c.by,
      c.now,
    ],
  );
}

const COLUMN_OF: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  sections: 'sections',
  sources: 'sources',
  comuni: 'comuni',
  practiceIds: 'practice_ids',
  status: 'status',
  reviewComment: 'review_comment',
  submittedAt: 'submitted_at',
  reviewedBy: 'reviewed_by',
  publishedAt: 'published_at',
};

export async function updateCaseStudy(
  tx: Queryable,
  id: string,
  set: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const w = new Where();
  const sets = Object.entries(set).map(([k, v]) => {
    const col = COLUMN_OF[k]!;
    if (k === 'sections' || k === 'sources') return `${col} = ${w.param(JSON.stringify(v))}`;
    if (k === 'practiceIds') return `${col} = ${w.param(v)}::uuid[]`;
    return `${col} = ${w.param(v)}`;
  });
  await tx.query(
    `UPDATE kn_case_studies SET ${[...sets, `updated_at = ${w.param(now)}`, 'row_version = row_version + 1'].join(', ')}
      WHERE id = ${w.param(id)}`,
    w.params,
  );
}
