import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/FormField';
import { ListResults } from '../../components/ListResults';
import { Alert } from '../../components/Alert';
import { QueryError } from '../../components/QueryError';
import { useListParams } from '../../lib/listParams';
import { usePilotComuni } from './api/find-pilot-comuni';
import { usePseudonymisedRecords } from './api/find-pseudonymised-records';
import { useMonitoringFormat } from './format';
import type { PseudonymisedRecord } from './types';

/** A value that is not there: a dash, read out as "not applicable". */
function NotApplicable() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('common.notApplicable')}</span>
    </>
  );
}

/** "2026-Q2" → "2° trimestre 2026"; anything else as it is. */
function useQuarter() {
  const { t } = useTranslation();
  return (value: string) => {
    const match = /^(\d{4})-Q([1-4])$/.exec(value);
    return match === null ? value : t('monitoring.records.quarter', { year: match[1], quarter: match[2] });
  };
}

function RecordRow({ record }: { record: PseudonymisedRecord }) {
  const { t } = useTranslation();
  const format = useMonitoringFormat();
  const quarter = useQuarter();
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  return (
    <tr>
      <th scope="row" className="text-nowrap">
        {record.pseudonym}
      </th>
      <td>
        {t(`monitoring.roles.${record.role}`)}
        {record.role === 'familiare' && record.degree !== null && (
          <> ({t('monitoring.records.degreeOf', { degree: record.degree })})</>
        )}
      </td>
      <td>{t(`monitoring.sex.${record.sex}`)}</td>
      <td>
        {record.ageBand === null ? <NotApplicable /> : t('monitoring.records.ageBandOf', { band: record.ageBand })}
      </td>
      <td>{t(`monitoring.caseStatus.${record.caseStatus}`)}</td>
      <td>{quarter(record.openedQuarter)}</td>
      <td>{yesNo(record.admitted)}</td>
      <td>{record.paiStatus === null ? <NotApplicable /> : t(`monitoring.paiStatus.${record.paiStatus}`)}</td>
      <td>{format.count(record.measures)}</td>
      <td>{yesNo(record.hasContract)}</td>
      <td>{record.exitReason === null ? <NotApplicable /> : t(`monitoring.exitReason.${record.exitReason}`)}</td>
    </tr>
  );
}

/**
 * The pseudonymised rows of one pilot Comune, for ANCI/Cittalia technical assistance (shown only
 * to holders of pilot.pseudonymised.read): the Comune and the page live in the URL.
 */
export function PseudonymisedRecords() {
  const { t } = useTranslation();
  const { get, update, page, pageSize } = useListParams();
  const comuni = usePilotComuni(true);
  const options = (comuni.data?.items ?? []).map((c) => ({ value: c.istatCode, label: c.name }));
  const chosen = /^\d{6}$/.test(get('comune')) ? get('comune') : '';
  const comuneName = options.find((o) => o.value === chosen)?.label ?? chosen;
  const records = usePseudonymisedRecords(chosen, page, pageSize);

  return (
    <section aria-labelledby="records-title" className="mt-5">
      <h2 id="records-title">{t('monitoring.records.title')}</h2>
      <Alert kind="info" className="mb-4">
        <p className="mb-2">{t('monitoring.records.noIdentity')}</p>
        <p className="mb-0">{t('monitoring.records.audited')}</p>
      </Alert>
      <h3 className="h5">{t('monitoring.records.extractTitle')}</h3>
      <p>{t('monitoring.records.extractText')}</p>
      <p className="mb-4">
        <a className="btn btn-outline-primary" href="/api/v1/pilot/comparative/extract" download>
          {t('monitoring.records.extractLink')}
        </a>
      </p>
      {comuni.error !== null && <QueryError error={comuni.error} onRetry={() => void comuni.refetch()} />}
      <div className="row">
        <div className="col-md-6 col-lg-4">
          <SelectField
            id="records-comune"
            label={t('monitoring.records.comune')}
            emptyOption={t('monitoring.records.chooseComune')}
            value={chosen}
            onChange={(e) => update({ comune: e.target.value })}
            options={options}
            disabled={comuni.isPending}
          />
        </div>
      </div>
      {chosen === '' ? (
        <p>{t('monitoring.records.pickFirst')}</p>
      ) : (
        <ListResults
          query={records}
          hover={false}
          busy={records.isFetching}
          count={(values) => t('monitoring.records.count', { ...values, comune: comuneName })}
          caption={(p) => t('monitoring.records.caption', { comune: comuneName, page: p })}
          columns={
            <>
              <th scope="col">{t('monitoring.records.pseudonym')}</th>
              <th scope="col">{t('monitoring.records.role')}</th>
              <th scope="col">{t('monitoring.records.sex')}</th>
              <th scope="col">{t('monitoring.records.ageBand')}</th>
              <th scope="col">{t('monitoring.records.caseStatus')}</th>
              <th scope="col">{t('monitoring.records.openedQuarter')}</th>
              <th scope="col">{t('monitoring.records.admitted')}</th>
              <th scope="col">{t('monitoring.records.paiStatus')}</th>
              <th scope="col">{t('monitoring.records.measures')}</th>
              <th scope="col">{t('monitoring.records.hasContract')}</th>
              <th scope="col">{t('monitoring.records.exitReason')}</th>
            </>
          }
          // a person may belong to more than one case of the Comune: one row each
          row={(record) => (
            <RecordRow
              key={`${record.pseudonym}/${record.openedQuarter}/${record.caseStatus}/${record.role}`}
              record={record}
            />
          )}
        />
      )}
    </section>
  );
}
