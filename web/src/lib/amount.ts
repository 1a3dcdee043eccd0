/**
 * Amount fields of the schema forms (issue 9): the Zod side of components/AmountField, on the one
 * parser of lib/number.ts, in the UI's language. A field holds the text typed; the schema turns it
 * into a number or refuses it with a message that says what is wrong.
 */
import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { formatNumber, parseNumber, type NumberLocale, type NumberRules, type ParsedNumber } from './number';

/** The number locale of the UI: Italian unless the UI is in English. */
export function numberLocaleOf(language: string | undefined): NumberLocale {
  return language?.startsWith('en') ? 'en' : 'it';
}

/** The UI's number locale now (schemas are rebuilt when the language changes). */
export const currentNumberLocale = (): NumberLocale => numberLocaleOf(i18next.resolvedLanguage ?? i18next.language);

/** The message of a refused input, in the UI's language. */
export function numberErrorMessage(
  t: TFunction,
  parsed: Extract<ParsedNumber, { ok: false }>,
  rules: NumberRules,
  locale: NumberLocale,
): string {
  switch (parsed.error) {
    case 'empty':
      return t('numberInput.errors.empty');
    case 'invalid':
      return t('numberInput.errors.invalid');
    case 'negative':
      return t('numberInput.errors.negative');
    case 'mixedSeparators':
      return t('numberInput.errors.mixedSeparators');
    case 'tooManyDecimals':
      return t('numberInput.errors.tooManyDecimals', { count: rules.decimals });
    case 'tooLarge':
      return t('numberInput.errors.tooLarge', { max: formatNumber(rules.max, locale, rules) });
  }
}

/**
 * A required amount typed as text → its number; refused with the parser's reason. `optional`
 * lets an empty field through as `null`.
 */
export function amountField(t: TFunction, rules: NumberRules): z.ZodType<number, string>;
export function amountField(t: TFunction, rules: NumberRules, optional: true): z.ZodType<number | null, string>;
export function amountField(t: TFunction, rules: NumberRules, optional = false): z.ZodType<number | null, string> {
  const locale = currentNumberLocale();
  return z.string().transform((typed, ctx) => {
    const parsed = parseNumber(typed, locale, rules);
    if (parsed.ok) return parsed.value;
    if (optional && parsed.error === 'empty') return null;
    ctx.addIssue({ code: 'custom', message: numberErrorMessage(t, parsed, rules, locale) });
    return z.NEVER;
  });
}
