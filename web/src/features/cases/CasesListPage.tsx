import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CheckboxField, SelectField, TextField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { SearchFilters } from '../../components/SearchFilters';
import { oneOf, useListParams, useListSearch } from '../../lib/listParams';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import type { CasesQuery } from './api/types';
import { usePilotCases } from './api/find-cases';
import { CASE_STATUSES } from './vocab';
import { useCaseLabels, useDay } from './labels';
import { PermitBadge } from './PermitBadge';
import { ImportSection } from './ImportSection';
import { casesExportHref } from './api/export-cases';

function useCasesQuery(): CasesQuery {
  const { get, page, pageSize } = useListParams();
  const query: CasesQuery = { page, pageSize };
  if (get('q') !== '') query.q = get('q');
  const status = oneOf(get('status'), CASE_STATUSES);
  if (status !== undefined) query.status = status;
  if (get('mine') === 'true') query.mine = 'true';
  return query;
}

function Filters({ showMine }: { showMine: boolean }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const { get, update } = useListParams();
  const search = useListSearch();
  return (
    <SearchFilters label={t('cases.list.searchLandmark')} clearTo="/casi" onSubmit={search.submit}>
      <div className="row">
        <div className="col-md-6 col-lg-5">
          <TextField
            id="cases-q"
            type="search"
            label={t('cases.list.search')}
            hint={t('cases.list.searchHint')}
            value={search.text}
            onChange={(e) => search.setText(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="cases-status"
            label={t('cases.list.status')}
            emptyOption={t('common.all')}
            value={get('status')}
            onChange={(e) => update({ status: e.target.value })}
            options={CASE_STATUSES.map((s) => ({ value: s, label: label.caseStatus(s) }))}
          />
        </div>
        {showMine && (
          <div className="col-md-6 col-lg-3 pt-lg-4">
            <CheckboxField
              id="cases-mine"
              label={t('cases.list.mine')}
              checked={get('mine') === 'true'}
              onChange={(e) => update({ mine: e.target.checked ? 'true' : '' })}
            />
          </div>
        )}
      </div>
    </SearchFilters>
  );
}

export function CasesListPage() {
  const { t, i18n } = useTranslation();
  const label = useCaseLabels();
  const day = useDay();
  const me = useSession();
  const cases = usePilotCases(useCasesQuery());
  // an operatore sees only their own cases anyway; "mine" narrows the referente's view
  const seesAll = hasPermission(me, Permission.pilotCasesDecide);

  return (
    <>
      <PageHeader title={t('cases.list.title')}>
        <div className="d-flex flex-wrap gap-2">
          {hasPermission(me, Permission.pilotCasesWrite) && (
            <Link to="/casi/nuovo" className="btn btn-primary">
              {t('cases.list.create')}
            </Link>
          )}
          <Link to="/segnalazioni" className="btn btn-outline-primary">
            {t('cases.list.referrals')}
          </Link>
          <a
            href={casesExportHref(i18n.language)}
            download
            className="btn btn-outline-primary"
            aria-describedby="cases-export-note"
          >
            {t('cases.list.export')}
          </a>
        </div>
        <p id="cases-export-note" className="small mt-2 mb-0">
          {hasPermission(me, Permission.pilotCasesExport)
            ? t('cases.list.exportNoteIdentity')
            : t('cases.list.exportNote')}
        </p>
      </PageHeader>
      {hasPermission(me, Permission.pilotCasesWrite) && <ImportSection />}
      <Filters showMine={seesAll} />
      <ListResults
        query={cases}
        count={(values) => t('cases.list.count', values)}
        caption={(page) => t('cases.list.caption', { page })}
        columns={
          <>
            <th scope="col">{t('cases.list.pseudonym')}</th>
            <th scope="col">{t('cases.list.status')}</th>
            <th scope="col">{t('cases.list.openedOn')}</th>
            <th scope="col">{t('cases.list.owner')}</th>
            <th scope="col">{t('cases.list.members')}</th>
            <th scope="col">{t('cases.list.permit')}</th>
            <th scope="col">{t('cases.list.pai')}</th>
          </>
        }
        row={(c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link to={`/casi/${c.id}`}>{c.pseudonym}</Link>
            </th>
            <td>{label.caseStatus(c.status)}</td>
            <td>{day(c.openedOn)}</td>
            <td>{c.ownerName}</td>
            <td>{c.members}</td>
            <td>
              <PermitBadge status={c.permitStatus} expiresOn={c.permitExpiresOn} />
            </td>
            <td>{c.paiStatus === null ? t('cases.list.noPai') : label.paiStatus(c.paiStatus)}</td>
          </tr>
        )}
      />
    </>
  );
}
