import { describe, expect, it } from 'vitest';
import { checkCodiceFiscale } from './codice-fiscale.js';
import { addDays, addMonths, daysBetween, followUpDates, isIsoDate } from './dates.js';
import {
  assessEligibility,
  euEeaChCountries,
  isCountryCode,
  isThirdCountryNational,
  type EligibilityInput,
} from './eligibility.js';
import { kinshipOf } from './kinship.js';
import { labelOf } from './labels.js';
import {
  checkPermitDates,
  derivePermitStatus,
  expiryAlerts,
  firstPermitExpiry,
  isPermitValidForAdmission,
  minimumRenewalExpiry,
  type PermitFacts,
} from './permits.js';
import { ageBand, formatPseudonym, pseudonymPrefix } from './pseudonyms.js';
import { permitStatuses, relations, type PermitStatus, type Relation } from './vocab.js';

describe('calendar dates', () => {
  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('adds days across months and years, and counts days between two dates', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).toBe(-59);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('accepts only real calendar dates written as YYYY-MM-DD', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-1-01',
      '01/02/2026',
      '2026-01-01T00:00:00Z',
      '',
    ]) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('refuses to compute with a date that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('kinship under articles 74–78 of the codice civile', () => {
  const expected: Record<Relation, [string, number | null]> = {
    genitore: ['parentela', 1],
    figlio: ['parentela', 1],
    fratello: ['parentela', 2],
    nonno: ['parentela', 2],
    nipote_di_nonno: ['parentela', 2],
    zio: ['parentela', 3],
    nipote_di_zio: ['parentela', 3],
    suocero: ['affinita', 1],
    genero_nuora: ['affinita', 1],
    figliastro: ['affinita', 1],
    patrigno_matrigna: ['affinita', 1],
    cognato: ['affinita', 2],
    coniuge: ['coniugio', null],
    altro: ['nessuno', null],
  };

  it.each(relations.map((r) => [r] as const))('gives the right kind and degree for %s', (r) => {
    const [kind, degree] = expected[r];
    expect(kinshipOf(r)).toEqual({ kind, degree });
  });
});

describe('nationality', () => {
  it('lists the 27 EU states, the three other EEA states and Switzerland', () => {
    expect(euEeaChCountries.size).toBe(31);
    for (const c of ['IT', 'GR', 'HR', 'IS', 'LI', 'NO', 'CH']) expect(euEeaChCountries.has(c), c).toBe(true);
    for (const c of ['GB', 'EL', 'TR', 'MA']) expect(euEeaChCountries.has(c), c).toBe(false);
  });

  it('calls third-country national only someone with no EU, EEA or Swiss citizenship', () => {
    expect(isThirdCountryNational(['IN'])).toBe(true);
    expect(isThirdCountryNational(['MA', 'TN'])).toBe(true);
    expect(isThirdCountryNational(['RO'])).toBe(false);
    expect(isThirdCountryNational(['AL', 'IT'])).toBe(false);
    expect(isThirdCountryNational([])).toBe(false);
  });

  it('recognises the shape of a country code', () => {
    expect(isCountryCode('IT')).toBe(true);
    for (const bad of ['it', 'ITA', 'I', '1T']) expect(isCountryCode(bad), bad).toBe(false);
  });
});

describe('codice fiscale', () => {
  // check characters verified by hand against the Agenzia delle Entrate tables
  const valid = ['RSSMRA85T10A562S', 'RSSMRA80A01H501U', 'MRTMTT25D09F205Z', 'BNCLRA90E45F205D'];

  it.each(valid.map((cf) => [cf] as const))('accepts the valid code %s', (cf) => {
    expect(checkCodiceFiscale(cf)).toEqual({ valid: true, normalised: cf });
  });

  it('trims and upper-cases what the user typed', () => {
    expect(checkCodiceFiscale('  rssmra85t10a562s ')).toEqual({ valid: true, normalised: 'RSSMRA85T10A562S' });
  });

  it('accepts omocodia substitutions with their own check character', () => {
    expect(checkCodiceFiscale('RSSMRA85T10A56NH').valid).toBe(true);
    expect(checkCodiceFiscale('RSSMRA85T1LA562V').valid).toBe(true);
  });

  it('names the expected check character when the last one is wrong', () => {
    expect(checkCodiceFiscale('RSSMRA85T10A562T')).toEqual({
      valid: false,
      reason: 'carattere di controllo errato: atteso S',
    });
    expect(checkCodiceFiscale('RSSMRA85T10A56NS')).toEqual({
      valid: false,
      reason: 'carattere di controllo errato: atteso H',
    });
  });

  it('refuses a code of the wrong length or shape', () => {
    expect(checkCodiceFiscale('RSSMRA85T10A562')).toEqual({
      valid: false,
      reason: 'lunghezza diversa da 16 caratteri',
    });
    for (const bad of [
      'RSSMRA85Z10A562S',
      '1SSMRA85T10A562S',
      'RSSMRA85T10A5W2S',
      'RSSMRA85T32A562S',
      'RSSMRA85T00A562S',
    ]) {
      expect(checkCodiceFiscale(bad), bad).toEqual({ valid: false, reason: 'formato non valido' });
    }
  });
});

const none: PermitFacts = {
  basis: 'art_18ter',
  receiptOn: null,
  issuedOn: null,
  expiresOn: null,
  renewalRequestedOn: null,
  renewedOn: null,
  conversionRequestedOn: null,
  convertedOn: null,
  revokedOn: null,
};

describe('permit status derived from the dates', () => {
  const today = '2026-06-15';
  const issued = { ...none, receiptOn: '2026-01-10', issuedOn: '2026-02-01', expiresOn: '2026-08-01' };
  const timeline: [string, PermitFacts, PermitStatus][] = [
    ['nothing but the proposal', none, 'in_istruttoria'],
    ['a receipt dated after today', { ...none, receiptOn: '2026-06-16' }, 'in_istruttoria'],
    ['the Questura receipt', { ...none, receiptOn: '2026-06-01' }, 'ricevuta_rilasciata'],
    ['the issued permit', issued, 'rilasciato'],
    ['an issued permit expiring in 30 days', { ...issued, expiresOn: '2026-07-15' }, 'in_scadenza'],
    ['an issued permit expiring today', { ...issued, expiresOn: today }, 'in_scadenza'],
    ['an issued permit expiring in 31 days', { ...issued, expiresOn: '2026-07-16' }, 'rilasciato'],
    ['an issued permit that expired yesterday', { ...issued, expiresOn: '2026-06-14' }, 'scaduto'],
    [
      'a renewal requested before expiry',
      { ...issued, expiresOn: '2026-07-01', renewalRequestedOn: '2026-05-01' },
      'rinnovo_richiesto',
    ],
    [
      'a renewal requested, past expiry',
      { ...issued, expiresOn: '2026-06-01', renewalRequestedOn: '2026-05-01' },
      'rinnovo_richiesto',
    ],
    [
      'a renewed permit',
      { ...issued, renewalRequestedOn: '2026-05-01', renewedOn: '2026-06-01', expiresOn: '2027-06-01' },
      'rinnovato',
    ],
    [
      'a renewed permit with a new request after the renewal',
      { ...issued, renewalRequestedOn: '2026-06-10', renewedOn: '2026-06-01', expiresOn: '2027-06-01' },
      'rinnovo_richiesto',
    ],
    [
      'a renewed permit expiring soon',
      { ...issued, renewalRequestedOn: '2026-01-20', renewedOn: '2026-02-01', expiresOn: '2026-07-01' },
      'in_scadenza',
    ],
    [
      'a pending conversion, shown as the underlying status',
      { ...issued, conversionRequestedOn: '2026-06-01' },
      'rilasciato',
    ],
    ['a converted permit', { ...issued, conversionRequestedOn: '2026-05-01', convertedOn: '2026-06-01' }, 'convertito'],
    [
      'a conversion dated after today',
      { ...issued, conversionRequestedOn: '2026-05-01', convertedOn: '2026-07-01' },
      'rilasciato',
    ],
    [
      'a revoked permit, even if converted',
      { ...issued, convertedOn: '2026-06-01', revokedOn: '2026-06-10' },
      'revocato',
    ],
    ['a revoked permit past expiry', { ...issued, expiresOn: '2026-06-01', revokedOn: '2026-05-10' }, 'revocato'],
  ];

  it.each(timeline)('reads %s', (_what, facts, status) => {
    expect(derivePermitStatus(facts, today)).toBe(status);
  });

  it('walks one permit through its life as the days pass', () => {
    const life: PermitFacts = {
      ...none,
      receiptOn: '2026-01-10',
      issuedOn: '2026-02-01',
      expiresOn: '2027-03-01',
      renewalRequestedOn: '2026-06-20',
      renewedOn: '2026-07-20',
    };
    expect(derivePermitStatus(life, '2026-01-05')).toBe('in_istruttoria');
    expect(derivePermitStatus(life, '2026-01-20')).toBe('ricevuta_rilasciata');
    expect(derivePermitStatus(life, '2026-03-01')).toBe('rilasciato');
    expect(derivePermitStatus(life, '2026-07-01')).toBe('rinnovo_richiesto');
    expect(derivePermitStatus(life, '2026-08-01')).toBe('rinnovato');
    expect(derivePermitStatus(life, '2027-02-15')).toBe('in_scadenza');
    expect(derivePermitStatus(life, '2027-03-02')).toBe('scaduto');
  });

  it('admits to the measures only with a permit that allows a lawful stay', () => {
    const ok: PermitStatus[] = ['ricevuta_rilasciata', 'rilasciato', 'in_scadenza', 'rinnovo_richiesto', 'rinnovato'];
    for (const s of permitStatuses) expect(isPermitValidForAdmission(s), s).toBe(ok.includes(s));
  });
});

describe('permit durations and reminders', () => {
  it('makes a first permit last six months, clamped at the end of the month', () => {
    expect(firstPermitExpiry('2026-02-10')).toBe('2026-08-10');
    expect(firstPermitExpiry('2026-08-31')).toBe('2027-02-28');
    expect(firstPermitExpiry('2027-08-31')).toBe('2028-02-29');
  });

  it('makes a renewal last at least one year', () => {
    expect(minimumRenewalExpiry('2026-08-10')).toBe('2027-08-10');
    expect(minimumRenewalExpiry('2028-02-29')).toBe('2029-02-28');
  });

  it('reminds 90, 60 and 30 days before expiry', () => {
    expect(expiryAlerts('2026-08-10')).toEqual([
      { daysBefore: 90, dueOn: '2026-05-12' },
      { daysBefore: 60, dueOn: '2026-06-11' },
      { daysBefore: 30, dueOn: '2026-07-11' },
    ]);
  });

  it('schedules follow-ups 6 and 12 months after the exit', () => {
    expect(followUpDates('2026-08-31')).toEqual([
      { months: 6, dueOn: '2027-02-28' },
      { months: 12, dueOn: '2027-08-31' },
    ]);
  });
});

describe('consistency of permit dates', () => {
  const first = { ...none, isFirst: true, receiptOn: '2026-01-10', issuedOn: '2026-02-01', expiresOn: '2026-08-01' };
  const paths = (p: PermitFacts & { isFirst: boolean }) => checkPermitDates(p).map((i) => i.path);

  it('finds nothing wrong with a consistent first permit or a consistent renewal', () => {
    expect(checkPermitDates(first)).toEqual([]);
    expect(
      checkPermitDates({
        ...first,
        renewalRequestedOn: '2026-06-01',
        renewedOn: '2026-07-20',
        expiresOn: '2027-07-20',
      }),
    ).toEqual([]);
    expect(checkPermitDates({ ...first, renewedOn: '2026-07-20', expiresOn: '2028-01-01' })).toEqual([]);
    expect(checkPermitDates({ ...first, revokedOn: '2026-03-01', convertedOn: null })).toEqual([]);
  });

  it('refuses an issue date before the receipt', () => {
    expect(paths({ ...first, issuedOn: '2026-01-05', expiresOn: '2026-07-05' })).toEqual(['issuedOn']);
  });

  it('refuses an expiry that is not after the issue date', () => {
    expect(paths({ ...first, isFirst: false, basis: 'lavoro_subordinato', expiresOn: '2026-02-01' })).toEqual([
      'expiresOn',
    ]);
  });

  it('requires a first art. 18-ter permit to expire exactly six months after issue, and says when', () => {
    const issues = checkPermitDates({ ...first, expiresOn: '2027-02-01' });
    expect(issues).toEqual([{ path: 'expiresOn', message: expect.stringContaining('01/08/2026') }]);
    expect(checkPermitDates({ ...first, isFirst: false, expiresOn: '2027-02-01' })).toEqual([]);
    expect(checkPermitDates({ ...first, basis: 'art_18', expiresOn: '2027-02-01' })).toEqual([]);
  });

  it('refuses a renewal before the issue, or without one', () => {
    expect(paths({ ...first, renewedOn: '2026-01-20', expiresOn: '2027-01-20' })).toEqual(['renewedOn']);
    expect(paths({ ...first, issuedOn: null, expiresOn: null, renewedOn: '2026-03-01' })).toEqual(['renewedOn']);
  });

  it('requires a renewed art. 18-ter permit to last at least one year', () => {
    const issues = checkPermitDates({ ...first, renewedOn: '2026-07-20', expiresOn: '2027-01-20' });
    expect(issues).toEqual([{ path: 'expiresOn', message: expect.stringContaining('20/07/2027') }]);
    expect(paths({ ...first, basis: 'studio', renewedOn: '2026-07-20', expiresOn: '2026-07-20' })).toEqual([
      'expiresOn',
    ]);
  });

  it('refuses a revocation or a conversion before the issue, or before the receipt when not issued', () => {
    expect(paths({ ...first, revokedOn: '2026-01-20', convertedOn: '2026-01-31' })).toEqual([
      'revokedOn',
      'convertedOn',
    ]);
    const receiptOnly = { ...none, isFirst: true, receiptOn: '2026-01-10' };
    const issues = checkPermitDates({ ...receiptOnly, revokedOn: '2026-01-09' });
    expect(issues).toEqual([
      { path: 'revokedOn', message: 'La data di revoca non può precedere la data della ricevuta.' },
    ]);
  });

  it('reports dates that do not exist and nothing else', () => {
    expect(paths({ ...first, issuedOn: '2026-02-30', revokedOn: '2020-01-01' })).toEqual(['issuedOn']);
  });
});

describe('eligibility for the art. 6 DL 145/2024 measures', () => {
  const holder = (
    permit: { basis: 'art_18ter' | 'art_18'; status: PermitStatus } | null,
    nationalities = ['IN'],
  ): EligibilityInput => ({ role: 'titolare', nationalities, permit });
  const relative = (relation: Relation, holderAdmitted = true, nationalities = ['IN']): EligibilityInput => ({
    role: 'familiare',
    nationalities,
    relation,
    holderAdmitted,
  });

  it('admits a third-country holder of a valid art. 18-ter permit and says why', () => {
    for (const status of [
      'ricevuta_rilasciata',
      'rilasciato',
      'in_scadenza',
      'rinnovo_richiesto',
      'rinnovato',
    ] as const) {
      const e = assessEligibility(holder({ basis: 'art_18ter', status }));
      expect(e).toMatchObject({ eligible: true, code: 'titolare_18ter' });
      expect(e.explanation).toMatch(
        /^Ammissibile perché titolare di un permesso di soggiorno art\. 18-ter TUI in corso di validità/,
      );
      expect(e.legalReference).toBe('art. 6 DL 145/2024 (conv. L. 187/2024); art. 18-ter D.Lgs. 286/1998');
    }
  });

  it.each([
    ['an expired permit', 'scaduto', 'permesso_scaduto'],
    ['a revoked permit', 'revocato', 'permesso_revocato'],
    ['a converted permit', 'convertito', 'permesso_convertito'],
    ['a permit still in istruttoria', 'in_istruttoria', 'permesso_in_istruttoria'],
  ] as const)('refuses a holder with %s', (_what, status, code) => {
    const e = assessEligibility(holder({ basis: 'art_18ter', status }));
    expect(e).toMatchObject({ eligible: false, code });
    expect(e.explanation).toMatch(/^Non ammissibile perché /);
  });

  it('refuses a holder whose permit is not an art. 18-ter permit, or who has none', () => {
    expect(assessEligibility(holder({ basis: 'art_18', status: 'rilasciato' })).code).toBe('permesso_non_18ter');
    expect(assessEligibility(holder(null)).code).toBe('permesso_mancante');
  });

  it('refuses an EU citizen, also one who holds a third-country citizenship too', () => {
    for (const nationalities of [['RO'], ['MA', 'ES']]) {
      const e = assessEligibility(holder({ basis: 'art_18ter', status: 'rilasciato' }, nationalities));
      expect(e.code).toBe('cittadino_ue');
      expect(e.explanation).toContain("l'art. 18-ter TUI riguarda i cittadini di paesi terzi");
      expect(e.explanation).toMatch(/^Non ammissibile perché /);
    }
    expect(assessEligibility(relative('figlio', true, ['IT'])).code).toBe('cittadino_ue');
  });

  it('asks for a nationality before anything else', () => {
    expect(assessEligibility(holder({ basis: 'art_18ter', status: 'rilasciato' }, [])).code).toBe(
      'nazionalita_mancante',
    );
    expect(assessEligibility(relative('figlio', false, [])).code).toBe('nazionalita_mancante');
  });

  it.each([
    ['figlio', 'parente_entro_secondo_grado', 'primo'],
    ['genitore', 'parente_entro_secondo_grado', 'primo'],
    ['fratello', 'parente_entro_secondo_grado', 'secondo'],
    ['nonno', 'parente_entro_secondo_grado', 'secondo'],
    ['nipote_di_nonno', 'parente_entro_secondo_grado', 'secondo'],
    ['suocero', 'affine_entro_secondo_grado', 'primo'],
    ['genero_nuora', 'affine_entro_secondo_grado', 'primo'],
    ['figliastro', 'affine_entro_secondo_grado', 'primo'],
    ['patrigno_matrigna', 'affine_entro_secondo_grado', 'primo'],
    ['cognato', 'affine_entro_secondo_grado', 'secondo'],
  ] as const)('admits the %s of an admitted holder', (relation, code, degree) => {
    const e = assessEligibility(relative(relation));
    expect(e).toMatchObject({ eligible: true, code });
    expect(e.explanation).toMatch(new RegExp(`^Ammissibile perché (parente|affine) di ${degree} grado \\(`));
    expect(e.explanation).toContain(labelOf('it', 'relation', relation));
    expect(e.legalReference).toContain('artt. 74-78 c.c.');
  });

  it('words the reason for a brother or sister as the law does', () => {
    expect(assessEligibility(relative('fratello')).explanation).toBe(
      'Ammissibile perché parente di secondo grado (fratello/sorella) del titolare ammesso alle misure di assistenza.',
    );
  });

  it.each(['zio', 'nipote_di_zio'] as const)('refuses the %s, a relative of the third degree', (relation) => {
    const e = assessEligibility(relative(relation));
    expect(e).toMatchObject({ eligible: false, code: 'oltre_secondo_grado' });
    expect(e.explanation).toMatch(/^Non ammissibile perché parente di terzo grado/);
  });

  it('admits the spouse as a member of the nucleo familiare', () => {
    const e = assessEligibility(relative('coniuge'));
    expect(e).toMatchObject({ eligible: true, code: 'coniuge' });
    expect(e.explanation).toMatch(/^Ammissibile perché coniuge/);
    expect(e.explanation).toContain('art. 78 c.c.');
    expect(e.explanation).toContain('nucleo familiare');
  });

  it('refuses someone with no family bond to the holder', () => {
    expect(assessEligibility(relative('altro'))).toMatchObject({ eligible: false, code: 'nessun_vincolo' });
  });

  it('refuses a family member whose holder is not admitted, whatever the bond', () => {
    for (const relation of ['coniuge', 'figlio', 'cognato'] as const) {
      expect(assessEligibility(relative(relation, false))).toMatchObject({
        eligible: false,
        code: 'titolare_non_ammesso',
      });
    }
  });
});

describe('age bands for aggregated outputs', () => {
  it.each([
    [2026, '0-17'],
    [2009, '0-17'],
    [2008, '18-24'],
    [2002, '18-24'],
    [2001, '25-34'],
    [1992, '25-34'],
    [1991, '35-44'],
    [1982, '35-44'],
    [1981, '45-54'],
    [1972, '45-54'],
    [1971, '55+'],
    [1940, '55+'],
  ] as const)('puts someone born in %i in band %s in 2026', (birthYear, band) => {
    expect(ageBand(birthYear, 2026)).toBe(band);
  });

  it('refuses a birth year after the reference year', () => {
    expect(() => ageBand(2027, 2026)).toThrow(RangeError);
  });
});

describe('pseudonyms', () => {
  it('pads the sequence to four digits and grows beyond them when needed', () => {
    expect(formatPseudonym('CT', 2026, 7)).toBe('CT-2026-0007');
    expect(formatPseudonym('MI', 2026, 12345)).toBe('MI-2026-12345');
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatPseudonym('CT', 2026, 0)).toThrow(RangeError);
    expect(() => formatPseudonym('CT', 2026, 1.5)).toThrow(RangeError);
  });

  it('takes the upper-cased province sigla as prefix', () => {
    expect(pseudonymPrefix(' ct ')).toBe('CT');
    expect(() => pseudonymPrefix('Catania')).toThrow(RangeError);
  });
});
