/**
 * A context built from plain answers, with the repeat rules of ODK: from inside a repeat
 * instance, a question of the same instance is that instance's answer; a question outside the
 * repeat is its own answer; a question inside a repeat the expression is not in is the list of
 * its answers across all instances (for sum(), count(), max()…). A repeat's own name gives its
 * instances (count(${settlements})).
 */
import { type Answer, type ExprContext, type Instances } from './evaluate.js';

/** Answers by question name; a repeat's name holds its instances, each a FormData of its own */
export interface FormData {
  readonly [name: string]: Answer | readonly FormData[];
}

/** One step of the place of an expression: the instance `index` (0-based) of `repeat` */
export interface RepeatStep {
  readonly repeat: string;
  readonly index: number;
}

export interface FormContextOptions {
  readonly data: FormData;
  /**
   * For each question, the names of the repeats holding it, outermost first ([] outside any
   * repeat); for a repeat, the path ends with the repeat itself. undefined for an unknown name.
   */
  readonly repeatsOf: (name: string) => readonly string[] | undefined;
  /** where the expression sits: the repeat instances around it, outermost first ([] at the top) */
  readonly at?: readonly RepeatStep[];
  readonly current?: Answer;
  readonly today: string;
  readonly now: Date;
}

const isRecord = (x: unknown): x is FormData => typeof x === 'object' && x !== null && !Array.isArray(x);

function instancesOf(node: FormData, repeat: string): readonly FormData[] {
  const v = node[repeat];
  return Array.isArray(v) ? (v as readonly unknown[]).filter(isRecord) : [];
}

function answerOf(node: FormData, name: string): Answer {
  const v = node[name];
  if (Array.isArray(v) && (v as readonly unknown[]).some(isRecord)) return '';
  return v as Answer;
}

export function formContext(options: FormContextOptions): ExprContext {
  const at = options.at ?? [];
  const last = at[at.length - 1];
  return {
    current: options.current,
    position: last ? last.index + 1 : undefined,
    today: options.today,
    now: options.now,
    value(name: string): Answer | Instances {
      const path = options.repeatsOf(name);
      if (!path) return '';
      const isRepeat = path[path.length - 1] === name;
      // the repeats shared with the expression's place lead to one instance each…
      const shared = isRepeat ? path.length - 1 : path.length;
      let node: FormData | undefined = options.data;
      let i = 0;
      while (i < shared && i < at.length && at[i]?.repeat === path[i]) {
        node = instancesOf(node, path[i] ?? '')[at[i]?.index ?? -1];
        if (!node) return '';
        i++;
      }
      if (i === path.length) return answerOf(node, name);
      // …and the others fan out to all their instances
      let nodes: readonly FormData[] = [node];
      for (let j = i; j < path.length; j++) {
        const rep = path[j] ?? '';
        nodes = nodes.flatMap((n) => instancesOf(n, rep));
      }
      return { instances: isRepeat ? nodes.map(() => '') : nodes.map((n) => answerOf(n, name)) };
    },
  };
}
