import { describe, expect, it } from 'vitest';
import {
  countryCodeOf,
  languageCodeOf,
  languageOfHeader,
  parseBoolean,
  parseDate,
  parseSex,
  splitValues,
} from './import.rules.js';

describe('cells of an import file', () => {
  it('reads dates as gg/mm/aaaa, g/m/aaaa or aaaa-mm-gg and refuses impossible or two-digit-year ones', () => {
    expect(parseDate('05/03/1990')).toBe('1990-03-05');
    expect(parseDate('5/3/1990')).toBe('1990-03-05');
    expect(parseDate('5.3.1990')).toBe('1990-03-05');
    expect(parseDate('1990-03-05')).toBe('1990-03-05');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    for (const bad of ['31/02/1990', '29/02/2023', '05/03/90', '1990-13-01', '03/05/1990 10:00', 'ieri', ''])
      expect(parseDate(bad), bad).toBeUndefined();
  });

  it('reads sì/si/yes/true/1 and no/false/0 only', () => {
    expect(['sì', 'SI', 'Yes', 'true', '1'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['no', 'NO', 'false', '0'].map(parseBoolean)).toEqual([false, false, false, false]);
    for (const bad of ['forse', 'y', 'n', 'vero', '2']) expect(parseBoolean(bad), bad).toBeUndefined();
  });

  it('reads the sex as a code or its label, in either language', () => {
    expect(['f', 'Femmina', 'male', 'Non specificato'].map(parseSex)).toEqual(['F', 'F', 'M', 'X']);
    expect(parseSex('Q')).toBeUndefined();
  });

  it('splits several values on |, never on spaces inside a name', () => {
    expect(splitValues('Costa d’Avorio | Bosnia ed Erzegovina')).toEqual(['Costa d’Avorio', 'Bosnia ed Erzegovina']);
  });

  it('resolves countries and languages by code or Italian/English name, and refuses unknown ones', () => {
    expect(['MA', 'ma', 'Marocco', 'morocco', 'India', "Costa d'Avorio", 'Birmania', 'XK'].map(countryCodeOf)).toEqual([
      'MA',
      'MA',
      'MA',
      'MA',
      'IN',
      'CI',
      'MM',
      'XK',
    ]);
    for (const bad of ['XX', 'ZZ', 'Atlantide', '']) expect(countryCodeOf(bad), bad).toBeUndefined();
    expect(['ur', 'urdu', 'Inglese', 'French', 'bengali'].map(languageCodeOf)).toEqual(['ur', 'ur', 'en', 'fr', 'bn']);
    for (const bad of ['xx', 'klingon']) expect(languageCodeOf(bad), bad).toBeUndefined();
  });

  it('answers in English only when Accept-Language prefers it to Italian', () => {
    expect(languageOfHeader('en-GB,en;q=0.9')).toBe('en');
    expect(languageOfHeader('it-IT,it;q=0.9,en;q=0.8')).toBe('it');
    expect(languageOfHeader('de-DE,en;q=0.5,it;q=0.9')).toBe('it');
    expect(languageOfHeader('fr-FR')).toBe('it');
    expect(languageOfHeader(undefined)).toBe('it');
  });
});
