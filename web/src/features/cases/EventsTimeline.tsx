import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './api/types';
import { useCaseLabels, useDay } from './labels';
import { useWorld } from '../../lib/world';

/** The case's events, newest first, in the UI language (the server sends the words in both). */
export function EventsTimeline({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const day = useDay();
  const world = useWorld();
  const events = [...detail.events].sort((a, b) =>
    a.occurredOn === b.occurredOn ? b.id - a.id : b.occurredOn.localeCompare(a.occurredOn),
  );
  return (
    <section aria-labelledby="events-title" className="mb-5">
      <h2 id="events-title">{t('cases.events.title')}</h2>
      {events.length === 0 ? (
        <p>{t('cases.events.none')}</p>
      ) : (
        <ol className="list-unstyled">
          {events.map((e) => (
            <li key={e.id} className="mb-2 border-start border-3 ps-3">
              <strong>{day(e.occurredOn)}</strong> – {label.eventType(e.type)}
              {e.pseudonym !== null && <> ({e.pseudonym})</>}
              {e.fromStatus !== null && e.toStatus !== null && (
                <>
                  {' '}
                  {t('cases.events.transition', {
                    from: label.caseStatus(e.fromStatus),
                    to: label.caseStatus(e.toStatus),
                  })}
                </>
              )}
              {e.line !== null && <span className="d-block">{e.line[world.lang]}</span>}
              {e.note !== null && e.note !== '' && <span className="d-block">{e.note}</span>}
              {e.actor !== null && <span className="d-block small">{t('cases.events.by', { name: e.actor })}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
