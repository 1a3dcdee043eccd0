/**
 * Bytes of an uploaded text file (a CSV) to a string, in the encoding the file was written in
 * (docs/decisions/0018-upload-parsing.md):
 *
 * 1. A byte-order mark decides: UTF-8 (EF BB BF), UTF-16 LE (FF FE, Excel's "Testo Unicode"),
 *    UTF-16 BE (FE FF). It wins over the encoding the user chose, as in the WHATWG decode algorithm.
 * 2. Otherwise the user's choice, or with `auto`: UTF-16 when the NUL bytes fall on every other
 *    byte (UTF-16 without a mark), else UTF-8 if the bytes are valid UTF-8, else Windows-1252
 *    (Excel's "CSV" on Italian Windows; ISO-8859-1 files read the same, as on the web).
 * 3. Nothing is ever replaced: bytes invalid in the encoding, the five bytes Windows-1252 leaves
 *    undefined (0x81 0x8D 0x8F 0x90 0x9D), NUL characters and U+FFFD itself (the mark of a file
 *    damaged before it got here) are refused with the line where they are.
 */
import { AppError } from '../errors.js';

/** What the client may ask for. */
export const encodingChoices = ['auto', 'utf-8', 'windows-1252', 'utf-16'] as const;
export type EncodingChoice = (typeof encodingChoices)[number];

/** The encoding a text was read in. */
export const textEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** How the encodings are named to a user. */
export const encodingLabels: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** whether the file started with a byte-order mark (dropped from `text`) */
  bom: boolean;
}

/**
 * Windows-1252's bytes 0x80–0x9F (the WHATWG index), 0 where it defines no character. Written out
 * because Node 20.18.3+ decodes 'windows-1252' as ISO-8859-1 (nodejs/node#60888): 0x92 would become
 * the control U+0092 instead of ’ and "D’Amico" would be stored with an invisible control character.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** 1-based line of a character offset in a text. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** 1-based line of a byte offset in bytes whose line feed is the byte 0x0A (UTF-8, Windows-1252). */
function lineAtByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < index; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

const undecodable = (message: string) => new AppError('upload.encoding', message);
const chooseHint = 'Salvare il file come «CSV UTF-8» oppure scegliere la codifica con cui è stato scritto.';

function decodeWindows1252(bytes: Uint8Array): string {
  const undefinedAt = bytes.findIndex((b) => b >= 0x80 && b <= 0x9f && CP1252_HIGH[b - 0x80] === 0);
  if (undefinedAt !== -1) {
    const byte = bytes[undefinedAt]!.toString(16).toUpperCase();
    throw undecodable(
      `Il file non è in Windows-1252: il byte 0x${byte} alla riga ${lineAtByte(bytes, undefinedAt)} non vi corrisponde ` +
        `ad alcun carattere. ${chooseHint}`,
    );
  }
  // ISO-8859-1 maps each byte to the code point of the same value; 0x80–0x9F are then remapped
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be', label: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // the first replacement the lenient decoder makes is where the strict one stopped
    const lenient = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const where = at === -1 ? 'alla fine del file' : `alla riga ${lineAt(lenient, at)}`;
    throw undecodable(
      `Il file non è in ${label} valido: una sequenza di byte ${where} non è un carattere. ${chooseHint}`,
    );
  }
}

/** UTF-16 without a mark: NUL bytes on the odd bytes (LE) or on the even ones (BE) of ASCII text. */
function utf16ByNuls(bytes: Uint8Array): TextEncoding | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = sample.length / 2;
  if (pairs === 0) return null;
  if (odd >= pairs / 4 && even === 0) return 'utf-16le';
  if (even >= pairs / 4 && odd === 0) return 'utf-16be';
  return null;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding) {
    case 'windows-1252':
      return decodeWindows1252(bytes);
    case 'utf-8':
      return decodeStrict(bytes, 'utf-8', 'UTF-8');
    case 'utf-16le':
    case 'utf-16be':
      return decodeStrict(bytes, encoding, 'UTF-16');
  }
}

/**
 * The text of an uploaded file (see the module's comment for how the encoding is chosen). Throws
 * `upload.encoding` (400), naming the line, for anything that is not a character of the encoding.
 */
export function decodeText(bytes: Uint8Array, choice: EncodingChoice = 'auto'): DecodedText {
  const bom = bomOf(bytes);
  const body = bom ? bytes.subarray(bom.length) : bytes;
  let encoding: TextEncoding;
  if (bom) encoding = bom.encoding;
  else if (choice === 'utf-16') encoding = utf16ByNuls(body) ?? 'utf-16le';
  else if (choice === 'auto') encoding = utf16ByNuls(body) ?? (isValidUtf8(body) ? 'utf-8' : 'windows-1252');
  else encoding = choice;
  const text = decodeAs(body, encoding);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw undecodable(
      `Il file contiene un carattere nullo alla riga ${lineAt(text, nul)}: non è un testo in ${encodingLabels[encoding]}. ${chooseHint}`,
    );
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    throw undecodable(
      `Il file contiene il carattere di sostituzione (U+FFFD) alla riga ${lineAt(text, replacement)}: ` +
        'un nome vi è già stato danneggiato da una conversione precedente. Correggerlo partendo dal file originale.',
    );
  }
  return { text, encoding, bom: bom !== null };
}
