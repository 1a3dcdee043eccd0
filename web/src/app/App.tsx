import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { SurveysChoroplethMap } from '../features/surveys';
import { AreaMapProvider } from '../lib/area-map';
import { queryClient } from './queryClient';
import { router } from './router';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* the surveys' map, for the features that show one (lib/area-map.tsx) */}
      <AreaMapProvider value={SurveysChoroplethMap}>
        <RouterProvider router={router} />
      </AreaMapProvider>
    </QueryClientProvider>
  );
}
