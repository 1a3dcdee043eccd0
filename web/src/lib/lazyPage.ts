import { lazy, type ComponentType } from 'react';

/**
 * A page loaded on first use, in its own chunk, so the first page does not download every
 * feature. Features export their pages this way from index.ts; Layout shows an accessible
 * "loading" message while a page's chunk arrives.
 */
export function lazyPage<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
) {
  return lazy(async () => ({ default: (await load())[name] }));
}
