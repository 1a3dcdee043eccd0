/**
 * The colours of the survey maps (decision 0039), shared by the web's choropleth maps and the
 * report's server-drawn map (decision 0045): readable by colour-blind people and in grey-scale
 * print. Numbers take a sequential viridis scale in classes (dark = high, the same lightness order
 * under every colour-vision deficiency); categories take the Okabe-Ito palette (designed to stay
 * distinct under protanopia, deuteranopia and tritanopia) with Paul Tol's wine as a ninth;
 * "nessun dato" is a neutral grey, never a colour of the scale.
 */

/** Five viridis classes, light to dark. */
export const SEQUENTIAL = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'] as const;
/** Okabe & Ito (2008), then Tol's wine, Tol's green and a dark grey for further categories. */
export const CATEGORICAL = [
  '#f0e442',
  '#e69f00',
  '#56b4e9',
  '#0072b2',
  '#cc79a7',
  '#882255',
  '#009e73',
  '#117733',
  '#d55e00',
  '#555555',
] as const;
export const MISSING_FILL = '#c6c6c6';
export const OUTSIDE_FILL = '#ffffff';
