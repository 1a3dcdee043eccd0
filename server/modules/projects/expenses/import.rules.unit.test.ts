import { describe, expect, it } from 'vitest';
import { famiLikeRules } from '../demo/call-rules.js';
import { codeOfWord, columnsOfHeader, lineOfCell, parseItalianDate, readExpenseRow } from './import.rules.js';

const lines = [
  { lineKey: 'a2', categoryCode: 'A2', description: 'Operatori e mediatori', amountCents: 1 },
  { lineKey: 'f1', categoryCode: 'F', description: 'Affidamento mensa', amountCents: 1 },
  { lineKey: 'f2', categoryCode: 'F', description: 'Affidamento trasporti', amountCents: 1 },
];

describe('reading an expense register', () => {
  it('matches Italian headers ignoring case, accents and punctuation', () => {
    const cols = columnsOfHeader(['TIPO DOCUMENTO', 'N.', 'Data', 'P. IVA / C.F.', 'Attività', 'Importo Imputato']);
    expect([...cols.keys()]).toEqual(['docType', 'docNumber', 'docDate', 'issuerTaxId', 'activity', 'chargedCents']);
    expect(cols.get('activity')).toEqual({ index: 4, name: 'Attività' });
  });

  it('reads dates as Italians write them, refusing impossible ones', () => {
    expect(parseItalianDate('05/03/2025')).toBe('2025-03-05');
    expect(parseItalianDate('5.3.2025')).toBe('2025-03-05');
    expect(parseItalianDate('2025-03-05')).toBe('2025-03-05');
    expect(parseItalianDate('29/02/2024')).toBe('2024-02-29');
    expect(parseItalianDate('29/02/2025')).toBeNull();
    expect(parseItalianDate('05/03/25')).toBeNull();
  });

  it('reads words or codes of the call’s lists, and a line by category code or description', () => {
    expect(codeOfWord('Nota spese', famiLikeRules.documentTypes)).toBe('NOTA_SPESE');
    expect(codeOfWord('bonifico', famiLikeRules.paymentMeans)).toBe('BONIFICO');
    expect(codeOfWord('PayPal', famiLikeRules.paymentMeans)).toBeNull();
    expect(lineOfCell('a2', lines)).toEqual({ lineKey: 'a2' });
    expect(lineOfCell('affidamento mensa', lines)).toEqual({ lineKey: 'f1' });
    expect(lineOfCell('F', lines)).toHaveProperty('problem');
  });

  it('a row to an expense in cents, or every problem on its column', () => {
    const ok = readExpenseRow(
      {
        docType: 'Fattura',
        docNumber: '12',
        docDate: '15/03/2025',
        issuerName: 'Cooperativa',
        netCents: '1.234,50',
        vatCents: '',
        chargedCents: '1.234,50',
        line: 'A2',
        vatRecoverable: 'sì',
      },
      famiLikeRules,
      lines,
      new Map(),
    );
    expect(ok.input).toMatchObject({ docType: 'FATTURA', netCents: 123450, vatCents: 0, vatRecoverable: true });
    const bad = readExpenseRow(
      { docType: 'Scontrino', docDate: '1/13/2025', netCents: '1,2,3' },
      famiLikeRules,
      lines,
      new Map(),
    );
    expect(bad.input).toBeNull();
    expect(bad.problems.map((p) => p.column)).toEqual([
      'docType',
      'docNumber',
      'docDate',
      'issuerName',
      'netCents',
      'chargedCents',
      'line',
    ]);
  });
});
