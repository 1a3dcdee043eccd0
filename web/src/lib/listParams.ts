/**
 * List filters live in the URL search params, so a filtered list can be shared and the back
 * button restores it. Empty values are removed rather than kept as `?q=`.
 */
import { useCallback, useEffect, useRef, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedSearch } from './useDebouncedSearch';

export const DEFAULT_PAGE_SIZE = 20;

export function useListParams() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: string): string => params.get(key) ?? '', [params]);

  // react-router's functional update sees the params of the last render, not those of an update
  // still on its way: two filters changed in a row would lose the first. Keep the latest here.
  const pending = useRef<URLSearchParams | null>(null);
  useEffect(() => {
    pending.current = null;
  }, [params]);

  /** Sets some params; unless `page` is among them, goes back to page 1 (the old page may not exist). */
  const update = useCallback(
    (changes: Record<string, string>, options: { replace?: boolean } = {}) => {
      const next = new URLSearchParams(pending.current ?? params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === '') next.delete(key);
        else next.set(key, value);
      }
      if (!('page' in changes)) next.delete('page');
      pending.current = next;
      setParams(next, { replace: options.replace ?? false });
    },
    [params, setParams],
  );

  const { page, pageSize } = listPage(params);

  return { params, get, update, page, pageSize };
}

/**
 * The list's search box (`q`): what is typed reaches the URL after a pause; submitting the form
 * (Enter) applies it at once instead of waiting for the pause.
 */
export function useListSearch() {
  const { get, update } = useListParams();
  const write = useCallback((value: string) => update({ q: value }, { replace: true }), [update]);
  const [text, setText] = useDebouncedSearch(get('q'), write);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };
  return { text, setText, submit };
}

/** The page and its size in the URL's params (outside React too: a page's `prefetch`). */
export function listPage(params: URLSearchParams): { page: number; pageSize: number } {
  return {
    page: toPositiveInt(params.get('page'), 1),
    pageSize: Math.min(100, toPositiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE)),
  };
}

function toPositiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/** Keeps only a value from an allowed list (URLs can be edited by hand). */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
