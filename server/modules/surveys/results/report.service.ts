/**
 * A wave's report (issue 11 item 7; decision 0045): the "documento di ricognizione" ANCI/Cittalia
 * send to the Ministry, built once as a model (response rate overall, by Region and by demographic
 * band; the tables of the questions chosen; the settlements summary) and then shown on the page or
 * rendered as a tagged PDF, a DOCX or an XLSX from that same model. The results' disclosure
 * control applies to whoever asks (surveys.results.read): MLPS, administrators and Regioni get
 * counts of persons controlled and nothing resting on fewer than 3 Comuni; free text is never in a
 * report, not even ANCI/Cittalia's. Audited as a results read.
 */
import { type Ctx } from '../../../platform/context.js';
import { accessOf } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { recordAudit } from '../../audit/index.js';
import { reportDocx } from './report.docx.js';
import { reportPdf } from './report.html.js';
import { reportXlsx } from './report.xlsx.js';
import { selectRateCounts, selectReportWave, selectSettlementSums } from './report.repo.js';
import { BAND_LABELS, rateOf, reportFilename, SETTLEMENT_TYPE_LABELS, settlementGroupOf } from './report.rules.js';
import type { ReportFormat, ReportOut, ReportQuery } from './report.schema.js';
import type { ResultQuestion } from './results.rules.js';
import type { QuestionResultOut } from './results.schema.js';
import { aggregateAccess, questionResult, questionsOfWave, RESULTS_NOTE, viewerOf } from './results.service.js';
import { hasSettlements, SETTLEMENT_FIELDS } from './settlements.rules.js';

/** The kinds a report shows by default: figures, not free text nor dates. */
const DEFAULT_KINDS = new Set(['choice', 'multiple', 'number', 'range']);
/** At most so many tables in one report (the 2021 census has about 300 questions). */
export const MAX_REPORT_TABLES = 400;

function chosenQuestions(qs: ResultQuestion[], asked: string | undefined): ResultQuestion[] {
  if (asked === undefined) return qs.filter((q) => DEFAULT_KINDS.has(q.kind)).slice(0, MAX_REPORT_TABLES);
  const names = [...new Set(asked.split(',').map((s) => s.trim()))].filter((s) => s !== '');
  if (!names.length || names.length > MAX_REPORT_TABLES)
    throw new AppError('surveys.results.question', `Ask for 1 to ${MAX_REPORT_TABLES} questions`);
  return names.map((name) => {
    const q = qs.find((x) => x.name === name);
    if (!q) throw new AppError('surveys.results.question', `The questionnaire has no question ${name} with results`);
    if (!DEFAULT_KINDS.has(q.kind))
      throw new AppError(
        'surveys.results.question',
        `The question ${name} has no table in a report (free text or dates)`,
      );
    return q;
  });
}

function choiceLabel(qs: ResultQuestion[], question: string, code: string): string | null {
  const c = qs.find((q) => q.name === question)?.choices.find((x) => x.code === code);
  return c ? (c.label.it ?? c.label.en ?? code) : null;
}

/** The report's model for the viewer: what the page shows and every download renders. Audited. */
export async function waveReport(ctx: Ctx, waveId: string, query: ReportQuery): Promise<ReportOut> {
  const v = viewerOf(ctx);
  const out = await ctx.db.tx(aggregateAccess(v), async (tx): Promise<ReportOut> => {
    const wave = await selectReportWave(tx, waveId);
    if (!wave) throw new AppError('surveys.wave.not_found');
    const qs = await questionsOfWave(tx, waveId);
    const chosen = chosenQuestions(qs, query.question);

    const regions = await selectRateCounts(tx, waveId, 'region');
    const bands = await selectRateCounts(tx, waveId, 'band');
    const total = regions.find((r) => r.code === null) ?? { code: null, label: null, invited: 0, answered: 0 };
    const responseRate = {
      overall: rateOf(total, 'totale', 'Totale'),
      byRegion: regions.filter((r) => r.code !== null).map((r) => rateOf(r, r.code!, r.label ?? r.code!)),
      byBand: bands.filter((r) => r.code !== null).map((r) => rateOf(r, r.code!, BAND_LABELS[r.code!] ?? r.code!)),
    };
    const respondents = total.answered;

    const tables: QuestionResultOut[] = [];
    for (const q of chosen) {
      // free text never travels in a report, not even ANCI/Cittalia's: it is not even read
      tables.push(await questionResult(tx, v, waveId, {}, q, { withTexts: false }));
    }

    let settlements: ReportOut['settlements'] = null;
    if (hasSettlements(qs)) {
      const byKind = await selectSettlementSums(tx, waveId, 'kind');
      const byRegion = await selectSettlementSums(tx, waveId, 'region');
      const all = byKind.find((r) => r.code === null);
      const F = SETTLEMENT_FIELDS;
      const kindLabel = (type: string, kind: string) => {
        const t = SETTLEMENT_TYPE_LABELS[type] ?? type;
        const k = kind && choiceLabel(qs, type === 'formale' ? F.formalKind : F.informalKind, kind);
        return kind ? `${t} — ${k || kind}` : t;
      };
      settlements = {
        total: settlementGroupOf(
          all ?? {
            code: null,
            kind: null,
            label: null,
            settlements: 0,
            comuni: 0,
            persons_min: null,
            persons_max: null,
          },
          'totale',
          'Totale',
          v.full,
        ),
        byKind: byKind
          .filter((r) => r.code !== null)
          .map((r) => settlementGroupOf(r, `${r.code}:${r.kind ?? ''}`, kindLabel(r.code!, r.kind ?? ''), v.full)),
        byRegion: byRegion
          .filter((r) => r.code !== null)
          .map((r) => settlementGroupOf(r, r.code!, r.label ?? r.code!, v.full)),
      };
    }

    return {
      waveId,
      full: v.full,
      survey: wave.survey,
      wave: wave.wave,
      opensOn: wave.opens_on,
      closesOn: wave.closes_on,
      generatedAt: ctx.clock.now().toISOString(),
      responseRate,
      respondents,
      tables,
      settlements,
      note: RESULTS_NOTE,
    };
  });
  await ctx.db.tx(accessOf(v.actor), (tx) =>
    recordAudit(tx, ctx, {
      action: 'surveys.results.read',
      entityType: 'survey_wave',
      entityId: waveId,
      details: { report: query.format, questions: out.tables.length, controlled: !v.full },
    }),
  );
  return out;
}

export const REPORT_MEDIA_TYPES: Record<Exclude<ReportFormat, 'json'>, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The report rendered as a file: its name (from the wave's), type and bytes. */
export async function waveReportFile(
  ctx: Ctx,
  waveId: string,
  query: ReportQuery & { format: Exclude<ReportFormat, 'json'> },
): Promise<{ filename: string; mediaType: string; body: Buffer }> {
  const model = await waveReport(ctx, waveId, query);
  const render = { pdf: reportPdf, docx: reportDocx, xlsx: reportXlsx }[query.format];
  return {
    filename: reportFilename(model.wave, query.format),
    mediaType: REPORT_MEDIA_TYPES[query.format],
    body: await render(model),
  };
}
