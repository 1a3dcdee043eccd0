/** The codes the waves' pages put into words (surveys.waves.band.*, macroArea.*, status.*). */
export const bands = ['lt15k', '15k-50k', '50k-100k', '100k-200k', 'gt200k'] as const;
export const macroAreas = ['NO', 'NE', 'C', 'S', 'I'] as const;
export const responseStatuses = [
  'invitato',
  'sollecitato',
  'in_compilazione',
  'inviato',
  'in_validazione',
  'validato',
  'da_ricontattare',
  'consolidato',
] as const;
