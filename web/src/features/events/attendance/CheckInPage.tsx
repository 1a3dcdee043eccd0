import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { PageHeader } from '../../../components/PageHeader';
import { postCheckIn, type CheckInResult } from './api/attendance';
import { dequeue, enqueue, parseFragment, readQueue, type QueuedCheckIn } from './checkInQueue';

type Outcome =
  | { kind: 'done'; result: CheckInResult }
  | { kind: 'queued' }
  | { kind: 'invalid' }
  | { kind: 'noSeat'; status: string }
  | { kind: 'refused' };

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('it-IT', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Rome' });

/** A failure worth retrying: no answer at all, or the server's own trouble. */
const retryable = (e: unknown) => !(e instanceof ApiProblem) || e.status >= 500 || e.status === 429;

/**
 * `/eventi-gestione/accoglienza`: the page the participant's QR opens on an organiser's phone. It
 * reads the code from the link's fragment, records the presence and says so in big letters; on a
 * weak connection the check-in waits in a queue on the phone (ids and codes only) and is sent again
 * by itself or on "Riprova".
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(() => readQueue().length);
  const [busy, setBusy] = useState(false);
  const flushing = useRef(false);

  const send = useCallback(async (item: QueuedCheckIn): Promise<Outcome> => {
    try {
      const result = await postCheckIn(item.registrationId, item.code);
      dequeue(item.registrationId);
      return { kind: 'done', result };
    } catch (e) {
      if (retryable(e)) {
        enqueue(item);
        return { kind: 'queued' };
      }
      dequeue(item.registrationId);
      if (e instanceof ApiProblem && e.status === 404) return { kind: 'invalid' };
      if (e instanceof ApiProblem && e.status === 409)
        return { kind: 'noSeat', status: typeof e.context.status === 'string' ? e.context.status : '' };
      return { kind: 'refused' };
    }
  }, []);

  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    setBusy(true);
    try {
      for (const item of readQueue()) {
        const o = await send(item);
        if (o.kind === 'queued') break;
      }
    } finally {
      flushing.current = false;
      setBusy(false);
      setPending(readQueue().length);
    }
  }, [send]);

  useEffect(() => {
    const fromLink = parseFragment(window.location.hash);
    let cancelled = false;
    void (async () => {
      if (fromLink) {
        // the code leaves the address bar (and the history) once read
        window.history.replaceState(null, '', window.location.pathname + window.location.search);
        setBusy(true);
        const o = await send(fromLink);
        if (!cancelled) setOutcome(o);
        setBusy(false);
        setPending(readQueue().length);
      }
      await flush();
    })();
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    const timer = window.setInterval(() => {
      if (readQueue().length) void flush();
    }, 20_000);
    return () => {
      cancelled = true;
      window.removeEventListener('online', onOnline);
      window.clearInterval(timer);
    };
  }, [send, flush]);

  return (
    <>
      <PageHeader title={t('events.attendance.checkIn.title')} lead={t('events.attendance.checkIn.lead')} />
      <div aria-live="polite" role="status" className="mb-4">
        {busy && !outcome && <p className="h4">{t('events.attendance.checkIn.sending')}</p>}
        {outcome?.kind === 'done' && !outcome.result.already && (
          <div className="callout success p-4 border border-success rounded">
            <p className="display-6 fw-bold text-success mb-0">
              {t('events.attendance.checkIn.recorded', { name: outcome.result.fullName ?? '—' })}
            </p>
          </div>
        )}
        {outcome?.kind === 'done' && outcome.result.already && (
          <div className="p-4 border border-warning rounded">
            <p className="display-6 fw-bold mb-0">
              {t('events.attendance.checkIn.already', {
                time: outcome.result.attendedAt ? time(outcome.result.attendedAt) : '—',
              })}
            </p>
            <p className="h4 mt-2 mb-0">{outcome.result.fullName ?? ''}</p>
          </div>
        )}
        {outcome?.kind === 'queued' && (
          <div className="p-4 border border-warning rounded">
            <p className="h3 fw-bold mb-0">{t('events.attendance.checkIn.queued')}</p>
          </div>
        )}
        {outcome?.kind === 'invalid' && (
          <div className="p-4 border border-danger rounded">
            <p className="h3 fw-bold text-danger mb-0">{t('events.attendance.checkIn.invalid')}</p>
          </div>
        )}
        {outcome?.kind === 'noSeat' && (
          <div className="p-4 border border-danger rounded">
            <p className="h3 fw-bold text-danger mb-0">
              {t('events.attendance.checkIn.noSeat', {
                status: outcome.status
                  ? t(
                      `events.common.registrationStatuses.${outcome.status}` as 'events.common.registrationStatuses.CONFERMATA',
                    )
                  : '—',
              })}
            </p>
          </div>
        )}
        {outcome?.kind === 'refused' && (
          <div className="p-4 border border-danger rounded">
            <p className="h3 fw-bold text-danger mb-0">{t('events.attendance.checkIn.refused')}</p>
          </div>
        )}
        {!outcome && !busy && <p>{t('events.attendance.checkIn.noCode')}</p>}
      </div>
      <section aria-labelledby="checkin-queue">
        <h2 id="checkin-queue" className="h5">
          {t('events.attendance.checkIn.queueTitle')}
        </h2>
        <p data-testid="checkin-pending">{t('events.attendance.checkIn.pending', { count: pending })}</p>
        <button type="button" className="btn btn-primary" disabled={busy || pending === 0} onClick={() => void flush()}>
          {t('events.attendance.checkIn.retry')}
        </button>
      </section>
    </>
  );
}
