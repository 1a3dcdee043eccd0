import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { SurveysChoroplethMap, SurveysQuestionnaire } from '../features/surveys';
import { AreaMapProvider } from '../lib/area-map';
import { QuestionnaireProvider } from '../lib/questionnaire';
import { queryClient } from './queryClient';
import { router } from './router';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      {/* the surveys' map, for the features that show one (lib/area-map.tsx) */}
      <AreaMapProvider value={SurveysChoroplethMap}>
        {/* the surveys' questionnaire renderer, for the events' feedback (lib/questionnaire.tsx) */}
        <QuestionnaireProvider value={SurveysQuestionnaire}>
          <RouterProvider router={router} />
        </QuestionnaireProvider>
      </AreaMapProvider>
    </QueryClientProvider>
  );
}
