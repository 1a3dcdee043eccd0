import { describe, expect, it } from 'vitest';
import { type Answer, type ExprContext, type Instances, evaluate, evaluateBoolean, evaluateText } from './evaluate.js';
import { parse } from './parser.js';
import { type Value } from './values.js';

/** Answers used by the tables below; `rep` answers are a repeat's instances, `blank` is unanswered */
const answers: Record<string, Answer | Instances> = {
  age: '34',
  zero: '0',
  blank: '',
  none: null,
  name: 'Rosarno',
  yes: 'yes',
  no: 'no',
  multi: 'a c d',
  list: ['a', 'b'],
  born: '1990-05-17',
  when: '2026-12-06T10:30:00Z',
  num: 12.5,
  flag: true,
  persons: { instances: ['12', '30', '8'] },
  withBlank: { instances: ['12', ''] },
  noInstances: { instances: [] },
  kinds: { instances: ['formale', 'informale', 'informale'] },
};

const ctx: ExprContext = {
  value: (name) => answers[name],
  today: '2026-12-06',
  now: new Date('2026-12-06T09:15:00.000Z'),
  position: 2,
};

function run(src: string, current?: Answer): Value {
  const r = parse(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message.en}`);
  return evaluate(r.ast, { ...ctx, current });
}

describe('functions', () => {
  it.each<[string, Value]>([
    // select_multiple
    ["selected(${multi}, 'c')", true],
    ["selected(${multi}, 'b')", false],
    ["selected(${list}, 'b')", true],
    ["selected(${blank}, 'a')", false],
    ["selected('  a   b ', 'b')", true],
    ['count-selected(${multi})', 3],
    ['count-selected(${blank})', 0],
    ['count-selected(${list})', 2],
    ['selected-at(${multi}, 1)', 'c'],
    ['selected-at(${multi}, 0)', 'a'],
    ['selected-at(${multi}, 9)', ''],
    ['selected-at(${multi}, -1)', ''],
    // logic
    ['if(${age} > 18, "adult", "minor")', 'adult'],
    ['if(${blank}, 1, 2)', 2],
    ['not(${blank})', true],
    ['not(${no})', false],
    ['true()', true],
    ['false()', false],
    ['boolean(${zero})', true],
    ['boolean(number(${zero}))', false],
    ['coalesce(${blank}, ${none}, ${name})', 'Rosarno'],
    ['coalesce(${blank}, ${none})', ''],
    // numbers
    ['int(2.7)', 2],
    ['int(-2.7)', -2],
    ['int(${blank})', NaN],
    ['round(2.5)', 3],
    ['round(-2.5)', -2],
    ['round(1.005, 2)', 1.01],
    ['round(-1.005, 2)', -1.01],
    ['round(1234.5, -2)', 1200],
    ['round(${blank}, 1)', NaN],
    ['number(" 42 ")', 42],
    ['number("4,2")', NaN],
    ['number("")', NaN],
    ['number(true())', 1],
    ['string(1 div 4)', '0.25'],
    ['string(3.0)', '3'],
    ['string(1000000000000000000000 * 10)', '10000000000000000000000'],
    ['string(0.0000001)', '0.0000001'],
    ['string(-0)', '0'],
    ['string(true())', 'true'],
    ['floor(-1.5)', -2],
    ['ceiling(1.2)', 2],
    ['abs(-3)', 3],
    ['pow(2, 10)', 1024],
    ['min(3, ${age}, 10)', 3],
    ['max(3, ${age}, 10)', 34],
    ['max(${persons})', 30],
    ['min(${persons}, 5)', 5],
    ['max(${blank}, 3)', NaN],
    ['max(${noInstances})', NaN],
    ['sum(${persons})', 50],
    ['sum(${withBlank})', NaN],
    ['sum(${noInstances})', 0],
    ['count(${persons})', 3],
    ['count(${noInstances})', 0],
    // text
    ['string-length(${name})', 7],
    ['string-length(${blank})', 0],
    ['string-length("città")', 5],
    ['concat(${name}, " (", ${age}, ")")', 'Rosarno (34)'],
    ['concat(${kinds})', 'formaleinformaleinformale'],
    ['contains(${name}, "sar")', true],
    ['starts-with(${name}, "Ros")', true],
    ['starts-with(${name}, "ros")', false],
    ['ends-with(${name}, "no")', true],
    ['substr(${name}, 1, 4)', 'osa'],
    ['substr(${name}, 4)', 'rno'],
    ['substr(${name}, 5, 2)', ''],
    ['normalize-space("  a   b ")', 'a b'],
    ['regex(${age}, "^[0-9]+$")', true],
    ['regex("12a", "^[0-9]+$")', false],
    ['regex("abc", "b")', true],
    ['regex("abc", "(")', false],
    // dates (today is 2026-12-06, now is 2026-12-06T09:15Z)
    ['string(today())', '2026-12-06'],
    ['string(now())', '2026-12-06T09:15:00.000Z'],
    ['string(date("2026-02-28") + 1)', '20513'],
    ['string(date(date("2026-02-28") + 1))', '2026-03-01'],
    ['string(date(0))', '1970-01-01'],
    ['string(date("2026-02-30"))', ''],
    ['string(date("domani"))', ''],
    ['today() - date("2026-12-01")', 5],
    ['int((today() - ${born}) div 365.25)', 36],
    ['decimal-date-time("1970-01-02T12:00:00Z")', 1.5],
    ['decimal-date-time(${when}) - decimal-date-time(today())', 0.4375],
    ["format-date(${born}, '%d/%m/%Y')", '17/05/1990'],
    ["format-date(${born}, '%e %n %y')", '17 5 90'],
    ["format-date(${blank}, '%d/%m/%Y')", ''],
    // repeats
    ['position(..)', 2],
  ])('%s → %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });

  it('takes the value of the question itself where a constraint has no argument', () => {
    expect(run('string-length() <= 5', 'abcdef')).toBe(false);
    expect(run('normalize-space()', ' x  y ')).toBe('x y');
  });
});

describe('coercion and comparison rules', () => {
  it.each<[string, Value]>([
    // an empty answer is '' and NaN in numbers: no comparison with it holds
    ['${blank} > 5', false],
    ['${blank} < 5', false],
    ['${blank} <= 0', false],
    ['${none} = ""', true],
    ['${blank} = 0', false],
    ['${blank} != 0', true],
    ['${blank} + 1', NaN],
    ['${blank} = ""', true],
    // numbers compare as numbers when both sides read as numbers
    ['${age} = 34', true],
    ['${age} = "34.0"', true],
    ['"5" = "05"', true],
    ['"5" = "5 "', true],
    ['${age} > 5', true],
    ['"10" > "9"', true],
    ['${num} * 2', 25],
    ['${age} != 34', false],
    ['"abc" = "ABC"', false],
    ['"a b" = "a  b"', false],
    // booleans: non-empty text is true, 0 and NaN false
    ['${flag} = true()', true],
    ['${no} = true()', true],
    ['${blank} = false()', true],
    ['${zero} and true()', true],
    ['0 or ${blank}', false],
    ['(0 div 0) or false()', false],
    ['true() + true()', 2],
    // dates compare as dates
    ['${born} < today()', true],
    ['${born} = "1990-05-17"', true],
    ['${born} = date("1990-05-17")', true],
    ['today() = "2026-12-06"', true],
    ['today() > "2026-12-05"', true],
    ['${when} > today()', true],
    ['today() = "oggi"', false],
    ['"2026-02-30" = "2026-02-30"', true],
    // arithmetic never fails: XPath division
    ['1 div 0', Infinity],
    ['-1 div 0', -Infinity],
    ['0 div 0', NaN],
    ['5 mod 0', NaN],
    ['-7 mod 3', -1],
    ['7 mod -3', 1],
    ['7 div 2', 3.5],
    ['"abc" * 2', NaN],
    ['--3', 3],
    // node-sets: true when it holds for one of the answers
    ['${kinds} = "informale"', true],
    ['${kinds} = "abusivo"', false],
    ['${kinds} != "formale"', true],
    ['${persons} > 25', true],
    ['${persons} > 30', false],
    ['${noInstances} = ""', false],
    ['string(${persons})', '12'],
    ['${persons} + 1', 13],
    ['boolean(${noInstances})', false],
    ['boolean(${persons})', true],
    // an unknown question reads as empty
    ['${nobody} = ""', true],
  ])('%s → %j', (src, expected) => {
    expect(run(src)).toEqual(expected);
  });

  it('evaluates only the branch of if() that is taken, and and/or from the left', () => {
    const read: string[] = [];
    const spy: ExprContext = { ...ctx, value: (n) => (read.push(n), answers[n]) };
    const e = (src: string): void => {
      const r = parse(src);
      if (r.ok) evaluate(r.ast, spy);
    };
    e('if(true(), ${age}, ${name})');
    e('false() and ${blank}');
    e('true() or ${none}');
    expect(read).toEqual(['age']);
  });

  it('gives relevance as a boolean and a calculation as text', () => {
    const tree = (src: string) => {
      const r = parse(src);
      if (!r.ok) throw new Error(src);
      return r.ast;
    };
    expect(evaluateBoolean(tree('${name}'), ctx)).toBe(true);
    expect(evaluateText(tree('${age} div 4'), ctx)).toBe('8.5');
    expect(evaluateText(tree('${blank} div 4'), ctx)).toBe('NaN');
  });
});
