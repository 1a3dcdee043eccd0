import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { TextField } from '../../components/FormField';
import type { TermId } from '../../components/Term';
import { groupByLetter, matchTerms, type GlossaryEntry } from './glossary';
import itHelp from './i18n/it.json';

/** Every term of the catalogue, in its order. */
const TERM_IDS = Object.keys(itHelp.terms) as TermId[];

/** The term a link asked for (/glossario#pai), if it is one of ours. */
function termOf(hash: string): string | null {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  return (TERM_IDS as readonly string[]).includes(id) ? id : null;
}

/**
 * The glossary: every term of the catalogue with its definition, in alphabetical groups, and a
 * search that filters as one types. A link to /glossario#<id> clears the search, scrolls to the
 * term and moves the focus there, so a screen-reader user lands on the definition they asked for.
 */
export function GlossaryPage() {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [query, setQuery] = useState('');
  const target = termOf(hash);

  // A new #term shows every term again (the one asked for may be filtered out).
  const [seenHash, setSeenHash] = useState(hash);
  if (seenHash !== hash) {
    setSeenHash(hash);
    setQuery('');
  }

  useEffect(() => {
    if (target === null) return undefined;
    // After the layout's own focus move on navigation, and once the page is drawn.
    const timer = window.setTimeout(() => {
      const element = document.getElementById(target);
      element?.scrollIntoView({ block: 'start' });
      element?.focus({ preventScroll: true });
    }, 0);
    return () => window.clearTimeout(timer);
  }, [target, hash]);

  // 45 short entries: read again on each render, so a language switch needs nothing more
  const entries: GlossaryEntry[] = TERM_IDS.map((id) => ({
    id,
    term: t(`help.terms.${id}.term`),
    definition: t(`help.terms.${id}.definition`),
  }));
  const shown = matchTerms(entries, query);
  const groups = groupByLetter(shown, language);
  const filtering = query.trim() !== '';

  return (
    <>
      <PageHeader title={t('help.title')} lead={t('help.lead')} />
      <form role="search" onSubmit={(e) => e.preventDefault()} className="row">
        <div className="col-md-8 col-lg-6">
          <TextField
            id="glossary-search"
            type="search"
            label={t('help.search')}
            hint={t('help.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      </form>
      <p role="status" className="fw-semibold">
        {filtering
          ? t('help.countOf', { count: shown.length, total: entries.length })
          : t('help.count', { count: entries.length })}
      </p>
      {shown.length === 0 && (
        <div className="mb-4">
          <p>{t('help.none', { query: query.trim() })}</p>
          <button type="button" className="btn btn-outline-primary" onClick={() => setQuery('')}>
            {t('help.clear')}
          </button>
        </div>
      )}
      {groups.map((group) => {
        const headingId = `glossario-lettera-${group.letter === '0–9' ? 'numeri' : group.letter.toLowerCase()}`;
        return (
          <section key={group.letter} aria-labelledby={headingId} className="mb-4">
            <h2 id={headingId} className="h4 border-bottom pb-1">
              <span aria-hidden="true">{group.letter}</span>
              <span className="visually-hidden">{t('help.letter', { letter: group.letter })}</span>
            </h2>
            <dl className="incas-glossary">
              {group.entries.map((entry) => (
                <div key={entry.id} className={entry.id === target ? 'incas-glossary-current' : undefined}>
                  <dt id={entry.id} tabIndex={-1}>
                    {entry.term}
                  </dt>
                  <dd>{entry.definition}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}
