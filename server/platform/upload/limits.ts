/**
 * The limits on an uploaded file (docs/decisions/0018-upload-parsing.md). Each one bounds a resource
 * an attacker could otherwise make the server spend, sized well above what a real file of the pilot
 * needs (2000 beneficiaries × 13 columns: about 300 kB of CSV, a 150 kB XLSX that unzips to 2 MB).
 */
export interface UploadLimits {
  /** bytes of the file as sent (an XLSX: compressed). 750,000 bytes are 1,000,000 base64 characters. */
  fileBytes: number;
  /**
   * bytes of all a zip's entries once inflated: first as the central directory declares them, then
   * counted while inflating (a zip can declare sizes it does not have)
   */
  unzippedBytes: number;
  /** entries in a zip (an XLSX from Excel has about a dozen) */
  zipEntries: number;
  /** `<row>` elements in all the worksheets, empty formatted rows included */
  sheetRows: number;
  /** cells: `<c>` elements in all the worksheets, or fields of a CSV */
  cells: number;
  /** data rows (the header excluded, empty rows not counted); a caller may ask for fewer */
  rows: number;
  /** characters in one CSV field */
  fieldChars: number;
  /** the longest one parse may take once its worker runs, start-up included */
  parseMs: number;
  /** the parsing worker's JavaScript heap (Worker resourceLimits.maxOldGenerationSizeMb) */
  workerHeapMb: number;
  /** parses running at once, each in its own worker thread */
  maxConcurrent: number;
  /** parses waiting for a worker beyond those; more are refused with upload.busy (503, Retry-After) */
  maxQueued: number;
}

export const UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  fileBytes: 750_000,
  unzippedBytes: 32 * 1024 * 1024,
  zipEntries: 500,
  sheetRows: 50_000,
  cells: 200_000,
  rows: 10_000,
  fieldChars: 10_000,
  parseMs: 15_000,
  workerHeapMb: 256,
  maxConcurrent: 2,
  maxQueued: 8,
});

/** Seconds a client is told to wait (Retry-After) when every worker is busy and the queue is full. */
export const UPLOAD_RETRY_AFTER_SECONDS = 5;

/** The largest base64 text of a file within `fileBytes` (4 characters for every 3 bytes). */
export const maxBase64Chars = (limits: Pick<UploadLimits, 'fileBytes'> = UPLOAD_LIMITS): number =>
  Math.ceil(limits.fileBytes / 3) * 4;

const kB = (n: number) => `${Math.round(n / 1000)} kB`;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** The Italian sentences of the refusals, with the numbers of the limit that was hit. */
export const uploadMessages = {
  fileTooLarge: (l: UploadLimits) => `Il file supera la dimensione massima di ${kB(l.fileBytes)}.`,
  unzippedTooLarge: (l: UploadLimits) =>
    `Il file XLSX, una volta decompresso, supera ${MB(l.unzippedBytes)}: non può essere letto.`,
  tooManyEntries: (l: UploadLimits) => `Il file XLSX contiene più di ${l.zipEntries} parti: non può essere letto.`,
  tooManySheetRows: (l: UploadLimits) => `Il foglio contiene più di ${l.sheetRows} righe: dividerlo in più file.`,
  tooManyCells: (l: UploadLimits) => `Il file contiene più di ${l.cells} celle: dividerlo in più file.`,
  tooManyRows: (max: number) => `Il file ha più di ${max} righe di dati: al massimo ${max} per file.`,
  fieldTooLong: (l: UploadLimits, line: number) =>
    `Alla riga ${line} del file un campo supera ${l.fieldChars} caratteri.`,
  tooSlow: (l: UploadLimits) =>
    `La lettura del file ha superato ${Math.round(l.parseMs / 1000)} secondi: il file è troppo complesso.`,
  tooMuchMemory: () => 'La lettura del file ha richiesto troppa memoria: il file è troppo complesso.',
  busy: () => 'Troppi file in lettura in questo momento: riprovare tra qualche secondo.',
  notXlsx: () => 'Il file non è un XLSX leggibile.',
  notCsv: (line: number | null, why: string) =>
    `Il file non è un CSV leggibile${line === null ? '' : ` (riga ${line} del file)`}: ${why}.`,
} as const;
