import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/problem';
import { Alert } from '../../../components/Alert';
import { SelectField, TextAreaField, TextField } from '../../../components/FormField';
import { ListResults } from '../../../components/ListResults';
import { useNotify } from '../../../components/Notifications';
import { PageHeader } from '../../../components/PageHeader';
import { SearchFilters } from '../../../components/SearchFilters';
import { dayFormat, localeOf, useFormat } from '../../../lib/format';
import { oneOf, useListParams } from '../../../lib/listParams';
import { Permission } from '../../../lib/permissions';
import { useProblemMessages } from '../../../lib/problemMessages';
import { hasPermission, useSession } from '../../../lib/session';
import { useBounceMessage } from './api/bounce-message';
import { useDispatchMessages } from './api/dispatch-messages';
import { useSurveyMessages } from './api/list-messages';
import { MESSAGE_STATUSES, type MessagesQuery, type SurveyMessage } from './types';

const statusBadge: Record<SurveyMessage['status'], string> = {
  in_invio: 'bg-secondary',
  inviato: 'bg-success',
  fallito: 'bg-danger',
  rimbalzato: 'bg-warning text-dark',
};

function useMessagesQuery(): MessagesQuery {
  const { get, page, pageSize } = useListParams();
  const query: MessagesQuery = { page, pageSize };
  const status = oneOf(get('status'), MESSAGE_STATUSES);
  if (status !== undefined) query.status = status;
  if (/^\d{6}$/.test(get('comune'))) query.comune = get('comune');
  return query;
}

/** The form that marks one delivered message as bounced, with the reason read in the bounce. */
function BounceForm({ waveId, message, onDone }: { waveId: string; message: SurveyMessage; onDone: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { messageOf } = useProblemMessages();
  const bounce = useBounceMessage(waveId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setError(t('surveys.messages.log.reasonRequired'));
      return;
    }
    setError(undefined);
    bounce.mutate(
      { messageId: message.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notify(t('surveys.messages.log.bounced', { address: message.toAddress }));
          onDone();
        },
      },
    );
  };

  return (
    <section aria-labelledby="bounce-title" className="my-5">
      <h2 id="bounce-title" ref={heading} tabIndex={-1}>
        {t('surveys.messages.log.bounceTitle')}
      </h2>
      <p>
        {message.comuneName} · {message.toAddress}
      </p>
      {bounce.error !== null && (
        <Alert kind="danger" live="alert">
          {messageOf(bounce.error)}
        </Alert>
      )}
      <form noValidate onSubmit={submit} className="incas-form">
        <TextAreaField
          id="bounce-reason"
          label={t('surveys.messages.log.reason')}
          hint={t('surveys.messages.log.reasonHint')}
          required
          maxLength={1000}
          value={reason}
          error={error}
          onChange={(e) => setReason(e.target.value)}
        />
        <div className="d-flex gap-2">
          <button type="submit" className="btn btn-primary" disabled={bounce.isPending}>
            {t('surveys.messages.log.markBounced')}
          </button>
          <button type="button" className="btn btn-outline-secondary" onClick={onDone}>
            {t('surveys.messages.log.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Sends what is due now, and says what went out. */
function DispatchButton({ waveId }: { waveId: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { messageOf } = useProblemMessages();
  const dispatch = useDispatchMessages(waveId);
  return (
    <>
      <button
        type="button"
        className="btn btn-primary"
        disabled={dispatch.isPending}
        onClick={() =>
          dispatch.mutate(undefined, {
            onSuccess: (r) =>
              notify(
                r.comuni === 0
                  ? t('surveys.messages.log.nothingDue')
                  : t('surveys.messages.log.dispatched', { sent: r.sent, failed: r.failed, comuni: r.comuni }),
              ),
          })
        }
      >
        {t('surveys.messages.log.dispatch')}
      </button>
      {dispatch.error !== null && (
        <Alert kind="danger" live="alert" className="mt-3">
          {dispatch.error instanceof ApiProblem && dispatch.error.code === 'surveys.message.no_relay'
            ? t('surveys.messages.log.noRelay')
            : messageOf(dispatch.error)}
        </Alert>
      )}
    </>
  );
}

/** `/indagini/rilevazioni/:waveId/messaggi`: every invitation and reminder of a wave, by Comune. */
export function MessagesLogPage() {
  const { t, i18n } = useTranslation();
  const { waveId = '' } = useParams();
  const me = useSession();
  const format = useFormat();
  const day = dayFormat(localeOf(i18n.resolvedLanguage ?? i18n.language));
  const { get, update } = useListParams();
  const canManage = hasPermission(me, Permission.surveysWavesManage);
  const messages = useSurveyMessages(waveId, useMessagesQuery());
  const [bouncing, setBouncing] = useState<SurveyMessage | null>(null);
  const [comune, setComune] = useState(get('comune'));

  return (
    <>
      <PageHeader
        title={t('surveys.messages.log.title')}
        lead={t('surveys.messages.log.lead')}
        breadcrumbs={[
          { label: t('surveys.messages.wave'), to: `/indagini/rilevazioni/${waveId}` },
          { label: t('surveys.messages.phone.title'), to: `/indagini/rilevazioni/${waveId}/contatti-telefonici` },
        ]}
      >
        {canManage && <DispatchButton waveId={waveId} />}
      </PageHeader>
      {bouncing !== null && (
        <BounceForm key={bouncing.id} waveId={waveId} message={bouncing} onDone={() => setBouncing(null)} />
      )}
      <SearchFilters
        label={t('surveys.messages.log.filters')}
        clearTo={`/indagini/rilevazioni/${waveId}/messaggi`}
        onSubmit={(e) => {
          e.preventDefault();
          update({ comune: /^\d{6}$/.test(comune.trim()) ? comune.trim() : '' });
        }}
      >
        <div className="row">
          <div className="col-md-6 col-lg-4">
            <TextField
              id="filter-comune"
              label={t('surveys.messages.log.comuneCode')}
              hint={t('surveys.messages.log.comuneCodeHint')}
              inputMode="numeric"
              pattern="\d{6}"
              maxLength={6}
              value={comune}
              onChange={(e) => setComune(e.target.value)}
            />
          </div>
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="filter-status"
              label={t('surveys.messages.log.status')}
              emptyOption={t('surveys.messages.all')}
              value={get('status')}
              onChange={(e) => update({ status: e.target.value })}
              options={MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`surveys.messages.status.${s}`) }))}
            />
          </div>
        </div>
        <button type="submit" className="btn btn-outline-primary">
          {t('surveys.messages.log.apply')}
        </button>
      </SearchFilters>
      <ListResults
        query={messages}
        hover={false}
        busy={messages.isFetching}
        count={(values) => t('surveys.messages.log.count', values)}
        caption={(page) => t('surveys.messages.log.caption', { page })}
        columns={
          <>
            <th scope="col">{t('surveys.messages.log.comune')}</th>
            <th scope="col">{t('surveys.messages.log.message')}</th>
            <th scope="col">{t('surveys.messages.log.address')}</th>
            <th scope="col">{t('surveys.messages.log.dueOn')}</th>
            <th scope="col">{t('surveys.messages.log.sentAt')}</th>
            <th scope="col">{t('surveys.messages.log.status')}</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">{t('surveys.messages.log.actions')}</span>
              </th>
            )}
          </>
        }
        row={(m) => (
          <tr key={m.id} className={m.status === 'fallito' || m.status === 'rimbalzato' ? 'table-warning' : undefined}>
            <th scope="row">{m.comuneName}</th>
            <td>
              {m.kind === 'invito'
                ? t('surveys.messages.kind.invito')
                : t('surveys.messages.kind.sollecito', { step: m.step })}
            </td>
            <td className="text-break">{m.toAddress}</td>
            <td>{day.format(new Date(`${m.dueOn}T00:00:00Z`))}</td>
            <td>{m.sentAt === null ? '—' : format.dateTime(m.sentAt)}</td>
            <td>
              <span className={`badge ${statusBadge[m.status]}`}>{t(`surveys.messages.status.${m.status}`)}</span>
              {m.error !== null && (
                <p className="small mb-0 mt-1">
                  {m.status === 'rimbalzato' ? t('surveys.messages.log.bounceReason') : t('surveys.messages.log.relay')}{' '}
                  {m.error}
                </p>
              )}
            </td>
            {canManage && (
              <td>
                {m.status === 'inviato' && (
                  <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setBouncing(m)}>
                    {t('surveys.messages.log.markBounced')}
                    <span className="visually-hidden">
                      : {m.comuneName}, {m.toAddress}
                    </span>
                  </button>
                )}
              </td>
            )}
          </tr>
        )}
      />
    </>
  );
}
