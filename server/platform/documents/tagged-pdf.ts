/**
 * A small tagged (accessible) PDF of plain text, written without a browser: the demo's publications
 * (the Handbook, the Policy Paper) are made with it at seed time, and the tests use it as the PDF
 * that passes the accessibility check. Beside demo-pdf.ts, with what that one lacks:
 *   * /MarkInfo << /Marked true >> and a structure tree: a /Document element holding an /H1 for the
 *     title, /H2 for each section's heading and a /P for each paragraph, each bound to its text on
 *     the page by a marked-content id (MCID), with the parent tree that maps them back;
 *   * the document's language (/Lang) on the catalogue, its /Title in the document information and
 *     /ViewerPreferences << /DisplayDocTitle true >>, so a reader shows the title, not the file name;
 *   * A4 pages as many as the text needs (a paragraph is never split across two pages).
 * Standard Type 1 fonts with WinAnsiEncoding (Italian letters, €, typographic quotes); no fonts
 * embedded, no active content. For synthetic documents only: real ones are uploaded by their authors.
 */
import { pdfText, wrap } from './demo-pdf.js';

export interface TaggedPdfDoc {
  title: string;
  /** BCP 47, default it-IT */
  lang?: string;
  /** Paragraphs before the first section. */
  paragraphs?: string[];
  sections?: { heading: string; paragraphs: string[] }[];
}

type Block = { tag: 'H1' | 'H2' | 'P'; lines: string[] };

const LINE = 14;
const TOP = 780;
const BOTTOM = 60;
const style: Record<Block['tag'], { font: string; size: number; before: number }> = {
  H1: { font: 'F1', size: 16, before: 0 },
  H2: { font: 'F1', size: 12, before: 14 },
  P: { font: 'F2', size: 10, before: 8 },
};

export function taggedPdf(doc: TaggedPdfDoc): Buffer {
  const blocks: Block[] = [
    { tag: 'H1', lines: wrap(doc.title, 60) },
    ...(doc.paragraphs ?? []).map((p): Block => ({ tag: 'P', lines: wrap(p, 95) })),
    ...(doc.sections ?? []).flatMap((s): Block[] => [
      { tag: 'H2', lines: wrap(s.heading, 75) },
      ...s.paragraphs.map((p): Block => ({ tag: 'P', lines: wrap(p, 95) })),
    ]),
  ];

  // lay the blocks on pages: each block's lines at their heights, MCIDs numbered per page
  const pages: { content: Buffer[]; elems: { tag: Block['tag']; mcid: number }[] }[] = [];
  let page = { content: [] as Buffer[], elems: [] as { tag: Block['tag']; mcid: number }[] };
  let y = TOP;
  for (const block of blocks) {
    const s = style[block.tag];
    const height = s.before + block.lines.length * LINE;
    if (y - height < BOTTOM && page.elems.length > 0) {
      pages.push(page);
      page = { content: [], elems: [] };
      y = TOP;
    }
    y -= page.elems.length > 0 ? s.before : 0;
    const mcid = page.elems.length;
    page.elems.push({ tag: block.tag, mcid });
    page.content.push(
      Buffer.from(`/${block.tag} << /MCID ${mcid} >> BDC\nBT\n/${s.font} ${s.size} Tf\n${LINE} TL\n56 ${y} Td\n`),
    );
    block.lines.forEach((l, i) =>
      page.content.push(Buffer.from(i === 0 ? '(' : 'T* ('), pdfText(l), Buffer.from(') Tj\n')),
    );
    page.content.push(Buffer.from('ET\nEMC\n'));
    y -= block.lines.length * LINE;
  }
  pages.push(page);

  // object numbers: 1 catalogue, 2 pages, 3 and 4 fonts, 5 info, 6 structure root, 7 document
  // element, 8 parent tree; then per page its page and content objects; then one per element
  const n = pages.length;
  const pageObj = (i: number) => 9 + 2 * i;
  const contentObj = (i: number) => 10 + 2 * i;
  const firstElem = 9 + 2 * n;
  const elemObjs: number[][] = [];
  let next = firstElem;
  for (const p of pages) elemObjs.push(p.elems.map(() => next++));
  const allElems = elemObjs.flat();
  const lang = doc.lang ?? 'it-IT';

  const objects = new Map<number, Buffer>();
  objects.set(
    1,
    Buffer.from(
      `<< /Type /Catalog /Pages 2 0 R /Lang (${lang}) /MarkInfo << /Marked true >> /StructTreeRoot 6 0 R ` +
        '/ViewerPreferences << /DisplayDocTitle true >> >>',
    ),
  );
  objects.set(
    2,
    Buffer.from(`<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] /Count ${n} >>`),
  );
  objects.set(3, Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>'));
  objects.set(4, Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'));
  objects.set(
    5,
    Buffer.concat([Buffer.from('<< /Title ('), pdfText(doc.title), Buffer.from(') /Producer (InCaS demo) >>')]),
  );
  objects.set(6, Buffer.from(`<< /Type /StructTreeRoot /K 7 0 R /ParentTree 8 0 R /ParentTreeNextKey ${n} >>`));
  objects.set(
    7,
    Buffer.from(`<< /Type /StructElem /S /Document /P 6 0 R /K [${allElems.map((o) => `${o} 0 R`).join(' ')}] >>`),
  );
  objects.set(
    8,
    Buffer.from(
      `<< /Nums [${elemObjs.map((objs, i) => `${i} [${objs.map((o) => `${o} 0 R`).join(' ')}]`).join(' ')}] >>`,
    ),
  );
  pages.forEach((p, i) => {
    objects.set(
      pageObj(i),
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> ` +
          `/Contents ${contentObj(i)} 0 R /StructParents ${i} /Tabs /S >>`,
      ),
    );
    const content = Buffer.concat(p.content);
    objects.set(
      contentObj(i),
      Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('endstream')]),
    );
    p.elems.forEach((e, j) =>
      objects.set(
        elemObjs[i]![j]!,
        Buffer.from(`<< /Type /StructElem /S /${e.tag} /P 7 0 R /Pg ${pageObj(i)} 0 R /K ${e.mcid} >>`),
      ),
    );
  });

  const count = next - 1;
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (let i = 1; i <= count; i++) {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i} 0 obj\n`), objects.get(i)!, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    offset += obj.length;
  }
  const xref = [
    'xref',
    `0 ${count + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${count + 1} /Root 1 0 R /Info 5 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}
