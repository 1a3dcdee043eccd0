/**
 * The pure rules of the comparison across waves (issue 11, item 4; decision 0043): which question
 * of the other wave a question corresponds to, whether a mapping fits the two questionnaires, and
 * where comparability breaks. No I/O.
 */
import type { ResultChoice, ResultQuestion } from './results.rules.js';
import type { ComparisonWarning, WaveMapping } from './comparison.schema.js';

/** A mapping's questions on each side, whatever its kind. */
export function sidesOf(m: WaveMapping): { earlier: string[]; later: string[] } {
  const list = (x: string | string[] | null) => (x === null ? [] : Array.isArray(x) ? x : [x]);
  return { earlier: list(m.earlier), later: list(m.later) };
}

/** Why a mapping does not fit the two questionnaires: "where: why" lines, empty when it fits. */
export function mappingIssues(items: WaveMapping[], earlier: ResultQuestion[], later: ResultQuestion[]): string[] {
  const byName = (qs: ResultQuestion[]) => new Map(qs.map((q) => [q.name, q]));
  const e = byName(earlier);
  const l = byName(later);
  const issues: string[] = [];
  items.forEach((m, i) => {
    const at = `items.${i}`;
    const s = sidesOf(m);
    if (!s.earlier.length && !s.later.length) issues.push(`${at}: name a question of either wave`);
    for (const n of s.earlier) if (!e.has(n)) issues.push(`${at}: the earlier wave has no question ${n}`);
    for (const n of s.later) if (!l.has(n)) issues.push(`${at}: the later wave has no question ${n}`);
    if (m.kind !== 'match') return;
    const eq = e.get(m.earlier);
    const lq = l.get(m.later);
    if (!eq || !lq) return;
    if (m.recodes.length && (!eq.choices.length || !lq.choices.length))
      issues.push(`${at}: only choice questions have choices to recode`);
    const seen = new Set<string>();
    for (const r of m.recodes) {
      if (seen.has(r.from)) issues.push(`${at}: the choice ${r.from} is recoded twice`);
      seen.add(r.from);
      if (eq.choices.length && !eq.choices.some((c) => c.code === r.from))
        issues.push(`${at}: the question ${m.earlier} of the earlier wave has no choice ${r.from}`);
      if (lq.choices.length && !lq.choices.some((c) => c.code === r.to))
        issues.push(`${at}: the question ${m.later} of the later wave has no choice ${r.to}`);
    }
  });
  return issues;
}

/** Questions named by more than one mapping on the same side (a conflict: which one holds?). */
export function mappingConflicts(items: WaveMapping[]): string[] {
  const out: string[] = [];
  for (const sideName of ['earlier', 'later'] as const) {
    const seen = new Set<string>();
    for (const m of items)
      for (const n of sidesOf(m)[sideName]) {
        if (seen.has(n)) out.push(`${sideName}: ${n}`);
        seen.add(n);
      }
  }
  return out;
}

export interface Counterpart {
  earlier: ResultQuestion | null;
  later: ResultQuestion | null;
  mapping: WaveMapping | null;
}

/**
 * The question `name` of one wave and its counterpart in the other: through the mapping that names
 * it, else the question with the same code. A split or merge has several questions on one side:
 * that side is compared only when it is the single question (the other side stays null).
 */
export function counterpart(
  name: string,
  side: 'earlier' | 'later',
  items: WaveMapping[],
  earlier: ResultQuestion[],
  later: ResultQuestion[],
): Counterpart {
  const find = (qs: ResultQuestion[], n: string | undefined) => (n ? (qs.find((q) => q.name === n) ?? null) : null);
  const mapping = items.find((m) => sidesOf(m)[side].includes(name)) ?? null;
  if (!mapping) return { earlier: find(earlier, name), later: find(later, name), mapping };
  const s = sidesOf(mapping);
  // the side asked about is the question asked; the other side counts when it is a single question
  // (a not_comparable that leaves it open keeps the question of the same code there)
  const otherSide = side === 'earlier' ? 'later' : 'earlier';
  const names = s[otherSide];
  const otherName =
    names.length === 1 ? names[0] : names.length === 0 && mapping.kind === 'not_comparable' ? name : undefined;
  return side === 'earlier'
    ? { earlier: find(earlier, name), later: find(later, otherName), mapping }
    : { earlier: find(earlier, otherName), later: find(later, name), mapping };
}

/** The recode of a match (old code → new code), empty for any other mapping. */
export function recodeOf(mapping: WaveMapping | null): Map<string, string> {
  return new Map(mapping?.kind === 'match' ? mapping.recodes.map((r) => [r.from, r.to]) : []);
}

/**
 * The choices the earlier wave is listed under: the later question's, then the earlier choices
 * that are neither recoded nor present in the later wave (they have no place in it).
 */
export function comparedChoices(e: ResultQuestion, l: ResultQuestion, recode: Map<string, string>): ResultChoice[] {
  const later = new Set(l.choices.map((c) => c.code));
  return [...l.choices, ...e.choices.filter((c) => !recode.has(c.code) && !later.has(c.code))];
}

const sameText = (a: { it?: string | undefined }, b: { it?: string | undefined }) =>
  (a.it ?? '').trim() === (b.it ?? '').trim();

/** Where comparability breaks between the two questions, in the order a reader needs them. */
export function comparisonWarnings(c: Counterpart, sameSurvey: boolean): ComparisonWarning[] {
  const w: ComparisonWarning[] = [];
  const add = (code: ComparisonWarning['code'], codes: string[] = [], reason: string | null = null) =>
    w.push({ code, codes, reason });
  if (!sameSurvey) add('different_survey');
  const m = c.mapping;
  if (m?.kind === 'not_comparable') add('not_comparable', sidesOf(m).earlier.concat(sidesOf(m).later), m.reason);
  if (m?.kind === 'split') add('split', [m.earlier, ...m.later]);
  if (m?.kind === 'merge') add('merged', [...m.earlier, m.later]);
  if (!c.earlier && m?.kind !== 'merge') add('missing_earlier');
  if (!c.later && m?.kind !== 'split') add('missing_later');
  const { earlier: e, later: l } = c;
  if (!e || !l) return w;
  if (e.name !== l.name) add('renamed', [e.name, l.name]);
  if (e.kind !== l.kind || e.repeats.join('/') !== l.repeats.join('/')) {
    add('type_changed', [e.type, l.type]);
    return w;
  }
  const recode = recodeOf(m);
  if (recode.size)
    add(
      'recoded',
      [...recode].map(([a, b]) => `${a}→${b}`),
    );
  const later = new Set(l.choices.map((x) => x.code));
  const earlierCodes = new Set(e.choices.map((x) => recode.get(x.code) ?? x.code));
  const unmatched = [
    ...e.choices.filter((x) => !later.has(recode.get(x.code) ?? x.code)).map((x) => x.code),
    ...l.choices.filter((x) => !earlierCodes.has(x.code)).map((x) => x.code),
  ];
  if (unmatched.length) add('choices_changed', unmatched);
  const relabelled =
    !sameText(e.label, l.label) ||
    e.choices.some((x) => {
      const y = l.choices.find((z) => z.code === x.code);
      return y !== undefined && !recode.has(x.code) && !sameText(x.label, y.label);
    });
  if (relabelled) add('labels_changed');
  return w;
}
