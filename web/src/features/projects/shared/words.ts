/**
 * Words of the projects' shared vocabulary, read from `projects.common.*`: a code the catalogue
 * does not know (a document type a call added) reads as itself in sentence case, never as a key.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type WordGroup = 'docTypes' | 'paymentMeans' | 'capBasis' | 'capKind';

export function useProjectWords() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (group: WordGroup, code: string): string => {
      const key = `projects.common.${group}.${code}`;
      if (i18n.exists(key)) return t(key as 'projects.common.tabs.label');
      const plain = code.replace(/_/g, ' ').toLowerCase();
      return plain.charAt(0).toUpperCase() + plain.slice(1);
    },
    [t, i18n],
  );
}

/** A share in basis points as an input's text, the Italian way: 700 → "7", 750 → "7,5". */
export function bpToText(bp: number, language: string): string {
  const s = (bp / 100).toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return language.startsWith('en') ? s : s.replace('.', ',');
}

/** A percentage typed as "7", "7,5" or "7.5" to basis points; null when it is not one between 0 and 100. */
export function textToBp(text: string): number | null {
  const s = text.trim().replace('%', '').trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(s)) return null;
  const bp = Math.round(Number(s) * 100);
  return bp >= 0 && bp <= 10_000 ? bp : null;
}
