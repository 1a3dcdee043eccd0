import type { Rules } from './api/types';

/**
 * The rules a new call starts from when none is copied: the FAMI letters most calls use, the
 * auditor's 7% of direct costs, and the usual documents and payment means, to be completed in the
 * draft before it is published (domain.md §5.1).
 */
export function starterRules(): Rules {
  const year = new Date().getFullYear();
  return {
    eligibility: { from: `${year}-01-01`, to: `${year + 1}-12-31` },
    categories: [
      { code: 'A', labelIt: 'Personale', direct: true, flatRate: false, pettyCash: false },
      { code: 'B', labelIt: 'Viaggi e soggiorno', direct: true, flatRate: false, pettyCash: false },
      { code: 'F', labelIt: 'Affidamenti e subcontratti', direct: true, flatRate: false, pettyCash: false },
      { code: 'H', labelIt: 'Costi per i destinatari', direct: true, flatRate: false, pettyCash: false },
      { code: 'G1', labelIt: 'Revisore indipendente', direct: false, flatRate: false, pettyCash: false },
    ],
    caps: [{ id: 'g1', labelIt: 'G1 Revisore', categories: ['G1'], basis: 'DIRETTI', kind: 'MASSIMO', bp: 700 }],
    coFinancingMinBp: 0,
    documentTypes: ['FATTURA', 'CEDOLINO', 'NOTULA', 'RICEVUTA', 'F24'],
    paymentMeans: ['BONIFICO', 'MANDATO', 'F24'],
  };
}
