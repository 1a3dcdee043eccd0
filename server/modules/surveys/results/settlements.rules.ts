/**
 * The pure rules of the settlements register (issue 11, item 3): where the census keeps its
 * settlements (the `insediamenti` repeat of the 2021 census form) and how one entry is published.
 * Persons go through the results' disclosure rule: exact for ANCI/Cittalia, else 1–9 as "<10" and
 * others rounded to 5; the place's name is free text, for ANCI/Cittalia only. No I/O.
 */
import { personsFigure } from './results.rules.js';
import type { ResultQuestion } from './results.rules.js';

/** The census's names (server/modules/surveys/demo/forms/censimento-2021.ts). */
export const SETTLEMENT_FIELDS = {
  repeat: 'insediamenti',
  place: 'ins_localita',
  type: 'ins_tipo',
  formalKind: 'ins_tipologia_formale',
  informalKind: 'ins_tipologia_informale',
  persons: 'ins_persone',
  season: 'ins_stagionalita',
  services: 'ins_servizi',
  distance: 'ins_distanza_km',
  years: 'ins_anni',
} as const;

/** Whether a questionnaire has the register: the repeat with the kind of settlement and its persons. */
export function hasSettlements(qs: ResultQuestion[]): boolean {
  const inRepeat = (name: string) =>
    qs.some((q) => q.name === name && q.repeats.length === 1 && q.repeats[0] === SETTLEMENT_FIELDS.repeat);
  return inRepeat(SETTLEMENT_FIELDS.type) && inRepeat(SETTLEMENT_FIELDS.persons);
}

const str = (x: unknown): string | null => (typeof x === 'string' && x.trim() !== '' ? x.trim() : null);
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** One entry of the repeat as published to a viewer (full: ANCI/Cittalia). */
export function settlementOut(v: Record<string, unknown>, full: boolean) {
  const F = SETTLEMENT_FIELDS;
  const p = (v[F.persons] ?? {}) as Record<string, unknown>;
  const value = num(p.value);
  const min = value ?? num(p.min);
  const max = value ?? num(p.max);
  const type = str(v[F.type]);
  return {
    place: full ? str(v[F.place]) : null,
    type,
    kind: type === 'formale' ? str(v[F.formalKind]) : type === 'informale' ? str(v[F.informalKind]) : null,
    persons: { min: personsFigure(min, full), max: personsFigure(max, full), quality: str(p.quality) },
    season: str(v[F.season]),
    services: (str(v[F.services]) ?? '').split(/\s+/).filter(Boolean),
    distanceKm: num(v[F.distance]),
    years: num(v[F.years]),
  };
}
