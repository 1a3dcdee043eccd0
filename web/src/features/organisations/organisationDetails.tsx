/**
 * An organisation's PEC, codice fiscale / partita IVA and address (decision 0024): their checks,
 * the same as the server's, and their fields, shared by the create and edit forms.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormText } from '../../components/SchemaFields';

/** The check digit of an 11-digit codice fiscale of a body or partita IVA (all zeros refused). */
export function isValidTaxCode(value: string): boolean {
  if (!/^\d{11}$/.test(value) || /^0+$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const d = Number(value[i]);
    sum += i % 2 === 0 ? d : d * 2 > 9 ? d * 2 - 9 : d * 2;
  }
  return (10 - (sum % 10)) % 10 === Number(value[10]);
}

/** The three optional fields as typed: blank becomes null (nothing given). */
export function detailsSchema(t: TFunction) {
  const blank = (v: string) => v.trim() === '';
  return {
    pec: z
      .string()
      .refine((v) => blank(v) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()), t('organisations.pecInvalid'))
      .transform((v) => (blank(v) ? null : v.trim().toLowerCase())),
    taxCode: z
      .string()
      .refine((v) => blank(v) || isValidTaxCode(v.trim()), t('organisations.taxCodeInvalid'))
      .transform((v) => (blank(v) ? null : v.trim())),
    address: z
      .string()
      .refine((v) => blank(v) || v.trim().length >= 3, t('fieldErrors.required'))
      .transform((v) => (blank(v) ? null : v.trim())),
  };
}

export function DetailsFields() {
  const { t } = useTranslation();
  const optional = (label: string) => `${label} ${t('form.optional')}`;
  return (
    <>
      <FormText
        name="pec"
        type="email"
        label={optional(t('organisations.pec'))}
        summaryLabel={t('organisations.pec')}
        hint={t('organisations.pecHint')}
        autoComplete="off"
      />
      <FormText
        name="taxCode"
        label={optional(t('organisations.taxCode'))}
        summaryLabel={t('organisations.taxCode')}
        hint={t('organisations.taxCodeHint')}
        inputMode="numeric"
        maxLength={11}
        autoComplete="off"
      />
      <FormText
        name="address"
        label={optional(t('organisations.address'))}
        summaryLabel={t('organisations.address')}
        hint={t('organisations.addressHint')}
        autoComplete="street-address"
      />
    </>
  );
}
