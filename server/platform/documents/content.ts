/**
 * Which uploaded documents are kept (a case's permit or signed PAI, an expense's invoice or
 * quietanza): accepted by their content, never by the name or the declared type, and always
 * downloaded as an attachment (decisions 0025 and 0050). Pure.
 */

/** The largest document accepted: a scanned permit, a signed PAI or an invoice fits well within it. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/**
 * The longest base64 text of a document in a JSON body. A few bytes over the limit still pass, so
 * that the service can answer 413 with the limit in words rather than a 400 about a string's length.
 */
export const maxDocumentBase64Chars = Math.ceil((MAX_DOCUMENT_BYTES + 3) / 3) * 4;

export const documentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentType = (typeof documentTypes)[number];

const extensions: Record<DocumentType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** The file's type from its first bytes (its "magic number"), or null for anything else. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/**
 * PDF names that make a reader act rather than display: scripts, launching programs, embedded
 * files and rich media. A name may be written with #xx escapes (/J#61vaScript), which are decoded
 * first. Names inside compressed object streams are not seen: this is a cheap first filter, and
 * downloads are never displayed inline by the platform.
 */
const activePdfNames = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z0-9])/;

export function pdfHasActiveContent(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return activePdfNames.test(text);
}

export type DocumentCheck =
  | { ok: true; type: DocumentType }
  | { ok: false; reason: 'too_large' | 'empty' | 'not_allowed' | 'extension' | 'active_pdf' };

/** Whether an uploaded file is accepted, and as which type. */
export function checkDocument(filename: string, bytes: Uint8Array): DocumentCheck {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'too_large' };
  const type = sniffDocumentType(bytes);
  if (type === null) return { ok: false, reason: 'not_allowed' };
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  if (ext === undefined || !extensions[type].includes(ext)) return { ok: false, reason: 'extension' };
  if (type === 'application/pdf' && pdfHasActiveContent(bytes)) return { ok: false, reason: 'active_pdf' };
  return { ok: true, type };
}

/** The Italian sentence of each refusal. */
export const documentRefusals: Record<Exclude<DocumentCheck, { ok: true }>['reason'], string> = {
  too_large: `Il documento supera la dimensione massima di ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB.`,
  empty: 'Il documento è vuoto.',
  not_allowed:
    'Sono accettati solo documenti PDF o immagini JPEG e PNG: il contenuto del file non è nessuno di questi.',
  extension:
    "L'estensione del nome del file non corrisponde al suo contenuto (PDF: .pdf; PNG: .png; JPEG: .jpg o .jpeg).",
  active_pdf: 'Il PDF contiene script, allegati o azioni automatiche: non può essere conservato.',
};

/**
 * A Content-Disposition that always downloads: an ASCII fallback name and the UTF-8 name
 * (RFC 6266 / RFC 8187), with the extension of the stored type.
 */
export function attachmentDisposition(filename: string): string {
  const base = filename.replace(/[\\/]/g, '_').trim() || 'documento';
  const ascii = base
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(base).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
