import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { parse } from './parser.js';
import { checkExpression, isUnsafePattern, references } from './references.js';
import { type FormData, type RepeatStep, formContext } from './scope.js';
import { type Value } from './values.js';

/**
 * A census form: the Comune's answers, a repeat of settlements, and inside each settlement a
 * repeat of buildings.
 */
const data: FormData = {
  comune: 'Rosarno',
  seasonal: '400',
  settlements: [
    { kind: 'informale', persons: '120', buildings: [{ rooms: '3' }, { rooms: '5' }] },
    { kind: 'formale', persons: '40', buildings: [] },
    { kind: 'informale', persons: '', buildings: [{ rooms: '2' }] },
  ],
};
const paths: Record<string, readonly string[]> = {
  comune: [],
  seasonal: [],
  settlements: ['settlements'],
  kind: ['settlements'],
  persons: ['settlements'],
  buildings: ['settlements', 'buildings'],
  rooms: ['settlements', 'buildings'],
};

function run(src: string, at: RepeatStep[] = []): Value {
  const r = parse(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message.en}`);
  const ctx = formContext({
    data,
    repeatsOf: (n) => paths[n],
    at,
    today: '2026-12-06',
    now: new Date('2026-12-06T09:00:00Z'),
  });
  return evaluate(r.ast, ctx);
}

const inSettlement = (i: number): RepeatStep[] => [{ repeat: 'settlements', index: i }];
const inBuilding = (i: number, j: number): RepeatStep[] => [...inSettlement(i), { repeat: 'buildings', index: j }];

describe('references in and out of repeats', () => {
  it.each<[string, RepeatStep[], Value]>([
    // outside any repeat: a question in a repeat is all its answers
    ['count(${settlements})', [], 3],
    ['count(${persons})', [], 3],
    ["${kind} = 'formale'", [], true],
    ['${seasonal} > 100', [], true],
    ['count(${rooms})', [], 3],
    ['sum(${rooms})', [], 10],
    // inside a settlement: a sibling is this settlement's answer
    ['${persons}', inSettlement(0), '120'],
    ['${persons}', inSettlement(1), '40'],
    ["${kind} = 'formale'", inSettlement(0), false],
    ['${persons} <= ${seasonal}', inSettlement(0), true],
    ['${comune}', inSettlement(2), 'Rosarno'],
    ['position(..)', inSettlement(2), 3],
    ['count(${buildings})', inSettlement(0), 2],
    ['sum(${rooms})', inSettlement(0), 8],
    ['count(${rooms})', inSettlement(1), 0],
    // the repeat's own name always counts all its instances
    ['count(${settlements})', inSettlement(1), 3],
    // inside a building: the settlement's answers are this settlement's, the building's its own
    ['${rooms}', inBuilding(0, 1), '5'],
    ['${persons}', inBuilding(0, 1), '120'],
    ['position(..)', inBuilding(0, 1), 2],
    ['${rooms} * 10 <= ${persons}', inBuilding(2, 0), false],
    // an instance that does not exist reads as empty
    ['${persons}', inSettlement(9), ''],
    ['${unknown}', [], ''],
    ['position(..)', [], NaN],
  ])('%s at %j → %j', (src, at, expected) => {
    expect(run(src, at)).toEqual(expected);
  });
});

describe('references() and checkExpression()', () => {
  it('lists each question an expression uses once', () => {
    const r = parse("if(${a} > ${b}, concat(${a}, ${c}), selected(${d}, 'x')) and . > 0");
    expect(r.ok && [...references(r.ast)]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reports unknown questions, each with its position', () => {
    const { problems } = checkExpression('${age} > 5 and ${agee} < ${max_age}', ['age']);
    expect(problems.map((p) => [p.code, p.at, p.end])).toEqual([
      ['expr.unknown_question', 15, 22],
      ['expr.unknown_question', 25, 35],
    ]);
    expect(problems[0]?.message.it).toBe('La domanda «agee» non esiste nel questionario (carattere 16)');
  });

  it('returns the parse error alone when the expression does not parse', () => {
    const { ast, problems } = checkExpression('${age} >', new Set(['age']));
    expect(ast).toBeUndefined();
    expect(problems).toMatchObject([{ code: 'expr.unexpected_end', at: 8 }]);
  });

  it('accepts a well-formed expression over known questions', () => {
    const r = checkExpression('regex(., "^[0-9]{5}$") and ${a} != ""', ['a'], { allowCurrent: true });
    expect(r.problems).toEqual([]);
    expect(r.ast?.kind).toBe('binary');
  });

  it('refuses `.` outside constraints, invalid and costly regular expressions', () => {
    const { problems } = checkExpression('. > 0 or regex(${a}, "[") or regex(${a}, "^(a+)+$")', ['a'], {
      allowCurrent: false,
    });
    expect(problems.map((p) => p.code)).toEqual(['expr.current_not_allowed', 'expr.bad_regex', 'expr.unsafe_regex']);
  });

  it.each<[string, boolean]>([
    ['^(a+)+$', true],
    ['(\\d*)*', true],
    ['((ab)*c)+', true],
    ['(a|b{2,})*', true],
    ['^[0-9]{5}$', false],
    ['^(\\+39)?[0-9]+$', false],
    ['^([A-Z]{6}[0-9]{2})$', false],
    ['[(a+)]+', false],
    ['\\(a+\\)+', false],
  ])('pattern %s costly: %s', (pattern, unsafe) => {
    expect(isUnsafePattern(pattern)).toBe(unsafe);
  });
});
