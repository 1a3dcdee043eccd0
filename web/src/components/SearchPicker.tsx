import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessages, describedBy } from './FormField';

export interface PickerOption {
  value: string;
  label: string;
  description?: string;
}

interface SearchPickerProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  text: string;
  onTextChange: (text: string) => void;
  /** Matches for the current text; undefined while nothing was searched yet. */
  options: PickerOption[] | undefined;
  loading: boolean;
  selected: PickerOption | null;
  onSelect: (option: PickerOption | null) => void;
}

/**
 * Moves focus to the control `id` only if focus was lost (the control that had it was removed
 * from the page): a person, or a test, who already moved on to another field keeps their place,
 * and what they type goes where they are typing.
 */
export function focusIfLost(id: string) {
  const active = document.activeElement;
  if (active === null || active === document.body) document.getElementById(id)?.focus();
}

/**
 * Choose one item among thousands: type to search, then pick a radio button.
 * Plain controls instead of an ARIA combobox, which screen readers support unevenly.
 */
export function SearchPicker(props: SearchPickerProps) {
  const { id, label, hint, error, text, onTextChange, options, loading, selected, onSelect } = props;
  const { t } = useTranslation();
  const statusId = useId();
  const isSelected = selected !== null;
  const firstRender = useRef(true);

  // Picking a radio button (or "change") swaps the controls; keep focus on the new control.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusIfLost(id);
  }, [isSelected, id]);

  if (selected !== null) {
    return (
      <div className="form-group">
        <p className="mb-2">
          <span className="fw-semibold">{label}:</span> {selected.label}
          {selected.description !== undefined && <span className="text-muted"> — {selected.description}</span>}
        </p>
        <button type="button" id={id} className="btn btn-outline-primary btn-sm" onClick={() => onSelect(null)}>
          {t('picker.change', { label })}
        </button>
      </div>
    );
  }

  return (
    <div className="form-group">
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={`form-control${error !== undefined ? ' is-invalid' : ''}`}
        value={text}
        onChange={(e) => onTextChange(e.target.value)}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={[describedBy(id, hint, error), statusId].filter(Boolean).join(' ')}
        autoComplete="off"
      />
      <FieldMessages id={id} hint={hint} error={error} />
      <p id={statusId} role="status" className="small mt-2 mb-1">
        {loading ? t('common.loading') : options === undefined ? '' : t('picker.count', { count: options.length })}
      </p>
      {options !== undefined && options.length > 0 && (
        <fieldset className="mt-1">
          <legend className="visually-hidden">{t('picker.legend', { label })}</legend>
          {options.map((option) => (
            <div className="form-check" key={option.value}>
              <input
                id={`${id}-${option.value}`}
                name={`${id}-choice`}
                type="radio"
                onChange={() => onSelect(option)}
              />
              <label htmlFor={`${id}-${option.value}`}>
                {option.label}
                {option.description !== undefined && <span className="text-muted"> — {option.description}</span>}
              </label>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
