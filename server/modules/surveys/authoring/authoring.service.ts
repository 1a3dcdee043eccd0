/**
 * Authoring of the national surveys (issue 10, point 3): a survey is created once; each XLSForm
 * uploaded becomes a draft version of its questionnaire (with the import's warnings), a draft is
 * published once (numbered 1, 2, … and immutable from then on: a database trigger refuses any
 * change), and each version lists what changed from the published version before it.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import type { Queryable } from '../../../platform/db/db.js';
import {
  describeChange,
  describeSummary,
  diffForms,
  summarize,
  type Form,
  type FormChange,
} from '../shared/form/public.js';
import { readXlsForm, type ImportIssue } from '../shared/form/xlsform-import.js';
import { countQuestions, writeXlsForm } from '../shared/form/xlsform-export.js';
import {
  insertSurvey,
  insertVersion,
  lockVersionsOf,
  lockVersion,
  nextVersionNo,
  publishVersion,
  selectSurvey,
  selectSurveys,
  selectVersion,
  selectVersions,
  surveyCodeExists,
  type SurveyRow,
  type VersionRow,
} from './authoring.repo.js';
import type {
  ChangesOut,
  CreateSurveyBody,
  ImportVersionBody,
  SurveyOut,
  VersionDetailOut,
  VersionSummaryOut,
  XlsFormIssueOut,
} from './authoring.schema.js';

/** Reading the surveys: whoever follows them (surveys.read) or writes them (surveys.author) */
function assertCanRead(ctx: Ctx): void {
  assertCan(ctx.actor, can(ctx.actor, 'surveys.author') ? 'surveys.author' : 'surveys.read');
}

function toSurvey(r: SurveyRow): SurveyOut {
  return {
    id: r.id,
    code: r.code,
    titleIt: r.title_it,
    titleEn: r.title_en,
    descriptionIt: r.description_it,
    createdAt: r.created_at.toISOString(),
    versionCount: r.version_count,
    latestPublishedNo: r.latest_published_no,
    waveCount: r.wave_count,
  };
}

const formOf = (v: VersionRow): Form => v.form as Form;
const isPublished = (v: VersionRow): boolean => v.published_at !== null;

/** The published version a version is compared with: the one before it, or the latest for a draft */
function previousPublished(v: VersionRow, versions: readonly VersionRow[]): VersionRow | undefined {
  const before = versions.filter(
    (o) => o.version_no !== null && (v.version_no === null || o.version_no < v.version_no),
  );
  return before.sort((a, b) => b.version_no! - a.version_no!)[0];
}

function changeSummary(changes: readonly FormChange[]): { it: string; en: string } {
  const counts = summarize(changes);
  return { it: describeSummary(counts, 'it'), en: describeSummary(counts, 'en') };
}

function toSummary(v: VersionRow, versions: readonly VersionRow[]): VersionSummaryOut {
  const prev = previousPublished(v, versions);
  return {
    id: v.id,
    versionNo: v.version_no,
    status: isPublished(v) ? 'published' : 'draft',
    questionCount: v.question_count,
    sourceFilename: v.source_filename,
    createdAt: v.created_at.toISOString(),
    publishedAt: v.published_at?.toISOString() ?? null,
    changeSummary: prev ? changeSummary(diffForms(formOf(prev), formOf(v))) : null,
  };
}

const toIssue = (i: ImportIssue): XlsFormIssueOut => ({
  code: i.code,
  sheet: i.sheet,
  row: i.row,
  column: i.column,
  message: i.message.it,
  messageEn: i.message.en,
});

async function loadSurvey(tx: Queryable, id: string): Promise<SurveyRow> {
  const s = await selectSurvey(tx, id);
  if (!s) throw new AppError('surveys.survey.not_found');
  return s;
}

export async function listSurveys(ctx: Ctx): Promise<{ items: SurveyOut[] }> {
  assertCanRead(ctx);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => ({ items: (await selectSurveys(tx)).map(toSurvey) }));
}

export async function getSurvey(ctx: Ctx, surveyId: string) {
  assertCanRead(ctx);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const s = await loadSurvey(tx, surveyId);
    const versions = await selectVersions(tx, surveyId);
    return { ...toSurvey(s), versions: versions.map((v) => toSummary(v, versions)) };
  });
}

export async function createSurvey(ctx: Ctx, body: CreateSurveyBody): Promise<SurveyOut> {
  assertCan(ctx.actor, 'surveys.author');
  const actor = ctx.actor;
  return ctx.db.tx(accessOf(actor), async (tx) => {
    if (await surveyCodeExists(tx, body.code)) {
      throw new AppError('surveys.survey.code_taken', `A survey with code ${body.code} exists`, {
        context: { code: body.code },
      });
    }
    const id = randomUUID();
    await insertSurvey(tx, {
      id,
      code: body.code,
      titleIt: body.titleIt,
      titleEn: body.titleEn ?? null,
      descriptionIt: body.descriptionIt ?? null,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'surveys.survey.create',
      entityType: 'survey',
      entityId: id,
      tenantComune: null,
      details: { code: body.code },
    });
    return toSurvey((await selectSurvey(tx, id))!);
  });
}

/** The form's id when the settings sheet has none: the file's name as an XML name */
function idFromFilename(filename: string): string {
  const stem = filename.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return /^[\p{L}_]/u.test(stem) ? stem : `form_${stem}`;
}

/**
 * A new draft version from an XLSForm. The file is read by the bounded upload reader (its limits
 * answer upload.*); a form with errors is refused with every issue at its sheet, row and column,
 * and nothing is written.
 */
export async function importVersion(ctx: Ctx, surveyId: string, body: ImportVersionBody): Promise<VersionDetailOut> {
  assertCan(ctx.actor, 'surveys.author');
  const actor = ctx.actor;
  await ctx.db.tx(accessOf(actor), (tx) => loadSurvey(tx, surveyId));
  const result = await readXlsForm(Buffer.from(body.contentBase64, 'base64'), {
    fallbackId: idFromFilename(body.filename),
  });
  if (!result.ok) {
    const issues = result.errors.map(toIssue);
    const first = result.errors[0];
    throw new AppError(
      'surveys.xlsform.invalid',
      `The XLSForm has ${issues.length} error(s)${first ? `, the first: ${first.message.en}` : ''}`,
      { context: { issues: issues.map((i) => ({ ...i })) } },
    );
  }
  const { form, warnings } = result;
  const id = await ctx.db.tx(accessOf(actor), async (tx) => {
    await loadSurvey(tx, surveyId);
    const id = randomUUID();
    const questionCount = countQuestions(form);
    await insertVersion(tx, {
      id,
      surveyId,
      form,
      report: warnings.map(toIssue),
      sourceFilename: body.filename,
      questionCount,
      createdBy: actor.userId,
      createdAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'surveys.version.import',
      entityType: 'survey_form_version',
      entityId: id,
      tenantComune: null,
      details: { survey: surveyId, questions: questionCount, warnings: warnings.length },
    });
    return id;
  });
  return getVersion(ctx, id);
}

function changesOf(v: VersionRow, versions: readonly VersionRow[]): ChangesOut {
  const prev = previousPublished(v, versions);
  if (!prev) return { previousVersionNo: null, summary: null, counts: [], items: [] };
  const changes = diffForms(formOf(prev), formOf(v));
  return {
    previousVersionNo: prev.version_no,
    summary: changeSummary(changes),
    counts: summarize(changes),
    items: changes.map((c) => ({ kind: c.kind, it: describeChange(c, 'it'), en: describeChange(c, 'en') })),
  };
}

const reportOf = (v: VersionRow): XlsFormIssueOut[] =>
  Array.isArray(v.import_report) ? (v.import_report as XlsFormIssueOut[]) : [];

export async function getVersion(ctx: Ctx, versionId: string): Promise<VersionDetailOut> {
  assertCanRead(ctx);
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const v = await selectVersion(tx, versionId);
    if (!v) throw new AppError('surveys.version.not_found');
    const s = await loadSurvey(tx, v.survey_id);
    const versions = await selectVersions(tx, v.survey_id);
    const { changeSummary: _summary, ...summary } = toSummary(v, versions);
    void _summary;
    return {
      ...summary,
      surveyId: s.id,
      surveyCode: s.code,
      surveyTitleIt: s.title_it,
      form: formOf(v) as unknown as Record<string, unknown>,
      report: { warnings: reportOf(v) },
      changes: changesOf(v, versions),
    };
  });
}

/**
 * Publishes a draft: it takes the next number and never changes again. A published version (or a
 * draft older than a version published after it) cannot be published: 409 surveys.version.published.
 */
export async function publish(ctx: Ctx, versionId: string): Promise<VersionDetailOut> {
  assertCan(ctx.actor, 'surveys.author');
  const actor = ctx.actor;
  await ctx.db.tx(accessOf(actor), async (tx) => {
    const found = await selectVersion(tx, versionId);
    if (!found) throw new AppError('surveys.version.not_found');
    // one publication at a time per survey: the numbers follow each other
    await lockVersionsOf(tx, found.survey_id);
    const v = (await lockVersion(tx, versionId))!;
    if (isPublished(v)) {
      throw new AppError('surveys.version.published', 'This version is already published', {
        context: { versionNo: v.version_no! },
      });
    }
    const versions = await selectVersions(tx, v.survey_id);
    if (versions.some((o) => isPublished(o) && o.created_at > v.created_at)) {
      throw new AppError('surveys.version.published', 'A newer version of this questionnaire is already published');
    }
    const versionNo = await nextVersionNo(tx, v.survey_id);
    await publishVersion(tx, v.id, versionNo, actor.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'surveys.version.publish',
      entityType: 'survey_form_version',
      entityId: v.id,
      tenantComune: null,
      details: { survey: v.survey_id, versionNo },
    });
  });
  return getVersion(ctx, versionId);
}

/** The version as an XLSForm workbook, named after the survey and the version */
export async function exportVersion(ctx: Ctx, versionId: string): Promise<{ filename: string; bytes: Buffer }> {
  assertCanRead(ctx);
  const { v, s } = await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const v = await selectVersion(tx, versionId);
    if (!v) throw new AppError('surveys.version.not_found');
    return { v, s: await loadSurvey(tx, v.survey_id) };
  });
  const suffix = v.version_no === null ? 'bozza' : `v${v.version_no}`;
  return { filename: `${s.code}-${suffix}.xlsx`, bytes: await writeXlsForm(formOf(v)) };
}
