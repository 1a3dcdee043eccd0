/** The search form of the knowledge base (words and topic, kept in the address), shared by the logged-in and the public page. */
import { useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/FormField';
import { topics, type Topic } from '../requests/api/requests';

export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const topicParam = params.get('tema') ?? '';
  const topic = (topics as readonly string[]).includes(topicParam) ? (topicParam as Topic) : undefined;
  const set = (next: Record<string, string>) =>
    setParams(
      (p) => {
        const out = new URLSearchParams(p);
        for (const [k, v] of Object.entries(next)) {
          if (v) out.set(k, v);
          else out.delete(k);
        }
        return out;
      },
      { replace: true },
    );
  return { q, topic, params, set };
}

export function SearchForm({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation();
  const { q, topic, set } = useSearchState();
  const [words, setWords] = useState(q);
  return (
    <form
      role="search"
      className="row g-3 mb-3"
      onSubmit={(e) => {
        e.preventDefault();
        set({ q: words.trim() });
      }}
    >
      <div className="col-md-6">
        <TextField
          id="kb-q"
          type="search"
          label={t('helpdesk.answers.search.words')}
          hint={t('helpdesk.answers.search.wordsHint')}
          value={words}
          maxLength={200}
          onChange={(e) => setWords(e.target.value)}
        />
      </div>
      <div className="col-md-4">
        <SelectField
          id="kb-topic"
          label={t('helpdesk.answers.search.topic')}
          value={topic ?? ''}
          emptyOption={t('helpdesk.answers.search.allTopics')}
          options={topics.map((x) => ({ value: x, label: t(`helpdesk.common.topics.${x}`) }))}
          onChange={(e) => set({ tema: e.target.value })}
        />
      </div>
      <div className="col-md-2 d-flex align-items-start pt-md-4">
        <button type="submit" className="btn btn-primary">
          {t('helpdesk.answers.search.submit')}
        </button>
      </div>
      {extra}
    </form>
  );
}

/** One hit: the question as a link, the topic, the beginning of the answer. */
export function Hit({ to, question, topic, excerpt }: { to: string; question: string; topic: Topic; excerpt: string }) {
  const { t } = useTranslation();
  return (
    <li className="mb-4">
      <h2 className="h5 mb-1">
        <Link to={to}>{question}</Link>
      </h2>
      <p className="small text-uppercase fw-semibold mb-1">{t(`helpdesk.common.topics.${topic}`)}</p>
      <p className="mb-0">{excerpt.length >= 280 ? `${excerpt}…` : excerpt}</p>
    </li>
  );
}
