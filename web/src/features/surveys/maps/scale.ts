/**
 * The colours of the choropleth maps (decision 0039), pure: readable by colour-blind people and in
 * grey-scale print. Numbers take a sequential viridis scale in classes (dark = high, the same
 * lightness order under every colour-vision deficiency); categories take the Okabe-Ito palette
 * (designed to stay distinct under protanopia, deuteranopia and tritanopia) with Paul Tol's wine as
 * a ninth; "nessun dato" is a neutral grey and a suppressed value a hatch, never a colour of the
 * scale, so neither can be read as zero.
 */

import {
  CATEGORICAL,
  MISSING_FILL,
  OUTSIDE_FILL,
  SEQUENTIAL,
} from '../../../../../server/modules/surveys/shared/map-palette';

export { CATEGORICAL, MISSING_FILL, OUTSIDE_FILL, SEQUENTIAL };

export interface NumberClasses {
  /** upper bounds of each class but the last (ascending); classes = breaks.length + 1 */
  breaks: number[];
  min: number;
  max: number;
  colours: string[];
}

/**
 * Class breaks at the quantiles of the values (each class holds about as many areas), merged when
 * values repeat so that no class is empty; at most five classes.
 */
export function numberClasses(values: number[], classes = SEQUENTIAL.length): NumberClasses {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return { breaks: [], min: 0, max: 0, colours: [] };
  const min = sorted[0]!;
  const max = sorted.at(-1)!;
  const breaks: number[] = [];
  for (let i = 1; i < classes; i++) {
    const b = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / classes))]!;
    if (b > min && b <= max && !breaks.includes(b)) breaks.push(b);
  }
  const n = breaks.length + 1;
  // spread the classes over the whole scale so that two classes are always far apart
  const colours = Array.from({ length: n }, (_, i) =>
    n === 1 ? SEQUENTIAL[2] : SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / (n - 1))]!,
  );
  return { breaks, min, max, colours };
}

/** The class of a value: the first class whose upper bound exceeds it (bounds are exclusive). */
export function classOf(value: number, c: NumberClasses): number {
  let i = 0;
  while (i < c.breaks.length && value >= c.breaks[i]!) i++;
  return i;
}
