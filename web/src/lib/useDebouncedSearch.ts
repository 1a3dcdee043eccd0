import { useEffect, useState } from 'react';

/**
 * Search text typed by the user, written to the URL after a pause. The box follows the URL when
 * it changes from elsewhere (back button, "clear filters"), but not when the change is our own
 * write catching up with what the user has typed since.
 */
export function useDebouncedSearch(urlValue: string, write: (value: string) => void, delayMs = 300) {
  const [text, setText] = useState(urlValue);
  const [written, setWritten] = useState(urlValue);
  const [seenUrlValue, setSeenUrlValue] = useState(urlValue);

  if (seenUrlValue !== urlValue) {
    setSeenUrlValue(urlValue);
    if (urlValue !== written) {
      setText(urlValue);
      setWritten(urlValue);
    }
  }

  useEffect(() => {
    if (text.trim() === written) return undefined;
    const timer = window.setTimeout(() => {
      setWritten(text.trim());
      write(text.trim());
    }, delayMs);
    return () => window.clearTimeout(timer);
  }, [text, written, write, delayMs]);

  return [text, setText] as const;
}
