import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { CustomTypeOptions } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * A term of the glossary: its key in the help catalogue (features/help/i18n), so an id that is not
 * there fails to compile.
 */
export type TermId = keyof CustomTypeOptions['resources']['translation']['help']['terms'];

/**
 * A link to a term of the glossary (/glossario#<id>). The definition is its accessible
 * description (aria-describedby on a hidden copy, read by screen readers on focus) and its
 * tooltip for the mouse; following the link shows it on the glossary page, for everyone.
 * Without children the link says "Cos'è?", with the term for screen readers.
 */
export function Term({ id, children }: { id: TermId; children?: ReactNode }) {
  const { t } = useTranslation();
  const descriptionId = useId();
  const term = t(`help.terms.${id}.term`);
  const definition = t(`help.terms.${id}.definition`);
  return (
    <>
      <Link
        to={{ pathname: '/glossario', hash: id }}
        className="incas-term"
        title={definition}
        aria-describedby={descriptionId}
        data-term={id}
      >
        {children ?? (
          <>
            {t('help.whatIs')}
            <span className="visually-hidden"> ({term})</span>
          </>
        )}
      </Link>
      {/* hidden: left out of the text around it, still read as the link's description */}
      <span id={descriptionId} hidden>
        {definition}
      </span>
    </>
  );
}

/**
 * "Come leggere la tabella": the definitions of a few terms, folded under a summary, with the
 * same words as the glossary.
 */
export function TermDefinitions({ ids, summary }: { ids: readonly TermId[]; summary?: string }) {
  const { t } = useTranslation();
  return (
    <details className="mb-3">
      <summary className="text-primary">{summary ?? t('help.readTable')}</summary>
      <dl className="incas-glossary mt-2">
        {ids.map((id) => (
          <div key={id}>
            <dt>
              {t(`help.terms.${id}.term`)}{' '}
              <Link to={{ pathname: '/glossario', hash: id }} className="fw-normal small" data-term={id}>
                {t('help.inGlossary')}
                <span className="visually-hidden"> ({t(`help.terms.${id}.term`)})</span>
              </Link>
            </dt>
            <dd>{t(`help.terms.${id}.definition`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
