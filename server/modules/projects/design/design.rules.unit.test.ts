/** The pure rules of the design: budget checks and the differences of two versions by line key. */
import { describe, expect, it } from 'vitest';
import { famiLikeRules } from '../demo/call-rules.js';
import { diffCategories, diffLines, evaluateBudget, progressEditable, structureEditable } from './design.rules.js';

const line = (lineKey: string, categoryCode: string, amountCents: number, description = 'Voce') => ({
  lineKey,
  categoryCode,
  amountCents,
  description,
  partnerOrgId: null as string | null,
});

describe('evaluateBudget', () => {
  it('finds G1 over 7% of direct costs and the flat rate not exact', () => {
    const ev = evaluateBudget(
      famiLikeRules,
      [line('a', 'A2', 100_000_00), line('g', 'G1', 7_400_00), line('i', 'IND', 6_000_00)],
      0,
    );
    expect(ev.ok).toBe(false);
    expect(ev.caps.find((c) => c.capId === 'g1')!.message).toBe('G1 Revisore: 7,4% dei costi diretti, massimo 7%');
    expect(ev.caps.find((c) => c.capId === 'ind')!.ok).toBe(false);
    expect(ev.totals).toMatchObject({ directCents: 100_000_00, totalCents: 113_400_00 });
  });

  it('holds at exactly the caps', () => {
    const ev = evaluateBudget(
      famiLikeRules,
      [line('a', 'A2', 100_000_00), line('g', 'G1', 7_000_00), line('i', 'IND', 7_000_00)],
      0,
    );
    expect(ev.ok).toBe(true);
  });
});

describe('diffLines', () => {
  it('matches by key: changed, added, removed, unchanged', () => {
    const before = [line('k1', 'A2', 100), line('k2', 'F', 200), line('k3', 'I1', 50)];
    const after = [line('k1', 'A2', 90), line('k2', 'F', 200), line('k4', 'H', 60)];
    expect(diffLines(before, after).map((d) => [d.lineKey, d.change])).toEqual([
      ['k1', 'CHANGED'],
      ['k2', 'UNCHANGED'],
      ['k4', 'ADDED'],
      ['k3', 'REMOVED'],
    ]);
    expect(diffLines([line('k', 'A2', 1, 'Prima')], [line('k', 'A2', 1, 'Dopo')])[0]!.change).toBe('CHANGED');
  });

  it('sums categories with their parents, before and after', () => {
    const cats = diffCategories(famiLikeRules, [line('k1', 'A1', 100)], [line('k1', 'A1', 80), line('k2', 'A2', 30)]);
    expect(cats).toEqual([
      { code: 'A', labelIt: 'Personale', beforeCents: 100, afterCents: 110 },
      { code: 'A1', labelIt: 'Coordinamento e monitoraggio', beforeCents: 100, afterCents: 80 },
      { code: 'A2', labelIt: 'Operatori e mediatori', beforeCents: 0, afterCents: 30 },
    ]);
  });
});

describe('what changes when', () => {
  it('the structure in a draft, progress while approved or running', () => {
    expect(structureEditable('BOZZA')).toBe(true);
    expect(structureEditable('IN_CORSO')).toBe(false);
    expect(progressEditable('IN_CORSO')).toBe(true);
    expect(progressEditable('PRESENTATO')).toBe(false);
    expect(progressEditable('CONCLUSO')).toBe(false);
  });
});
