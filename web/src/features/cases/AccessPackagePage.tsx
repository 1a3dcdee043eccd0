import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { RecordStatus } from '../../components/RecordStatus';
import { accessPackagePdfUrl, accessPackageUrl, useAccessPackageDocument } from './api/get-access-package';

/** The GDPR access package (art. 15) of one person, readable: sections in words, dates the Italian way. */
export function AccessPackagePage() {
  const { t, i18n } = useTranslation();
  const { personId = '' } = useParams();
  const lang = i18n.language === 'en' ? 'en' : 'it';
  const doc = useAccessPackageDocument(personId, lang);
  const crumbs = [{ label: t('cases.list.title'), to: '/casi' }];

  if (doc.isPending || doc.error !== null) {
    return (
      <>
        <PageHeader title={t('cases.accessPackage.title')} breadcrumbs={crumbs} />
        <RecordStatus query={doc} />
      </>
    );
  }
  const d = doc.data;
  return (
    <>
      <PageHeader title={`${d.title} — ${d.pseudonym}`} breadcrumbs={crumbs} lead={d.legalBasis} />
      <p>
        {d.controllerLabel}: <strong>{d.controller}</strong>. {d.generatedOnLabel} {d.generatedOn}.
      </p>
      <div className="d-flex flex-wrap gap-2 mb-4">
        <a className="btn btn-primary" href={accessPackagePdfUrl(personId, lang)} download>
          {t('cases.accessPackage.pdf')}
        </a>
        <a className="btn btn-outline-primary" href={accessPackageUrl(personId)} download>
          {t('cases.accessPackage.json')}
        </a>
      </div>
      {d.sections.map((s) => (
        <section key={s.key} aria-labelledby={`package-${s.key}`} className="mb-4">
          <h2 id={`package-${s.key}`} className="h4">
            {s.title}
          </h2>
          {s.fields.length > 0 ? (
            <dl className="row">
              {s.fields.map((f) => (
                <div key={f.label} className="col-12 d-flex flex-wrap border-bottom py-1">
                  <dt className="col-md-4 fw-semibold">{f.label}</dt>
                  <dd className="col-md-8 mb-0">{f.value}</dd>
                </div>
              ))}
            </dl>
          ) : s.rows.length === 0 ? (
            <p>{d.emptyText}</p>
          ) : (
            <div className="table-responsive">
              <table className="table table-sm">
                <caption className="visually-hidden">{s.title}</caption>
                <thead>
                  <tr>
                    {s.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((c, j) => (
                        <td key={j}>{c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
