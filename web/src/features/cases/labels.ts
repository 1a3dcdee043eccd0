/**
 * Italian-first labels of the pilot's closed lists, from this feature's catalogue. Values the
 * catalogue does not know (a string-typed API field) fall back to the raw value.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { oneOf } from '../../lib/listParams';
import { CASE_STATUSES, MEASURE_STATUSES, PAI_STATUSES } from './vocab';

const EVENT_TYPES = [
  'PRESA_IN_CARICO',
  'FAMILIARE_AGGIUNTO',
  'AMMISSIONE_MISURE',
  'REVOCA_AMMISSIONE_MISURE',
  'CAMBIO_STATO',
  'USCITA_PROGRAMMA',
  'PAI_CREATO',
  'PAI_APPROVATO',
  'RICEVUTA_PERMESSO',
  'PERMESSO_RILASCIATO',
  'PERMESSO_REGISTRATO',
  'RINNOVO_RICHIESTO',
  'PERMESSO_RINNOVATO',
  'CONVERSIONE_RICHIESTA',
  'PERMESSO_CONVERTITO',
  'PERMESSO_REVOCATO',
  'CONTRATTO_LAVORO_AVVIATO',
  'ESITO_CERTIFICATO',
  'ESITO_ASSEGNO_INCLUSIONE',
  'ESITO_AUTONOMIA_ABITATIVA',
  'FOLLOW_UP',
] as const;

export function useCaseLabels() {
  const { t } = useTranslation();
  const caseStatus = useCallback(
    (v: string) => {
      const k = oneOf(v, CASE_STATUSES);
      return k === undefined ? v : t(`cases.caseStatus.${k}`);
    },
    [t],
  );
  const paiStatus = useCallback(
    (v: string) => {
      const k = oneOf(v, PAI_STATUSES);
      return k === undefined ? v : t(`cases.paiStatus.${k}`);
    },
    [t],
  );
  const measureStatus = useCallback(
    (v: string) => {
      const k = oneOf(v, MEASURE_STATUSES);
      return k === undefined ? v : t(`cases.measureStatus.${k}`);
    },
    [t],
  );
  const eventType = useCallback(
    (v: string) => {
      const k = oneOf(v, EVENT_TYPES);
      return k === undefined ? v.replaceAll('_', ' ').toLowerCase() : t(`cases.events.type.${k}`);
    },
    [t],
  );
  return { caseStatus, paiStatus, measureStatus, eventType };
}

/** A calendar date 'YYYY-MM-DD' in the UI language, without moving it across time zones. */
export function useDay() {
  const { i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en-GB' : 'it-IT';
  return useCallback(
    (iso: string | null | undefined): string => {
      if (iso === null || iso === undefined || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ?? '';
      const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(Date.UTC(y!, m! - 1, d)),
      );
    },
    [locale],
  );
}

/** Euro amounts in the UI language. */
export function useEuro() {
  const { i18n } = useTranslation();
  const locale = (i18n.resolvedLanguage ?? i18n.language).startsWith('en') ? 'en-GB' : 'it-IT';
  return useCallback(
    (value: number | null | undefined): string =>
      value === null || value === undefined
        ? '—'
        : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(value),
    [locale],
  );
}
