import type { BodyOf, Get, Post, SuccessOf } from '../../../../api/operations';
import type { Form } from '../../../../lib/form-engine';

export type Survey = SuccessOf<Get<'/api/v1/surveys'>>['items'][number];
export type SurveyDetail = SuccessOf<Get<'/api/v1/surveys/{surveyId}'>>;
export type VersionSummary = SurveyDetail['versions'][number];
export type SurveyCreate = BodyOf<Post<'/api/v1/surveys'>>;
export type VersionImport = BodyOf<Post<'/api/v1/surveys/{surveyId}/versions'>>;
type VersionOut = SuccessOf<Get<'/api/v1/surveys/versions/{versionId}'>>;
/** A version as the API sends it, its form typed with the model the engine reads */
export type Version = Omit<VersionOut, 'form'> & { form: Form };
export type XlsFormIssue = VersionOut['report']['warnings'][number];
