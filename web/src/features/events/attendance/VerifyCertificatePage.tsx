import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/problem';
import { Alert } from '../../../components/Alert';
import { TextField } from '../../../components/FormField';
import { PageHeader } from '../../../components/PageHeader';
import { useProblemMessages } from '../../../lib/problemMessages';
import { useVerifyCertificate } from './api/attendance';

const dateIt = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

/** `/verifica-attestato` (no login): anyone checks a certificate of attendance by its code. */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const verify = useVerifyCertificate();
  const [code, setCode] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')));

  useEffect(() => {
    if (code.trim()) verify.mutate(code.trim());
    // only the code the link brought, once
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (code.trim()) verify.mutate(code.trim());
  }

  const v = verify.data;
  return (
    <>
      <PageHeader title={t('events.attendance.verify.title')} lead={t('events.attendance.verify.lead')} />
      <form onSubmit={submit} className="mb-4" noValidate>
        <TextField
          id="certificate-code"
          label={t('events.attendance.verify.code')}
          hint={t('events.attendance.verify.codeHint')}
          value={code}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={verify.isPending}>
          {t('events.attendance.verify.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {v && (
          <Alert kind="success">
            <p className="fw-bold mb-1">{t('events.attendance.verify.valid')}</p>
            <p className="mb-0">
              {v.holder
                ? t('events.attendance.verify.holder', { name: v.holder })
                : t('events.attendance.verify.holderErased')}
            </p>
            <p className="mb-0">
              {t('events.attendance.verify.event', {
                title: v.eventTitle,
                kind: t(`events.common.kinds.${v.eventKind}`),
                date: dateIt(v.date),
              })}
            </p>
            {v.hours !== null && (
              <p className="mb-0">
                {t('events.attendance.verify.hours', { hours: String(v.hours).replace('.', ',') })}
              </p>
            )}
          </Alert>
        )}
        {verify.isError &&
          (isProblem(verify.error, 'events.link.invalid') ? (
            <Alert kind="danger">{t('events.attendance.verify.invalid')}</Alert>
          ) : (
            <Alert kind="danger">{messageOf(verify.error)}</Alert>
          ))}
      </div>
    </>
  );
}
