import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { FormTotpCode, totpCodeSchema } from '../../components/CredentialFields';
import { FormSummary } from '../../components/SchemaFields';
import { Alert } from '../../components/Alert';
import { useNotify } from '../../components/Notifications';
import { useProblemMessages } from '../../lib/problemMessages';
import { SchemaFormProvider, useSchemaForm } from '../../lib/schemaForm';
import type { TotpSetup } from '../../api/models';
import { useConfirmTotp, useSetupTotp } from './api/totp';

/**
 * The QR code arrives as SVG text from our own server. It is shown through an <img> data URL
 * rather than injected into the DOM, so nothing in it can run or style the page.
 */
function qrImageSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to copy by hand. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

const confirmSchema = (t: TFunction) => z.object({ code: totpCodeSchema(t) });

function ConfirmStep({ setup }: { setup: TotpSetup }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const confirm = useConfirmTotp();
  const form = useSchemaForm({ schema: confirmSchema, defaultValues: { code: '' } });

  const onSubmit = form.submit(async ({ code }) => {
    await confirm.mutateAsync(code);
    notify(t('profile.totpEnabledNow'));
  });

  return (
    <>
      <ol>
        <li>{t('profile.totpStep1')}</li>
        <li>
          {t('profile.totpStep2')}
          <div className="my-3">
            <img src={qrImageSrc(setup.qrSvg)} alt={t('profile.qrAlt')} width={200} height={200} className="incas-qr" />
          </div>
          <p className="mb-1">{t('profile.manualEntry')}</p>
          <p>
            <code className="incas-secret">{groupSecret(setup.secret)}</code>
          </p>
        </li>
        <li>{t('profile.totpStep3')}</li>
      </ol>
      <SchemaFormProvider form={form}>
        <FormSummary />
        <form noValidate onSubmit={onSubmit} className="incas-form">
          <FormTotpCode name="code" id="totp-code" />
          <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
            {t('profile.totpConfirm')}
          </button>
        </form>
      </SchemaFormProvider>
    </>
  );
}

export function TotpSection({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const { messageOf } = useProblemMessages();
  const setup = useSetupTotp();

  return (
    <section aria-labelledby="totp-title" className="mb-5">
      <h2 id="totp-title">{t('profile.totpTitle')}</h2>
      {enabled ? (
        <Alert kind="success">{t('profile.totpActive')}</Alert>
      ) : setup.data !== undefined ? (
        <ConfirmStep setup={setup.data} />
      ) : (
        <>
          <p>{t('profile.totpExplanation')}</p>
          {setup.error !== null && (
            <Alert kind="danger" live="alert">
              {messageOf(setup.error)}
            </Alert>
          )}
          <button type="button" className="btn btn-primary" onClick={() => setup.mutate()} disabled={setup.isPending}>
            {t('profile.totpStart')}
          </button>
        </>
      )}
    </section>
  );
}
