/**
 * The questionnaire renderer every surveys page uses (the Comune's fill page, the review, the
 * author's preview). Its words are under `surveys.authoring.questionnaire.*`.
 */
export { Questionnaire, type QuestionnaireProps } from './Questionnaire';
