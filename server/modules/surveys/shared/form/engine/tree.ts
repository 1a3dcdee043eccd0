/**
 * Walking the answer trees by the place of an item: the repeat instances around it, outermost
 * first (the expression language's RepeatStep). Trees built here have no prototype, so a question
 * called `__proto__` or `constructor` is just a key.
 */
import type { FormData, RepeatStep } from '../expr/index.js';
import { isRecord, own, type Answers } from './answers.js';

/** A mutable answers object as the engine builds it */
export interface Node {
  [name: string]: unknown;
}

export const newNode = (): Node => Object.create(null) as Node;

/** `insediamenti[2].persone`: the repeats with their 0-based instance, then the name */
export function pathOf(at: readonly RepeatStep[], name: string): string {
  return [...at.map((s) => `${s.repeat}[${s.index}]`), name].join('.');
}

/** The object of the instance at `at` in a tree of the engine (undefined when it is not there) */
export function nodeAt(root: Node, at: readonly RepeatStep[]): Node | undefined {
  let node: Node | undefined = root;
  for (const step of at) {
    const list: unknown = node[step.repeat];
    node = Array.isArray(list) ? (list as Node[])[step.index] : undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The same in the answers as given (anything may be there) */
export function rawNodeAt(root: Answers, at: readonly RepeatStep[]): Answers | undefined {
  let node: unknown = root;
  for (const step of at) {
    if (!isRecord(node)) return undefined;
    const list = own(node, step.repeat);
    node = Array.isArray(list) ? (list as unknown[])[step.index] : undefined;
  }
  return isRecord(node) ? node : undefined;
}

/** Every place where an item inside these repeats (outermost first) has an instance */
export function placesOf(root: Node, repeats: readonly string[]): RepeatStep[][] {
  let places: RepeatStep[][] = [[]];
  for (const repeat of repeats) {
    const next: RepeatStep[][] = [];
    for (const at of places) {
      const list = nodeAt(root, at)?.[repeat];
      if (!Array.isArray(list)) continue;
      for (let index = 0; index < list.length; index++) next.push([...at, { repeat, index }]);
    }
    places = next;
  }
  return places;
}

export const asFormData = (n: Node): FormData => n as FormData;
