/**
 * The import template (operationIds getPilotImportTemplateCsv, getPilotImportTemplateXlsx):
 * downloads the browser fetches itself with the session cookie, so they are links.
 */
export const importTemplateCsvUrl = '/api/v1/pilot/import/template.csv';
const importTemplateXlsxUrl = '/api/v1/pilot/import/template.xlsx';

/** The XLSX template, its help sheets in the user's language. */
export function importTemplateXlsxHref(language: string): string {
  return language === 'en' ? `${importTemplateXlsxUrl}?lang=en` : importTemplateXlsxUrl;
}
