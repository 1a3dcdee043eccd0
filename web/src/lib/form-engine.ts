/**
 * The questionnaire model, the expression language and the form engine of the surveys, shared
 * with the server (decisions 0034–0036): the browser evaluates relevance, calculations and
 * checks live with the very code the server runs for the authoritative check.
 */
export * from '../../../server/modules/surveys/shared/form/public';
