/**
 * A money or number field of a schema form (issue 9): a text input that reads Italian ("1.234,50")
 * or, with the UI in English, English input through lib/number.ts, and says under it the value it
 * understood ("= 1.234,50 €") before anything is saved, with how it read an ambiguous input.
 * Its schema side is lib/amount.ts (`amountField`).
 */
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { numberLocaleOf } from '../lib/amount';
import { formatNumber, MONEY, parseNumber, type NumberRules } from '../lib/number';
import { useSchemaFormContext } from '../lib/schemaForm';
import { FormText } from './SchemaFields';

export function AmountField({
  name,
  label,
  id,
  rules = MONEY,
  currency = rules === MONEY,
  hint,
  required,
  summaryLabel,
  className,
  autoFocus,
}: {
  name: string;
  label: string;
  id?: string;
  rules?: NumberRules;
  /** Shown as euro: true for MONEY. */
  currency?: boolean;
  hint?: ReactNode;
  required?: boolean;
  summaryLabel?: string;
  className?: string;
  autoFocus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = numberLocaleOf(i18n.resolvedLanguage ?? i18n.language);
  const form = useSchemaFormContext();
  const typed: unknown = useWatch({ control: form.methods.control, name });
  const parsed = typeof typed === 'string' ? parseNumber(typed, locale, rules) : undefined;
  const understood =
    parsed?.ok === true
      ? [
          t('numberInput.understood', { value: formatNumber(parsed.value, locale, rules, currency) }),
          parsed.note === undefined ? '' : t(`numberInput.note.${parsed.note}`),
        ]
          .filter(Boolean)
          .join(' ')
      : undefined;
  const shownHint =
    hint === undefined && understood === undefined ? undefined : (
      <>
        {hint}
        {hint !== undefined && understood !== undefined && ' '}
        {understood !== undefined && <span data-understood="">{understood}</span>}
      </>
    );
  return (
    <FormText
      name={name}
      label={label}
      {...(id === undefined ? {} : { id })}
      {...(summaryLabel === undefined ? {} : { summaryLabel })}
      {...(className === undefined ? {} : { className })}
      hint={shownHint}
      required={required}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      // eslint-disable-next-line jsx-a11y/no-autofocus -- only where the person just asked to edit
      autoFocus={autoFocus}
    />
  );
}
