import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/models';
import { ROLES } from '../../lib/domain';
import { useSchemaField } from '../../components/SchemaFields';

interface RolesFieldsetProps {
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}

/** Role checkboxes; the first one carries the id "roles" so error summaries can link to the group. */
export function RolesFieldset({ value, onChange, error }: RolesFieldsetProps) {
  const { t } = useTranslation();
  const toggle = (role: Role, checked: boolean) =>
    onChange(checked ? ROLES.filter((r) => r === role || value.includes(r)) : value.filter((r) => r !== role));
  return (
    <fieldset className="mb-4" aria-describedby={error !== undefined ? 'roles-error' : undefined}>
      <legend className="h6">{t('users.roles')}</legend>
      {error !== undefined && (
        <div id="roles-error" className="invalid-feedback d-block mb-2">
          {error}
        </div>
      )}
      {ROLES.map((role, index) => (
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

/** The roles of a schema form (field `roles`), linked from its error summary. */
export function FormRoles() {
  const { t } = useTranslation();
  const { field, error } = useSchemaField({ name: 'roles', id: 'roles' }, t('users.roles'));
  return <RolesFieldset value={field.value as Role[]} onChange={field.onChange} error={error} />;
}
