/**
 * The pure rules of the projects: money in cents read the Italian way, the caps of a call over a
 * budget (boundary amounts in cents, percentages of direct costs and of the total, flat rates,
 * sub-items under their macrovoce), co-financing, and the tax ids of an expense's issuer.
 */
import { describe, expect, it } from 'vitest';
import { famiLikeRules, fnpmRules } from '../demo/call-rules.js';
import { checkCaps, checkCoFinancing, totalsOf } from './caps.js';
import { callRulesSchema } from './call-rules.js';
import { capOf, centsOfNumber, formatBp, formatEuro, parseEuroCents, shareBp } from './money.js';
import { checkCup, checkIssuerTaxId, checkPartitaIva, documentNumberKey, issuerKey } from './tax-ids.js';

describe('money in cents', () => {
  it.each([
    ['1.234,50', 123450],
    ['1234,5', 123450],
    ['1234,05', 123405],
    ['€ 1.234,50', 123450],
    ['1.234,50 €', 123450],
    ['1 234,50', 123450],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['1234.5', 123450],
    ['0,01', 1],
    ['0', 0],
    ['12', 1200],
  ])('reads %s as %i cents', (s, cents) => expect(parseEuroCents(s)).toBe(cents));

  it.each(['', 'abc', '-5', '1,234', '1.23.4', '12,345', '1.2345', '1,2,3', '1.234,5.6', '9999999999999'])(
    'refuses %j',
    (s) => expect(parseEuroCents(s)).toBeNull(),
  );

  it('reads a spreadsheet number to the cent and refuses fractions of a cent', () => {
    expect(centsOfNumber(1234.5)).toBe(123450);
    expect(centsOfNumber(0.1 + 0.2)).toBe(30);
    expect(centsOfNumber(19.99)).toBe(1999);
    expect(centsOfNumber(1.005)).toBeNull();
    expect(centsOfNumber(-1)).toBeNull();
    expect(centsOfNumber(Number.NaN)).toBeNull();
  });

  it('writes euro and percentages the Italian way', () => {
    expect(formatEuro(123450)).toBe('1.234,50 €');
    expect(formatEuro(5)).toBe('0,05 €');
    expect(formatEuro(100000000)).toBe('1.000.000,00 €');
    expect(formatBp(740)).toBe('7,4%');
    expect(formatBp(700)).toBe('7%');
    expect(formatBp(1234)).toBe('12,34%');
    expect(shareBp(7_400_00, 100_000_00)).toBe(740);
    expect(shareBp(1, 0)).toBe(0);
    expect(capOf(100_000_00, 700)).toBe(7_000_00);
    // rounded down: the largest amount within the cap
    expect(capOf(333, 700)).toBe(23);
  });
});

describe('caps of a call', () => {
  const budget = (g1: number, extra: Array<{ categoryCode: string; cents: number }> = []) => [
    { categoryCode: 'A2', cents: 60_000_00 },
    { categoryCode: 'F', cents: 40_000_00 },
    { categoryCode: 'G1', cents: g1 },
    ...extra,
  ];

  it('G1 at exactly 7% of direct costs holds; one cent more does not, and says so in Italian', () => {
    const at = checkCaps(famiLikeRules, budget(7_000_00)).find((c) => c.capId === 'g1')!;
    expect(at).toMatchObject({ ok: true, basisCents: 100_000_00, limitCents: 7_000_00, actualBp: 700 });
    expect(at.message).toBe('G1 Revisore: 7% dei costi diretti, massimo 7%');
    const over = checkCaps(famiLikeRules, budget(7_000_01)).find((c) => c.capId === 'g1')!;
    expect(over.ok).toBe(false);
    // a cent over never reads as the cap itself
    expect(over.actualBp).toBe(701);
    const far = checkCaps(famiLikeRules, budget(7_400_00)).find((c) => c.capId === 'g1')!;
    expect(far.message).toBe('G1 Revisore: 7,4% dei costi diretti, massimo 7%');
  });

  it('counts direct costs only as the basis of a cap of direct costs, and the whole for a cap of the total', () => {
    const amounts = budget(7_000_00, [
      { categoryCode: 'A1', cents: 12_000_00 },
      { categoryCode: 'IND', cents: 8_260_00 },
    ]);
    const t = totalsOf(famiLikeRules, amounts);
    // A1 is direct; G1 and IND are not
    expect(t).toMatchObject({ directCents: 112_000_00, totalCents: 127_260_00 });
    expect(t.byCategory.A).toBe(72_000_00);
    const checks = checkCaps(famiLikeRules, amounts, { exactFlat: true });
    const coord = checks.find((c) => c.capId === 'coord')!;
    // 12.000 of 127.260 = 9,43% of the total: within 10%
    expect(coord).toMatchObject({ ok: true, basisCents: 127_260_00, actualBp: 943 });
    const g1 = checks.find((c) => c.capId === 'g1')!;
    expect(g1).toMatchObject({ ok: true, basisCents: 112_000_00 });
    // the flat rate: exactly 7% of direct costs = 7.840,00
    const ind = checks.find((c) => c.capId === 'ind')!;
    expect(ind).toMatchObject({ ok: false, limitCents: 7_840_00 });
    expect(ind.message).toContain('forfait 7%');
    const exact = checkCaps(
      famiLikeRules,
      amounts.map((a) => (a.categoryCode === 'IND' ? { ...a, cents: 7_840_00 } : a)),
      {
        exactFlat: true,
      },
    );
    expect(exact.every((c) => c.ok)).toBe(true);
    // without exactFlat (expenses) a flat rate is a maximum
    const below = checkCaps(
      famiLikeRules,
      amounts.map((a) => (a.categoryCode === 'IND' ? { ...a, cents: 1_00 } : a)),
    );
    expect(below.find((c) => c.capId === 'ind')!.ok).toBe(true);
  });

  it('a cap naming a macrovoce covers its sub-items', () => {
    const rules = callRulesSchema.parse({
      ...famiLikeRules,
      caps: [{ id: 'g', labelIt: 'G Revisione', categories: ['G'], basis: 'DIRETTI', kind: 'MASSIMO', bp: 800 }],
    });
    const checks = checkCaps(rules, budget(7_000_00, [{ categoryCode: 'G2', cents: 1_500_00 }]));
    expect(checks[0]).toMatchObject({ amountCents: 8_500_00, ok: false });
  });

  it('a cap of nothing holds; an empty budget breaks no cap', () => {
    expect(checkCaps(famiLikeRules, []).every((c) => c.ok)).toBe(true);
    expect(checkCaps(fnpmRules, [{ categoryCode: 'B', cents: 1 }]).every((c) => c.ok)).toBe(true);
  });

  it('co-financing reaches the minimum share of the total', () => {
    expect(checkCoFinancing(fnpmRules, 100_000_00, 5_000_00)).toMatchObject({ ok: true, actualBp: 500 });
    const short = checkCoFinancing(fnpmRules, 100_000_00, 4_999_99);
    expect(short.ok).toBe(false);
    expect(short.message).toBe('Cofinanziamento: 4,99% del costo totale, minimo 5%');
    expect(checkCoFinancing(famiLikeRules, 100_000_00, 0).ok).toBe(true);
  });
});

describe('tax ids and the keys of the double-funding check', () => {
  it('checks the CUP shape', () => {
    expect(checkCup('e 51 b 2300 0120 006')).toEqual({ valid: true, normalised: 'E51B23000120006' });
    expect(checkCup('E51B2300012000')).toEqual({ valid: false, reason: 'length' });
    expect(checkCup('151B23000120006')).toEqual({ valid: false, reason: 'shape' });
  });

  it('checks the partita IVA check digit', () => {
    // a synthetic number with a valid check digit, and the same with the last digit changed
    expect(checkPartitaIva('12345678903')).toBe(true);
    expect(checkPartitaIva('12345678901')).toBe(false);
    expect(checkPartitaIva('IT12345678903')).toBe(true);
    expect(checkPartitaIva('00000000000')).toBe(false);
    expect(checkIssuerTaxId('12345678903')).toEqual({ valid: true, normalised: '12345678903', kind: 'PARTITA_IVA' });
    expect(checkIssuerTaxId('12345678901')).toEqual({ valid: false, reason: 'partita_iva' });
    expect(checkIssuerTaxId('RSSMRA80A01H501U')).toMatchObject({ valid: true, kind: 'CODICE_FISCALE' });
    expect(checkIssuerTaxId('RSSMRA80A01H501X')).toEqual({ valid: false, reason: 'codice_fiscale' });
    expect(checkIssuerTaxId('123')).toEqual({ valid: false, reason: 'shape' });
  });

  it('reads the same invoice written in different ways as one document', () => {
    expect(documentNumberKey('FT 0012/2025')).toBe(documentNumberKey('12/2025'));
    expect(documentNumberKey('Fatt. n. 12-2025')).toBe('12/2025');
    expect(documentNumberKey('A/0007')).toBe('A/7');
    expect(documentNumberKey('12/2025')).not.toBe(documentNumberKey('12/2024'));
    expect(issuerKey('Cooperativa Alfa', 'IT12345678903')).toBe(issuerKey('Coop. ALFA s.r.l.', '12345678903'));
    expect(issuerKey('Coop. Alfa', null)).toBe(issuerKey('COOP ALFA', undefined));
  });
});
