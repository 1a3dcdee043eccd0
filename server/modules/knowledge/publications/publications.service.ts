/**
 * The publications (issue 14 item 3; decision 0057). ANCI/Cittalia's assistenza tecnica
 * (`knowledge.publications.manage`) create a publication as a draft, change its metadata
 * (row_version), upload PDFs as numbered versions (checked by content with the platform's document
 * checks, then for accessibility; the bytes encrypted in kno_publication_contents), publish a
 * version (one that fails the accessibility check only with a reason, kept in the audit trail) and
 * withdraw; MLPS reads them all (`knowledge.publications.read`). A wave's report is published in one
 * step: the platform prints it (tagged PDF, the disclosure-controlled copy) and adds it as a new
 * version of the wave's RAPPORTO_INDAGINE publication. Each write is one transaction with its audit
 * row. The public library reads with the anonymous scope: published publications and the versions
 * up to the one published, nothing else (row-level security).
 */
import { createHash, randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import {
  checkDocument,
  databaseDocumentStore,
  documentContentsColumn,
  documentRefusals,
  type DocumentContentsTable,
} from '../../../platform/documents/index.js';
import { AppError } from '../../../platform/errors.js';
import type { EncryptedColumn } from '../../../platform/module.js';
import { offsetOf, type Page } from '../../../platform/pagination.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { selectReportWave, waveReportFile } from '../../surveys/index.js';
import { checkPdfAccessibility } from './publications.pdf-check.js';
import {
  insertPublication,
  insertVersion,
  regionExists,
  selectPublication,
  selectPublicationBySlug,
  selectPublicationOfWave,
  selectPublications,
  selectPublicPublications,
  selectSlugsLike,
  selectVersion,
  selectVersions,
  updatePublication,
  waveExists,
  type PublicationRow,
  type VersionRow,
} from './publications.repo.js';
import {
  canPublish,
  canWithdraw,
  freeSlug,
  publicationSlug,
  publishGate,
  surveyReportMetadata,
  versionFilename,
} from './publications.rules.js';
import type {
  CreatePublicationBody,
  ListPublicationsQuery,
  ListPublicPublicationsQuery,
  PatchPublicationBody,
  PublicationDetail,
  PublicationSummary,
  PublicationVersionOut,
  PublicPublication,
  PublicPublicationSummary,
  PublishPublicationBody,
  PublishSurveyReportBody,
  UploadVersionBody,
  WithdrawPublicationBody,
} from './publications.schema.js';
import {
  accessibilityIssueIt,
  type AccessibilityIssue,
  type PublicationKind,
  type PublicationStatus,
  type PublicationTopic,
  type VersionSource,
} from './publications.vocabulary.js';

export const publicationContents: DocumentContentsTable = {
  table: 'kno_publication_contents',
  column: 'content',
  aad: 'kno_publication_contents/{id}/content',
};
/** The publications' encrypted column (listed in ../index.ts). */
export const publicationsEncryptedColumns: EncryptedColumn[] = [documentContentsColumn(publicationContents)];
const store = (ctx: Pick<Ctx, 'cipher'>) => databaseDocumentStore(ctx.cipher, publicationContents);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const metadataOf = (r: PublicationRow) => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as PublicationKind,
  title: r.title,
  abstract: r.abstract,
  authors: r.authors,
  publishedOn: r.published_on,
  language: r.language,
  keywords: r.keywords,
  topics: r.topics as PublicationTopic[],
  licence: r.licence,
  regionCode: r.region_code,
  regionName: r.region_name,
  surveyWaveId: r.survey_wave_id,
});

const summaryOf = (r: PublicationRow): PublicationSummary => ({
  ...metadataOf(r),
  status: r.status as PublicationStatus,
  publishedVersion: r.published_version,
  latestVersion: r.latest_version,
  latestAccessible: r.latest_accessible,
  updatedAt: r.updated_at.toISOString(),
});

const versionOf = (v: VersionRow): PublicationVersionOut => ({
  number: v.number,
  fileName: v.file_name,
  sizeBytes: v.size_bytes,
  sha256: v.sha256,
  pageCount: v.page_count,
  accessible: v.accessible,
  accessibilityIssues: v.accessibility_issues as AccessibilityIssue[],
  note: v.note,
  source: v.source as VersionSource,
  uploadedAt: v.uploaded_at.toISOString(),
});

async function detailOf(tx: Queryable, id: string): Promise<PublicationDetail> {
  const r = (await selectPublication(tx, id))!;
  return {
    ...summaryOf(r),
    withdrawnReason: r.withdrawn_reason,
    firstPublishedAt: iso(r.first_published_at),
    versions: (await selectVersions(tx, id)).map(versionOf),
    rowVersion: r.row_version,
    createdAt: r.created_at.toISOString(),
  };
}

function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && current !== expected)
    throw new AppError('knowledge.stale', 'Someone else changed it in the meantime: reload the page.', {
      context: { currentVersion: current },
    });
}

const stateError = (status: string, action: string) =>
  new AppError('knowledge.state', `A publication ${status} cannot be ${action}.`, { context: { status } });

const invalidField = (path: string, message: string) =>
  new AppError('request.invalid', message, { fieldIssues: [{ path: `body.${path}`, message, code: 'custom' }] });

async function assertReferences(
  tx: Queryable,
  b: { regionCode?: string | null | undefined; surveyWaveId?: string | null | undefined },
): Promise<void> {
  if (b.regionCode && !(await regionExists(tx, b.regionCode)))
    throw invalidField('regionCode', 'No Region with this code');
  if (b.surveyWaveId && !(await waveExists(tx, b.surveyWaveId)))
    throw invalidField('surveyWaveId', 'No survey wave with this id');
}

async function loadForChange(tx: Queryable, id: string): Promise<PublicationRow> {
  const row = await selectPublication(tx, id, true);
  if (!row) throw new AppError('knowledge.publications.not_found');
  return row;
}

/** GET /knowledge/publications: every publication, drafts and withdrawn ones included. */
export async function listPublications(ctx: Ctx, q: ListPublicationsQuery): Promise<Page<PublicationSummary>> {
  assertCan(ctx.actor, 'knowledge.publications.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const rows = await selectPublications(tx, q, q.pageSize, offsetOf(q));
    return { items: rows.map(summaryOf), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

/** GET /knowledge/publications/{id}: one publication with every version and its accessibility check. */
export async function getPublication(ctx: Ctx, id: string): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    if (!(await selectPublication(tx, id))) throw new AppError('knowledge.publications.not_found');
    return detailOf(tx, id);
  });
}

async function insertDraft(
  tx: Queryable,
  ctx: Ctx,
  body: CreatePublicationBody,
): Promise<{ id: string; slug: string }> {
  const base = publicationSlug(body.title);
  const slug = freeSlug(base, await selectSlugsLike(tx, base));
  const id = randomUUID();
  await insertPublication(tx, { ...body, id, slug, by: ctx.actor!.userId, now: ctx.clock.now() });
  await recordAudit(tx, ctx, {
    action: 'knowledge.publication.create',
    entityType: 'kno_publication',
    entityId: id,
    tenantComune: null,
    details: { title: body.title, kind: body.kind, slug },
  });
  return { id, slug };
}

/** POST /knowledge/publications: a draft; its public address made from the title (unique). */
export async function createPublication(ctx: Ctx, body: CreatePublicationBody): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    await assertReferences(tx, body);
    const { id } = await insertDraft(tx, ctx, body);
    return detailOf(tx, id);
  });
}

/** PATCH /knowledge/publications/{id}: the metadata, in any state; the public address stays. */
export async function patchPublication(ctx: Ctx, id: string, body: PatchPublicationBody): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const p = await loadForChange(tx, id);
    assertVersion(p.row_version, body.rowVersion);
    const { rowVersion: _v, ...set } = body;
    await assertReferences(tx, set);
    const fields = Object.keys(set);
    if (fields.length) await updatePublication(tx, id, set, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'knowledge.publication.update',
      entityType: 'kno_publication',
      entityId: id,
      tenantComune: null,
      details: { fields },
    });
    return detailOf(tx, id);
  });
}

/**
 * Checks a PDF (the platform's document checks: by content, the extension, no active content; then
 * the accessibility check) and keeps it as the next version, inside the caller's transaction with
 * the publication locked. Nothing is written when the file is refused.
 */
async function addVersion(
  tx: Queryable,
  ctx: Ctx,
  p: PublicationRow,
  file: { fileName: string; bytes: Buffer; note: string | null; source: VersionSource },
): Promise<VersionRow> {
  const check = checkDocument(file.fileName, file.bytes);
  if (!check.ok)
    throw new AppError(
      check.reason === 'too_large' ? 'knowledge.publications.file_too_large' : 'knowledge.publications.file_refused',
      documentRefusals[check.reason],
      { context: { reason: check.reason } },
    );
  if (check.type !== 'application/pdf')
    throw new AppError('knowledge.publications.file_refused', 'Una pubblicazione è un documento PDF.', {
      context: { reason: 'not_pdf' },
    });
  const a11y = await checkPdfAccessibility(file.bytes);
  const number = (p.latest_version ?? 0) + 1;
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const now = ctx.clock.now();
  await insertVersion(tx, {
    id,
    publicationId: p.id,
    number,
    fileName: file.fileName,
    sizeBytes: file.bytes.length,
    sha256,
    pageCount: a11y.pageCount,
    accessible: a11y.accessible,
    issues: a11y.issues,
    note: file.note,
    source: file.source,
    by: ctx.actor!.userId,
    at: now,
  });
  await store(ctx).put(tx, { id, comune: null }, file.bytes);
  await updatePublication(tx, p.id, {}, now);
  await recordAudit(tx, ctx, {
    action: 'knowledge.publication.upload',
    entityType: 'kno_publication',
    entityId: p.id,
    tenantComune: null,
    details: { version: number, bytes: file.bytes.length, sha256, accessible: a11y.accessible, issues: a11y.issues },
  });
  return (await selectVersion(tx, p.id, number))!;
}

/** POST /knowledge/publications/{id}/versions: a PDF as the next version (not public until published). */
export async function uploadVersion(ctx: Ctx, id: string, body: UploadVersionBody): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.manage');
  const bytes = Buffer.from(body.content, 'base64');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const p = await loadForChange(tx, id);
    assertVersion(p.row_version, body.rowVersion);
    await addVersion(tx, ctx, p, { fileName: body.filename, bytes, note: body.note ?? null, source: 'CARICAMENTO' });
    return detailOf(tx, id);
  });
}

/** Makes version `n` the public one (first publication, a newer version, or back from withdrawn). */
async function publishVersion(
  tx: Queryable,
  ctx: Ctx,
  p: PublicationRow,
  v: VersionRow,
  exception: string | null,
): Promise<void> {
  const now = ctx.clock.now();
  await updatePublication(
    tx,
    p.id,
    {
      status: 'PUBBLICATA',
      publishedVersion: v.number,
      firstPublishedAt: p.first_published_at ?? now,
      withdrawnReason: null,
    },
    now,
  );
  await recordAudit(tx, ctx, {
    action: 'knowledge.publication.publish',
    entityType: 'kno_publication',
    entityId: p.id,
    tenantComune: null,
    details: {
      slug: p.slug,
      version: v.number,
      from: p.status,
      accessible: v.accessible,
      ...(exception ? { issues: v.accessibility_issues, exceptionReason: exception } : {}),
    },
  });
}

/**
 * POST /knowledge/publications/{id}/publish: the latest version (or the one named) becomes the
 * public one. A version failing the accessibility check is refused (409, with the issues in
 * Italian) unless `exceptionReason` says why it is published all the same.
 */
export async function publishPublication(
  ctx: Ctx,
  id: string,
  body: PublishPublicationBody,
): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const p = await loadForChange(tx, id);
    assertVersion(p.row_version, body.rowVersion);
    if (!canPublish(p.status as PublicationStatus)) throw stateError(p.status, 'published');
    const n = body.version ?? p.latest_version;
    if (n === null) throw new AppError('knowledge.publications.no_version', 'Upload a PDF before publishing.');
    const v = await selectVersion(tx, id, n);
    if (!v) throw new AppError('knowledge.publications.version_not_found');
    const gate = publishGate(
      { accessible: v.accessible, issues: v.accessibility_issues as AccessibilityIssue[] },
      body.exceptionReason,
    );
    if (!gate.ok)
      throw new AppError(
        'knowledge.publications.inaccessible',
        `La versione ${n} non supera la verifica di accessibilità: ${gate.issues.map((i) => accessibilityIssueIt[i]).join('; ')}. ` +
          'Caricare un PDF accessibile, oppure indicare il motivo della pubblicazione in deroga.',
        { context: { version: n, issues: gate.issues.join(',') } },
      );
    await publishVersion(tx, ctx, p, v, gate.exception ? body.exceptionReason!.trim() : null);
    return detailOf(tx, id);
  });
}

/** POST /knowledge/publications/{id}/withdraw: PUBBLICATA → RITIRATA with a reason; it leaves the library. */
export async function withdrawPublication(
  ctx: Ctx,
  id: string,
  body: WithdrawPublicationBody,
): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.manage');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const p = await loadForChange(tx, id);
    assertVersion(p.row_version, body.rowVersion);
    if (!canWithdraw(p.status as PublicationStatus)) throw stateError(p.status, 'withdrawn');
    await updatePublication(tx, id, { status: 'RITIRATA', withdrawnReason: body.reason }, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'knowledge.publication.withdraw',
      entityType: 'kno_publication',
      entityId: id,
      tenantComune: null,
      details: { slug: p.slug, reason: body.reason },
    });
    return detailOf(tx, id);
  });
}

export interface PublicationFile {
  bytes: Buffer;
  filename: string;
}

async function fileOf(tx: Queryable, ctx: Ctx, p: PublicationRow, n: number): Promise<PublicationFile> {
  const v = await selectVersion(tx, p.id, n);
  if (!v) throw new AppError('knowledge.publications.version_not_found');
  const bytes = await store(ctx).get(tx, { id: v.id, comune: null });
  if (!bytes) throw new AppError('knowledge.publications.version_not_found');
  return { bytes, filename: versionFilename(p.slug, n) };
}

/** GET /knowledge/publications/{id}/versions/{n}/file: any version, for the organisers and MLPS. */
export async function versionFile(ctx: Ctx, id: string, n: number): Promise<PublicationFile> {
  assertCan(ctx.actor, 'knowledge.publications.read');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const p = await selectPublication(tx, id);
    if (!p) throw new AppError('knowledge.publications.not_found');
    return fileOf(tx, ctx, p, n);
  });
}

/**
 * POST /knowledge/publications/survey-reports: a wave's report published in the library in one
 * step. The report is printed as MLPS would read it (the disclosure-controlled copy: it becomes
 * public), as a tagged PDF; it becomes the next version of the wave's RAPPORTO_INDAGINE
 * publication (created the first time with the wave's metadata) and, when it passes the
 * accessibility check, the published one. The print runs before the transaction (Chromium).
 */
export async function publishSurveyReport(ctx: Ctx, body: PublishSurveyReportBody): Promise<PublicationDetail> {
  assertCan(ctx.actor, 'knowledge.publications.manage');
  const actor = ctx.actor;
  const wave = await ctx.db.tx(accessOf(actor), (tx) => selectReportWave(tx, body.waveId));
  if (!wave) throw new AppError('surveys.wave.not_found');
  // the copy for the public: without the exact figures only ANCI/Cittalia may read
  const permissions = new Set([...actor.permissions].filter((x) => x !== 'surveys.results.full'));
  const report = await waveReportFile({ ...ctx, actor: { ...actor, permissions } }, body.waveId, { format: 'pdf' });
  return ctx.db.tx(accessOf(actor), async (tx) => {
    let id = await selectPublicationOfWave(tx, body.waveId);
    const created = id === undefined;
    if (id === undefined) {
      const meta = surveyReportMetadata({
        survey: wave.survey,
        wave: wave.wave,
        opensOn: wave.opens_on,
        closesOn: wave.closes_on,
      });
      id = (
        await insertDraft(tx, ctx, {
          kind: 'RAPPORTO_INDAGINE',
          ...meta,
          authors: ['ANCI', 'Cittalia'],
          publishedOn: ctx.clock.now().toISOString().slice(0, 10),
          language: 'it',
          topics: [],
          licence: 'CC BY 4.0',
          surveyWaveId: body.waveId,
          regionCode: null,
        })
      ).id;
    }
    const p = await loadForChange(tx, id);
    const v = await addVersion(tx, ctx, p, {
      fileName: report.filename,
      bytes: report.body,
      note: `Generato dalla piattaforma il ${ctx.clock.now().toISOString().slice(0, 10).split('-').reverse().join('/')}`,
      source: 'RAPPORTO_INDAGINE',
    });
    const published = v.accessible && p.status !== 'RITIRATA';
    if (published) await publishVersion(tx, ctx, (await selectPublication(tx, id))!, v, null);
    await recordAudit(tx, ctx, {
      action: 'knowledge.publication.survey_report',
      entityType: 'kno_publication',
      entityId: id,
      tenantComune: null,
      details: { wave: body.waveId, version: v.number, created, published },
    });
    return detailOf(tx, id);
  });
}

const publicSummaryOf = (
  r: PublicationRow & { size_bytes: number; accessible: boolean },
): PublicPublicationSummary => ({
  ...metadataOf(r),
  version: r.published_version!,
  sizeBytes: r.size_bytes,
  accessible: r.accessible,
});

/** GET /public/publications: the library (no login), searched and filtered. */
export async function listPublicPublications(
  ctx: Ctx,
  q: ListPublicPublicationsQuery,
): Promise<Page<PublicPublicationSummary>> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const rows = await selectPublicPublications(tx, q, q.pageSize, offsetOf(q));
    return { items: rows.map(publicSummaryOf), total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadPublic(tx: Queryable, slug: string): Promise<PublicationRow> {
  const p = await selectPublicationBySlug(tx, slug);
  if (!p) throw new AppError('knowledge.publications.not_found');
  return p;
}

/** GET /public/publications/{slug}: a published publication, its version shown and the earlier ones. */
export async function getPublicPublication(ctx: Ctx, slug: string): Promise<PublicPublication> {
  return ctx.db.tx(accessOf(null), async (tx) => {
    const p = await loadPublic(tx, slug);
    // the anonymous scope sees the versions up to the published one (row-level security)
    const versions = await selectVersions(tx, p.id);
    const shown = versions.find((v) => v.number === p.published_version)!;
    return {
      ...metadataOf(p),
      version: shown.number,
      sizeBytes: shown.size_bytes,
      accessible: shown.accessible,
      firstPublishedAt: p.first_published_at!.toISOString(),
      versions: versions.map((v) => ({
        number: v.number,
        fileName: versionFilename(p.slug, v.number),
        sizeBytes: v.size_bytes,
        pageCount: v.page_count,
        accessible: v.accessible,
        note: v.note,
        uploadedAt: v.uploaded_at.toISOString(),
      })),
    };
  });
}

/** GET /public/publications/{slug}/versions/{n}/file: a published version's PDF. */
export async function publicVersionFile(ctx: Ctx, slug: string, n: number): Promise<PublicationFile> {
  return ctx.db.tx(accessOf(null), async (tx) => fileOf(tx, ctx, await loadPublic(tx, slug), n));
}
