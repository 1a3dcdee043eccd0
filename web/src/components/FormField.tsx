import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldBase {
  id: string;
  label: string;
  /** Shown under the field and linked with aria-describedby. */
  hint?: ReactNode;
  /** Message for this field (client check or problem+json `errors[]`); marks it invalid. */
  error?: string | undefined;
  className?: string;
}

/** The ids of a field's hint and error, for aria-describedby. */
export function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null].filter(
    (v): v is string => v !== null,
  );
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A field's hint and error, under it. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint !== undefined && (
        <small id={`${id}-hint`} className="form-text d-block">
          {hint}
        </small>
      )}
      {error !== undefined && (
        <div id={`${id}-error`} className="invalid-feedback d-block">
          {error}
        </div>
      )}
    </>
  );
}

export type TextFieldProps = FieldBase &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> & { ref?: Ref<HTMLInputElement> };

/**
 * Labelled text input in Bootstrap Italia markup. The label is always in its raised ("active")
 * position: the floating animation needs Bootstrap Italia's JS and hides the label's purpose.
 */
export function TextField({ id, label, hint, error, className, ref, ...input }: TextFieldProps) {
  return (
    <div className={['form-group', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        // Bootstrap Italia styles inputs by their type attribute, so it is always written out.
        type="text"
        className={`form-control${error !== undefined ? ' is-invalid' : ''}`}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

type SelectFieldProps = FieldBase &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & {
    options: readonly { value: string; label: string }[];
    /** Further options in labelled groups (`<optgroup>`), after `options`. */
    groups?: readonly { label: string; options: readonly { value: string; label: string }[] }[];
    /** Label of an empty first option ("all" in filters, "choose…" in forms). */
    emptyOption?: string;
  };

export function SelectField({
  id,
  label,
  hint,
  error,
  className,
  options,
  groups,
  emptyOption,
  ...select
}: SelectFieldProps) {
  return (
    <div className={['select-wrapper mb-4', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className={error !== undefined ? 'is-invalid' : undefined}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

type CheckboxFieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'>;

export function CheckboxField({ id, label, hint, error, className, ...input }: CheckboxFieldProps) {
  return (
    <div className={['form-check', className].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

type ToggleFieldProps = FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'>;

/** Bootstrap Italia toggle: a real checkbox inside its label, so it is announced with its name and state. */
export function ToggleField({ id, label, hint, error, className, ...input }: ToggleFieldProps) {
  return (
    <div className={['form-check form-check-group', className].filter(Boolean).join(' ')}>
      <div className="toggles">
        <label htmlFor={id}>
          {label}
          <input
            id={id}
            type="checkbox"
            aria-invalid={error !== undefined ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            {...input}
          />
          <span className="lever" aria-hidden="true" />
        </label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

type TextAreaFieldProps = FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'>;

/** A labelled multi-line field in Bootstrap Italia markup, with its hint and error linked. */
export function TextAreaField({ id, label, hint, error, className, ...area }: TextAreaFieldProps) {
  return (
    <div className={['form-group', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="active">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        className={`form-control${error !== undefined ? ' is-invalid' : ''}`}
        aria-invalid={error !== undefined ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...area}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
