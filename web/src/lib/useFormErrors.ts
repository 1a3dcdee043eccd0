import { useState } from 'react';
import { useProblemMessages } from './problemMessages';

/** Field id → message. */
export type FieldErrors = Record<string, string>;

/**
 * What a form shows after a submit: messages next to its fields, one general message, and the
 * attempt counter that sends focus back to the summary (spread `summary` into FormErrorSummary).
 */
export function useFormErrors() {
  const { formProblemsOf } = useProblemMessages();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  /**
   * Starts a submit attempt with the problems the form found itself (field id → message, or
   * undefined when the field is fine); true when there are none.
   */
  const check = (checks: Record<string, string | undefined> = {}): boolean => {
    const found: FieldErrors = {};
    for (const [field, message] of Object.entries(checks)) if (message !== undefined) found[field] = message;
    setAttempt((n) => n + 1);
    setGeneral(null);
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  /** Replaces what is shown, without starting an attempt. */
  const show = (fieldErrors: FieldErrors, generalMessage: string | null = null) => {
    setErrors(fieldErrors);
    setGeneral(generalMessage);
  };

  /**
   * A failed request: issues on the API fields the form shows go next to them (`ids` renames an
   * API field to its field id when they differ), everything else into the general message.
   */
  const fail = (error: unknown, apiFields: readonly string[], ids: Record<string, string> = {}) => {
    const problems = formProblemsOf(error, apiFields);
    const fields: FieldErrors = {};
    for (const [field, message] of Object.entries(problems.fields)) fields[ids[field] ?? field] = message;
    show(fields, problems.general);
  };

  return { errors, check, show, fail, summary: { fieldErrors: errors, general, attempt } };
}
