/** Pure rules of good practices and case studies: the public address, the workflow, who may write one. */
import type { PracticeStatus } from './practices.vocabulary.js';

/**
 * The public address from the title: lower case, Italian letters without their accents, every other
 * run of signs a hyphen, at most 70 characters cut at a word; `fallback` when nothing is left.
 */
export function slugOf(title: string, fallback = 'pratica'): string {
  const plain = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/gi, 'ae')
    .replace(/œ/gi, 'oe')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = plain;
  if (slug.length > 70) {
    slug = slug.slice(0, 70);
    const cut = slug.lastIndexOf('-');
    if (cut >= 20) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug.length >= 3 ? slug : slug ? `${fallback}-${slug}` : fallback;
}

/** A free address: the base, else base-2, base-3… (`taken`: the addresses in use that start with it). */
export function freeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** The steps of the workflow and the state each one needs. */
export const workflowSteps = {
  // the author changes it while a draft
  edit: ['BOZZA'],
  // the author sends it for review
  submit: ['BOZZA'],
  // the reviewer returns it to the author with a comment
  return: ['IN_REVISIONE'],
  // the reviewer publishes it
  publish: ['IN_REVISIONE'],
} as const satisfies Record<string, readonly PracticeStatus[]>;
export type WorkflowStep = keyof typeof workflowSteps;

export const canStep = (step: WorkflowStep, status: PracticeStatus): boolean =>
  (workflowSteps[step] as readonly PracticeStatus[]).includes(status);

/** Where each step leads. */
export const nextStatus: Record<Exclude<WorkflowStep, 'edit'>, PracticeStatus> = {
  submit: 'IN_REVISIONE',
  return: 'BOZZA',
  publish: 'PUBBLICATA',
};

/**
 * Whether an actor may write a practice of this Comune: the national scope (ANCI/Cittalia) any,
 * including one of no Comune; a Comune's users only their own Comune's.
 */
export function mayWriteFor(
  scope: { level: string; comuneIstat: string | null },
  practiceComune: string | null,
): boolean {
  if (scope.level === 'national') return true;
  return scope.level === 'comune' && practiceComune !== null && practiceComune === scope.comuneIstat;
}

/** The same item listed twice (by key) in a list the author sends: the first duplicate's index, or -1. */
export function firstDuplicate<T>(items: readonly T[], key: (t: T) => string): number {
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const k = key(items[i]!);
    if (seen.has(k)) return i;
    seen.add(k);
  }
  return -1;
}
