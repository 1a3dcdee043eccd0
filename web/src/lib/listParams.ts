/**
 * List filters live in the URL search params, so a filtered list can be shared and the back
 * button restores it. Empty values are removed rather than kept as `?q=`.
 */
import { useCallback, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedSearch } from './useDebouncedSearch';

export const DEFAULT_PAGE_SIZE = 20;

export function useListParams() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((key: string): string => params.get(key) ?? '', [params]);

  /** Sets some params; unless `page` is among them, goes back to page 1 (the old page may not exist). */
  const update = useCallback(
    (changes: Record<string, string>, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === '') next.delete(key);
            else next.set(key, value);
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const page = toPositiveInt(params.get('page'), 1);
  const pageSize = Math.min(100, toPositiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE));

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

function toPositiveInt(value: string | null, fallback: number): number {
  if (value === null || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 ? n : fallback;
}

/** Keeps only a value from an allowed list (URLs can be edited by hand). */
export function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
