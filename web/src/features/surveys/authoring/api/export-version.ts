/**
 * A version as an XLSForm (operationId exportSurveyVersionXlsForm): a download the browser fetches
 * itself with the session cookie, so it is a link rather than a query.
 */
export function versionXlsFormHref(versionId: string): string {
  return `/api/v1/surveys/versions/${encodeURIComponent(versionId)}/xlsform`;
}
