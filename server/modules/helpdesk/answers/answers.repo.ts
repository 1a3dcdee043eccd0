/** SQL of the knowledge base: entries, the Italian full-text search, and what the check compares an entry with. */
import type { Queryable } from '../../../platform/db/db.js';
import type { AnswerStatus, HelpTopic, RequestStatus } from '../shared/vocabulary.js';

export interface AnswerRow {
  id: string;
  slug: string;
  topic: HelpTopic;
  status: AnswerStatus;
  question: string;
  answer: string;
  keywords: string;
  source_request_id: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  row_version: number;
}

const cols = `id, slug, topic, status, question, answer, keywords, source_request_id, created_at, updated_at, published_at,
  row_version`;

export async function selectAnswer(tx: Queryable, id: string): Promise<AnswerRow | undefined> {
  const [row] = await tx.query<AnswerRow>(`SELECT ${cols} FROM hd_answers WHERE id = $1`, [id]);
  return row;
}

export async function selectPublishedBySlug(tx: Queryable, slug: string): Promise<AnswerRow | undefined> {
  const [row] = await tx.query<AnswerRow>(`SELECT ${cols} FROM hd_answers WHERE slug = $1 AND status = 'PUBBLICATA'`, [
    slug,
  ]);
  return row;
}

export async function lockAnswer(tx: Queryable, id: string): Promise<AnswerRow | undefined> {
  const [row] = await tx.query<AnswerRow>(`SELECT ${cols} FROM hd_answers WHERE id = $1 FOR UPDATE`, [id]);
  return row;
}

export interface AnswerHitRow {
  id: string;
  slug: string;
  topic: HelpTopic;
  status: AnswerStatus;
  question: string;
  excerpt: string;
  keywords: string;
  published_at: Date | null;
}

/**
 * The entries matching the words (Italian stemming, websearch syntax: "phrase", -word, or), best
 * first (the question weighs most, then the keywords, then the answer); without words, the newest.
 * Only the statuses given (row-level security hides the drafts from all but the help desk anyway).
 */
export async function searchAnswers(
  tx: Queryable,
  f: { q: string | null; topic: HelpTopic | null; statuses: readonly AnswerStatus[]; limit: number },
): Promise<AnswerHitRow[]> {
  return tx.query<AnswerHitRow>(
    `WITH query AS (SELECT CASE WHEN $1::text IS NULL THEN NULL ELSE websearch_to_tsquery('italian', $1) END AS q)
     SELECT a.id, a.slug, a.topic, a.status, a.question, left(a.answer, 280) AS excerpt, a.keywords, a.published_at
       FROM hd_answers a, query
      WHERE a.status = ANY($3::text[]) AND ($2::text IS NULL OR a.topic = $2)
        AND (query.q IS NULL OR numnode(query.q) = 0 OR a.search @@ query.q)
      ORDER BY CASE WHEN query.q IS NULL OR numnode(query.q) = 0 THEN 0 ELSE ts_rank(a.search, query.q) END DESC,
               a.published_at DESC NULLS LAST, a.updated_at DESC, a.id
      LIMIT $4`,
    [f.q, f.topic, f.statuses, f.limit],
  );
}

export async function slugTaken(tx: Queryable, slug: string): Promise<boolean> {
  // the owner's view is not needed: a draft's slug is visible to the help desk, who alone writes entries
  return (await tx.query('SELECT 1 FROM hd_answers WHERE slug = $1', [slug])).length > 0;
}

export async function insertAnswer(
  tx: Queryable,
  a: {
    id: string;
    slug: string;
    topic: HelpTopic;
    question: string;
    answer: string;
    keywords: string;
    sourceRequestId: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO hd_answers (id, slug, topic, question, answer, keywords, status, source_request_id, created_by,
                             created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'BOZZA', $7, $8, $9, $9)`,
    [a.id, a.slug, a.topic, a.question, a.answer, a.keywords, a.sourceRequestId, a.createdBy, a.at],
  );
}

export async function updateAnswer(
  tx: Queryable,
  id: string,
  at: Date,
  set: Partial<{
    topic: HelpTopic;
    question: string;
    answer: string;
    keywords: string;
    status: AnswerStatus;
    published_at: Date;
  }>,
): Promise<void> {
  const entries = Object.entries(set);
  const assignments = entries.map(([k], i) => `${k} = $${i + 3}`);
  await tx.query(
    `UPDATE hd_answers SET ${[...assignments, 'updated_at = $2', 'row_version = row_version + 1'].join(', ')} WHERE id = $1`,
    [id, at, ...entries.map(([, v]) => v)],
  );
}

/** The request an entry comes from (in reach: the help desk's), with its Comune's name and who wrote in it. */
export async function selectSourceFacts(
  tx: Queryable,
  requestId: string,
): Promise<{ status: RequestStatus; comune_name: string; person_names: string[] } | undefined> {
  const [row] = await tx.query<{ status: RequestStatus; comune_name: string; person_names: string[] | null }>(
    `SELECT r.status, c.name AS comune_name,
            (SELECT array_agg(DISTINCT u.display_name) FROM hd_messages m JOIN access_users_v u ON u.id = m.author_id
              WHERE m.request_id = r.id AND m.side = 'COMUNE') AS person_names
       FROM hd_requests r JOIN registry_comuni_v c ON c.istat_code = r.comune_istat WHERE r.id = $1`,
    [requestId],
  );
  return row ? { status: row.status, comune_name: row.comune_name, person_names: row.person_names ?? [] } : undefined;
}
