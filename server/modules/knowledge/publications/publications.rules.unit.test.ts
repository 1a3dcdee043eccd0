import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { demoPdf, taggedPdf } from '../../../platform/documents/index.js';
import { checkPdfAccessibility } from './publications.pdf-check.js';
import {
  canPublish,
  canWithdraw,
  freeSlug,
  publicationSlug,
  publishGate,
  surveyReportMetadata,
  versionFilename,
} from './publications.rules.js';

const tagged = () =>
  taggedPdf({
    title: 'Manuale – perché sì',
    paragraphs: ['Introduzione.'],
    sections: [{ heading: 'Capitolo 1', paragraphs: ['Testo del capitolo, € 1.234,50.'] }],
  });
/** The same PDF with a few bytes changed (same length: the cross-reference offsets stay right). */
const edited = (pdf: Buffer, from: string, to: string) => {
  expect(to).toHaveLength(from.length);
  const text = pdf.toString('latin1');
  expect(text).toContain(from);
  return Buffer.from(text.replace(from, to), 'latin1');
};

describe('the accessibility check of a PDF', () => {
  it('passes a tagged PDF with its structure, language and title', async () => {
    expect(await checkPdfAccessibility(tagged())).toEqual({ accessible: true, issues: [], pageCount: 1 });
  });

  it('fails an untagged PDF with the reasons', async () => {
    const plain = demoPdf({ title: 'Verbale', paragraphs: ['Testo'], lang: 'it-IT' });
    expect(await checkPdfAccessibility(plain)).toEqual({
      accessible: false,
      issues: ['NOT_TAGGED', 'NO_STRUCTURE'],
      pageCount: 1,
    });
  });

  it('names each missing piece: the mark, the language, the title', async () => {
    const pdf = tagged();
    expect((await checkPdfAccessibility(edited(pdf, '/Marked true', '/Marked null'))).issues).toEqual(['NOT_TAGGED']);
    expect((await checkPdfAccessibility(edited(pdf, '/Lang (it-IT)', '/Lanx (it-IT)'))).issues).toEqual([
      'NO_LANGUAGE',
    ]);
    expect((await checkPdfAccessibility(edited(pdf, '/Title (', '/Titlx ('))).issues).toEqual(['NO_TITLE']);
    expect((await checkPdfAccessibility(edited(pdf, '/StructTreeRoot 6 0 R', '/StructTreeRooX 6 0 R'))).issues).toEqual(
      ['NO_STRUCTURE'],
    );
  });

  it('reads the title from the XMP metadata, in a file written with object streams', async () => {
    const doc = await PDFDocument.load(edited(tagged(), '/Title (', '/Titlx ('), { updateMetadata: false });
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
      '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt>' +
      '<rdf:li xml:lang="x-default">Manuale</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>';
    const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
    const saved = Buffer.from(await doc.save({ useObjectStreams: true, updateFieldAppearances: false }));
    // the catalogue now lives in a compressed object stream: a search of the bytes would not see it
    expect(saved.toString('latin1')).not.toContain('/MarkInfo');
    expect(await checkPdfAccessibility(saved)).toEqual({ accessible: true, issues: [], pageCount: 1 });
    // an empty dc:title is no title
    const doc2 = await PDFDocument.load(saved, { updateMetadata: false });
    doc2.catalog.set(
      PDFName.of('Metadata'),
      doc2.context.register(doc2.context.stream(xmp.replace('>Manuale<', '> <'), { Type: 'Metadata' })),
    );
    doc2.setTitle('');
    const untitled = Buffer.from(await doc2.save({ updateFieldAppearances: false }));
    expect((await checkPdfAccessibility(untitled)).issues).toEqual(['NO_TITLE']);
  });

  it('fails an encrypted PDF and one that cannot be read', async () => {
    const pdf = tagged().toString('latin1');
    const encrypted = Buffer.from(
      pdf.replace(
        '/Info 5 0 R >>',
        '/Info 5 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >> >>',
      ),
      'latin1',
    );
    expect((await checkPdfAccessibility(encrypted)).issues).toContain('ENCRYPTED');
    expect(await checkPdfAccessibility(Buffer.from('%PDF-1.7\nnot really a pdf', 'latin1'))).toEqual({
      accessible: false,
      issues: ['UNREADABLE'],
      pageCount: null,
    });
    expect((await checkPdfAccessibility(Buffer.alloc(0))).issues).toEqual(['UNREADABLE']);
  });
});

describe('the rules of the publications', () => {
  it('makes the address from the title, without accents, unique', () => {
    expect(publicationSlug('Manuale operativo — edizione d’ottobre, perché sì')).toBe(
      'manuale-operativo-edizione-d-ottobre-perche-si',
    );
    expect(publicationSlug('Ü')).toBe('pubblicazione-u');
    expect(publicationSlug('!!')).toBe('pubblicazione');
    expect(publicationSlug('parola '.repeat(20)).length).toBeLessThanOrEqual(70);
    expect(freeSlug('a-b', ['a-b', 'a-b-2'])).toBe('a-b-3');
  });

  it('publishes drafts, newer versions and withdrawn ones; withdraws only published ones', () => {
    expect(['BOZZA', 'PUBBLICATA', 'RITIRATA'].map((s) => canPublish(s as never))).toEqual([true, true, true]);
    expect(['BOZZA', 'PUBBLICATA', 'RITIRATA'].map((s) => canWithdraw(s as never))).toEqual([false, true, false]);
  });

  it('lets an inaccessible version through only with a reason', () => {
    expect(publishGate({ accessible: true, issues: [] }, undefined)).toEqual({ ok: true, exception: false });
    expect(publishGate({ accessible: false, issues: ['NOT_TAGGED'] }, undefined)).toEqual({
      ok: false,
      issues: ['NOT_TAGGED'],
    });
    expect(publishGate({ accessible: false, issues: ['NOT_TAGGED'] }, '   breve   ')).toMatchObject({ ok: false });
    expect(
      publishGate(
        { accessible: false, issues: ['NOT_TAGGED'] },
        'Documento di un altro ente, pubblicato come ricevuto',
      ),
    ).toEqual({ ok: true, exception: true });
  });

  it('names the download after the address and the version; a report after its wave', () => {
    expect(versionFilename('manuale-operativo', 3)).toBe('manuale-operativo-v3.pdf');
    const m = surveyReportMetadata({
      survey: 'Indagine',
      wave: 'Rilevazione 2026',
      opensOn: '2026-01-10',
      closesOn: '2026-03-31',
    });
    expect(m.title).toBe('Rapporto della rilevazione: Rilevazione 2026');
    expect(m.abstract).toContain('dal 10/01/2026 al 31/03/2026');
  });
});
