import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { eventKinds, type EventKind } from '../../../lib/event-vocabulary';
import { useRegions } from '../../../lib/lookups';
import {
  useCancelEvent,
  useCreateEvent,
  useEvent,
  usePublishEvent,
  useUpdateEvent,
  type EventCreate,
  type EventDetail,
} from './api/events';
import { romeInstant, romeWallClock, useEventProblem } from './words';

interface FormState {
  kind: string;
  title: string;
  summary: string;
  programme: string;
  audience: string;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  closesDay: string;
  closesTime: string;
  place: string;
  onlineUrl: string;
  regionCode: string;
  capacity: string;
  hours: string;
}

function stateOf(e: EventDetail | undefined): FormState {
  const start = romeWallClock(e?.startsAt);
  const end = romeWallClock(e?.endsAt);
  const closes = romeWallClock(e?.registrationClosesAt);
  return {
    kind: e?.kind ?? '',
    title: e?.title ?? '',
    summary: e?.summary ?? '',
    programme: e?.programme ?? '',
    audience: e?.audience ?? '',
    startDay: start.day,
    startTime: start.time || '10:00',
    endDay: end.day,
    endTime: end.time || '17:00',
    closesDay: closes.day,
    closesTime: closes.time,
    place: e?.place ?? '',
    onlineUrl: e?.onlineUrl ?? '',
    regionCode: e?.regionCode ?? '',
    capacity: e ? String(e.capacity) : '30',
    hours: e?.certificateHours != null ? String(e.certificateHours) : '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** /eventi-gestione/nuovo and /eventi-gestione/:eventId: the organisers' form; publish and cancel an existing event. */
export function EventEditPage() {
  const { eventId = '' } = useParams();
  const event = useEvent(eventId);
  if (eventId === '') return <EventForm />;
  if (event.isPending) return <Loading />;
  if (event.isError) return <QueryError error={event.error} onRetry={() => void event.refetch()} />;
  return <EventForm key={event.data.id} event={event.data} />;
}

function EventForm({ event }: { event?: EventDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const problem = useEventProblem();
  const regions = useRegions();
  const create = useCreateEvent();
  const updateEvent = useUpdateEvent(event?.id ?? '');
  const publish = usePublishEvent(event?.id ?? '');
  const cancel = useCancelEvent(event?.id ?? '');
  const [f, setF] = useState<FormState>(() => stateOf(event));
  const [dateError, setDateError] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const editable = !event || event.status === 'BOZZA' || event.status === 'PUBBLICATO';
  const write = event ? updateEvent : create;
  const error = [write, publish, cancel].find((m) => m.isError)?.error;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const startsAt = romeInstant(f.startDay, f.startTime);
    const endsAt = romeInstant(f.endDay || f.startDay, f.endTime);
    const closes = f.closesDay.trim() ? romeInstant(f.closesDay, f.closesTime || '23:59') : null;
    if (!startsAt || !endsAt || (f.closesDay.trim() && !closes)) {
      setDateError(true);
      return;
    }
    setDateError(false);
    const body: EventCreate = {
      kind: f.kind as EventKind,
      title: f.title,
      summary: f.summary,
      programme: orNull(f.programme),
      audience: orNull(f.audience),
      startsAt,
      endsAt,
      place: orNull(f.place),
      onlineUrl: orNull(f.onlineUrl),
      regionCode: orNull(f.regionCode),
      capacity: Number(f.capacity),
      registrationClosesAt: closes,
      certificateHours: f.hours.trim() ? Number(f.hours.replace(',', '.')) : null,
    };
    if (event)
      updateEvent.mutate(
        { ...body, rowVersion: event.rowVersion },
        { onSuccess: () => setNotice(t('events.events.form.saved')) },
      );
    else create.mutate(body, { onSuccess: (created) => void navigate(`/eventi-gestione/${created.id}`) });
  };

  return (
    <>
      <PageHeader
        title={event ? event.title : t('events.events.form.newTitle')}
        documentTitle={event ? `${t('events.events.form.editTitle')}: ${event.title}` : undefined}
        breadcrumbs={[{ to: '/eventi-gestione', label: t('events.events.admin.title') }]}
      />
      {notice && (
        <Alert kind="success" live="status">
          {notice}
        </Alert>
      )}
      {error !== undefined && (
        <Alert kind="danger" live="alert">
          {problem(error)}
        </Alert>
      )}
      {event && (
        <section aria-labelledby="evento-stato" className="mb-4">
          <h2 id="evento-stato" className="h4">
            {t('events.events.form.status')}: {t(`events.common.statuses.${event.status}`)}
          </h2>
          <p>
            {t('events.events.form.counts', {
              confirmed: event.confirmed,
              waiting: event.waiting,
              toConfirm: event.toConfirm,
              seatsLeft: event.seatsLeft,
            })}
          </p>
          {event.status === 'BOZZA' ? (
            <>
              <p>{t('events.events.form.draftNote')}</p>
              <button
                type="button"
                className="btn btn-primary"
                disabled={publish.isPending}
                onClick={() =>
                  publish.mutate(event.rowVersion, { onSuccess: () => setNotice(t('events.events.form.published')) })
                }
              >
                {t('events.events.form.publish')}
              </button>
            </>
          ) : (
            <p>
              <Link to={`/eventi/${event.slug}`}>{t('events.events.form.publicLink')}</Link>
            </p>
          )}
          {event.cancelledReason && <p>{t('events.events.page.cancelledReason', { reason: event.cancelledReason })}</p>}
        </section>
      )}
      {editable && (
        <form onSubmit={submit} noValidate>
          <h2 className="h4">{event ? t('events.events.form.editTitle') : t('events.events.form.newTitle')}</h2>
          {dateError && (
            <Alert kind="danger" live="alert">
              {t('events.events.form.badDate')}
            </Alert>
          )}
          <div className="row">
            <div className="col-md-4">
              <SelectField
                id="event-kind"
                label={t('events.events.form.kind')}
                emptyOption={t('events.events.form.chooseKind')}
                value={f.kind}
                onChange={set('kind')}
                required
                options={eventKinds.map((k) => ({ value: k, label: t(`events.common.kinds.${k}`) }))}
              />
            </div>
            <div className="col-md-8">
              <TextField
                id="event-title"
                label={t('events.events.form.title')}
                value={f.title}
                onChange={set('title')}
                required
                minLength={3}
                maxLength={300}
              />
            </div>
          </div>
          <TextAreaField
            id="event-summary"
            label={t('events.events.form.summary')}
            value={f.summary}
            onChange={set('summary')}
            required
            maxLength={2000}
          />
          <TextAreaField
            id="event-programme"
            label={t('events.events.form.programme')}
            hint={t('events.events.form.programmeHint')}
            value={f.programme}
            onChange={set('programme')}
            rows={6}
            maxLength={20000}
          />
          <TextField
            id="event-audience"
            label={t('events.events.form.audience')}
            value={f.audience}
            onChange={set('audience')}
            maxLength={1000}
          />
          <div className="row">
            <div className="col-md-3">
              <TextField
                id="event-start-day"
                label={t('events.events.form.startDay')}
                hint={t('events.events.form.dayHint')}
                value={f.startDay}
                onChange={set('startDay')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="event-start-time"
                label={t('events.events.form.startTime')}
                hint={t('events.events.form.timeHint')}
                value={f.startTime}
                onChange={set('startTime')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="event-end-day"
                label={t('events.events.form.endDay')}
                hint={t('events.events.form.dayHint')}
                value={f.endDay}
                onChange={set('endDay')}
                inputMode="numeric"
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="event-end-time"
                label={t('events.events.form.endTime')}
                hint={t('events.events.form.timeHint')}
                value={f.endTime}
                onChange={set('endTime')}
                inputMode="numeric"
                required
              />
            </div>
          </div>
          <div className="row">
            <div className="col-md-6">
              <TextField
                id="event-place"
                label={t('events.events.form.place')}
                hint={t('events.events.form.placeHint')}
                value={f.place}
                onChange={set('place')}
                maxLength={300}
              />
            </div>
            <div className="col-md-6">
              <TextField
                id="event-online"
                label={t('events.events.form.onlineUrl')}
                value={f.onlineUrl}
                onChange={set('onlineUrl')}
                inputMode="url"
                maxLength={500}
              />
            </div>
          </div>
          <div className="row">
            <div className="col-md-4">
              <SelectField
                id="event-region"
                label={t('events.events.form.region')}
                emptyOption={t('events.events.form.noRegion')}
                value={f.regionCode}
                onChange={set('regionCode')}
                options={(regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
              />
            </div>
            <div className="col-md-4">
              <TextField
                id="event-capacity"
                label={t('events.events.form.capacity')}
                value={f.capacity}
                onChange={set('capacity')}
                inputMode="numeric"
                required
              />
            </div>
            <div className="col-md-4">
              <TextField
                id="event-hours"
                label={t('events.events.form.hours')}
                hint={t('events.events.form.hoursHint')}
                value={f.hours}
                onChange={set('hours')}
                inputMode="decimal"
              />
            </div>
          </div>
          <div className="row">
            <div className="col-md-3">
              <TextField
                id="event-closes-day"
                label={t('events.events.form.closesDay')}
                hint={t('events.events.form.closesHint')}
                value={f.closesDay}
                onChange={set('closesDay')}
                inputMode="numeric"
              />
            </div>
            <div className="col-md-3">
              <TextField
                id="event-closes-time"
                label={t('events.events.form.closesTime')}
                hint={t('events.events.form.timeHint')}
                value={f.closesTime}
                onChange={set('closesTime')}
                inputMode="numeric"
              />
            </div>
          </div>
          <button type="submit" className="btn btn-primary" disabled={write.isPending}>
            {event ? t('events.events.form.save') : t('events.events.form.create')}
          </button>
        </form>
      )}
      {event?.status === 'PUBBLICATO' && (
        <section aria-labelledby="evento-annulla" className="mt-5">
          <h2 id="evento-annulla" className="h4">
            {t('events.events.form.cancelTitle')}
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              cancel.mutate(
                { reason, rowVersion: event.rowVersion },
                { onSuccess: () => setNotice(t('events.events.form.cancelled')) },
              );
            }}
          >
            <TextAreaField
              id="event-cancel-reason"
              label={t('events.events.form.cancelReason')}
              hint={t('events.events.form.cancelHint')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              minLength={3}
              maxLength={1000}
            />
            <button type="submit" className="btn btn-danger" disabled={cancel.isPending || reason.trim().length < 3}>
              {t('events.events.form.cancel')}
            </button>
          </form>
        </section>
      )}
    </>
  );
}
