/**
 * /eventi/iscrizione#t=<token>: the page the e-mails link to. The token is read from the URL's
 * fragment (never sent to a server in a URL, never in a log) and travels only in request bodies:
 * the page confirms the e-mail (idempotent), shows the registration and lets the participant
 * cancel it.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageHeader';
import { dateFormat } from '../../../lib/format';
import { useProblemMessages } from '../../../lib/problemMessages';
import { byLink } from './api/registrations';
import { RegistrationStatusText } from './RegistrationStatus';

const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('t');

export function RegistrationLinkPage() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const token = tokenOf(window.location.hash);
  // opening the link confirms the e-mail; a registration already in the queue answers its state
  const registration = useQuery({
    queryKey: ['events', 'registrations', 'link', token],
    queryFn: () => byLink.confirm(token!),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const cancel = useMutation({ mutationFn: () => byLink.cancel(token!) });
  // the QR code to show at the entrance, drawn from the server's SVG (an image, no markup in the page)
  const [qr, setQr] = useState<string | null>(null);
  const showQr = useMutation({
    mutationFn: () => byLink.qrSvg(token!),
    onSuccess: (svg) => setQr(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
  });
  const certificate = useMutation({
    mutationFn: () => byLink.certificate(token!),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'attestato.pdf';
      a.click();
      URL.revokeObjectURL(url);
    },
  });
  const current = cancel.data ?? registration.data;
  const live = current && ['CONFERMATA', 'IN_ATTESA', 'DA_CONFERMARE'].includes(current.status);
  return (
    <article>
      <PageHeader title={t('events.registrations.linkTitle')} />
      {token === null ? (
        <Alert kind="warning">{t('events.registrations.noToken')}</Alert>
      ) : registration.isPending ? (
        <Loading />
      ) : registration.isError ? (
        <Alert kind="danger" live="alert">
          {messageOf(registration.error)}
        </Alert>
      ) : current ? (
        <div>
          <h2 className="h4">
            <Link to={`/eventi/${current.event.slug}`}>{current.event.title}</Link>
          </h2>
          <p>
            {dateFormat('it-IT', {
              dateStyle: 'full',
              timeStyle: 'short',
              timeZone: 'Europe/Rome',
            }).format(new Date(current.event.startsAt))}
            {current.event.place ? ` — ${current.event.place}` : ''}
          </p>
          <div role="status">
            <RegistrationStatusText registration={current} />
          </div>
          {current.status === 'CONFERMATA' && !current.certificate && new Date(current.event.endsAt) > new Date() && (
            <div className="mb-3">
              {qr === null ? (
                <button
                  type="button"
                  className="btn btn-outline-primary"
                  disabled={showQr.isPending}
                  onClick={() => showQr.mutate()}
                >
                  {t('events.registrations.qr')}
                </button>
              ) : (
                <img src={qr} alt={t('events.registrations.qrAlt')} width={240} height={240} />
              )}
            </div>
          )}
          {current.certificate && (
            <p>
              <button
                type="button"
                className="btn btn-primary"
                disabled={certificate.isPending}
                onClick={() => certificate.mutate()}
              >
                {t('events.registrations.certificate')}
              </button>
            </p>
          )}
          {(showQr.isError || certificate.isError) && (
            <Alert kind="danger" live="alert">
              {messageOf(showQr.error ?? certificate.error)}
            </Alert>
          )}
          {current.feedback === 'APERTO' && (
            <p>
              <a href={`/eventi/gradimento#t=${encodeURIComponent(token)}`}>{t('events.feedback.mine.answer')}</a>
            </p>
          )}
          {current.feedback === 'INVIATO' && <p>{t('events.feedback.mine.sent')}</p>}
          {cancel.isError && (
            <Alert kind="danger" live="alert">
              {messageOf(cancel.error)}
            </Alert>
          )}
          {live && (
            <button
              type="button"
              className="btn btn-outline-danger"
              disabled={cancel.isPending}
              onClick={() => {
                if (window.confirm(t('events.registrations.cancelConfirm'))) cancel.mutate();
              }}
            >
              {t('events.registrations.cancel')}
            </button>
          )}
        </div>
      ) : null}
    </article>
  );
}
