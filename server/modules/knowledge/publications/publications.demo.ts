/**
 * The publications' demo (issue 14 item 6): the Handbook (October 2025, published, with an earlier
 * version 1 kept in its history), the Policy Paper (published), a survey report (published) and a
 * draft whose PDF fails the accessibility check, so the organisers' page shows what a failure looks
 * like. Every text is obviously synthetic ("DOCUMENTO DIMOSTRATIVO"); the PDFs are tagged PDFs made
 * at seed time without a browser (platform/documents/tagged-pdf.ts), which pass the check, except
 * the draft's (an untagged one). Authored by the demo's ANCI assistenza tecnica. Once: nothing when
 * a publication exists already; nothing without the data key (the bytes are stored encrypted).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../../platform/crypto.js';
import type { Database, Queryable } from '../../../platform/db/db.js';
import { databaseDocumentStore, demoPdf, taggedPdf, type TaggedPdfDoc } from '../../../platform/documents/index.js';
import { DEMO_DOMAIN } from '../../demo/index.js';
import { checkPdfAccessibility } from './publications.pdf-check.js';
import { insertPublication, insertVersion, type PublicationValues } from './publications.repo.js';
import { publicationContents } from './publications.service.js';
import { publicationSlug } from './publications.rules.js';
import type { PublicationStatus } from './publications.vocabulary.js';

const DEMO = 'DOCUMENTO DIMOSTRATIVO';
/** The demo's ANCI assistenza tecnica (made by the demo module), who authors the publications. */
const DEMO_AUTHOR_EMAIL = `assistenza.anci@${DEMO_DOMAIN}`;
const filler = (topic: string) =>
  `${DEMO}: testo sintetico scritto per provare la piattaforma, senza alcun valore reale. Questo paragrafo ` +
  `parla di ${topic} soltanto per riempire la pagina con frasi plausibili; nomi, cifre e raccomandazioni ` +
  'sono inventati e non vanno citati.';

interface DemoPublication {
  values: PublicationValues;
  status: PublicationStatus;
  /** the versions, oldest first: a document and its note, and when it was uploaded */
  versions: { pdf: Buffer; note: string | null; at: string }[];
}

const handbook = (edition: string): TaggedPdfDoc => ({
  title: `Manuale operativo per i Comuni (${DEMO})`,
  paragraphs: [
    `${DEMO} — ${edition}. Il manuale accompagna i Comuni nella presa in carico, nella progettazione ` +
      'dei piani locali e nella rendicontazione. Contenuto sintetico per la dimostrazione.',
  ],
  sections: [
    { heading: '1. A chi serve il manuale', paragraphs: [filler('i destinatari del manuale')] },
    { heading: '2. La presa in carico', paragraphs: [filler('la presa in carico'), filler('il lavoro di rete')] },
    { heading: '3. Il piano locale multisettoriale', paragraphs: [filler('il piano locale')] },
    { heading: '4. Rendicontare e monitorare', paragraphs: [filler('la rendicontazione')] },
  ],
});

function demoPublications(): DemoPublication[] {
  return [
    {
      values: {
        kind: 'MANUALE',
        title: `Manuale operativo per i Comuni — ${DEMO}`,
        abstract:
          `${DEMO}. Il manuale operativo del progetto InCaS plus per i Comuni: presa in carico delle vittime di ` +
          'sfruttamento lavorativo, piani locali multisettoriali, rete territoriale, rendicontazione e monitoraggio. ' +
          'Testo sintetico, scritto solo per provare la piattaforma.',
        authors: ['ANCI (dimostrativo)', 'Cittalia (dimostrativo)'],
        publishedOn: '2025-10-15',
        language: 'it',
        keywords: ['manuale', 'presa in carico', 'piano locale', 'rendicontazione'],
        topics: ['PREVENZIONE', 'PROTEZIONE_ASSISTENZA', 'REINTEGRAZIONE'],
        licence: 'CC BY 4.0',
        surveyWaveId: null,
        regionCode: null,
      },
      status: 'PUBBLICATA',
      versions: [
        { pdf: taggedPdf(handbook('bozza di settembre 2025')), note: 'Prima stesura', at: '2025-09-20T10:00:00Z' },
        {
          pdf: taggedPdf(handbook('edizione di ottobre 2025')),
          note: 'Edizione di ottobre 2025',
          at: '2025-10-15T10:00:00Z',
        },
      ],
    },
    {
      values: {
        kind: 'POLICY_PAPER',
        title: `Policy Paper: i Comuni e il contrasto allo sfruttamento lavorativo — ${DEMO}`,
        abstract:
          `${DEMO}. Il Policy Paper raccoglie le proposte emerse dai territori per rafforzare il ruolo dei Comuni ` +
          'nella prevenzione e nel contrasto dello sfruttamento lavorativo. Contenuto sintetico per la dimostrazione.',
        authors: ['Cittalia (dimostrativo)'],
        publishedOn: '2026-03-20',
        language: 'it',
        keywords: ['policy paper', 'proposte', 'governance'],
        topics: ['PREVENZIONE', 'VIGILANZA_CONTRASTO'],
        licence: 'CC BY 4.0',
        surveyWaveId: null,
        regionCode: null,
      },
      status: 'PUBBLICATA',
      versions: [
        {
          pdf: taggedPdf({
            title: `Policy Paper (${DEMO})`,
            paragraphs: [filler('le proposte di policy')],
            sections: [
              { heading: 'Il contesto', paragraphs: [filler('il contesto')] },
              { heading: 'Le proposte', paragraphs: [filler('le proposte'), filler('la governance')] },
            ],
          }),
          note: null,
          at: '2026-03-20T10:00:00Z',
        },
      ],
    },
    {
      values: {
        kind: 'RAPPORTO_INDAGINE',
        title: `Rapporto dell'indagine nazionale sui Comuni 2024 — ${DEMO}`,
        abstract:
          `${DEMO}. Il rapporto dell'indagine nazionale 2024 sui Comuni: tasso di risposta per Regione e ` +
          'per classe demografica e tavole dei risultati principali. Cifre inventate.',
        authors: ['ANCI (dimostrativo)'],
        publishedOn: '2025-06-30',
        language: 'it',
        keywords: ['indagine', 'rapporto', 'Comuni'],
        topics: ['PREVENZIONE'],
        licence: 'CC BY 4.0',
        surveyWaveId: null,
        regionCode: null,
      },
      status: 'PUBBLICATA',
      versions: [
        {
          pdf: taggedPdf({
            title: `Rapporto dell'indagine 2024 (${DEMO})`,
            sections: [
              { heading: 'Tasso di risposta', paragraphs: [filler('il tasso di risposta')] },
              { heading: 'Risultati principali', paragraphs: [filler('i risultati')] },
            ],
          }),
          note: null,
          at: '2025-06-30T10:00:00Z',
        },
      ],
    },
    {
      values: {
        kind: 'ALTRO',
        title: `Linee guida per la rendicontazione (bozza) — ${DEMO}`,
        abstract: `${DEMO}. Una bozza il cui PDF non è accessibile: serve a mostrare l'esito della verifica.`,
        authors: ['Cittalia (dimostrativo)'],
        publishedOn: null,
        language: 'it',
        keywords: ['rendicontazione', 'linee guida'],
        topics: ['REINTEGRAZIONE'],
        licence: 'CC BY 4.0',
        surveyWaveId: null,
        regionCode: null,
      },
      status: 'BOZZA',
      versions: [
        {
          pdf: demoPdf({ title: `Linee guida (${DEMO})`, paragraphs: [filler('la rendicontazione')] }),
          note: 'PDF non marcato',
          at: '2026-11-02T10:00:00Z',
        },
      ],
    },
  ];
}

async function insertDemo(tx: Queryable, cipher: FieldCipher, by: string): Promise<number> {
  const store = databaseDocumentStore(cipher, publicationContents);
  const list = demoPublications();
  for (const d of list) {
    const id = randomUUID();
    const slug = publicationSlug(d.values.title);
    const first = new Date(d.versions[0]!.at);
    await insertPublication(tx, { ...d.values, id, slug, by, now: first });
    let n = 0;
    for (const v of d.versions) {
      n++;
      const check = await checkPdfAccessibility(v.pdf);
      const versionId = randomUUID();
      await insertVersion(tx, {
        id: versionId,
        publicationId: id,
        number: n,
        fileName: `${slug}-v${n}.pdf`,
        sizeBytes: v.pdf.length,
        sha256: createHash('sha256').update(v.pdf).digest('hex'),
        pageCount: check.pageCount,
        accessible: check.accessible,
        issues: check.issues,
        note: v.note,
        source: 'CARICAMENTO',
        by,
        at: new Date(v.at),
      });
      await store.put(tx, { id: versionId, comune: null }, v.pdf);
    }
    const last = new Date(d.versions.at(-1)!.at);
    if (d.status === 'PUBBLICATA')
      await tx.query(
        `UPDATE kno_publications SET status = 'PUBBLICATA', published_version = $2, first_published_at = $3,
                updated_at = $4 WHERE id = $1`,
        [id, n, new Date(d.versions[0]!.at), last],
      );
  }
  return list.length;
}

/** The publications' demo, once. Returns how many publications it wrote. */
export async function seedPublicationsDemo(db: Database, cipher: FieldCipher | null): Promise<number> {
  if (!cipher) return 0;
  return db.ownerTx(async (tx) => {
    if ((await tx.query('SELECT 1 FROM kno_publications LIMIT 1')).length > 0) return 0;
    const [author] = await tx.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO_AUTHOR_EMAIL]);
    if (!author) return 0;
    return insertDemo(tx, cipher, author.id);
  });
}
