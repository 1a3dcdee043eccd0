/**
 * Italian-first labels of the pilot's closed lists, from this feature's catalogue. Values the
 * catalogue does not know (a string-typed API field) fall back to the raw value.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { dayFormat, euroFormat, localeOf } from '../../lib/format';
import { oneOf } from '../../lib/listParams';
import type { TFunction } from 'i18next';
import type { CaseManager } from './api/types';
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
  'RESPONSABILE_CAMBIATO',
  'PAI_CONDIVISO',
  'PAI_IN_CORSO',
  'PAI_IN_REVISIONE',
  'PAI_CHIUSO',
  'PERMESSO_IN_ISTRUTTORIA',
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
  const format = dayFormat(localeOf(i18n.resolvedLanguage ?? i18n.language)); // built once per locale
  return useCallback(
    (iso: string | null | undefined): string => {
      if (iso === null || iso === undefined || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso ?? '';
      const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
      return format.format(new Date(Date.UTC(y!, m! - 1, d)));
    },
    [format],
  );
}

/** Euro amounts in the UI language. */
export function useEuro() {
  const { i18n } = useTranslation();
  const format = euroFormat(localeOf(i18n.resolvedLanguage ?? i18n.language)); // built once per locale
  return useCallback(
    (value: number | null | undefined): string => (value === null || value === undefined ? '—' : format.format(value)),
    [format],
  );
}

/** A possible case manager in a picker: their name and how many open cases they hold. */
export function managerLabel(t: TFunction, m: Pick<CaseManager, 'displayName' | 'openCases'>): string {
  return t('cases.caseManager.option', { name: m.displayName, count: m.openCases });
}
