import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/models';
import { ROLES } from '../../lib/domain';
import { useLabels } from '../../lib/labels';
import { useSchemaField } from '../../components/SchemaFields';
import { useAllowedRoles } from './api/get-allowed-roles';

interface RolesFieldsetProps {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
  /** The roles offered (those the organisation's type allows); all of them when undefined. */
  offered?: readonly Role[] | undefined;
  /** Why only some roles are offered, or what to do first. */
  hint?: string | undefined;
}

/** Role checkboxes; the first one carries the id "roles" so error summaries can link to the group. */
export function RolesFieldset({ value, onChange, error, offered, hint }: RolesFieldsetProps) {
  const { t } = useTranslation();
  const shown = ROLES.filter((r) => offered === undefined || offered.includes(r) || value.includes(r));
  const toggle = (role: Role, checked: boolean) =>
    onChange(checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  const describedBy = [hint !== undefined ? 'roles-hint' : null, error !== undefined ? 'roles-error' : null]
    .filter((id) => id !== null)
    .join(' ');
  return (
    <fieldset className="mb-4" aria-describedby={describedBy !== '' ? describedBy : undefined}>
      <legend className="h6">{t('users.roles')}</legend>
      {hint !== undefined && (
        <p id="roles-hint" className="form-text mb-2">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <div id="roles-error" className="invalid-feedback d-block mb-2">
          {error}
        </div>
      )}
      {shown.map((role, index) => (
        <div className="form-check" key={role}>
          <input
            id={index === 0 ? 'roles' : `roles-${role}`}
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => toggle(role, e.target.checked)}
          />
          <label htmlFor={index === 0 ? 'roles' : `roles-${role}`}>{t(`roles.${role}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The roles of a schema form (field `roles`), linked from its error summary. Only the roles the
 * organisation's type allows are offered (GET /users/allowed-roles), with a hint saying so;
 * without an organisation yet, none is offered and the hint says to choose it first.
 */
export function FormRoles({ organisationId }: { organisationId: string | null }) {
  const { t } = useTranslation();
  const label = useLabels();
  const { field, error } = useSchemaField({ name: 'roles', id: 'roles' }, t('users.roles'));
  const allowed = useAllowedRoles(organisationId);
  const value = field.value as Role[];
  const offered: readonly Role[] | undefined =
    organisationId === null ? [] : allowed.data !== undefined ? allowed.data.roles : undefined;
  const hint =
    organisationId === null
      ? t('users.rolesChooseOrganisation')
      : allowed.data !== undefined
        ? `${t('users.rolesForType', { type: label.organisationType(allowed.data.organisationType) })}${
            allowed.data.active ? '' : ` ${t('users.organisationInactive')}`
          }`
        : undefined;
  return <RolesFieldset value={value} onChange={field.onChange} error={error} offered={offered} hint={hint} />;
}
