/** Export of the Comune's cases as XLSX, in Italian or English. */
import { accessOf, type Ctx } from '../../../platform/context.js';
import { assertCan, can } from '../../../platform/policy.js';
import { recordAudit } from '../../audit/index.js';
import { comuneOf, seesAllCases, todayOf } from '../shared/access.js';
import { selectCasesForExport } from './io.repo.js';
import { selectComuneName } from '../shared/comuni.repo.js';
import { openIdentity } from '../shared/identity.js';
import { labelOf, type LabelLanguage } from '../shared/labels.js';
import { formatDateIt } from '../shared/dates.js';
import { tableToXlsx } from '../../../platform/xlsx.js';

/** The headings of the cases export in each language (the values are labelled by the catalogue). */
const exportText = {
  it: {
    title: 'Casi del pilota art. 18-ter —',
    extracted: 'Estratto del',
    identity: 'contiene dati identificativi: trattare con riservatezza',
    pseudonymised: 'pseudonimizzato',
    note: 'Dati personali: uso riservato al Comune titolare del trattamento.',
    rowHeader: 'Pseudonimo',
    sheet: 'Casi',
    identityGroup: 'Dati identificativi',
    caseGroup: 'Caso',
    yes: 'sì',
    no: 'no',
    columns: {
      surname: 'Cognome',
      givenNames: 'Nomi',
      birthDate: 'Data di nascita',
      codiceFiscale: 'Codice fiscale',
      status: 'Stato',
      openedOn: 'Presa in carico',
      admittedOn: 'Ammissione',
      closedOn: 'Chiusura',
      exitReason: 'Motivo di uscita',
      members: 'Componenti',
      inSai: 'In SAI',
      owner: 'Operatore',
    },
  },
  en: {
    title: 'Cases of the art. 18-ter pilot —',
    extracted: 'Extracted on',
    identity: 'contains identifying data: handle confidentially',
    pseudonymised: 'pseudonymised',
    note: 'Personal data: for the use of the Comune, the data controller, only.',
    rowHeader: 'Pseudonym',
    sheet: 'Cases',
    identityGroup: 'Identifying data',
    caseGroup: 'Case',
    yes: 'yes',
    no: 'no',
    columns: {
      surname: 'Surname',
      givenNames: 'Given names',
      birthDate: 'Date of birth',
      codiceFiscale: 'Codice fiscale',
      status: 'Status',
      openedOn: 'Taken in charge',
      admittedOn: 'Admission',
      closedOn: 'Closure',
      exitReason: 'Exit reason',
      members: 'Members',
      inSai: 'In SAI',
      owner: 'Case worker',
    },
  },
} satisfies Record<LabelLanguage, unknown>;

/**
 * The Comune's cases as XLSX (an operatore's own). Identity columns only for the roles entitled
 * to export identity (the referente); the export is audited. In `lang` (Italian by default): the
 * headings, the dates (gg/mm/aaaa in Italian, ISO in English), and the statuses and exit reasons
 * from the label catalogue.
 */
export async function exportCases(ctx: Ctx, lang: LabelLanguage = 'it'): Promise<{ filename: string; body: Buffer }> {
  assertCan(ctx.actor, 'pilot.cases.read');
  const comune = comuneOf(ctx.actor);
  const withIdentity = can(ctx.actor, 'pilot.cases.export');
  const ownerOnly = seesAllCases(ctx.actor) ? null : ctx.actor.userId;
  const { list: rows, comuneName } = await ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const list = await selectCasesForExport(tx, ownerOnly);
    await recordAudit(tx, ctx, {
      action: 'pilot.case.export',
      entityType: 'pilot_export',
      tenantComune: comune,
      details: { cases: list.length, identity: withIdentity },
    });
    return { list, comuneName: (await selectComuneName(tx, comune)) ?? comune };
  });
  const x = exportText[lang];
  // gg/mm/aaaa in Italian; the unambiguous ISO form in English
  const day = (d: string | null) => (d === null ? null : lang === 'it' ? formatDateIt(d) : d);
  const col = (key: keyof typeof x.columns, group: string) => ({ key, label: x.columns[key], group });
  const identityCols = withIdentity
    ? [
        col('surname', x.identityGroup),
        col('givenNames', x.identityGroup),
        col('birthDate', x.identityGroup),
        col('codiceFiscale', x.identityGroup),
      ]
    : [];
  const body = await tableToXlsx(
    {
      title: `${x.title} Comune di ${comuneName}`,
      subtitle: `${x.extracted} ${day(todayOf(ctx))} — ${withIdentity ? x.identity : x.pseudonymised}`,
      note: x.note,
      rowHeader: x.rowHeader,
      columns: [
        ...identityCols,
        col('status', x.caseGroup),
        col('openedOn', x.caseGroup),
        col('admittedOn', x.caseGroup),
        col('closedOn', x.caseGroup),
        col('exitReason', x.caseGroup),
        col('members', x.caseGroup),
        col('inSai', x.caseGroup),
        col('owner', x.caseGroup),
      ],
      rows: rows.map((r) => {
        const id = withIdentity ? openIdentity(ctx.cipher, r.holder_id, r.identity_enc) : null;
        return {
          label: r.pseudonym,
          cells: {
            ...(id
              ? {
                  surname: id.surname,
                  givenNames: id.givenNames,
                  birthDate: day(id.birthDate),
                  codiceFiscale: id.codiceFiscale,
                }
              : {}),
            status: labelOf(lang, 'caseStatus', r.status),
            openedOn: day(r.opened_on),
            admittedOn: day(r.admitted_on),
            closedOn: day(r.closed_on),
            exitReason: r.exit_reason ? labelOf(lang, 'exitReason', r.exit_reason) : null,
            members: r.members,
            inSai: r.in_sai ? x.yes : x.no,
            owner: r.owner,
          },
        };
      }),
    },
    { sheetName: x.sheet, creator: 'InCaS' },
  );
  return { filename: `casi-${comune}-${todayOf(ctx)}.xlsx`, body };
}
