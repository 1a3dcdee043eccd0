/** The partners of a project: organisations of the registry searched by name, each with its role. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/FormField';
import { SearchPicker } from '../../../components/SearchPicker';
import { useLabels } from '../../../lib/labels';
import { useOrganisationChoices } from '../../../lib/lookups';

export const partnerRoles = ['PARTNER', 'ENTE_ATTUATORE', 'ASSOCIATO', 'ALTRO'] as const;
export type PartnerRole = (typeof partnerRoles)[number];
export interface PartnerChoice {
  organisationId: string;
  name: string;
  role: PartnerRole;
}

export function PartnersEditor({
  idPrefix,
  value,
  onChange,
  excludeId,
}: {
  idPrefix: string;
  value: PartnerChoice[];
  onChange: (next: PartnerChoice[]) => void;
  /** The lead beneficiary, never its own partner. */
  excludeId?: string;
}) {
  const { t } = useTranslation();
  const label = useLabels();
  const [text, setText] = useState('');
  const [role, setRole] = useState<PartnerRole>('PARTNER');
  const choices = useOrganisationChoices(text);
  const taken = new Set([...value.map((p) => p.organisationId), ...(excludeId ? [excludeId] : [])]);
  return (
    <fieldset className="mb-4">
      <legend className="h6">{t('projects.design.partners.title')}</legend>
      {value.length === 0 ? (
        <p className="small">{t('projects.design.partners.none')}</p>
      ) : (
        <ul className="list-unstyled">
          {value.map((p) => (
            <li key={p.organisationId} className="d-flex align-items-center gap-3 mb-2">
              <span>
                {p.name} — {t(`projects.design.partnerRole.${p.role}`)}
              </span>
              <button
                type="button"
                className="btn btn-outline-danger btn-sm"
                onClick={() => onChange(value.filter((x) => x.organisationId !== p.organisationId))}
              >
                {t('projects.design.partners.remove', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SelectField
        id={`${idPrefix}-role`}
        label={t('projects.design.partners.role')}
        value={role}
        onChange={(e) => setRole(e.target.value as PartnerRole)}
        options={partnerRoles.map((r) => ({ value: r, label: t(`projects.design.partnerRole.${r}`) }))}
      />
      <SearchPicker
        id={`${idPrefix}-search`}
        label={t('projects.design.partners.search')}
        hint={t('projects.design.partners.searchHint')}
        text={text}
        onTextChange={setText}
        options={choices.data?.items
          .filter((o) => !taken.has(o.id))
          .map((o) => ({ value: o.id, label: o.name, description: label.organisationType(o.type) }))}
        loading={choices.isFetching}
        selected={null}
        onSelect={(o) => {
          if (!o) return;
          onChange([...value, { organisationId: o.value, name: o.label, role }]);
          setText('');
        }}
      />
    </fieldset>
  );
}
