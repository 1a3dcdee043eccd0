/**
 * The accessibility check of a publication's PDF (decision 0057): a structural reading of the file
 * with pdf-lib (object streams and cross-reference streams included, as Chromium and office suites
 * write them), not a search for words in its bytes. A PDF passes when it is
 *   * readable and not encrypted (a password or a restriction keeps assistive technology out);
 *   * tagged: the catalogue's /MarkInfo has /Marked true;
 *   * structured: a /StructTreeRoot with at least one element (headings, paragraphs…);
 *   * in a language: the catalogue's /Lang;
 *   * titled: a /Title in the document information or a dc:title in the XMP metadata.
 * This is the part of PDF/UA that a machine can check for sure; whether the headings are the right
 * ones, the images have their alternative text and the reading order makes sense still needs a
 * person (the organisers' page says so). Pure: bytes in, result out.
 */
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { AccessibilityIssue } from './publications.vocabulary.js';

export interface PdfCheck {
  accessible: boolean;
  issues: AccessibilityIssue[];
  /** null when the file could not be read */
  pageCount: number | null;
}

const text = (o: PDFObject | undefined): string | null =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText().trim() : null;

/** The dc:title of the XMP metadata, when there is one with some text. */
function xmpTitle(doc: PDFDocument, catalog: PDFDict): string | null {
  const meta = doc.context.lookup(catalog.get(PDFName.of('Metadata')));
  if (!(meta instanceof PDFRawStream)) return null;
  let xml: string;
  try {
    xml = Buffer.from(decodePDFRawStream(meta).decode()).toString('utf8');
  } catch {
    return null;
  }
  const title = /<dc:title\b[^>]*>([\s\S]*?)<\/dc:title>/.exec(xml)?.[1];
  const li = title ? /<rdf:li\b[^>]*>([\s\S]*?)<\/rdf:li>/.exec(title)?.[1] : undefined;
  const value = (li ?? title ?? '').replace(/<[^>]*>/g, '').trim();
  return value || null;
}

/** Whether the structure tree holds at least one element. */
function hasStructure(doc: PDFDocument, catalog: PDFDict): boolean {
  const root = doc.context.lookup(catalog.get(PDFName.of('StructTreeRoot')));
  if (!(root instanceof PDFDict)) return false;
  const kids = root.get(PDFName.of('K'));
  const k = kids instanceof PDFRef ? doc.context.lookup(kids) : kids;
  if (k instanceof PDFArray) return k.size() > 0;
  return k instanceof PDFDict;
}

const unreadable: PdfCheck = { accessible: false, issues: ['UNREADABLE'], pageCount: null };

export async function checkPdfAccessibility(bytes: Uint8Array): Promise<PdfCheck> {
  try {
    const doc = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: true,
    });
    // a file with no catalogue is no document at all
    if (!(doc.context.lookup(doc.context.trailerInfo.Root) instanceof PDFDict)) return unreadable;
    return inspect(doc);
  } catch {
    return unreadable;
  }
}

function inspect(doc: PDFDocument): PdfCheck {
  const issues: AccessibilityIssue[] = [];
  if (doc.isEncrypted) issues.push('ENCRYPTED');
  const catalog = doc.catalog;
  const markInfo = doc.context.lookup(catalog.get(PDFName.of('MarkInfo')));
  const marked = markInfo instanceof PDFDict ? doc.context.lookup(markInfo.get(PDFName.of('Marked'))) : undefined;
  if (!(marked instanceof PDFBool && marked.asBoolean())) issues.push('NOT_TAGGED');
  if (!hasStructure(doc, catalog)) issues.push('NO_STRUCTURE');
  if (!text(doc.context.lookup(catalog.get(PDFName.of('Lang'))))) issues.push('NO_LANGUAGE');
  // in an encrypted file the strings are ciphertext: its title cannot be read, and it fails anyway
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  const infoTitle = info instanceof PDFDict ? text(doc.context.lookup(info.get(PDFName.of('Title')))) : null;
  if (!infoTitle && !xmpTitle(doc, catalog)) issues.push('NO_TITLE');
  const pageCount = doc.getPageCount();
  return { accessible: issues.length === 0, issues, pageCount };
}
