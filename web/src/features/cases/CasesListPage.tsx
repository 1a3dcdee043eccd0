import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { CheckboxField, SelectField, TextField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { SearchFilters } from '../../components/SearchFilters';
import { oneOf, useListParams, useListSearch } from '../../lib/listParams';
import { hasPermission, useSession } from '../../lib/session';
import { Permission } from '../../lib/permissions';
import type { CaseManager, CasesQuery } from './api/types';
import { usePilotCases } from './api/find-cases';
import { useCaseManagers } from './api/list-case-managers';
import { CASE_STATUSES, MIN_SEARCH, PAI_STATE_FILTERS, PERMIT_EXPIRY_FILTERS } from './vocab';
import { useCaseLabels, useDay } from './labels';
import { PermitBadge } from './PermitBadge';
import { ImportSection } from './ImportSection';
import { casesExportHref } from './api/export-cases';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function useCasesQuery(): CasesQuery {
  const { get, page, pageSize } = useListParams();
  const query: CasesQuery = { page, pageSize };
  // the server refuses a search shorter than 3 characters: the field says so instead
  if (get('q').length >= MIN_SEARCH) query.q = get('q');
  const status = oneOf(get('status'), CASE_STATUSES);
  if (status !== undefined) query.status = status;
  if (get('mine') === 'true') query.mine = 'true';
  if (UUID.test(get('ownerUserId'))) query.ownerUserId = get('ownerUserId');
  const permitExpiry = oneOf(get('permitExpiry'), PERMIT_EXPIRY_FILTERS);
  if (permitExpiry !== undefined) query.permitExpiry = permitExpiry;
  const paiStatus = oneOf(get('paiStatus'), PAI_STATE_FILTERS);
  if (paiStatus !== undefined) query.paiStatus = paiStatus;
  return query;
}

function Filters({ seesAll, managers }: { seesAll: boolean; managers: CaseManager[] }) {
  const { t } = useTranslation();
  const label = useCaseLabels();
  const { get, update } = useListParams();
  const search = useListSearch();
  const typed = search.text.trim();
  const tooShort = typed.length > 0 && typed.length < MIN_SEARCH;
  return (
    <SearchFilters label={t('cases.list.searchLandmark')} clearTo="/casi" onSubmit={search.submit}>
      <div className="row">
        <div className="col-md-6 col-lg-5">
          <TextField
            id="cases-q"
            type="search"
            label={t('cases.list.search')}
            hint={t('cases.list.searchHint')}
            error={tooShort ? t('cases.caseManager.searchTooShort', { count: MIN_SEARCH }) : undefined}
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
        {seesAll && (
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
      <div className="row">
        {seesAll && (
          <div className="col-md-6 col-lg-4">
            <SelectField
              id="cases-owner"
              label={t('cases.caseManager.filter')}
              emptyOption={t('common.all')}
              value={get('ownerUserId')}
              onChange={(e) => update({ ownerUserId: e.target.value })}
              options={managers.map((m) => ({ value: m.id, label: m.displayName }))}
            />
          </div>
        )}
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="cases-permit-expiry"
            label={t('cases.caseManager.permitExpiry')}
            emptyOption={t('common.all')}
            value={get('permitExpiry')}
            onChange={(e) => update({ permitExpiry: e.target.value })}
            options={PERMIT_EXPIRY_FILTERS.map((f) => ({ value: f, label: t(`cases.caseManager.expiry.${f}`) }))}
          />
        </div>
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="cases-pai"
            label={t('cases.caseManager.paiState')}
            emptyOption={t('common.all')}
            value={get('paiStatus')}
            onChange={(e) => update({ paiStatus: e.target.value })}
            options={PAI_STATE_FILTERS.map((f) => ({
              value: f,
              label: f === 'none' ? t('cases.list.noPai') : label.paiStatus(f),
            }))}
          />
        </div>
      </div>
    </SearchFilters>
  );
}

/** The referente's view of who holds what: open cases per case manager, each a link to their list. */
function CaseLoad({ managers }: { managers: CaseManager[] }) {
  const { t } = useTranslation();
  if (managers.length === 0) return null;
  return (
    <details className="mb-4">
      <summary className="h5 mb-2">{t('cases.caseManager.loadTitle')}</summary>
      <table className="table table-sm w-auto">
        <caption>{t('cases.caseManager.loadCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases.list.owner')}</th>
            <th scope="col" className="text-end">
              {t('cases.caseManager.openCases')}
            </th>
            <th scope="col" className="text-end">
              {t('cases.caseManager.closedCases')}
            </th>
          </tr>
        </thead>
        <tbody>
          {managers.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={`/casi?ownerUserId=${encodeURIComponent(m.id)}`}>{m.displayName}</Link>
              </th>
              <td className="text-end">{m.openCases}</td>
              <td className="text-end">{m.closedCases}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
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
  const managers = useCaseManagers(seesAll).data?.items ?? [];

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
      {seesAll && <CaseLoad managers={managers} />}
      <Filters seesAll={seesAll} managers={managers} />
      <ListResults
        query={cases}
        count={(values) => t('cases.list.count', values)}
        caption={(page) => t('cases.list.caption', { page })}
        columns={
          <>
            <th scope="col">{t('cases.list.pseudonym')}</th>
            <th scope="col">{t('cases.caseManager.holderName')}</th>
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
            <td>{c.holderName}</td>
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
