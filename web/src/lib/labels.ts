/**
 * Labels for the closed lists of the domain. Some API fields are typed as plain strings (e.g. the
 * organisation type inside /me), so these accept any string and fall back to the raw value for
 * one the UI does not know yet, instead of showing a missing-translation key.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf } from './listParams';
import { MACRO_AREAS, ORGANISATION_TYPES, ROLES } from './domain';

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

  return { organisationType, role, roles, macroArea };
}
