import { describe, expect, it } from 'vitest';
import { attachmentDisposition, checkDocument, pdfHasActiveContent, sniffDocumentType } from './content.js';
import { demoPdf } from './demo-pdf.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

describe('document checks', () => {
  it('reads the type from the first bytes only', () => {
    expect(sniffDocumentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffDocumentType(bytes(' %PDF-1.7'))).toBeNull();
    expect(sniffDocumentType(bytes('<!doctype html><p>%PDF-'))).toBeNull();
    expect(sniffDocumentType(bytes('GIF89a'))).toBeNull();
  });

  it('finds scripts, launch actions and embedded files in a PDF, also behind #xx escapes', () => {
    expect(pdfHasActiveContent(bytes('%PDF-1.4 << /S /JavaScript /JS (x) >>'))).toBe(true);
    expect(pdfHasActiveContent(bytes('%PDF-1.4 << /S /J#61va#53cript >>'))).toBe(true);
    expect(pdfHasActiveContent(bytes('%PDF-1.4 << /Type /Action /S /Launch >>'))).toBe(true);
    expect(pdfHasActiveContent(bytes('%PDF-1.4 << /Names << /EmbeddedFiles 3 0 R >> >>'))).toBe(true);
    expect(pdfHasActiveContent(bytes('%PDF-1.4 << /Type /Catalog /JSONish 1 >>'))).toBe(false);
    expect(pdfHasActiveContent(bytes('%PDF-1.4 << /Type /Catalog /Pages 2 0 R >>'))).toBe(false);
  });

  it('wants the extension of the content, and refuses empty files', () => {
    expect(checkDocument('a.PDF', bytes('%PDF-1.4'))).toEqual({ ok: true, type: 'application/pdf' });
    expect(checkDocument('a.jpg', Buffer.from([0xff, 0xd8, 0xff]))).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkDocument('a.png', bytes('%PDF-1.4'))).toEqual({ ok: false, reason: 'extension' });
    expect(checkDocument('a.pdf', bytes(''))).toEqual({ ok: false, reason: 'empty' });
    expect(checkDocument('a.pdf', bytes('<html>'))).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('always downloads, with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Perméssò "x"/y.pdf')).toBe(
      `attachment; filename="Permesso _x__y.pdf"; filename*=UTF-8''Perm%C3%A9ss%C3%B2%20%22x%22_y.pdf`,
    );
  });
});

describe('demoPdf', () => {
  it('is a PDF the checks accept, with a well-formed cross-reference table and the text escaped', () => {
    const pdf = demoPdf({
      title: 'Verbale (esempio) – 1',
      paragraphs: ['Perché l’incontro: 1.234,50 €', 'Seconda \\ riga'],
    });
    expect(checkDocument('verbale.pdf', pdf)).toEqual({ ok: true, type: 'application/pdf' });
    const text = pdf.toString('latin1');
    expect(text).toContain('(Verbale \\(esempio\\) \x96 1) Tj');
    expect(text).toContain('Perch\xe9 l\x92incontro: 1.234,50 \x80');
    // every object starts where the xref says
    const xref = text.slice(text.lastIndexOf('\nxref\n'));
    const offsets = [...xref.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(7);
    offsets.forEach((o, i) => expect(text.startsWith(`${i + 1} 0 obj\n`, o)).toBe(true));
    const startxref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
  });
});
