import { useEffect } from 'react';

/** Every page names itself in the tab and for screen readers announcing the new page. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title === '' ? 'InCaS' : `${title} – InCaS`;
  }, [title]);
}
