import { lazy, type ComponentType } from 'react';

/** A page loaded on first use, which can also be asked to start loading earlier. */
export type LazyPage<P extends object = object> = ComponentType<P> & { preload: () => void };

/**
 * A page loaded on first use, in its own chunk, so the first page does not download every
 * feature. Features export their pages this way from index.ts; Layout shows an accessible
 * "loading" message while a page's chunk arrives. `preload()` starts the download at once: the
 * app calls it for the page in the address bar before the session is even known (app/router.tsx),
 * so the page's code and the session arrive together instead of one after the other.
 */
export function lazyPage<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPage<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const get = () => {
    loading ??= load().then(
      (module) => ({ default: module[name] }),
      (error: unknown) => {
        // a failed download is tried again on the next render, not remembered
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Page = lazy(get) as unknown as LazyPage<P>;
  Page.preload = () => void get().catch(() => undefined);
  return Page;
}
