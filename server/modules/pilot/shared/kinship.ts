/**
 * Kind and degree of kinship (artt. 74–78 c.c.) from the relation to the permit holder. Pure: no
 * I/O, no clock (the caller passes `today`).
 */
import type { KinshipKind, Relation } from './vocab.js';

/**
 * Kind and degree of the bond between the permit holder (ego) and a relative, per the codice
 * civile: parentela counts the generations up to the common ancestor and down again (art. 76),
 * affinità takes the degree of the spouse's parentela (art. 78). The spouse is neither parente
 * nor affine, hence 'coniugio' with no degree. 'cognato' is taken as the spouse's sibling or the
 * sibling's spouse (affine of 2nd degree); the spouse of the spouse's sibling is not an affine at
 * all and must be recorded as 'altro'.
 */
export function kinshipOf(relation: Relation): { kind: KinshipKind; degree: number | null } {
  return kinshipTable[relation];
}

const kinshipTable: Record<Relation, { kind: KinshipKind; degree: number | null }> = {
  genitore: { kind: 'parentela', degree: 1 },
  figlio: { kind: 'parentela', degree: 1 },
  fratello: { kind: 'parentela', degree: 2 },
  nonno: { kind: 'parentela', degree: 2 },
  nipote_di_nonno: { kind: 'parentela', degree: 2 },
  zio: { kind: 'parentela', degree: 3 },
  nipote_di_zio: { kind: 'parentela', degree: 3 },
  suocero: { kind: 'affinita', degree: 1 },
  genero_nuora: { kind: 'affinita', degree: 1 },
  figliastro: { kind: 'affinita', degree: 1 },
  patrigno_matrigna: { kind: 'affinita', degree: 1 },
  cognato: { kind: 'affinita', degree: 2 },
  coniuge: { kind: 'coniugio', degree: null },
  altro: { kind: 'nessuno', degree: null },
};

const ordinalIt = ['', 'primo', 'secondo', 'terzo', 'quarto', 'quinto', 'sesto'];
export function degreeIt(n: number): string {
  return ordinalIt[n] ?? `${n}°`;
}
