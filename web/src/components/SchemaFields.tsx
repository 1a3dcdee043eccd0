/**
 * The form fields of components/FormField bound to a schema form (lib/schemaForm): each takes
 * the field's `name` instead of value, onChange and error, and registers its id and label so the
 * error summary can link to it and server issues find it.
 */
import { useLayoutEffect, type ComponentProps } from 'react';
import { useController, useFormState } from 'react-hook-form';
import { fieldId, flattenErrors, useSchemaFormContext } from '../lib/schemaForm';
import { CheckboxField, SelectField, TextAreaField, TextField, ToggleField } from './FormField';
import { FormErrorSummary } from './FormErrorSummary';

interface Bound {
  name: string;
  /** DOM id, when it is not the form's prefix + name. */
  id?: string;
  /** The field's name in the error summary, when it is not the label (e.g. without "(optional)"). */
  summaryLabel?: string;
}
type Unbound = 'id' | 'value' | 'onChange' | 'onBlur' | 'error' | 'name' | 'ref' | 'checked';

/**
 * A field with its own markup (a radio group, a compact select, a fieldset of rows) bound to the
 * form: its value and setter, its DOM id and its message; it registers like the fields below.
 */
export function useSchemaField({ name, id, summaryLabel }: Bound, label: string) {
  return useBoundField({ name, id, summaryLabel }, label);
}

/** What a text-like input shows for a form value (strings and numbers as typed, nothing else). */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function useBoundField({ name, id, summaryLabel }: Bound, label: string) {
  const form = useSchemaFormContext();
  const { field, fieldState } = useController({ name, control: form.methods.control });
  const { onChange, onBlur, ref } = field;
  const value: unknown = field.value;
  const domId = id ?? fieldId(form.idPrefix, name);
  const shown = summaryLabel ?? label;
  useLayoutEffect(() => form.registry.add({ name, id: domId, label: shown }), [form.registry, name, domId, shown]);
  return { field: { value, onChange, onBlur }, inputRef: ref, id: domId, error: fieldState.error?.message };
}

export function FormText({
  name,
  id,
  summaryLabel,
  transform,
  ...props
}: Bound & Omit<ComponentProps<typeof TextField>, Unbound> & { transform?: (typed: string) => string }) {
  const { field, inputRef, id: domId, error } = useBoundField({ name, id, summaryLabel }, props.label);
  return (
    <TextField
      {...props}
      ref={inputRef}
      id={domId}
      value={textOf(field.value)}
      onChange={(e) => field.onChange(transform === undefined ? e.target.value : transform(e.target.value))}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function FormTextArea({
  name,
  id,
  summaryLabel,
  ...props
}: Bound & Omit<ComponentProps<typeof TextAreaField>, Unbound>) {
  const { field, id: domId, error } = useBoundField({ name, id, summaryLabel }, props.label);
  return (
    <TextAreaField
      {...props}
      id={domId}
      value={textOf(field.value)}
      onChange={(e) => field.onChange(e.target.value)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function FormSelect({
  name,
  id,
  summaryLabel,
  ...props
}: Bound & Omit<ComponentProps<typeof SelectField>, Unbound>) {
  const { field, id: domId, error } = useBoundField({ name, id, summaryLabel }, props.label);
  return (
    <SelectField
      {...props}
      id={domId}
      value={textOf(field.value)}
      onChange={(e) => field.onChange(e.target.value)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function FormCheckbox({
  name,
  id,
  summaryLabel,
  ...props
}: Bound & Omit<ComponentProps<typeof CheckboxField>, Unbound>) {
  const { field, id: domId, error } = useBoundField({ name, id, summaryLabel }, props.label);
  return (
    <CheckboxField
      {...props}
      id={domId}
      checked={field.value === true}
      onChange={(e) => field.onChange(e.target.checked)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

export function FormToggle({
  name,
  id,
  summaryLabel,
  ...props
}: Bound & Omit<ComponentProps<typeof ToggleField>, Unbound>) {
  const { field, id: domId, error } = useBoundField({ name, id, summaryLabel }, props.label);
  return (
    <ToggleField
      {...props}
      id={domId}
      checked={field.value === true}
      onChange={(e) => field.onChange(e.target.checked)}
      onBlur={field.onBlur}
      error={error}
    />
  );
}

/**
 * The form's error summary (FormErrorSummary): the fields' messages in document order, linked
 * to them; messages of fields the form does not show join the general message.
 */
export function FormSummary() {
  const form = useSchemaFormContext();
  const { errors, submitCount } = useFormState({ control: form.methods.control });
  const messages = new Map(flattenErrors(errors));
  const fieldErrors: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const field of form.registry.all()) {
    const message = messages.get(field.name);
    if (message === undefined) continue;
    fieldErrors[field.id] = message;
    labels[field.id] = field.label;
    messages.delete(field.name);
  }
  const general = [form.general, ...messages.values()].filter((m): m is string => m !== null && m !== '').join(' ');
  return (
    <FormErrorSummary
      fieldErrors={fieldErrors}
      labels={labels}
      general={general === '' ? null : general}
      attempt={submitCount}
    />
  );
}
