/**
 * A Comune's own results (issue 11 item 8): once its response counts (sent and later), its own
 * answer to each question answered once per Comune, beside the figures of its Region and of Italy,
 * with their bases. Its own answer is read under its own row-level security (it sees no other
 * response); the figures are aggregates of the whole wave, read with the national reach and
 * controlled exactly as for MLPS (decision 0038: nothing resting on fewer than 3 Comuni, counts of
 * persons 1–9 as "<10" and others rounded to 5, no free text). Audited.
 */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { selectOwnResponse, selectScopeChoices, selectScopeStats, type ScopeStatsRow } from './mine.repo.js';
import type { MyResultsOut } from './mine.schema.js';
import { countRespondents } from './results.repo.js';
import { COUNTED_STATUSES, personsFigure, plainFigure, smallBase, type ResultQuestion } from './results.rules.js';
import { questionOut, questionsOfWave, RESULTS_NOTE } from './results.service.js';

/** The kinds compared: those with a figure (not free text, nor dates), answered once per Comune. */
const COMPARED = new Set(['choice', 'multiple', 'number', 'range']);

type Area = MyResultsOut['items'][number]['italy'];
type Answer = NonNullable<MyResultsOut['items'][number]['answer']>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The Comune's own answer as given: the choices with their labels, the number, the range. */
export function ownAnswer(q: ResultQuestion, v: unknown): Answer | null {
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return null;
  const out: Answer = { choices: null, number: null, range: null };
  if (q.kind === 'choice' || q.kind === 'multiple') {
    if (typeof v !== 'string') return null;
    const codes = [...new Set(v.trim().split(/\s+/))];
    out.choices = codes.map((code) => ({ code, label: q.choices.find((c) => c.code === code)?.label ?? { it: code } }));
  } else if (q.kind === 'number') out.number = num(v);
  else if (q.kind === 'range' && typeof v === 'object') {
    const r = v as Record<string, unknown>;
    out.range = {
      min: num(r.min) ?? num(r.value),
      max: num(r.max) ?? num(r.value),
      quality: typeof r.quality === 'string' ? r.quality : null,
    };
  }
  return out;
}

function areaFigures(
  q: ResultQuestion,
  s: ScopeStatsRow | undefined,
  counts: Map<string, number>,
  which: 'it' | 'rg',
): Area {
  const base = s ? s[`base_${which}`] : 0;
  const out: Area = { base, suppressed: smallBase(base, false), choices: null, number: null, range: null };
  if (out.suppressed || !s) return out;
  if (q.kind === 'choice' || q.kind === 'multiple')
    out.choices = q.choices.map((c) => {
      const n = counts.get(c.code) ?? 0;
      return { code: c.code, label: c.label, count: n, share: base ? plainFigure(n / base, 4) : null };
    });
  else if (q.kind === 'number') out.number = { n: s[`n_num_${which}`], mean: plainFigure(s[`mean_${which}`]) };
  else if (q.kind === 'range') {
    const persons = (x: number | null) => (q.persons ? personsFigure(x, false) : plainFigure(x));
    out.range = {
      n: s[`n_lo_${which}`],
      sumMin: persons(s[`sum_min_${which}`]),
      sumMax: persons(s[`sum_max_${which}`]),
    };
  }
  return out;
}

/**
 * A Comune's own answers beside its Region's and Italy's figures. 404 `surveys.wave.not_found`
 * when the Comune is not in the wave; 409 `surveys.results.not_counted` until its response counts.
 */
export async function myResults(ctx: Ctx, waveId: string): Promise<MyResultsOut> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  assertCan(actor, 'surveys.results.own');
  const comune = actor.scope.level === 'comune' ? actor.scope.comuneIstat : null;
  if (!comune) throw new AppError('forbidden', 'Only a Comune’s users compare their own answers');
  // the Comune's own response, under its own row-level security
  const own = await ctx.db.tx(accessOf(actor), async (tx) => {
    const qs = await questionsOfWave(tx, waveId);
    const row = await selectOwnResponse(tx, waveId, comune);
    if (!row) throw new AppError('surveys.wave.not_found');
    if (!COUNTED_STATUSES.includes(row.status))
      throw new AppError(
        'surveys.results.not_counted',
        'The comparison opens once the questionnaire is sent: until then (or while it is back for correction) the Comune’s answers do not count in the results',
      );
    return { qs, row };
  });
  const { row } = own;
  const qs = own.qs.filter((q) => COMPARED.has(q.kind) && !q.repeats.length);
  // the figures: aggregates of the whole wave, controlled, nothing per Comune
  const national = { ...accessOf(actor), scope: 'national' as const, tenant: null, region: null };
  const figures = await ctx.db.tx(national, async (tx) => ({
    italy: await countRespondents(tx, waveId, {}),
    region: await countRespondents(tx, waveId, { region: row.region_code }),
    stats: new Map((await selectScopeStats(tx, waveId, row.region_code)).map((s) => [s.question, s])),
    choices: await selectScopeChoices(tx, waveId, row.region_code),
  }));
  const counts = { it: new Map<string, Map<string, number>>(), rg: new Map<string, Map<string, number>>() };
  for (const c of figures.choices)
    for (const [which, n] of [
      ['it', c.n_it],
      ['rg', c.n_rg],
    ] as const) {
      const m = counts[which].get(c.question) ?? new Map<string, number>();
      m.set(c.code, n);
      counts[which].set(c.question, m);
    }
  const out: MyResultsOut = {
    waveId,
    responseId: row.id,
    status: row.status,
    comune: { istat: row.comune_istat, name: row.comune_name },
    region: { code: row.region_code, name: row.region_name },
    respondents: { italy: figures.italy, region: figures.region },
    items: qs.map((q) => {
      const s = figures.stats.get(q.name);
      return {
        question: questionOut(q),
        answer: ownAnswer(q, row.answers[q.name]),
        region: areaFigures(q, s, counts.rg.get(q.name) ?? new Map<string, number>(), 'rg'),
        italy: areaFigures(q, s, counts.it.get(q.name) ?? new Map<string, number>(), 'it'),
      };
    }),
    note: RESULTS_NOTE,
  };
  await ctx.db.tx(accessOf(actor), (tx) =>
    recordAudit(tx, ctx, {
      action: 'surveys.results.read',
      entityType: 'survey_wave',
      entityId: waveId,
      details: { mine: true, controlled: true },
    }),
  );
  return out;
}
