/**
 * The comparison of a question across two waves and the mapping between their questionnaires
 * (issue 11, item 4; decision 0043). Questions correspond by their code; ANCI/Cittalia record the
 * changes (renamed, recoded, split, merged, not comparable) per pair of waves. The figures are the
 * results' own (results.service.ts questionResult, results.repo.ts SQL), over every Comune that
 * counts in each wave and over the panel of Comuni that count in both, controlled as the results
 * are for every viewer but ANCI/Cittalia. A Comune's own figures go to ANCI/Cittalia, to a Regione
 * for its own Comuni and to the Comune itself (`surveys.results.own`), exact: they are its answers.
 */
import { accessOf, type Actor, type Ctx } from '../../../platform/context.js';
import type { DbAccess, Queryable } from '../../../platform/db/db.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import {
  replaceMappings,
  selectComparableWaves,
  selectComparedWave,
  selectMappings,
  selectWaveComune,
  type ComparedWaveRow,
} from './comparison.repo.js';
import {
  comparedChoices,
  comparisonWarnings,
  counterpart,
  mappingConflicts,
  mappingIssues,
  recodeOf,
} from './comparison.rules.js';
import type {
  ComparableWavesOut,
  ComparisonOut,
  ComparisonQuery,
  WaveMappingsIn,
  WaveMappingsOut,
} from './comparison.schema.js';
import { countRespondents, type RepoFilters } from './results.repo.js';
import type { ResultQuestion } from './results.rules.js';
import {
  auditRead,
  checkFilters,
  pickFilters,
  questionResult,
  questionsOfWave,
  RESULTS_NOTE,
  type Viewer,
} from './results.service.js';
import type { QuestionResultOut } from './results.schema.js';

/** A viewer of a comparison: a reader of the results, or a Comune for its own figures. */
interface CompareViewer extends Viewer {
  /** the Comune of a Comune's user: the only one whose figures it may read */
  ownComune: string | null;
}

function compareViewerOf(ctx: Ctx): CompareViewer {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  if (!can(actor, 'surveys.results.read')) {
    assertCan(actor, 'surveys.results.own');
    if (actor.scope.level !== 'comune' || !actor.scope.comuneIstat)
      throw new AppError('forbidden', 'Only a Comune reads its own figures');
    return { actor, full: false, ownRegion: null, ownComune: actor.scope.comuneIstat };
  }
  const full = can(actor, 'surveys.results.full');
  return {
    actor,
    full,
    ownRegion: actor.scope.level === 'regione' ? actor.scope.regionCode : null,
    ownComune: null,
  };
}

/** Aggregates of both waves are national (controlled before they leave): read with the national reach. */
function nationalAccess(actor: Actor): DbAccess {
  const access = accessOf(actor);
  return access.scope === 'regione' || access.scope === 'comune'
    ? { ...access, scope: 'national', tenant: null, region: null }
    : access;
}

interface Pair {
  earlier: ComparedWaveRow;
  later: ComparedWaveRow;
}

/** The two waves, the one that opened first as the earlier. */
async function wavePair(tx: Queryable, a: string, b: string): Promise<Pair> {
  if (a === b) throw new AppError('surveys.comparison.mapping', 'Compare two different waves');
  const [x, y] = [await selectComparedWave(tx, a), await selectComparedWave(tx, b)];
  if (!x || !y) throw new AppError('surveys.wave.not_found');
  const key = (w: ComparedWaveRow) => `${w.opens_on}|${w.created_at.toISOString()}|${w.id}`;
  return key(x) <= key(y) ? { earlier: x, later: y } : { earlier: y, later: x };
}

const waveOut = (w: ComparedWaveRow) => ({ id: w.id, title: w.title, opensOn: w.opens_on, surveyId: w.survey_id });

/** The waves a wave may be compared with: launched ones, of the same survey first. 404 for an unknown wave. */
export async function listComparableWaves(ctx: Ctx, waveId: string): Promise<ComparableWavesOut> {
  const v = compareViewerOf(ctx);
  return ctx.db.tx(nationalAccess(v.actor), async (tx) => {
    if (!(await selectComparedWave(tx, waveId))) throw new AppError('surveys.wave.not_found');
    const rows = await selectComparableWaves(tx, waveId);
    return { items: rows.map((r) => ({ ...waveOut(r), sameSurvey: r.same })) };
  });
}

/** The mapping between two waves' questionnaires, earlier wave first (readers of the results, and Comuni). */
export async function getWaveMappings(ctx: Ctx, waveId: string, otherId: string): Promise<WaveMappingsOut> {
  const v = compareViewerOf(ctx);
  return ctx.db.tx(nationalAccess(v.actor), async (tx) => {
    const p = await wavePair(tx, waveId, otherId);
    return {
      earlier: waveOut(p.earlier),
      later: waveOut(p.later),
      items: await selectMappings(tx, p.earlier.id, p.later.id),
      canManage: can(v.actor, 'surveys.comparison.manage'),
    };
  });
}

/**
 * Replaces the mapping between two waves' questionnaires (ANCI/Cittalia). Every question and
 * choice named must exist in its wave (400 `surveys.comparison.mapping` with context.issues); a
 * question named by two mappings on the same side is 409 `surveys.comparison.conflict`. Audited
 * in the same transaction.
 */
export async function putWaveMappings(
  ctx: Ctx,
  waveId: string,
  otherId: string,
  body: WaveMappingsIn,
): Promise<WaveMappingsOut> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  assertCan(actor, 'surveys.comparison.manage');
  return ctx.db.tx(accessOf(actor), async (tx) => {
    const p = await wavePair(tx, waveId, otherId);
    const [eq, lq] = [await questionsOfWave(tx, p.earlier.id), await questionsOfWave(tx, p.later.id)];
    const issues = mappingIssues(body.items, eq, lq);
    if (issues.length)
      throw new AppError('surveys.comparison.mapping', 'The mapping names questions or choices the waves do not have', {
        context: { issues: issues.map((why) => ({ why })) },
      });
    const conflicts = mappingConflicts(body.items);
    if (conflicts.length)
      throw new AppError('surveys.comparison.conflict', 'A question is named by more than one mapping', {
        context: { issues: conflicts.map((why) => ({ why })) },
      });
    await replaceMappings(tx, p.earlier.id, p.later.id, body.items, actor.userId, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'surveys.comparison.mappings',
      entityType: 'survey_wave',
      entityId: p.later.id,
      details: {
        earlier: p.earlier.id,
        items: body.items.length,
        kinds: body.items.map((m) => m.kind),
      },
    });
    return {
      earlier: waveOut(p.earlier),
      later: waveOut(p.later),
      items: body.items,
      canManage: true,
    };
  });
}

/** Whether the viewer may read one Comune's own figures; 403 otherwise. */
async function assertComuneReach(tx: Queryable, v: CompareViewer, istat: string): Promise<void> {
  if (v.full) return;
  if (v.ownComune === istat) return;
  if (v.ownRegion) {
    const [row] = await tx.query<{ region_code: string }>('SELECT region_code FROM comuni WHERE istat_code = $1', [
      istat,
    ]);
    if (row?.region_code === v.ownRegion) return;
  }
  throw new AppError(
    'forbidden',
    "A Comune's own figures are read by ANCI/Cittalia, by its Regione and by the Comune itself",
  );
}

/** Figures without free text: a comparison is about figures, and free text never leaves ANCI/Cittalia. */
const figuresOnly = (r: QuestionResultOut): QuestionResultOut => ({ ...r, texts: null, otherTexts: null });

/**
 * One question across two waves: national figures in each (the earlier wave's choices recoded to
 * the later's), over every Comune that counts and over the panel, the warnings where
 * comparability breaks, and one Comune's own figures when asked and allowed. Audited.
 */
export async function compareWaves(
  ctx: Ctx,
  waveId: string,
  otherId: string,
  query: ComparisonQuery,
): Promise<ComparisonOut> {
  const v = compareViewerOf(ctx);
  if (v.ownComune && query.comune !== v.ownComune)
    throw new AppError('forbidden', 'A Comune reads the comparison with its own figures only (comune=its ISTAT code)');
  const f = pickFilters(query);
  const out = await ctx.db.tx(nationalAccess(v.actor), async (tx) => {
    const p = await wavePair(tx, waveId, otherId);
    const side = p.earlier.id === waveId ? 'earlier' : 'later';
    const [eqs, lqs] = [await questionsOfWave(tx, p.earlier.id), await questionsOfWave(tx, p.later.id)];
    const own = side === 'earlier' ? eqs : lqs;
    const asked = own.find((q) => q.name === query.question);
    if (!asked)
      throw new AppError(
        'surveys.results.question',
        `The questionnaire has no question ${query.question} with results`,
      );
    if (asked.kind === 'text')
      throw new AppError('surveys.results.question', 'Free-text answers are not compared across waves');
    await checkFilters(tx, v, f);
    const mappings = await selectMappings(tx, p.earlier.id, p.later.id);
    const c = counterpart(query.question, side, mappings, eqs, lqs);
    const usable = (q: ResultQuestion | null) => (q && q.kind !== 'text' ? q : null);
    const e = usable(c.earlier);
    const l = usable(c.later);
    const warnings = comparisonWarnings(c, p.earlier.survey_id === p.later.survey_id);
    const recode = e && l && e.kind === l.kind ? recodeOf(c.mapping) : new Map<string, string>();
    const eOpts =
      e && l && e.kind === l.kind && e.choices.length ? { recode, choices: comparedChoices(e, l, recode) } : {};
    const figures = async (fl: RepoFilters, viewer: Pick<Viewer, 'full'>) => ({
      earlier: e ? figuresOnly(await questionResult(tx, viewer, p.earlier.id, fl, e, eOpts)) : null,
      later: l ? figuresOnly(await questionResult(tx, viewer, p.later.id, fl, l)) : null,
    });
    const all = await figures(f, v);
    // the panel: in each wave, only the Comuni whose answers count in the other one too
    const panel = {
      earlier: e
        ? figuresOnly(await questionResult(tx, v, p.earlier.id, { ...f, panelWith: p.later.id }, e, eOpts))
        : null,
      later: l ? figuresOnly(await questionResult(tx, v, p.later.id, { ...f, panelWith: p.earlier.id }, l)) : null,
    };
    const respondents = {
      earlier: await countRespondents(tx, p.earlier.id, f),
      later: await countRespondents(tx, p.later.id, f),
      panel: await countRespondents(tx, p.earlier.id, { ...f, panelWith: p.later.id }),
    };
    let comune: ComparisonOut['comune'] = null;
    if (query.comune) {
      await assertComuneReach(tx, v, query.comune);
      const name = await selectWaveComune(tx, [p.earlier.id, p.later.id], query.comune);
      if (!name) throw new AppError('surveys.results.filter', `Neither wave holds the Comune ${query.comune}`);
      // its own answers: exact (a Comune, its Regione and ANCI/Cittalia read them in the responses too)
      comune = { istat: query.comune, name, ...(await figures({ comune: query.comune }, { full: true })) };
    }
    return {
      earlier: waveOut(p.earlier),
      later: waveOut(p.later),
      full: v.full,
      questions: { earlier: e ? all.earlier!.question : null, later: l ? all.later!.question : null },
      warnings,
      respondents,
      all,
      panel,
      comune,
      note: RESULTS_NOTE,
    };
  });
  await auditRead(ctx, v, waveId, {
    comparison: otherId,
    question: query.question,
    comune: query.comune ?? null,
    filters: f,
  });
  return out;
}
