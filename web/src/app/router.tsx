import { createBrowserRouter, matchPath, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { HomePage } from '../features/home';
import { TasksPanel } from '../features/monitoring';
import { prefetchUpcomingEvents, UpcomingEvents } from '../features/events';
import { PublicHomePage } from '../features/site';
import type { FeaturePage } from '../lib/feature';
import { features } from './features';
import { Layout } from './Layout';
import { RequireAuth, RequirePermission } from './RequireAuth';
import { publicSections } from './site';
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
        // "/": the public site's home for a visitor (with the next events of the events feature),
        // the signed-in home with the work list of the monitoring feature after the login
        element: (
          <RequireAuth visitor={<PublicHomePage sections={publicSections} eventsPanel={<UpcomingEvents />} />} />
        ),
        children: [{ index: true, element: <HomePage tasksPanel={<TasksPanel />} /> }],
      },
      {
        element: <RequireAuth />,
        children: [...features.flatMap((f) => f.pages ?? []).map(route)],
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
  if (pathname === '/') prefetchUpcomingEvents(queryClient);
  // "/" is the public home or, once the session says so, the signed-in one: both are fetched
  const load = (pathname === '/' ? [PublicHomePage, UpcomingEvents, HomePage, TasksPanel] : [current?.page]) as (
    | { preload?: () => void }
    | undefined
  )[];
  for (const page of load) page?.preload?.();
}
