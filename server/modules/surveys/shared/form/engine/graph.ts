/**
 * The order in which a form's values are worked out. Each item (question, group, repeat) is a
 * node; it depends on the questions its relevance and its calculation name (references() of the
 * expression language) and on the group or repeat it sits in (whose relevance hides it). A
 * topological order puts every node after what it depends on, keeping the form's order between
 * independent nodes; nodes that depend on each other in a loop are reported as cycles and never
 * evaluated in a loop.
 */
import { parse, references, type Bilingual, type Expr } from '../expr/index.js';
import type { Form, Group, Item, Repeat } from '../model.js';

/** An item with where it sits: its containers (outermost first) and the repeats among them */
export interface Placed {
  readonly item: Item;
  readonly parents: readonly (Group | Repeat)[];
  /** the names of the repeats holding it, outermost first; for a repeat, ending with itself */
  readonly repeats: readonly string[];
}

/** Every item, depth first, in form order (iterative: no recursion on a deep form) */
export function placeItems(form: Pick<Form, 'items'>): Placed[] {
  const out: Placed[] = [];
  const stack: { items: readonly Item[]; i: number; parents: (Group | Repeat)[] }[] = [
    { items: form.items, i: 0, parents: [] },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (!top) break;
    const item = top.items[top.i++];
    if (!item) {
      stack.pop();
      continue;
    }
    const repeats = top.parents.filter((p) => p.kind === 'repeat').map((p) => p.name);
    out.push({ item, parents: top.parents, repeats: item.kind === 'repeat' ? [...repeats, item.name] : repeats });
    if (item.kind !== 'question') stack.push({ items: item.items, i: 0, parents: [...top.parents, item] });
  }
  return out;
}

/** Parses each expression text once */
export class ExprCache {
  private readonly trees = new Map<string, Expr | null>();

  /** the tree, or null when the text does not parse */
  get(src: string | undefined): Expr | null {
    if (src === undefined) return null;
    let t = this.trees.get(src);
    if (t === undefined) {
      const r = parse(src);
      t = r.ok ? r.ast : null;
      this.trees.set(src, t);
    }
    return t;
  }
}

/** The expressions that decide an item's value: its relevance and, for a question, its calculation */
function valueExpressions(item: Item): (string | undefined)[] {
  return item.kind === 'question' ? [item.relevant, item.calculation] : [item.relevant];
}

export interface Cycle {
  /** the names in the loop: each depends on the next, the last on the first */
  readonly names: readonly string[];
  readonly message: Bilingual;
}

export interface Order {
  /** every item in an order where each comes after what it depends on (cycles: in form order) */
  readonly order: readonly Placed[];
  readonly cycles: readonly Cycle[];
}

export function dependencyOrder(form: Pick<Form, 'items'>, cache = new ExprCache()): Order {
  const placed = placeItems(form);
  const index = new Map<string, number>();
  placed.forEach((p, i) => {
    if (!index.has(p.item.name)) index.set(p.item.name, i);
  });
  // deps[i]: the nodes i depends on
  const deps: Set<number>[] = placed.map((p) => {
    const d = new Set<number>();
    const parent = p.parents[p.parents.length - 1];
    if (parent) {
      const j = index.get(parent.name);
      if (j !== undefined) d.add(j);
    }
    for (const src of valueExpressions(p.item)) {
      const ast = cache.get(src);
      if (!ast) continue;
      for (const name of references(ast)) {
        const j = index.get(name);
        if (j !== undefined) d.add(j);
      }
    }
    return d;
  });
  const users: number[][] = placed.map(() => []);
  const pending = deps.map((d) => d.size);
  deps.forEach((d, i) => {
    for (const j of d) users[j]?.push(i);
  });
  // Kahn's algorithm, always taking the earliest ready node in form order
  const ready = new MinQueue();
  pending.forEach((n, i) => {
    if (n === 0) ready.push(i);
  });
  const order: Placed[] = [];
  const done = new Set<number>();
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    done.add(i);
    const p = placed[i];
    if (p) order.push(p);
    for (const u of users[i] ?? []) {
      pending[u] = (pending[u] ?? 0) - 1;
      if (pending[u] === 0) ready.push(u);
    }
  }
  if (done.size === placed.length) return { order, cycles: [] };
  // every node left waits on another node left: following those leads into a loop
  const cycles: Cycle[] = [];
  const inCycle = new Set<number>();
  for (let start = 0; start < placed.length; start++) {
    if (done.has(start) || inCycle.has(start)) continue;
    const seenAt = new Map<number, number>();
    const walk: number[] = [];
    let cur: number | undefined = start;
    while (cur !== undefined && !seenAt.has(cur) && !inCycle.has(cur)) {
      seenAt.set(cur, walk.length);
      walk.push(cur);
      cur = [...(deps[cur] ?? [])].find((j) => !done.has(j));
    }
    if (cur !== undefined && seenAt.has(cur)) {
      const loop = walk.slice(seenAt.get(cur));
      for (const j of loop) inCycle.add(j);
      const names = loop.map((j) => placed[j]?.item.name ?? '');
      cycles.push({ names, message: cycleMessage(names) });
    }
  }
  // what is left is evaluated once, in form order
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    if (!done.has(i) && p) order.push(p);
  }
  return { order, cycles };
}

function cycleMessage(names: readonly string[]): Bilingual {
  const chain = [...names, names[0] ?? ''].map((n) => `\${${n}}`).join(' → ');
  return {
    it: `Le domande dipendono l'una dall'altra in un ciclo (rilevanza, calcolo o gruppo che le contiene): ${chain}`,
    en: `The questions depend on each other in a loop (relevance, calculation or the group holding them): ${chain}`,
  };
}

/**
 * The loops among a form's relevances, calculations and groups, for the importer to refuse the
 * form: [] when there is none.
 */
export function cycles(form: Pick<Form, 'items'>): Cycle[] {
  return [...dependencyOrder(form).cycles];
}

/** A binary heap of numbers, smallest first */
class MinQueue {
  private readonly h: number[] = [];

  push(x: number): void {
    const h = this.h;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const hp = h[p] ?? 0;
      if (hp <= x) break;
      h[i] = hp;
      i = p;
    }
    h[i] = x;
  }

  pop(): number | undefined {
    const h = this.h;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && (h[r] ?? 0) < (h[l] ?? 0) ? r : l;
      if ((h[c] ?? 0) >= last) break;
      h[i] = h[c] ?? 0;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
