/**
 * The demo questionnaires: their descriptions and the XLSForm files written from them
 * (scripts/survey-demo-forms.ts), which the demo seed imports.
 */
import { join } from 'node:path';
import { moduleDir } from '../../../../platform/paths.js';
import { censimento2021 } from './censimento-2021.js';
import { indagine2024 } from './indagine-2024.js';
import type { XlsFormDescription } from './xlsform-rows.js';

export const demoFormsDir = (): string => join(moduleDir('surveys'), 'demo', 'forms');

export const demoFormFiles: ReadonlyArray<{
  key: 'census2021' | 'survey2024';
  file: string;
  description: XlsFormDescription;
}> = [
  { key: 'census2021', file: 'censimento-2021.xlsx', description: censimento2021 },
  { key: 'survey2024', file: 'indagine-2024.xlsx', description: indagine2024 },
];
