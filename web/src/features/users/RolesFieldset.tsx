import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/models';
import { ROLES } from '../../lib/domain';

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
