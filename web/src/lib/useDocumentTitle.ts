import { useEffect } from 'react';
import { shortDescription } from './description';

/**
 * Every page names itself in the tab and for screen readers announcing the new page. `bare`: the
 * title as given, without the " – InCaS" suffix (the public home, whose title names the site).
 */
export function useDocumentTitle(title: string, { bare = false }: { bare?: boolean } = {}): void {
  useEffect(() => {
    document.title = bare || title === '' ? title || 'InCaS' : `${title} – InCaS`;
  }, [title, bare]);
}

/** The page's `<meta name="description">`, for the search engines and the previews of a shared link. */
export function useMetaDescription(text: string): void {
  useEffect(() => {
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (meta === null) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = shortDescription(text);
  }, [text]);
}
