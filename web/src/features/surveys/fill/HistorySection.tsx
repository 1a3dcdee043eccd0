import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Form } from '../../../lib/form-engine';
import { questionLabels } from './questionLabels';
import { useHistory } from './api/responses';

const text = (v: unknown): string =>
  v === undefined || v === null || v === ''
    ? '—'
    : typeof v === 'string' || typeof v === 'number'
      ? String(v)
      : JSON.stringify(v);

/** State changes, answer changes after the first submission and flags, for the Comune and the reviewers. */
export function HistorySection({ responseId, form }: { responseId: string; form?: Form }) {
  const { t, i18n } = useTranslation();
  const labelOf = questionLabels(form, i18n.language === 'en' ? 'en' : 'it');
  const format = useFormat();
  const history = useHistory(responseId);
  if (!history.data) return null;
  const { events, changes } = history.data;
  const who = (by: string | null, byLink: boolean) => (byLink ? t('surveys.fill.history.byLink') : (by ?? '—'));
  return (
    <section aria-labelledby="history-title" className="my-5">
      <h2 id="history-title" className="h4">
        {t('surveys.fill.history.title')}
      </h2>
      <table className="table table-sm">
        <caption>{t('surveys.fill.history.events')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.fill.history.when')}</th>
            <th scope="col">{t('surveys.fill.state')}</th>
            <th scope="col">{t('surveys.fill.history.who')}</th>
            <th scope="col">{t('surveys.fill.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{format.dateTime(e.at)}</td>
              <td>{t(`surveys.fill.states.${e.to}`)}</td>
              <td>{who(e.by, e.byLink)}</td>
              <td>{e.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {changes.length > 0 && (
        <table className="table table-sm">
          <caption>{t('surveys.fill.history.changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('surveys.fill.history.when')}</th>
              <th scope="col">{t('surveys.fill.conflict.question')}</th>
              <th scope="col">{t('surveys.fill.history.old')}</th>
              <th scope="col">{t('surveys.fill.history.new')}</th>
              <th scope="col">{t('surveys.fill.history.who')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.id}>
                <td>{format.dateTime(c.at)}</td>
                <td>{labelOf(c.question)}</td>
                <td>{text(c.oldValue)}</td>
                <td>{text(c.newValue)}</td>
                <td>{who(c.by, c.byLink)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
