import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { casesKeys } from './keys';

const base = (personId: string) => `/api/v1/pilot/persons/${encodeURIComponent(personId)}/access-package`;

/**
 * The GDPR access package of a person (art. 15) as JSON, for machines: a download the browser
 * fetches itself with the session cookie, so it is a link rather than a query.
 */
export function accessPackageUrl(personId: string): string {
  return base(personId);
}

/** The same package as a tagged PDF in words, in the user's language (a link). */
export function accessPackagePdfUrl(personId: string, lang: string): string {
  return `${base(personId)}.pdf?lang=${lang === 'en' ? 'en' : 'it'}`;
}

/** The package in words, for its page (each read is audited). */
export function useAccessPackageDocument(personId: string, lang: 'it' | 'en') {
  return useQuery({
    queryKey: casesKeys.accessPackage(personId, lang),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/pilot/persons/{personId}/access-package/document', {
          params: { path: { personId }, query: { lang } },
        }),
      ),
    // a read of personal data: audited each time it is fetched, so not refetched behind the user's back
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
