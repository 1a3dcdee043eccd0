/**
 * A wave's results (issue 11, part 1; decision 0038): per question, cross-tabulated, per area.
 * ANCI/Cittalia (`surveys.results.full`) see every figure exact and the free texts; MLPS, the
 * administrators and the Regioni (`surveys.results.read`) see counts of persons controlled (1–9 →
 * "<10", others rounded to 5), no free text, and nothing that rests on fewer than 3 Comuni. A
 * Regione reads national figures (the whole wave, not only its Comuni) and may narrow them to its
 * own Region, never to another one. Every request is audited (security.md §4.2 point 5).
 */
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { DbAccess, Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { Form } from '../shared/form/model.js';
import {
  countRespondents,
  provinceRegion,
  regionExists,
  selectAreas,
  selectBase,
  selectChoiceCounts,
  selectNumberStats,
  selectRangeStats,
  selectTexts,
  selectFormOfVersion,
  selectWaveFormVersion,
  type RepoFilters,
} from './results.repo.js';
import {
  areaValue,
  personsFigure,
  plainFigure,
  resultQuestions,
  smallBase,
  visibleQuestions,
  type ResultChoice,
  type ResultQuestion,
} from './results.rules.js';
import type {
  AreasOut,
  AreasQuery,
  CrosstabOut,
  CrosstabQuery,
  QuestionResultOut,
  ResultFilters,
  ResultsOut,
  ResultsQuery,
} from './results.schema.js';
import { selectAreasProjected, selectCrosstabProjected } from './answer-values.repo.js';
import { selectSettlements } from './settlements.repo.js';
import { hasSettlements, settlementOut } from './settlements.rules.js';
import type { SettlementsOut, SettlementsQuery } from './settlements.schema.js';

const MAX_QUESTIONS = 20;

export const RESULTS_NOTE = {
  it:
    'Contano le risposte inviate, in validazione, validate e consolidate (non quelle restituite per correzione). ' +
    'La base è il numero di Comuni che hanno risposto alla domanda. Per i profili diversi da ANCI/Cittalia, ' +
    'i numeri di persone tra 1 e 9 sono indicati come «<10» e gli altri sono arrotondati al multiplo di 5; ' +
    'i risultati basati su meno di 3 Comuni non sono mostrati e le risposte a testo libero non sono riportate.',
  en:
    'Answers sent, under validation, validated and consolidated count (not those returned for correction). ' +
    'The base is the number of Comuni that answered the question. For profiles other than ANCI/Cittalia, ' +
    'numbers of persons between 1 and 9 are shown as “<10” and the others are rounded to the nearest 5; ' +
    'results based on fewer than 3 Comuni are not shown and free-text answers are left out.',
};

export interface Viewer {
  actor: Actor;
  full: boolean;
  /** the Region of a Regione's user: the only one it may narrow the results to */
  ownRegion: string | null;
}

export function viewerOf(ctx: Ctx): Viewer {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  assertCan(actor, 'surveys.results.read');
  const full = actor.permissions.has('surveys.results.full');
  return { actor, full, ownRegion: actor.scope.level === 'regione' ? actor.scope.regionCode : null };
}

/**
 * The results are aggregates of the whole wave, controlled before they leave: a Regione reads
 * them with the national reach (row-level security would narrow them to its own Comuni, which
 * is not what a national figure is). Nothing but aggregates is read in this access.
 */
export function aggregateAccess(v: Viewer): DbAccess {
  const access = accessOf(v.actor);
  return v.ownRegion ? { ...access, scope: 'national', tenant: null, region: null } : access;
}

const parsedForms = new Map<string, ResultQuestion[]>();

/** The questions of the wave's (published, immutable) questionnaire, parsed once per version. */
export async function questionsOfWave(tx: Queryable, waveId: string): Promise<ResultQuestion[]> {
  const versionId = await selectWaveFormVersion(tx, waveId);
  if (!versionId) throw new AppError('surveys.wave.not_found');
  // the form (a few hundred kB for a census) is read only when its version is not parsed yet
  let qs = parsedForms.get(versionId);
  if (!qs) {
    qs = resultQuestions(Form.parse(await selectFormOfVersion(tx, versionId)));
    if (parsedForms.size > 50) parsedForms.clear();
    parsedForms.set(versionId, qs);
  }
  return qs;
}

function filterError(message: string): AppError {
  return new AppError('surveys.results.filter', message);
}

/** Checks the filters against the registry and the viewer's reach. */
export async function checkFilters(tx: Queryable, v: Viewer, f: ResultFilters): Promise<void> {
  if (f.region && !(await regionExists(tx, f.region))) throw filterError(`No Region has the code ${f.region}`);
  if (f.province) {
    const region = await provinceRegion(tx, f.province);
    if (!region) throw filterError(`No province has the code ${f.province}`);
    if (f.region && region !== f.region)
      throw filterError(`The province ${f.province} is not in the Region ${f.region}`);
    if (v.ownRegion && region !== v.ownRegion)
      throw new AppError('forbidden', 'A Regione narrows the results only to its own Region');
  }
  if (v.ownRegion && f.region && f.region !== v.ownRegion)
    throw new AppError('forbidden', 'A Regione narrows the results only to its own Region');
}

export function pickFilters(q: ResultFilters): ResultFilters {
  const f: ResultFilters = {};
  if (q.region !== undefined) f.region = q.region;
  if (q.macroArea !== undefined) f.macroArea = q.macroArea;
  if (q.province !== undefined) f.province = q.province;
  if (q.band !== undefined) f.band = q.band;
  if (q.sai !== undefined) f.sai = q.sai;
  if (q.pilot !== undefined) f.pilot = q.pilot;
  return f;
}

export function findQuestion(qs: ResultQuestion[], name: string): ResultQuestion {
  const q = qs.find((x) => x.name === name);
  if (!q) throw new AppError('surveys.results.question', `The questionnaire has no question ${name} with results`);
  return q;
}

/** A question as the API describes it. */
export function questionOut(q: ResultQuestion) {
  return {
    name: q.name,
    kind: q.kind,
    label: q.label,
    section: q.section,
    inRepeat: q.repeats.length > 0,
    repeat: q.repeats.at(-1) ?? null,
    choices: q.choices,
    persons: q.persons,
  };
}

export async function auditRead(ctx: Ctx, v: Viewer, waveId: string, details: Record<string, unknown>): Promise<void> {
  await ctx.db.tx(accessOf(v.actor), (tx) => recordAudit(tx, ctx, readAuditRow(v, waveId, details)));
}

function readAuditRow(v: Viewer, waveId: string, details: Record<string, unknown>) {
  return {
    action: 'surveys.results.read',
    entityType: 'survey_wave',
    entityId: waveId,
    details: { ...details, controlled: !v.full },
  } as const;
}

/**
 * A read of a wave's figures and its audit row in one transaction (house style: the audit row
 * inside), except when a Regione reads national aggregates: the read runs with the national reach
 * (aggregateAccess), the audit row after it with the Regione's own.
 */
async function auditedRead<T>(
  ctx: Ctx,
  v: Viewer,
  waveId: string,
  details: Record<string, unknown>,
  read: (tx: Queryable) => Promise<T>,
): Promise<T> {
  if (v.ownRegion) {
    const out = await ctx.db.tx(aggregateAccess(v), read);
    await auditRead(ctx, v, waveId, details);
    return out;
  }
  return ctx.db.tx(accessOf(v.actor), async (tx) => {
    const out = await read(tx);
    await recordAudit(tx, ctx, readAuditRow(v, waveId, details));
    return out;
  });
}

/** The questions with results, for the question picker (free text only for ANCI/Cittalia). */
export async function listResultQuestions(ctx: Ctx, waveId: string) {
  const v = viewerOf(ctx);
  return ctx.db.tx(aggregateAccess(v), async (tx) => {
    const qs = visibleQuestions(await questionsOfWave(tx, waveId), v.full);
    return { waveId, full: v.full, items: qs.map(questionOut) };
  });
}

/** How a comparison across waves reads a question of the earlier wave (decision 0043). */
export interface ResultOptions {
  /** old choice code → new choice code, applied before counting */
  recode?: ReadonlyMap<string, string>;
  /** the choices to list (the later wave's, when recoded) instead of the question's own */
  choices?: ResultChoice[];
  /** false: no free text is read, even for ANCI/Cittalia (a report) */
  withTexts?: boolean;
}

/**
 * The figures of one question over the responses that count after the filters, controlled for
 * the viewer (`v.full`). Shared by the results and the comparison across waves.
 */
export async function questionResult(
  tx: Queryable,
  v: Pick<Viewer, 'full'>,
  waveId: string,
  f: RepoFilters,
  q: ResultQuestion,
  opts: ResultOptions = {},
): Promise<QuestionResultOut> {
  const spec = { name: q.name, repeats: q.repeats };
  const { base, entries } = await selectBase(tx, waveId, f, spec);
  const out: QuestionResultOut = {
    question: questionOut(q),
    base,
    entries: q.repeats.length ? entries : null,
    suppressed: smallBase(base, v.full),
    choices: null,
    number: null,
    range: null,
    texts: null,
    otherTexts: null,
  };
  if (out.suppressed) return out;
  // percentages are over the units that answered: the Comuni, or the entries of a repeat
  const over = q.repeats.length ? entries : base;
  switch (q.kind) {
    case 'choice':
    case 'multiple': {
      const counts = new Map((await selectChoiceCounts(tx, waveId, f, spec, opts.recode)).map((r) => [r.code, r.n]));
      out.choices = (opts.choices ?? q.choices).map((c) => {
        const n = counts.get(c.code) ?? 0;
        return { code: c.code, label: c.label, count: n, share: over ? plainFigure(n / over, 4) : null };
      });
      if (q.other && v.full && opts.withTexts !== false)
        out.otherTexts = await selectTexts(tx, waveId, f, spec, 'other');
      break;
    }
    case 'number': {
      const s = await selectNumberStats(tx, waveId, f, spec);
      out.number = {
        n: s.n,
        sum: plainFigure(s.sum),
        mean: plainFigure(s.mean),
        median: plainFigure(s.median),
        min: plainFigure(s.min),
        max: plainFigure(s.max),
      };
      break;
    }
    case 'range': {
      const s = await selectRangeStats(tx, waveId, f, spec);
      const persons = (x: number | null) => (q.persons ? personsFigure(x, v.full) : plainFigure(x));
      out.range = {
        n: s.n,
        sumMin: persons(s.sum_min),
        sumMax: persons(s.sum_max),
        certain: s.certain,
        estimated: s.estimated,
        unknown: s.unknown,
        estimateShare: s.n ? plainFigure(s.estimated / s.n, 4) : null,
      };
      break;
    }
    case 'text':
      if (v.full && opts.withTexts !== false) out.texts = await selectTexts(tx, waveId, f, spec, 'val');
      break;
    case 'answered':
      break;
  }
  return out;
}

/** Results of one or more questions of a wave, with their base, for the filters given. Audited. */
export async function waveResults(ctx: Ctx, waveId: string, query: ResultsQuery): Promise<ResultsOut> {
  const v = viewerOf(ctx);
  const names = [...new Set(query.question.split(',').map((s) => s.trim()))].filter((s) => s !== '');
  if (!names.length || names.length > MAX_QUESTIONS)
    throw new AppError('surveys.results.question', `Ask for 1 to ${MAX_QUESTIONS} questions`);
  const f = pickFilters(query);
  return auditedRead(ctx, v, waveId, { questions: names, filters: f }, async (tx) => {
    const qs = await questionsOfWave(tx, waveId);
    const asked = names.map((n) => findQuestion(qs, n));
    if (!v.full && asked.some((q) => q.kind === 'text'))
      throw new AppError('forbidden', 'Free-text answers are read only by ANCI/Cittalia');
    await checkFilters(tx, v, f);
    const respondents = await countRespondents(tx, waveId, f);
    const questions: QuestionResultOut[] = [];
    for (const q of asked) questions.push(await questionResult(tx, v, waveId, f, q));
    return { waveId, full: v.full, filters: f, respondents, questions, note: RESULTS_NOTE };
  });
}

const CHOICE_KINDS = new Set(['choice', 'multiple']);

/** The cross-tabulation of two choice questions answered once per Comune. Audited. */
export async function waveCrosstab(ctx: Ctx, waveId: string, query: CrosstabQuery): Promise<CrosstabOut> {
  const v = viewerOf(ctx);
  const f = pickFilters(query);
  return auditedRead(ctx, v, waveId, { crosstab: [query.row, query.col], filters: f }, async (tx) => {
    const qs = await questionsOfWave(tx, waveId);
    const row = findQuestion(qs, query.row);
    const col = findQuestion(qs, query.col);
    for (const q of [row, col])
      if (!CHOICE_KINDS.has(q.kind) || q.repeats.length)
        throw new AppError(
          'surveys.results.question',
          `The question ${q.name} cannot be cross-tabulated: only choice questions answered once per Comune can`,
        );
    if (row.name === col.name) throw new AppError('surveys.results.question', 'Cross-tabulate two different questions');
    await checkFilters(tx, v, f);
    const respondents = await countRespondents(tx, waveId, f);
    // both answered once per Comune: read from the projection (decision 0046)
    const rows = await selectCrosstabProjected(tx, waveId, f, row.name, col.name);
    const base = rows.find((r) => r.rc === null && r.cc === null)?.n ?? 0;
    const suppressed = smallBase(base, v.full);
    return {
      waveId,
      full: v.full,
      filters: f,
      respondents,
      row: questionOut(row),
      col: questionOut(col),
      base,
      suppressed,
      cells: suppressed
        ? []
        : rows.filter((r) => r.rc !== null && r.cc !== null).map((r) => ({ row: r.rc!, col: r.cc!, count: r.n })),
      rowTotals: suppressed
        ? []
        : rows.filter((r) => r.rc !== null && r.cc === null).map((r) => ({ code: r.rc!, count: r.n })),
      colTotals: suppressed
        ? []
        : rows.filter((r) => r.rc === null && r.cc !== null).map((r) => ({ code: r.cc!, count: r.n })),
      note: RESULTS_NOTE,
    };
  });
}

/**
 * One value per area of a level, for a map (decision 0038): for a choice question the share of
 * the answers with the choice (0–1, `choice` required); for a number the mean of the answers; for
 * a range (persons) the sum of the minima. A Regione sees only its own Region's areas. Audited.
 */
export async function waveAreas(ctx: Ctx, waveId: string, query: AreasQuery): Promise<AreasOut> {
  const v = viewerOf(ctx);
  const f = pickFilters(query);
  const details = { areas: query.question, level: query.level, filters: f };
  return auditedRead(ctx, v, waveId, details, async (tx) => {
    const q = findQuestion(await questionsOfWave(tx, waveId), query.question);
    let measure: AreasOut['measure'];
    if (CHOICE_KINDS.has(q.kind)) {
      if (!query.choice) throw new AppError('surveys.results.question', `Say which choice of ${q.name} to map`);
      if (!q.choices.some((c) => c.code === query.choice))
        throw new AppError('surveys.results.question', `The question ${q.name} has no choice ${query.choice}`);
      measure = 'share';
    } else if (q.kind === 'number') measure = 'mean';
    else if (q.kind === 'range') measure = 'sum_min';
    else throw new AppError('surveys.results.question', `The question ${q.name} has no value to map`);
    await checkFilters(tx, v, f);
    const choice = measure === 'share' ? query.choice! : null;
    // a question answered once per Comune is read from the projection (decision 0046); a repeat's
    // answers only from the documents
    const rows = q.repeats.length
      ? await selectAreas(tx, waveId, f, { name: q.name, repeats: q.repeats }, query.level, choice, v.ownRegion)
      : await selectAreasProjected(tx, waveId, f, q.name, query.level, choice, v.ownRegion);
    return {
      level: query.level,
      question: q.name,
      choice: measure === 'share' ? query.choice! : null,
      measure,
      full: v.full,
      items: rows.map((r) => {
        const raw =
          measure === 'share' ? (r.answered ? r.hits / r.answered : null) : measure === 'mean' ? r.mean : r.sum_min;
        return { code: r.code, name: r.name, base: r.base, ...areaValue(raw, r.base, q.persons, v.full) };
      }),
    };
  });
}

/**
 * The settlements register of a wave (issue 11, item 3): each settlement of the census's repeat in
 * the responses that count, with its Comune, province and Region (never a location finer than the
 * Comune: the model has none). Persons controlled for non-ANCI viewers as every count of persons;
 * the place's name (free text) for ANCI/Cittalia only. A Regione lists its own Region's (row-level
 * security) and may not filter on another one. Audited.
 */
export async function waveSettlements(ctx: Ctx, waveId: string, query: SettlementsQuery): Promise<SettlementsOut> {
  const v = viewerOf(ctx);
  const out = await ctx.db.tx(accessOf(v.actor), async (tx) => {
    const qs = await questionsOfWave(tx, waveId);
    if (!hasSettlements(qs))
      throw new AppError('surveys.results.question', 'The questionnaire of this wave has no settlements register');
    await checkFilters(tx, v, query.region ? { region: query.region } : {});
    const filters: { region?: string; type?: string; kind?: string } = {};
    if (query.region) filters.region = query.region;
    if (query.type) filters.type = query.type;
    if (query.kind) filters.kind = query.kind;
    const rows = await selectSettlements(tx, waveId, filters, query.pageSize, (query.page - 1) * query.pageSize);
    return {
      full: v.full,
      total: rows[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      items: rows.map((r) => ({
        comune: {
          istat: r.istat,
          name: r.comune,
          province: { code: r.province_code, name: r.province },
          region: { code: r.region_code, name: r.region },
        },
        entry: r.entry,
        ...settlementOut(r.v, v.full),
      })),
    };
  });
  await auditRead(ctx, v, waveId, { settlements: true, region: query.region, type: query.type, kind: query.kind });
  return out;
}
