import { useTranslation } from 'react-i18next';
import { CellValue } from './format';
import { COMPARATIVE_BLOCKS, type Comparative } from './types';

/**
 * The quadro comparativo as one table per block (the whole table is too wide to read): Comuni as
 * rows, the block's measures as columns, the total row last.
 */
export function ComparativeTables({ data, period }: { data: Comparative; period: string }) {
  const { t, i18n } = useTranslation();
  const english = (i18n.resolvedLanguage ?? i18n.language).startsWith('en');
  return (
    <>
      {COMPARATIVE_BLOCKS.map((block) => {
        const columns = data.columns.filter((c) => c.block === block);
        if (columns.length === 0) return null;
        const name = t(`monitoring.blocks.${block}`);
        return (
          <section key={block} aria-labelledby={`block-${block}`} className="mb-5">
            <h3 id={`block-${block}`} className="h4">
              {name}
            </h3>
            <div className="table-responsive">
              <table className="table table-sm incas-comparative" data-block={block}>
                <caption>{t('monitoring.comparative.caption', { block: name, period })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('monitoring.comparative.comune')}</th>
                    {columns.map((c) => (
                      <th scope="col" key={c.key} className="text-end">
                        {english ? c.labelEn : c.labelIt}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row) => {
                    const total = row.comuneIstat === null;
                    return (
                      <tr
                        key={row.comuneIstat ?? 'total'}
                        className={total ? 'fw-bold border-top border-dark' : undefined}
                        data-total={total || undefined}
                      >
                        <th scope="row">
                          {total ? t('monitoring.comparative.total') : row.comuneName}
                          {!total && row.exact && data.viewer === 'exact_own' && (
                            <span className="d-block small fw-normal">{t('monitoring.comparative.exactRow')}</span>
                          )}
                        </th>
                        {columns.map((c) => (
                          <td key={c.key} className="text-end" data-kind={c.kind}>
                            <CellValue kind={c.kind} value={row.cells[c.key]} />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
