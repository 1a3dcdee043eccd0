/** How the questionnaire's inputs read what is typed (web/src/features/surveys/questionnaire/values.ts). */
import { describe, expect, it } from 'vitest';
import {
  chosenCodes,
  localText,
  pathOf,
  readDate,
  readNumber,
  readPeriodPart,
  writeDate,
  writeNumber,
  writePeriodPart,
} from '../../web/src/features/surveys/questionnaire/values.js';

describe('numbers', () => {
  it.each([
    ['1.234,5', 'it', 1234.5],
    ['1234,5', 'it', 1234.5],
    ['-3', 'it', -3],
    ['1,234.5', 'en', 1234.5],
    ['', 'it', undefined],
    ['dodici', 'it', 'dodici'],
    ['1,2,3', 'it', '1,2,3'],
  ] as const)('%s in %s reads as %s (text that is no number stays text)', (input, lang, out) => {
    expect(readNumber(input, lang)).toBe(out);
  });

  it('are written back with the decimal comma in Italian, without grouping', () => {
    expect(writeNumber(1234.5, 'it')).toBe('1234,5');
    expect(writeNumber(1234.5, 'en')).toBe('1234.5');
    expect(writeNumber('abc', 'it')).toBe('abc');
    expect(writeNumber(null, 'it')).toBe('');
    expect(readNumber(writeNumber(0.25, 'it'), 'it')).toBe(0.25);
  });
});

describe('dates and periods', () => {
  it('read gg/mm/aaaa (and g/m/aaaa) as AAAA-MM-GG and write them back', () => {
    expect(readDate('06/12/2026')).toBe('2026-12-06');
    expect(readDate('6/1/2026')).toBe('2026-01-06');
    expect(readDate('2026-12-06')).toBe('2026-12-06');
    expect(readDate('31/02')).toBe('31/02');
    expect(readDate(' ')).toBeUndefined();
    expect(writeDate('2026-12-06')).toBe('06/12/2026');
    expect(writeDate(undefined)).toBe('');
  });

  it('read a period by month or year', () => {
    expect(readPeriodPart('3/2026', 'month')).toBe('2026-03');
    expect(readPeriodPart('2026', 'year')).toBe('2026');
    expect(readPeriodPart('01/03/2026', 'day')).toBe('2026-03-01');
    expect(writePeriodPart('2026-03', 'month')).toBe('03/2026');
    expect(writePeriodPart('2026-03-01', 'day')).toBe('01/03/2026');
  });
});

describe('texts, codes and paths', () => {
  it('take the other language when one is missing, the code last', () => {
    expect(localText({ it: 'Sì', en: 'Yes' }, 'en')).toBe('Yes');
    expect(localText({ it: 'Solo italiano' }, 'en')).toBe('Solo italiano');
    expect(localText(undefined, 'it', 'codice')).toBe('codice');
  });

  it('split a select_multiple answer and name a place as the engine does', () => {
    expect(chosenCodes(' a  b other ')).toEqual(['a', 'b', 'other']);
    expect(chosenCodes(3)).toEqual([]);
    expect(pathOf([{ repeat: 'insediamenti', index: 2 }], 'persone')).toBe('insediamenti[2].persone');
    expect(pathOf([], 'q')).toBe('q');
  });
});
