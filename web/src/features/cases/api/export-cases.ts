/**
 * The Comune's cases as XLSX (operationId exportPilotCases): a download the browser fetches
 * itself with the session cookie, so it is a link rather than a query.
 */
export const casesExportUrl = '/api/v1/pilot/export/cases.xlsx';

/** The download in the user's language: Italian is the server's default, English is asked for. */
export function casesExportHref(language: string): string {
  return language === 'en' ? `${casesExportUrl}?lang=en` : casesExportUrl;
}
