/**
 * Labels for the closed lists of the domain. Some API fields are typed as plain strings (e.g. the
 * organisation type inside /me), so these accept any string and fall back to the raw value for
 * one the UI does not know yet, instead of showing a missing-translation key.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf } from './listParams';
import { MACRO_AREAS, ORGANISATION_TYPES, ROLES } from './domain';
import { auditActionValues, auditEntityTypeValues, permissionValues } from '../api/schema';

export type AuditActionName = (typeof auditActionValues)[number];
type GroupOf<A extends string> = A extends `${infer G}.${string}` ? G : never;
/** The first word of an audit action (`pilot`, `user`, `auth`…): how the "Azione" filter groups them. */
export type AuditActionGroup = GroupOf<AuditActionName>;

/** The group of an audit action: its first word. */
export function auditActionGroupOf(action: AuditActionName): AuditActionGroup {
  return action.slice(0, action.indexOf('.')) as AuditActionGroup;
}

export function useLabels() {
  const { t } = useTranslation();

  const organisationType = useCallback(
    (type: string): string => {
      const known = oneOf(type, ORGANISATION_TYPES);
      return known === undefined ? type : t(`organisationTypes.${known}`);
    },
    [t],
  );

  const role = useCallback(
    (value: string): string => {
      const known = oneOf(value, ROLES);
      return known === undefined ? value : t(`roles.${known}`);
    },
    [t],
  );

  const roles = useCallback((values: readonly string[]): string => values.map(role).join(', '), [role]);

  const macroArea = useCallback(
    (code: string): string => {
      const known = oneOf(code, MACRO_AREAS);
      return known === undefined ? code : t(`macroAreas.${known}`);
    },
    [t],
  );

  /** A permission in words ('pilot.cases.read' → "Consultare i casi del pilota art. 18-ter"). */
  const permission = useCallback(
    (value: string): string => {
      const known = oneOf(value, permissionValues);
      return known === undefined ? value : t(`permissionNames.${known}`);
    },
    [t],
  );

  /**
   * An audit action in words ('pilot.case.read' → "Consultazione della scheda del caso"). A row
   * written with an action the platform no longer declares shows its code.
   */
  const auditAction = useCallback(
    (value: string): string => {
      const known = oneOf(value, auditActionValues);
      return known === undefined ? value : t(`auditActions.${known}`);
    },
    [t],
  );

  const auditActionGroup = useCallback((group: AuditActionGroup): string => t(`auditActionGroups.${group}`), [t]);

  /** The type of record an audit row names, in words ('pilot_case' → "Caso"); an unknown one shows its code. */
  const auditEntityType = useCallback(
    (value: string): string => {
      const known = oneOf(value, auditEntityTypeValues);
      return known === undefined ? value : t(`auditEntityTypes.${known}`);
    },
    [t],
  );

  return { organisationType, role, roles, macroArea, permission, auditAction, auditActionGroup, auditEntityType };
}
