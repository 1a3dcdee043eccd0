/**
 * The expression language of the questionnaires (XLSForm syntax, XPath 1.0 semantics as ODK
 * applies them; decision 0035). Pure TypeScript with no imports outside this folder: the web
 * client imports the same files for live validation, the server for the authoritative one.
 */
export type { BinaryOp, Expr } from './ast.js';
export type { Bilingual, ExprProblem, ExprProblemCode } from './errors.js';
export { functions, type FunctionSpec } from './functions.js';
export { MAX_DEPTH, MAX_LENGTH, parse, type ParseResult } from './parser.js';
export { print } from './print.js';
export {
  answerValue,
  evaluate,
  evaluateBoolean,
  evaluateText,
  type Answer,
  type ExprContext,
  type Instances,
} from './evaluate.js';
export { formContext, type FormContextOptions, type FormData, type RepeatStep } from './scope.js';
export {
  checkExpression,
  isUnsafePattern,
  references,
  referenceSites,
  walk,
  type CheckOptions,
  type CheckResult,
} from './references.js';
export { toBool, toNum, toStr, type DateValue, type NodeSet, type Value } from './values.js';
