/**
 * The audit actions and the types of record they concern, declared by the modules (decision 0031).
 * Each module lists what it writes to the audit trail in its own folder with `defineAuditActions`
 * and adds the names to `AuditActions` and `AuditEntityTypes` by declaration merging, so that
 * `recordAudit` accepts only a declared action: an undeclared one fails `npm run typecheck`. The
 * OpenAPI document carries the lists as the `AuditAction` and `AuditEntityType` enums, and the web
 * client's words for them are typed from those enums.
 */

/**
 * Every audit action, by name. Modules add theirs by declaration merging
 * (`declare module '…/platform/audit-actions.js' { interface AuditActions extends Record<PilotAuditAction, true> {} }`).
 */
export interface AuditActions {
  /** The kernel's own action (declared below). */
  'platform.data_key.rotate': true;
}
export type AuditAction = Extract<keyof AuditActions, string>;

/** Every type of record an audit row may name (`entity_type`), merged the same way. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AuditEntityTypes {}
export type AuditEntityType = Extract<keyof AuditEntityTypes, string>;

/** The form the database accepts (`audit_log.action` CHECK): at least two dot-separated segments. */
const ACTION = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
const ENTITY_TYPE = /^[a-z0-9_]+$/;

const actions = new Set<string>();
const entityTypes = new Set<string>();

/**
 * Declares a module's audit actions and the entity types its rows name. Called once per module at
 * import; a name declared twice, or an action whose segments continue another action
 * (`pilot.case` beside `pilot.case.read`: the web catalogue nests the words by segment), stops the
 * start.
 */
export function defineAuditActions<const A extends string, const E extends string = never>(declaration: {
  actions: readonly A[];
  entityTypes?: readonly E[];
}): { actions: A[]; entityTypes: E[] } {
  for (const action of declaration.actions) {
    if (!ACTION.test(action)) throw new Error(`Audit action ${action} is not of the form module.object.verb`);
    if (actions.has(action)) throw new Error(`Audit action ${action} declared twice`);
    for (const other of actions) {
      if (other.startsWith(`${action}.`) || action.startsWith(`${other}.`))
        throw new Error(`Audit action ${action} and ${other}: one continues the other`);
    }
    actions.add(action);
  }
  for (const type of declaration.entityTypes ?? []) {
    if (!ENTITY_TYPE.test(type)) throw new Error(`Audit entity type ${type} is not a snake_case word`);
    if (entityTypes.has(type)) throw new Error(`Audit entity type ${type} declared twice`);
    entityTypes.add(type);
  }
  return { actions: [...declaration.actions], entityTypes: [...(declaration.entityTypes ?? [])] };
}

/** Every declared audit action, sorted: the `AuditAction` enum of the OpenAPI document. */
export function declaredAuditActions(): AuditAction[] {
  return [...actions].sort() as AuditAction[];
}

/** Every declared entity type, sorted: the `AuditEntityType` enum of the OpenAPI document. */
export function declaredAuditEntityTypes(): AuditEntityType[] {
  return [...entityTypes].sort() as AuditEntityType[];
}

/**
 * The kernel's own action: the data-key rotation (`npm run rotate-data-key`) writes it as the
 * database owner, outside any module.
 */
export const kernelAuditActions = defineAuditActions({ actions: ['platform.data_key.rotate'] });
