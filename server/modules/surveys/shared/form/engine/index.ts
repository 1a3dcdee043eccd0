/**
 * The form engine (docs/decisions/0036-form-engine.md): relevance, calculations, required,
 * constraints and type checks of a questionnaire's answers, with progress per section and the
 * list of what is missing. Pure TypeScript importing only the model's types and the expression
 * language: the browser runs it live, the server for the authoritative check.
 */
export {
  MAX_TEXT_LENGTH,
  isValidDate,
  type Answers,
  type RangeEstimateAnswer,
  type ReferencePeriodAnswer,
} from './answers.js';
export { cycles, type Cycle } from './graph.js';
export {
  evaluateForm,
  type AnswerIssue,
  type EvaluateOptions,
  type FormEvaluation,
  type FormProblem,
  type ItemState,
} from './evaluate-form.js';
export { issueMessage, type AnswerIssueCode } from './messages.js';
export { type MissingAnswer, type SectionProgress } from './progress.js';
