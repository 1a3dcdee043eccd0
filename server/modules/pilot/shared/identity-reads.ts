/**
 * The one list of audit actions that expose a beneficiary's identity (decision 0029): every read
 * of a case file, a PAI, a print, an export with names or an access package writes one of these,
 * and "Chi ha consultato" (`listViewers`) shows every row of them that concerns a person, in words.
 *
 * To add one (e.g. a document download, the case summary print): write the audit row with one of
 * the links below, add `{ action, link }` here, and give the action its words in the web catalogues
 * (`cases.privacy.did.<action with _ for .>`, it and en; every audit action has its words in
 * `auditActions.<action>` too).
 */
import type { PilotAuditAction } from './audit-actions.js';

/**
 * How an audit row is tied to the person whose file was read:
 * - `case`: `entity_id` (with `entity_type` 'pilot_case') or `details.case` is the person's case id;
 * - `person`: `details.person` is the person's id;
 * - `pai`: `entity_type` 'pilot_pai' and `entity_id` one of the person's PAIs;
 * - `export`: an export of the Comune's cases with identity columns (`details.identity` true),
 *   made after the case was created: it held every case of the Comune;
 * - `list`: a page of the case list that showed holders' names, `details.cases` holding the case id.
 */
export type IdentityReadLink = 'case' | 'person' | 'pai' | 'export' | 'list';

export interface IdentityRead {
  action: PilotAuditAction;
  link: IdentityReadLink;
}

export const IDENTITY_READS = [
  { action: 'pilot.case.read', link: 'case' },
  { action: 'pilot.pai.read', link: 'pai' },
  { action: 'pilot.pai.print', link: 'pai' },
  { action: 'pilot.person.access_package', link: 'person' },
  { action: 'pilot.case.export', link: 'export' },
  { action: 'pilot.case.print', link: 'case' },
  { action: 'pilot.case.notes_read', link: 'case' },
  { action: 'pilot.document.read', link: 'case' },
  { action: 'pilot.case.list', link: 'list' },
] as const satisfies readonly IdentityRead[];

export type IdentityReadAction = (typeof IDENTITY_READS)[number]['action'];

/** The actions of the list tied by `link`. */
export function identityReadsBy(link: IdentityReadLink): string[] {
  return IDENTITY_READS.filter((r) => r.link === link).map((r) => r.action);
}

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? Underscored<`${A}_${B}`> : S;
/** An action as a key of the catalogues (`pilot.pai.print` → `pilot_pai_print`). */
export type IdentityReadKey = Underscored<IdentityReadAction>;

export function identityReadKey(action: IdentityReadAction): IdentityReadKey {
  return action.replaceAll('.', '_') as IdentityReadKey;
}
