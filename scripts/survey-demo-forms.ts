/**
 * Writes the demo questionnaires of the national surveys as XLSForm workbooks, from their
 * description in TypeScript (server/modules/surveys/demo/forms/*.ts): the 2021 census
 * censimento-2021.xlsx and the 2024 survey indagine-2024.xlsx, next to their descriptions. The
 * demo seed imports them as an author would upload them. Run after changing a description:
 * `npm run demo:survey-forms` (the tests check that the files import and match the descriptions).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFormFiles, demoFormsDir } from '../server/modules/surveys/demo/forms/index.js';
import { xlsformSheets } from '../server/modules/surveys/demo/forms/xlsform-rows.js';
import { writeRowsXlsx } from '../server/platform/xlsx.js';

for (const { file, description } of demoFormFiles) {
  const bytes = await writeRowsXlsx(xlsformSheets(description), {
    creator: 'InCaS (demo)',
    title: description.settings.title[0],
  });
  writeFileSync(join(demoFormsDir(), file), bytes);
  console.log(`${file}: ${description.survey.length} survey rows, ${description.choices.length} choices`);
}
