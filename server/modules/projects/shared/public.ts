/**
 * What the browser imports of the projects' rules (web/src/lib/project-rules.ts): the call's rules
 * schema, the caps and money in cents. Pure, so the budget page checks the caps live with the very
 * code the server runs for the authoritative check.
 */
export * from './call-rules.js';
export * from './caps.js';
export * from './money.js';
