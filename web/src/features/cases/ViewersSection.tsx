import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/FormField';
import { QueryError } from '../../components/QueryError';
import { Loading } from '../../components/Loading';
import type { CaseDetail } from './api/types';
import { usePilotPersonViewers } from './api/list-person-viewers';
import { accessPackagePdfUrl } from './api/get-access-package';
import type { components } from '../../api/schema';
import type itLabels from '../../../../server/modules/pilot/shared/labels/it.json';
import { Term } from '../../components/Term';
import { dateFormat } from '../../lib/format';

type Viewer = components['schemas']['PilotViewer'];
type IdentityReadKey = keyof (typeof itLabels)['identityRead'];

/** For the referente: who read a person's data, and that person's GDPR access package. */
export function ViewersSection({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const shortDateTime = (iso: string) =>
    dateFormat(i18n.language === 'en' ? 'en-GB' : 'it-IT', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));
  /** "Mario Operatore (operatore, Comune di Catania) ha stampato il PAI v2" */
  const viewerSentence = (v: Viewer) => {
    const who = v.displayName ?? t('cases.privacy.unknownUser');
    const about = [...v.roles.map((r) => t(`roles.${r}`).toLowerCase()), v.organisation].filter(Boolean).join(', ');
    const did = t(`cases.identityRead.${v.action.replaceAll('.', '_') as IdentityReadKey}`);
    const version = v.paiVersion === null ? '' : ` v${v.paiVersion}`;
    const format = v.format === null ? '' : ` (${t(`cases.privacy.format.${v.format}`)})`;
    return `${who}${about ? ` (${about})` : ''} ${did}${version}${format}`;
  };
  const [personId, setPersonId] = useState(detail.members[0]?.personId ?? '');
  const [shown, setShown] = useState(false);
  const viewers = usePilotPersonViewers(personId, shown && personId !== '');
  const person = detail.members.find((m) => m.personId === personId);
  if (person === undefined) return null;

  return (
    <section aria-labelledby="viewers-title" className="mb-5">
      <h2 id="viewers-title">{t('cases.privacy.title')}</h2>
      <p>
        {t('help.hints.viewers')} <Term id="chi-ha-consultato" /> ·{' '}
        <Term id="pacchetto-accesso">{t('help.terms.pacchetto-accesso.term')}</Term>
      </p>
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
          <Link className="btn btn-outline-primary" to={`/persone/${personId}/accesso`}>
            {t('cases.privacy.open')}
          </Link>
          <a className="btn btn-outline-primary" href={accessPackagePdfUrl(personId, i18n.language)} download>
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
                <ul className="list-unstyled" aria-label={t('cases.privacy.caption', { pseudonym: person.pseudonym })}>
                  {viewers.data.items.map((v, i) => (
                    <li key={`${v.at}-${i}`} className="border-bottom py-2">
                      {viewerSentence(v)} — <time dateTime={v.at}>{shortDateTime(v.at)}</time>
                    </li>
                  ))}
                </ul>
              ))}
          </>
        )}
      </div>
    </section>
  );
}
