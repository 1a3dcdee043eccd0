/**
 * The GDPR access package (art. 15) in words: one document model, built from the package's data,
 * that the web page shows and the tagged PDF prints. Sections and fields are named in the reader's
 * language, values labelled from the pilot's catalogue, dates and amounts written the Italian way.
 * Pure: no I/O, no clock.
 */
import { escapeHtml } from '../../../platform/pdf.js';
import { formatDateIt } from '../shared/dates.js';
import type { Identity } from '../shared/identity.js';
import { identityReadKey, type IdentityReadAction } from '../shared/identity-reads.js';
import { labelOf, type LabelGroup, type LabelGroups, type LabelLanguage } from '../shared/labels.js';
import type { AccessPackageDocument, AccessPackageSection } from './cases.schema.js';
import { PRINT_CSS } from '../shared/print-css.js';

/** The package's data, as the service reads it. */
export interface AccessPackageData {
  generatedAt: string;
  controller: string;
  person: {
    pseudonym: string;
    identity: Identity;
    sex: string;
    birthYear: number;
    birthCountry: string;
    nationalities: string[];
    languages: string[];
    registeredAt: string;
    roleInHousehold: string;
    relationToHolder: string | null;
  };
  case: { status: string; openedOn: string; closedOn: string | null; exitReason: string | null };
  permits: {
    basis: string;
    questura: string;
    number: string | null;
    issuedOn: string | null;
    expiresOn: string | null;
    status: string;
  }[];
  admissions: { status: string; decidedOn: string; reason: string; endedOn: string | null }[];
  pais: {
    version: number;
    status: string;
    sharedOn: string | null;
    approvedOn: string | null;
    closedOn: string | null;
  }[];
  measures: {
    type: string;
    providerName: string | null;
    startOn: string | null;
    endOn: string | null;
    costPlanned: number | null;
    costActual: number | null;
    status: string;
  }[];
  contracts: { type: string; ateco: string; startOn: string; endOn: string | null }[];
  outcomes: { kind: string; occurredOn: string; employed: boolean | null }[];
  events: { type: string; occurredOn: string; note: string | null }[];
  accessLog: { at: string; by: string | null; action: IdentityReadAction; version: string | null }[];
}

const words = {
  it: {
    title: 'Accesso ai dati personali (art. 15 GDPR)',
    legalBasis: 'Art. 15 Regolamento (UE) 2016/679 (GDPR). I dati dei familiari non sono inclusi (art. 15, par. 4).',
    controller: 'Titolare del trattamento',
    generatedOn: 'Prodotto il',
    none: 'Nessun dato.',
    yes: 'sì',
    no: 'no',
    unknownUser: 'utente non più presente',
    sections: {
      person: 'Dati della persona',
      case: 'Presa in carico',
      permits: 'Permessi di soggiorno',
      admissions: 'Ammissioni alle misure',
      pais: 'Programmi di Assistenza Individuale (PAI)',
      measures: 'Misure',
      contracts: 'Contratti di lavoro',
      outcomes: 'Esiti',
      events: 'Eventi del percorso',
      accessLog: 'Chi ha consultato i dati',
    },
    f: {
      pseudonym: 'Pseudonimo',
      surname: 'Cognome',
      givenNames: 'Nomi',
      birthDate: 'Data di nascita',
      codiceFiscale: 'Codice fiscale',
      phone: 'Telefono',
      email: 'E-mail',
      address: 'Indirizzo',
      sex: 'Sesso',
      birthYear: 'Anno di nascita',
      birthCountry: 'Paese di nascita',
      nationalities: 'Cittadinanze',
      languages: 'Lingue',
      registeredAt: 'Registrata il',
      role: 'Ruolo nel nucleo',
      relation: 'Relazione con il titolare',
      status: 'Stato',
      openedOn: 'Presa in carico il',
      closedOn: 'Chiusura',
      exitReason: 'Motivo di uscita',
      basis: 'Tipo',
      questura: 'Questura',
      number: 'Numero',
      issuedOn: 'Rilascio',
      expiresOn: 'Scadenza',
      decidedOn: 'Decisione',
      reason: 'Motivazione',
      endedOn: 'Fine',
      version: 'Versione',
      sharedOn: 'Condiviso il',
      approvedOn: 'Approvato il',
      type: 'Tipo',
      provider: 'Ente',
      startOn: 'Inizio',
      endOn: 'Fine',
      costPlanned: 'Costo previsto',
      costActual: 'Costo effettivo',
      ateco: 'Codice ATECO',
      kind: 'Esito',
      occurredOn: 'Data',
      employed: 'Occupato',
      note: 'Nota',
      at: 'Data e ora',
      who: 'Utente',
      action: 'Operazione',
    },
    holder: 'titolare',
    member: 'familiare',
    admission: { ammesso: 'ammesso', revocato: 'revocato', cessato: 'cessato' } as Record<string, string>,
    outcome: {
      certificato: 'certificazione conseguita',
      assegno_inclusione: 'Assegno di inclusione',
      autonomia_abitativa: 'autonomia abitativa',
      follow_up_6: 'follow-up a 6 mesi',
      follow_up_12: 'follow-up a 12 mesi',
    } as Record<string, string>,
  },
  en: {
    title: 'Access to personal data (art. 15 GDPR)',
    legalBasis: "Art. 15 Regulation (EU) 2016/679 (GDPR). Family members' data are not included (art. 15(4)).",
    controller: 'Data controller',
    generatedOn: 'Produced on',
    none: 'No data.',
    yes: 'yes',
    no: 'no',
    unknownUser: 'user no longer present',
    sections: {
      person: 'Personal data',
      case: 'Case',
      permits: 'Residence permits',
      admissions: 'Admissions to the measures',
      pais: 'Individual Assistance Programmes (PAI)',
      measures: 'Measures',
      contracts: 'Employment contracts',
      outcomes: 'Outcomes',
      events: 'Events',
      accessLog: 'Who viewed the data',
    },
    f: {
      pseudonym: 'Pseudonym',
      surname: 'Surname',
      givenNames: 'Given names',
      birthDate: 'Date of birth',
      codiceFiscale: 'Tax code',
      phone: 'Phone',
      email: 'E-mail',
      address: 'Address',
      sex: 'Sex',
      birthYear: 'Year of birth',
      birthCountry: 'Country of birth',
      nationalities: 'Citizenships',
      languages: 'Languages',
      registeredAt: 'Registered on',
      role: 'Role in the household',
      relation: 'Relation to the holder',
      status: 'Status',
      openedOn: 'Opened on',
      closedOn: 'Closed on',
      exitReason: 'Exit reason',
      basis: 'Type',
      questura: 'Questura',
      number: 'Number',
      issuedOn: 'Issued on',
      expiresOn: 'Expires on',
      decidedOn: 'Decided on',
      reason: 'Reason',
      endedOn: 'Ended on',
      version: 'Version',
      sharedOn: 'Shared on',
      approvedOn: 'Approved on',
      type: 'Type',
      provider: 'Provider',
      startOn: 'Start',
      endOn: 'End',
      costPlanned: 'Planned cost',
      costActual: 'Actual cost',
      ateco: 'ATECO code',
      kind: 'Outcome',
      occurredOn: 'Date',
      employed: 'Employed',
      note: 'Note',
      at: 'Date and time',
      who: 'User',
      action: 'Operation',
    },
    holder: 'holder',
    member: 'family member',
    admission: { ammesso: 'admitted', revocato: 'revoked', cessato: 'ended' } as Record<string, string>,
    outcome: {
      certificato: 'certificate obtained',
      assegno_inclusione: 'Assegno di inclusione',
      autonomia_abitativa: 'housing autonomy',
      follow_up_6: '6-month follow-up',
      follow_up_12: '12-month follow-up',
    } as Record<string, string>,
  },
} satisfies Record<LabelLanguage, unknown>;

const dash = '—';
const date = (d: string | null) => (d ? formatDateIt(d.slice(0, 10)) : dash);
const euro = (n: number | null) =>
  n === null ? dash : new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }).format(n);

/** 'GG/MM/AAAA, hh:mm' in Italian time. */
export function formatDateTimeIt(iso: string): string {
  return new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** A catalogue label, or the value when the catalogue does not know it (the value is never lost). */
function label<G extends LabelGroup>(lang: LabelLanguage, group: G, value: string | null): string {
  return value === null ? dash : labelOf(lang, group, value as LabelGroups[G]);
}

/** A code written as a sentence ("PRESA_IN_CARICO" → "Presa in carico"). */
function sentence(code: string): string {
  const s = code.toLowerCase().replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function languageName(lang: LabelLanguage, code: string, type: 'language' | 'region'): string {
  try {
    return new Intl.DisplayNames([lang], { type }).of(type === 'region' ? code.toUpperCase() : code) ?? code;
  } catch {
    return code;
  }
}

/** The package as a document in words, in `lang`. */
export function toAccessPackageDocument(d: AccessPackageData, lang: LabelLanguage = 'it'): AccessPackageDocument {
  const w = words[lang];
  const f = w.f;
  const fields = (key: keyof typeof w.sections, pairs: [string, string][]): AccessPackageSection => ({
    key,
    title: w.sections[key],
    fields: pairs.map(([l, value]) => ({ label: l, value: value === '' ? dash : value })),
    columns: [],
    rows: [],
  });
  const table = (key: keyof typeof w.sections, columns: string[], rows: string[][]): AccessPackageSection => ({
    key,
    title: w.sections[key],
    fields: [],
    columns,
    rows,
  });
  const p = d.person;
  const id = p.identity;
  return {
    lang,
    title: w.title,
    legalBasis: w.legalBasis,
    controllerLabel: w.controller,
    controller: d.controller,
    generatedOnLabel: w.generatedOn,
    generatedOn: formatDateTimeIt(d.generatedAt),
    pseudonym: p.pseudonym,
    emptyText: w.none,
    sections: [
      fields('person', [
        [f.pseudonym, p.pseudonym],
        [f.surname, id.surname],
        [f.givenNames, id.givenNames],
        [f.birthDate, date(id.birthDate)],
        [f.codiceFiscale, id.codiceFiscale ?? dash],
        [f.phone, id.phone ?? dash],
        [f.email, id.email ?? dash],
        [f.address, id.address ?? dash],
        [f.sex, label(lang, 'sex', p.sex)],
        [f.birthYear, String(p.birthYear)],
        [f.birthCountry, languageName(lang, p.birthCountry, 'region')],
        [f.nationalities, p.nationalities.map((c) => languageName(lang, c, 'region')).join(', ')],
        [f.languages, p.languages.map((c) => languageName(lang, c, 'language')).join(', ')],
        [f.registeredAt, date(p.registeredAt)],
        [f.role, p.roleInHousehold === 'titolare' ? w.holder : w.member],
        [f.relation, label(lang, 'relation', p.relationToHolder)],
      ]),
      fields('case', [
        [f.status, label(lang, 'caseStatus', d.case.status)],
        [f.openedOn, date(d.case.openedOn)],
        [f.closedOn, date(d.case.closedOn)],
        [f.exitReason, label(lang, 'exitReason', d.case.exitReason)],
      ]),
      table(
        'permits',
        [f.basis, f.questura, f.number, f.issuedOn, f.expiresOn, f.status],
        d.permits.map((r) => [
          label(lang, 'permitBasis', r.basis),
          r.questura,
          r.number ?? dash,
          date(r.issuedOn),
          date(r.expiresOn),
          label(lang, 'permitStatus', r.status),
        ]),
      ),
      table(
        'admissions',
        [f.status, f.decidedOn, f.reason, f.endedOn],
        d.admissions.map((r) => [w.admission[r.status] ?? r.status, date(r.decidedOn), r.reason, date(r.endedOn)]),
      ),
      table(
        'pais',
        [f.version, f.status, f.sharedOn, f.approvedOn, f.closedOn],
        d.pais.map((r) => [
          String(r.version),
          label(lang, 'paiStatus', r.status),
          date(r.sharedOn),
          date(r.approvedOn),
          date(r.closedOn),
        ]),
      ),
      table(
        'measures',
        [f.type, f.provider, f.startOn, f.endOn, f.costPlanned, f.costActual, f.status],
        d.measures.map((r) => [
          label(lang, 'measureType', r.type),
          r.providerName ?? dash,
          date(r.startOn),
          date(r.endOn),
          euro(r.costPlanned),
          euro(r.costActual),
          label(lang, 'measureStatus', r.status),
        ]),
      ),
      table(
        'contracts',
        [f.type, f.ateco, f.startOn, f.endOn],
        d.contracts.map((r) => [label(lang, 'contractType', r.type), r.ateco, date(r.startOn), date(r.endOn)]),
      ),
      table(
        'outcomes',
        [f.kind, f.occurredOn, f.employed],
        d.outcomes.map((r) => [
          w.outcome[r.kind] ?? r.kind,
          date(r.occurredOn),
          r.employed === null ? dash : r.employed ? w.yes : w.no,
        ]),
      ),
      table(
        'events',
        [f.occurredOn, f.type, f.note],
        d.events.map((r) => [date(r.occurredOn), sentence(r.type), r.note ?? dash]),
      ),
      table(
        'accessLog',
        [f.at, f.who, f.action],
        d.accessLog.map((r) => [
          formatDateTimeIt(r.at),
          r.by ?? w.unknownUser,
          labelOf(lang, 'identityRead', identityReadKey(r.action)) + (r.version ? ` v${r.version}` : ''),
        ]),
      ),
    ],
  };
}

/** The document as an accessible HTML page (the PDF's source): every value escaped. */
export function renderAccessPackageHtml(doc: AccessPackageDocument): string {
  const e = escapeHtml;
  const section = (s: AccessPackageSection) => {
    const h = `<h2>${e(s.title)}</h2>`;
    if (s.fields.length)
      return `${h}<dl>${s.fields.map((x) => `<dt>${e(x.label)}</dt><dd>${e(x.value)}</dd>`).join('')}</dl>`;
    if (!s.rows.length) return `${h}<p>${e(doc.emptyText)}</p>`;
    return `${h}<table><thead><tr>${s.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>${s.rows
      .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  };
  return `<!DOCTYPE html>
<html lang="${e(doc.lang)}"><head><meta charset="utf-8"><title>${e(doc.title)} – ${e(doc.pseudonym)}</title>
<style>${PRINT_CSS}</style></head>
<body><main>
<h1>${e(doc.title)}</h1>
<p>${e(doc.legalBasis)}</p>
<p>${e(doc.controllerLabel)}: ${e(doc.controller)}. ${e(doc.generatedOnLabel)} ${e(doc.generatedOn)}.</p>
${doc.sections.map(section).join('\n')}
</main></body></html>`;
}
