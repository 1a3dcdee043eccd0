/**
 * What the browser may import of the questionnaire code (web/src/lib/form-engine.ts): the model,
 * the form engine and the differences between versions. Pure: no Node module, no I/O (the
 * XLSForm reader, which runs in a worker thread, is not part of it).
 */
export * from './model.js';
export * from './engine/index.js';
export { diffForms, type ChangeKind, type FormChange } from './diff.js';
export { describeChange, describeSummary, summarize, type ChangeCount } from './diff-words.js';
