import { describe, expect, it } from 'vitest';
import { type Expr } from './ast.js';
import { type ExprProblemCode } from './errors.js';
import { MAX_DEPTH, MAX_LENGTH, parse } from './parser.js';
import { print } from './print.js';

/** A bound that catches a blow-up (a parse per character taking seconds), not a speed measurement:
 * the machine may be busy with other work; speed is measured in bench/. */
const BLOW_UP_MS = 1000;

/** The tree as a compact S-expression, positions left out: precedence and grouping at a glance */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.raw;
    case 'string':
      return `'${e.value}'`;
    case 'ref':
      return `$${e.name}`;
    case 'current':
      return '.';
    case 'parent':
      return '..';
    case 'negate':
      return `(neg ${shape(e.operand)})`;
    case 'binary':
      return `(${e.op} ${shape(e.left)} ${shape(e.right)})`;
    case 'call':
      return `(${e.name}${e.args.map((a) => ` ${shape(a)}`).join('')})`;
  }
}

function parsed(src: string): Expr {
  const r = parse(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message.en}`);
  return r.ast;
}

describe('parsing: precedence and associativity (XPath 1.0)', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 div 4 div 2', '(div (div 8 4) 2)'],
    ['7 mod 4 * 2', '(* (mod 7 4) 2)'],
    ['1 - (2 - 3)', '(- 1 (- 2 3))'],
    ['-2 * 3', '(* (neg 2) 3)'],
    ['- -2', '(neg (neg 2))'],
    ['-(1 + 2)', '(neg (+ 1 2))'],
    ['1 < 2 = 3 > 4', '(= (< 1 2) (> 3 4))'],
    ['1 = 2 != 3', '(!= (= 1 2) 3)'],
    ['1 + 2 < 3 * 4', '(< (+ 1 2) (* 3 4))'],
    ['${a} or ${b} and ${c}', '(or $a (and $b $c))'],
    ['(${a} or ${b}) and ${c}', '(and (or $a $b) $c)'],
    ['${a} and ${b} and ${c}', '(and (and $a $b) $c)'],
    ["${q} > 5 and selected(${x}, 'a')", "(and (> $q 5) (selected $x 'a'))"],
    ['. >= 0 and . <= 120', '(and (>= . 0) (<= . 120))'],
    ['count-selected(${m}) <= 3', '(<= (count-selected $m) 3)'],
    ["if(${a} = 'yes', 1, 0) + 2", "(+ (if (= $a 'yes') 1 0) 2)"],
    ['concat()', '(concat)'],
    ['position(..)', '(position ..)'],
    ['.5 + 1.', '(+ .5 1.)'],
    ['4 div-2', '(div 4 (neg 2))'],
    ['string-length("l\'acqua")', `(string-length 'l'acqua')`],
    ['${età} > 17', '(> $età 17)'],
    ['${group.q-1} = 1', '(= $group.q-1 1)'],
    ['  1\n+\t2  ', '(+ 1 2)'],
  ])('%s reads as %s', (src, expected) => {
    expect(shape(parsed(src))).toBe(expected);
  });

  it('keeps the span of each node', () => {
    const e = parsed('1 + ${abc}');
    expect(e).toMatchObject({ at: 0, end: 10, right: { kind: 'ref', at: 4, end: 10 } });
  });
});

describe('printing', () => {
  it.each([
    ['1+2*3', '1 + 2 * 3'],
    ['(1+2)*3', '(1 + 2) * 3'],
    ['1-(2-3)', '1 - (2 - 3)'],
    ['(1-2)-3', '1 - 2 - 3'],
    ['-(-2)', '- -2'],
    ['-(1+2)', '-(1 + 2)'],
    ['((((${a}))))', '${a}'],
    ["concat(\"it's\",'x')", `concat("it's", 'x')`],
    ['(${a} or ${b}) and not(${c})', '(${a} or ${b}) and not(${c})'],
  ])('%s prints as %s', (src, expected) => {
    expect(print(parsed(src))).toBe(expected);
  });

  it('writes a text with both quotes through concat(), which reads back as the same text', () => {
    const printed = print({ kind: 'string', value: `a'b"c`, at: 0, end: 0 });
    expect(printed).toBe(`concat('a', "'", 'b"c')`);
  });
});

describe('parse errors carry a code and the position of the fault', () => {
  it.each<[string, ExprProblemCode, number]>([
    ['', 'expr.empty', 0],
    ['   ', 'expr.empty', 0],
    ["${a} = 'yes", 'expr.unterminated_string', 7],
    ['"abc', 'expr.unterminated_string', 0],
    ['${a', 'expr.unterminated_reference', 0],
    ['1 + ${a b}', 'expr.bad_reference', 4],
    ['${1a} = 2', 'expr.bad_reference', 0],
    ['${}', 'expr.bad_reference', 0],
    ['1 # 2', 'expr.unexpected_char', 2],
    ['1 + 🙂', 'expr.unexpected_char', 4],
    ['1 +', 'expr.unexpected_end', 3],
    ['(1 + 2', 'expr.unexpected_end', 6],
    ['1 + 2)', 'expr.unexpected_token', 5],
    ['1 2', 'expr.unexpected_token', 2],
    ['* 2', 'expr.unexpected_token', 0],
    ['concat(1,)', 'expr.unexpected_token', 9],
    ['concat(1 2)', 'expr.unexpected_token', 9],
    ['q > 5', 'expr.bare_name', 0],
    ['${a} and yes', 'expr.bare_name', 9],
    ['true', 'expr.bare_name', 0],
    ['Selected(${a}, 1)', 'expr.unknown_function', 0],
    ['1 + jr:choice-name(${a}, "${a}")', 'expr.unknown_function', 4],
    ['foo()', 'expr.unknown_function', 0],
    ['selected(${a})', 'expr.arity', 0],
    ['if(1, 2)', 'expr.arity', 0],
    ['today(1)', 'expr.arity', 0],
    ['..', 'expr.parent_outside_position', 0],
    ['count(..)', 'expr.parent_outside_position', 6],
  ])('%j → %s at %i', (src, code, at) => {
    const r = parse(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, at });
    expect(r.error.end).toBeGreaterThanOrEqual(r.error.at);
    expect(r.error.message.it).toContain(`carattere ${at + 1}`);
    expect(r.error.message.en).toContain(`character ${at + 1}`);
  });

  it('says in both languages which function takes how many arguments', () => {
    const r = parse('round()');
    expect(r.ok ? null : r.error.message).toEqual({
      it: 'La funzione «round()» vuole da 1 a 2 argomenti (carattere 1)',
      en: 'The function "round()" takes 1 to 2 arguments (character 1)',
    });
  });
});

describe('hostile input is refused at once', () => {
  const quick = (src: string): { code: string | undefined; ms: number } => {
    const t0 = performance.now();
    const r = parse(src);
    return { code: r.ok ? undefined : r.error.code, ms: performance.now() - t0 };
  };

  it('a 100 KB expression', () => {
    const { code, ms } = quick('1 + '.repeat(25_000) + '1');
    expect(code).toBe('expr.too_long');
    expect(ms).toBeLessThan(BLOW_UP_MS);
  });

  it('10,000 nested parentheses', () => {
    const { code, ms } = quick('('.repeat(10_000) + '1' + ')'.repeat(10_000));
    expect(code).toBe('expr.too_long');
    expect(ms).toBeLessThan(BLOW_UP_MS);
  });

  it('nesting within the length limit stops at the depth limit', () => {
    for (const src of [
      '('.repeat(4000) + '1' + ')'.repeat(4000),
      'not('.repeat(1900) + '1' + ')'.repeat(1900),
      '-'.repeat(MAX_LENGTH - 1) + '1',
      '1+'.repeat(MAX_DEPTH + 1) + '1',
    ]) {
      const { code, ms } = quick(src);
      expect(code).toBe('expr.too_deep');
      expect(ms).toBeLessThan(BLOW_UP_MS);
    }
  });

  it('an unterminated string, unknown functions and stray characters over the whole length', () => {
    for (const src of ["'" + 'x'.repeat(MAX_LENGTH - 1), 'nope('.repeat(2000), '#'.repeat(MAX_LENGTH)]) {
      const { code, ms } = quick(src);
      expect(code).toBeDefined();
      expect(ms).toBeLessThan(BLOW_UP_MS);
    }
  });

  it('still takes a real-sized formula at the limits', () => {
    expect(parse('('.repeat(MAX_DEPTH - 1) + '1' + ')'.repeat(MAX_DEPTH - 1)).ok).toBe(true);
    expect(parse('1+'.repeat(MAX_DEPTH - 1) + '1').ok).toBe(true);
  });
});
