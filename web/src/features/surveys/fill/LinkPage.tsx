import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { isProblem } from '../../../api/problem';
import { fillKeys } from './api/keys';
import { linkApi, readLinkToken } from './api/link';
import { ResponseEditor } from './ResponseEditor';

/**
 * The questionnaire of a Comune without an account, opened by its personal link (/q#<token>):
 * the token leaves the address bar at once, stays in this tab only and travels in a header.
 */
export function LinkPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('surveys.fill.link.title'));
  const [token] = useState(readLinkToken);
  const response = useQuery({
    queryKey: fillKeys.link,
    queryFn: () => linkApi.get(token!),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
  });
  const downloadPdf = async () => {
    const blob = await linkApi.pdf(token!);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'questionario.pdf';
    a.click();
    URL.revokeObjectURL(url);
  };
  const invalid = token === null || (response.isError && isProblem(response.error, 'surveys.link.invalid'));
  return (
    <div className="container my-4">
      <h1>
        {response.data
          ? `${response.data.wave.surveyTitle} – ${response.data.comune.name}`
          : t('surveys.fill.link.title')}
      </h1>
      {invalid && (
        <Alert kind="danger" live="alert">
          <p className="mb-0">{t('surveys.fill.link.invalid')}</p>
        </Alert>
      )}
      {!invalid && response.isPending && <Loading />}
      {!invalid && response.isError && (
        <Alert kind="danger" live="alert">
          <p className="mb-0">{t('surveys.fill.link.error')}</p>
        </Alert>
      )}
      {response.data && (
        <>
          <p className="lead">{t('surveys.fill.link.lead', { wave: response.data.wave.title })}</p>
          <ResponseEditor
            key={`${response.data.state}-${response.data.reviewRound}`}
            response={response.data}
            save={(body) => linkApi.save(token!, body)}
            reload={() => linkApi.get(token!)}
            submit={(declaration) => linkApi.submit(token!, declaration)}
            onSubmitted={() => void response.refetch()}
            draft={{ userId: 'link', name: `survey.link.${response.data.id}` }}
            sessionEnded={false}
            pdf={
              <button type="button" className="btn btn-outline-primary" onClick={() => void downloadPdf()}>
                {t('surveys.fill.pdf')}
              </button>
            }
          />
        </>
      )}
    </div>
  );
}
