/**
 * A one-page PDF of plain text for the demo's documents (a resolution, the minutes of a meeting):
 * something a tester can download and open, marked as synthetic on its first line. Standard Type 1
 * fonts with WinAnsiEncoding, so Italian letters, the euro sign and typographic quotes print; no
 * fonts embedded, no active content. Not for real documents: those are uploaded by their authors.
 */

// the characters of WinAnsiEncoding outside Latin-1 that Italian text uses
const winAnsiExtra: Record<string, number> = {
  '€': 0x80,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  '—': 0x97,
};

/** A string of the PDF's text as WinAnsi bytes, with the literal string's specials escaped. */
export function pdfText(s: string): Buffer {
  const bytes: number[] = [];
  for (const ch of s.normalize('NFC')) {
    const code = winAnsiExtra[ch] ?? ch.codePointAt(0)!;
    const b = code <= 0xff && (code >= 0x20 || code === 0x09) ? code : 0x3f; // '?' for what the font lacks
    if (b === 0x28 || b === 0x29 || b === 0x5c) bytes.push(0x5c); // ( ) \
    bytes.push(b);
  }
  return Buffer.from(bytes);
}

/** Lines of at most `width` characters, broken between words. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

/**
 * The PDF: the title in bold, then the paragraphs (a blank line between them), A4, as many lines
 * as fit on one page (the rest is cut: the demo's texts are short).
 */
export function demoPdf(doc: { title: string; paragraphs: string[]; lang?: string }): Buffer {
  const lines = doc.paragraphs.flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p, 90)]).slice(0, 60);
  const content = Buffer.concat([
    Buffer.from('BT\n/F1 14 Tf\n56 780 Td\n('),
    pdfText(doc.title),
    Buffer.from(') Tj\n/F2 10 Tf\n0 -28 Td\n14 TL\n'),
    ...lines.flatMap((l) => [Buffer.from('('), pdfText(l), Buffer.from(") '\n")]),
    Buffer.from('ET\n'),
  ]);
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R /Lang (' + (doc.lang ?? 'it-IT') + ') >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    ),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('endstream')]),
    Buffer.concat([Buffer.from('<< /Title ('), pdfText(doc.title), Buffer.from(') /Producer (InCaS demo) >>')]),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}
