import { definePolicy } from '../../../platform/policy.js';

/**
 * Who works on a case's records. Reading them is reading the case (`pilot.cases.read`, the
 * operatore of the case or the referente); attaching a document or writing a note is case work;
 * deleting a document is the referente's, audited. No national or regional role holds any of
 * these, and row-level security keeps the rows inside the Comune anyway.
 */
export const recordsPermissions = definePolicy({
  'pilot.records.write': ['operatore', 'referente_comunale'],
  'pilot.records.delete': ['referente_comunale'],
});

type RecordsPermission = (typeof recordsPermissions)[number];
declare module '../../../platform/policy.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Permissions extends Record<RecordsPermission, true> {}
}
