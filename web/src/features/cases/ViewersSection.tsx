import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/FormField';
import { QueryError } from '../../components/QueryError';
import { Loading } from '../../components/Loading';
import { useFormat } from '../../lib/format';
import type { CaseDetail } from './api/types';
import { usePilotPersonViewers } from './api/list-person-viewers';
import { accessPackageUrl } from './api/get-access-package';

/** For the referente: who read a person's data, and that person's GDPR access package. */
export function ViewersSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const [personId, setPersonId] = useState(detail.members[0]?.personId ?? '');
  const [shown, setShown] = useState(false);
  const viewers = usePilotPersonViewers(personId, shown && personId !== '');
  const person = detail.members.find((m) => m.personId === personId);
  if (person === undefined) return null;

  return (
    <section aria-labelledby="viewers-title" className="mb-5">
      <h2 id="viewers-title">{t('cases.privacy.title')}</h2>
      <div className="row align-items-end">
        <div className="col-md-6">
          <SelectField
            id="viewers-person"
            label={t('cases.privacy.person')}
            value={personId}
            onChange={(e) => setPersonId(e.target.value)}
            options={detail.members.map((m) => ({ value: m.personId, label: m.pseudonym }))}
          />
        </div>
        <div className="col-md-6 mb-4 d-flex flex-wrap gap-2">
          <button
            type="button"
            className="btn btn-outline-primary"
            onClick={() => setShown(true)}
            aria-expanded={shown}
            aria-controls="viewers-list"
          >
            {t('cases.privacy.show')}
          </button>
          <a
            className="btn btn-outline-primary"
            href={accessPackageUrl(personId)}
            download={`accesso-${person.pseudonym}.json`}
          >
            {t('cases.privacy.download')}
          </a>
        </div>
      </div>
      <div id="viewers-list">
        {shown && (
          <>
            <p>{t('cases.privacy.intro', { pseudonym: person.pseudonym })}</p>
            {viewers.isPending && <Loading />}
            {viewers.error !== null && <QueryError error={viewers.error} onRetry={() => void viewers.refetch()} />}
            {viewers.data !== undefined &&
              (viewers.data.items.length === 0 ? (
                <p>{t('cases.privacy.none')}</p>
              ) : (
                <div className="table-responsive">
                  <table className="table table-sm">
                    <caption>{t('cases.privacy.caption', { pseudonym: person.pseudonym })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('cases.privacy.at')}</th>
                        <th scope="col">{t('cases.privacy.who')}</th>
                        <th scope="col">{t('cases.privacy.action')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {viewers.data.items.map((v, i) => (
                        <tr key={`${v.at}-${i}`}>
                          <td>{dateTime(v.at)}</td>
                          <td>{v.displayName ?? t('cases.privacy.unknownUser')}</td>
                          <td>{v.action}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
          </>
        )}
      </div>
    </section>
  );
}
