/**
 * Factories of the good practices' tests, written straight into the tables as the database owner:
 * a practice of a Comune (or of none) in the state asked, with its text; a case study.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/platform/db/db.js';
import type { PracticeStatus } from '../../server/modules/knowledge/practices/practices.vocabulary.js';

export interface TestPractice {
  id: string;
  slug: string;
  title: string;
}

/** A practice: by default published, of no Comune, on prevention in agriculture in Puglia. */
export async function makePractice(
  db: Database,
  createdBy: { id: string },
  o: {
    status?: PracticeStatus;
    comuneIstat?: string | null;
    title?: string;
    summary?: string;
    intervention?: string;
    axis?: string;
    sector?: string;
    regionCodes?: string[];
    sizeClass?: string | null;
    publishedAt?: Date;
  } = {},
): Promise<TestPractice> {
  const id = randomUUID();
  const slug = `pratica-${id.slice(0, 8)}`;
  const status = o.status ?? 'PUBBLICATA';
  const title = o.title ?? `Pratica di prova ${id.slice(0, 4)}`;
  const now = new Date();
  await db.ownerTx(async (tx) => {
    await tx.query(
      `INSERT INTO kn_practices (id, slug, status, comune_istat, title, summary, problem, intervention, results, axis,
                                 sector, region_codes, size_class, submitted_at, published_at, created_by, created_at,
                                 updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'Un problema di prova.', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
      [
        id,
        slug,
        status,
        o.comuneIstat ?? null,
        title,
        o.summary ?? 'Una pratica di prova, testo inventato.',
        o.intervention ?? 'Un intervento di prova.',
        JSON.stringify([{ text: 'Un risultato di prova.', evidence: 'MONITORAGGIO' }]),
        o.axis ?? 'PREVENZIONE',
        o.sector ?? 'AGRICOLTURA',
        o.regionCodes ?? ['16'],
        o.sizeClass === undefined ? 'lt15k' : o.sizeClass,
        status === 'BOZZA' ? null : now,
        status === 'PUBBLICATA' ? (o.publishedAt ?? now) : null,
        createdBy.id,
        now,
      ],
    );
  });
  return { id, slug, title };
}

/** A case study, by default published, citing the practices given. */
export async function makeCaseStudy(
  db: Database,
  createdBy: { id: string },
  o: { status?: PracticeStatus; practiceIds?: string[]; title?: string } = {},
): Promise<TestPractice> {
  const id = randomUUID();
  const slug = `caso-${id.slice(0, 8)}`;
  const status = o.status ?? 'PUBBLICATA';
  const title = o.title ?? `Caso di prova ${id.slice(0, 4)}`;
  const now = new Date();
  await db.ownerTx((tx) =>
    tx.query(
      `INSERT INTO kn_case_studies (id, slug, status, title, summary, sections, sources, practice_ids, submitted_at,
                                    published_at, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 'Un caso di prova.', $5, '[]', $6::uuid[], $7, $8, $9, $10, $10)`,
      [
        id,
        slug,
        status,
        title,
        JSON.stringify([{ heading: 'Il contesto', body: 'Testo di prova.' }]),
        o.practiceIds ?? [],
        status === 'BOZZA' ? null : now,
        status === 'PUBBLICATA' ? now : null,
        createdBy.id,
        now,
      ],
    ),
  );
  return { id, slug, title };
}
