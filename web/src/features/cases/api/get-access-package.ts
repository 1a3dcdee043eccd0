/**
 * The GDPR access package of a person (art. 15): a JSON download the browser fetches itself with
 * the session cookie, so it is a link rather than a query.
 */
export function accessPackageUrl(personId: string): string {
  return `/api/v1/pilot/persons/${encodeURIComponent(personId)}/access-package`;
}
