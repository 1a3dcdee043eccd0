import { describe, expect, it } from 'vitest';
import {
  countryCodes,
  countryName,
  countryOptions,
  isKnownCountry,
  resolveCountry,
  STATELESS,
  UNKNOWN_COUNTRY,
} from './countries.js';
import { assessEligibility, isThirdCountryNational } from './eligibility.js';
import { isKnownLanguage, languageCodes, languageName, languageWithLevel, resolveLanguage } from './languages.js';
import { foldName, matchNames } from './world.js';
import { eventWords } from '../cases/event-lines.js';

describe('the list of countries', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes and Kosovo, each with an Italian and an English name', () => {
    expect(countryCodes).toHaveLength(250);
    expect(new Set(countryCodes).size).toBe(250);
    for (const code of [...countryCodes, STATELESS, UNKNOWN_COUNTRY]) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      for (const lang of ['it', 'en'] as const) {
        const name = countryName(code, lang);
        expect(name.trim().length, `${code} ${lang}`).toBeGreaterThan(1);
        expect(name, `${code} ${lang}`).not.toBe(code);
      }
    }
    expect(countryName('MA', 'it')).toBe('Marocco');
    expect(countryName('MA', 'en')).toBe('Morocco');
  });

  it('takes the stateless code only as a citizenship, and "not known" for both', () => {
    expect(isKnownCountry('XA')).toBe(false);
    expect(isKnownCountry('XA', { citizenship: true })).toBe(true);
    expect(isKnownCountry('ZZ')).toBe(true);
    expect(isKnownCountry('XX', { citizenship: true })).toBe(false);
    expect(isKnownCountry('EU')).toBe(false);
    expect(
      countryOptions('it', { citizenship: true })
        .slice(-2)
        .map((o) => o.value),
    ).toEqual(['XA', 'ZZ']);
  });

  it('resolves a name or a code, in either language, without regard to case, accents or apostrophes', () => {
    expect(resolveCountry('India', 'it')).toBe('IN');
    expect(resolveCountry('Marocco', 'it')).toBe('MA');
    expect(resolveCountry('marocco', 'en')).toBe('MA');
    expect(resolveCountry('Morocco', 'it')).toBe('MA');
    expect(resolveCountry('  in ', 'it')).toBe('IN');
    expect(resolveCountry("Cote d'Ivoire", 'en')).toBe('CI');
    expect(resolveCountry("COSTA D'AVORIO", 'it')).toBe('CI');
    expect(resolveCountry('Perù', 'it')).toBe('PE');
    expect(resolveCountry('peru', 'it')).toBe('PE');
    expect(resolveCountry('Apolide', 'it')).toBe(STATELESS);
    expect(resolveCountry('Inghilterra', 'it')).toBe('GB');
  });

  it('resolves nothing it does not know', () => {
    expect(resolveCountry('Atlantide', 'it')).toBeNull();
    expect(resolveCountry('XX', 'it')).toBeNull();
    expect(resolveCountry('', 'it')).toBeNull();
    expect(resolveCountry('Ind', 'it')).toBeNull();
  });

  it('offers India and Indonesia first for "Ind", and finds names by a later word', () => {
    const found = matchNames(countryOptions('it'), 'Ind').map((o) => o.value);
    expect(found.slice(0, 2)).toEqual(['IN', 'ID']);
    expect(matchNames(countryOptions('it'), 'avorio').map((o) => o.value)).toContain('CI');
    expect(matchNames(countryOptions('it'), 'perú').map((o) => o.value)).toEqual(['PE']);
    expect(matchNames(countryOptions('it'), '')).toEqual([]);
  });

  it('folds names for matching', () => {
    expect(foldName('  Côte d’Ivoire ')).toBe("cote d'ivoire");
    expect(foldName('São Tomé & Príncipe')).toBe('sao tome e principe');
  });
});

describe('the list of languages', () => {
  it('names every code in Italian and English', () => {
    expect(languageCodes.length).toBeGreaterThan(200);
    for (const code of languageCodes) {
      expect(code).toMatch(/^[a-z]{2,3}$/);
      for (const lang of ['it', 'en'] as const) expect(languageName(code, lang).trim().length).toBeGreaterThan(1);
    }
    expect(isKnownLanguage('snk')).toBe(true);
    expect(isKnownLanguage('zz')).toBe(false);
  });

  it('says a language with its CEFR level in words', () => {
    expect(languageWithLevel('pa', 'A2', 'it')).toBe('Punjabi — livello A2');
    expect(languageWithLevel('it', 'B1', 'en')).toBe('Italian — level B1');
    expect(languageWithLevel('ur', 'madrelingua', 'it')).toBe('Urdu — madrelingua');
    expect(languageWithLevel('ur', 'madrelingua', 'en')).toBe('Urdu — native');
  });

  it('resolves a name or a code', () => {
    expect(resolveLanguage('Francese', 'it')).toBe('fr');
    expect(resolveLanguage('french', 'it')).toBe('fr');
    expect(resolveLanguage('PA', 'it')).toBe('pa');
    expect(resolveLanguage('Klingon', 'it')).toBeNull();
  });
});

describe('citizenship and eligibility', () => {
  it('treats a stateless person as a third-country national, and "not known" as not yet known', () => {
    expect(isThirdCountryNational([STATELESS])).toBe(true);
    expect(isThirdCountryNational([UNKNOWN_COUNTRY])).toBe(false);
    const unknown = assessEligibility({ role: 'titolare', nationalities: ['ZZ'], permit: null });
    expect(unknown.code).toBe('nazionalita_mancante');
  });

  it('explains eligibility in English, with the law references, when asked', () => {
    const permit = { basis: 'art_18ter' as const, status: 'rilasciato' as const };
    const en = assessEligibility({ role: 'titolare', nationalities: ['IN'], permit }, 'en');
    expect(en.explanation).toBe('Eligible because holder of a valid art. 18-ter TUI residence permit (issued).');
    expect(en.legalReference).toContain('Decree-Law 145/2024');
    const it = assessEligibility({ role: 'titolare', nationalities: ['IN'], permit });
    expect(it.explanation).toMatch(/^Ammissibile perché/);
    const uncle = assessEligibility(
      { role: 'familiare', nationalities: ['IN'], relation: 'zio', holderAdmitted: true },
      'en',
    );
    expect(uncle.explanation).toMatch(/^Not eligible because blood relative in the third degree \(uncle\/aunt\)/);
    expect(uncle.legalReference).toContain('Civil Code');
    for (const e of [en, uncle]) expect(e.explanation).not.toMatch(/perché|titolare|grado/);
  });
});

describe('the words of a case event', () => {
  it('says a PAI step, a permit basis, an exit reason and an import in both languages', () => {
    expect(eventWords('PAI_APPROVATO', 'PAI v1: condiviso → approvato')).toEqual({
      line: {
        it: 'PAI v1: condiviso con il beneficiario → approvato dal Comune',
        en: 'PAI v1: shared with the beneficiary → approved by the Comune',
      },
      note: null,
    });
    expect(eventWords('PERMESSO_RILASCIATO', 'art_18ter').line?.it).toBe('art. 18-ter TUI (sfruttamento lavorativo)');
    const exit = eventWords('USCITA_PROGRAMMA', 'trasferimento: si è trasferito a Milano');
    expect(exit).toEqual({ line: { it: 'trasferimento', en: expect.any(String) }, note: 'si è trasferito a Milano' });
    expect(eventWords('PRESA_IN_CARICO', 'import').line?.en).toBe('imported from a file');
    expect(eventWords('AMMISSIONE_MISURE', 'Verificati i requisiti')).toEqual({
      line: null,
      note: 'Verificati i requisiti',
    });
  });
});
