import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './api/types';
import { useDay } from './labels';
import { useWorld } from '../../lib/world';

/**
 * "Dati identificativi": the only place of the case file that shows names, birth dates and
 * contacts. Whoever can open the case file is entitled to them (the server refuses the file to
 * every other role).
 */
export function IdentityPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const day = useDay();
  const world = useWorld();
  const missing = t('cases.identity.missing');
  return (
    <section aria-labelledby="identity-title" className="mb-5 p-3 border border-2 rounded">
      <h2 id="identity-title">{t('cases.identity.title')}</h2>
      <p>{t('cases.identity.intro')}</p>
      <div className="row">
        {detail.members.map((m) => (
          <div className="col-md-6 col-lg-4 mb-3" key={m.personId}>
            <h3 className="h6">
              {m.pseudonym} – {t(`cases.role.${m.role}`)}
            </h3>
            <dl className="mb-0">
              <dt>{t('cases.identity.name')}</dt>
              <dd>
                {m.identity.surname} {m.identity.givenNames}
              </dd>
              <dt>{t('cases.person.birthDate')}</dt>
              <dd>{day(m.identity.birthDate)}</dd>
              <dt>{t('cases.person.birthCountry')}</dt>
              <dd>{world.country(m.birthCountry)}</dd>
              <dt>{t('cases.person.codiceFiscale')}</dt>
              <dd>{m.identity.codiceFiscale ?? missing}</dd>
              <dt>{t('cases.person.phone')}</dt>
              <dd>{m.identity.phone ?? missing}</dd>
              <dt>{t('cases.person.email')}</dt>
              <dd>{m.identity.email ?? missing}</dd>
              <dt>{t('cases.person.address')}</dt>
              <dd>{m.identity.address ?? missing}</dd>
            </dl>
          </div>
        ))}
      </div>
    </section>
  );
}
