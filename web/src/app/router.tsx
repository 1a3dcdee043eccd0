import { createBrowserRouter, type RouteObject } from 'react-router';
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
