import { useTranslation } from 'react-i18next';
import type { XlsFormIssue } from './api/types';

/** Where an XLSForm issue is: "foglio survey, riga 12, colonna relevant" */
export function useIssueWhere() {
  const { t } = useTranslation();
  return (i: { sheet: string; row: number | null; column: string | null }) =>
    i.row === null
      ? t('surveys.authoring.import.where', { sheet: i.sheet })
      : i.column === null
        ? t('surveys.authoring.import.whereRow', { sheet: i.sheet, row: i.row })
        : t('surveys.authoring.import.whereCell', { sheet: i.sheet, row: i.row, column: i.column });
}

/** The issues of an XLSForm import, each "foglio, riga, colonna: motivo" in the UI language */
export function IssueList({ issues, id }: { issues: readonly XlsFormIssue[]; id?: string }) {
  const { i18n } = useTranslation();
  const where = useIssueWhere();
  const en = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  return (
    <ul id={id}>
      {issues.map((i, n) => (
        <li key={`${i.sheet}-${i.row ?? ''}-${i.column ?? ''}-${n}`}>
          {where(i)}: {en ? i.messageEn : i.message}
        </li>
      ))}
    </ul>
  );
}
