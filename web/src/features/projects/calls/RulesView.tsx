import { useTranslation } from 'react-i18next';
import { dayFormat, localeOf } from '../../../lib/format';
import { formatBp } from '../../../lib/project-rules';
import { useProjectWords } from '../shared/words';
import type { Rules } from './api/types';

/** A version of a call's rules as readers see them: the period, the categories, the caps, what is accepted. */
export function RulesView({ rules }: { rules: Rules }) {
  const { t, i18n } = useTranslation();
  const word = useProjectWords();
  const en = i18n.language.startsWith('en');
  const day = dayFormat(localeOf(i18n.language));
  const d = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
  const label = (c: { labelIt: string; labelEn?: string | undefined }) => (en && c.labelEn ? c.labelEn : c.labelIt);
  const yes = t('projects.calls.rules.yes');
  return (
    <>
      <dl className="row">
        <dt className="col-sm-4">{t('projects.calls.rules.eligibility')}</dt>
        <dd className="col-sm-8">
          {t('projects.calls.list.fromTo', { from: d(rules.eligibility.from), to: d(rules.eligibility.to) })}
        </dd>
        <dt className="col-sm-4">{t('projects.calls.rules.coFinancing')}</dt>
        <dd className="col-sm-8">
          {rules.coFinancingMinBp > 0 ? formatBp(rules.coFinancingMinBp) : t('projects.calls.rules.noCoFinancing')}
        </dd>
        <dt className="col-sm-4">{t('projects.calls.rules.documentTypes')}</dt>
        <dd className="col-sm-8">{rules.documentTypes.map((c) => word('docTypes', c)).join(', ')}</dd>
        <dt className="col-sm-4">{t('projects.calls.rules.paymentMeans')}</dt>
        <dd className="col-sm-8">{rules.paymentMeans.map((c) => word('paymentMeans', c)).join(', ')}</dd>
      </dl>
      <div className="table-responsive">
        <table className="table table-sm">
          <caption>{t('projects.calls.rules.categoriesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.calls.rules.code')}</th>
              <th scope="col">{t('projects.calls.rules.category')}</th>
              <th scope="col">{t('projects.calls.rules.direct')}</th>
              <th scope="col">{t('projects.calls.rules.flatRate')}</th>
              <th scope="col">{t('projects.calls.rules.pettyCash')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.categories.map((c) => (
              <tr key={c.code}>
                <th scope="row" className={c.parent ? 'ps-4' : undefined}>
                  {c.code}
                </th>
                <td>{label(c)}</td>
                <td>{c.direct ? yes : ''}</td>
                <td>{c.flatRate ? yes : ''}</td>
                <td>{c.pettyCash ? yes : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rules.caps.length > 0 && (
        <div className="table-responsive">
          <table className="table table-sm">
            <caption>{t('projects.calls.rules.capsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('projects.calls.rules.cap')}</th>
                <th scope="col">{t('projects.calls.rules.capCategories')}</th>
                <th scope="col">{t('projects.calls.rules.capRule')}</th>
              </tr>
            </thead>
            <tbody>
              {rules.caps.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{label(c)}</th>
                  <td>{c.categories.join(', ')}</td>
                  <td>
                    {word('capKind', c.kind)} {formatBp(c.bp)} {word('capBasis', c.basis)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
