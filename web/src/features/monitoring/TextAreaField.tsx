import type { TextareaHTMLAttributes } from 'react';
import { describedBy, FieldMessages } from '../../components/FormField';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A labelled multi-line field in Bootstrap Italia markup, with its hint and error linked. */
export function TextAreaField({ id, label, hint, error, ...area }: TextAreaFieldProps) {
  return (
    <div className="form-group">
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
