import { createBrowserRouter, matchPath, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { HomePage } from '../features/home';
import { TasksPanel } from '../features/monitoring';
import type { FeaturePage } from '../lib/feature';
import { features } from './features';
import { Layout } from './Layout';
import { RequireAuth, RequirePermission } from './RequireAuth';
import { NotFound, RouteError } from './StatusPages';

function route({ path, page: Page, permission }: FeaturePage): RouteObject {
  if (permission === undefined) return { path, element: <Page /> };
  const needed = typeof permission === 'string' ? permission : [...permission];
  return {
    path,
    element: (
      <RequirePermission permission={needed}>
        <Page />
      </RequirePermission>
    ),
  };
}

/** The pages of every feature (app/features.ts): public ones, then those behind the login. */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      ...features.flatMap((f) => f.publicPages ?? []).map(route),
      {
        element: <RequireAuth />,
        children: [
          // The home page shows the work list of the monitoring feature.
          { index: true, element: <HomePage tasksPanel={<TasksPanel />} /> },
          ...features.flatMap((f) => f.pages ?? []).map(route),
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

/**
 * Starts downloading the code of the page in the address bar at once, alongside the session
 * (`/me`), instead of after it, and its main data when the page declares it (`prefetch`): on a
 * phone the round trips in a row were most of the wait.
 */
export function preloadCurrentPage(location: Pick<Location, 'pathname' | 'search'>, queryClient: QueryClient): void {
  const { pathname } = location;
  const pages = features.flatMap((f) => [...(f.publicPages ?? []), ...(f.pages ?? [])]);
  const current = pages.find((p) => matchPath(`/${p.path}`, pathname) !== null);
  current?.prefetch?.(queryClient, new URLSearchParams(location.search));
  // the home page is in the first chunk; its work list is not
  const page = (pathname === '/' ? TasksPanel : current?.page) as { preload?: () => void } | undefined;
  page?.preload?.();
}
