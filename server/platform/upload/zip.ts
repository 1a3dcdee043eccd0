/**
 * What the server checks of a zip (an XLSX) before a library unpacks it: the central directory's
 * declared sizes and entry count (cheap, on the request's thread), then every entry inflated with
 * the bytes counted, since a zip can declare sizes it does not have. Overlapping entries (several
 * directory records pointing at one compressed kernel) are each counted, so they add up too.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors.js';
import { uploadMessages, type UploadLimits } from './limits.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods an XLSX uses */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_U16 = 0xffff;
const MAX_U32 = 0xffffffff;
const ZIP64_EXTRA = 0x0001;

const unreadable = () => new AppError('upload.unreadable', uploadMessages.notXlsx());
const tooLarge = (limits: UploadLimits) => new AppError('upload.too_large', uploadMessages.unzippedTooLarge(limits));

/** A 64-bit size or offset as a number; beyond 2^53 it is no file we would read anyway. */
function u64(zip: Buffer, at: number): number {
  const n = zip.readBigUInt64LE(at);
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
}

/** The end-of-central-directory record: where the directory is and how many entries it lists. */
function findDirectory(zip: Buffer): { count: number; offset: number; size: number } {
  // the record is 22 bytes followed by a comment of up to 65,535 bytes
  const lowest = Math.max(0, zip.length - 22 - MAX_U16);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) !== END_OF_DIRECTORY) continue;
    const count = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 12);
    const offset = zip.readUInt32LE(at + 16);
    if (count !== MAX_U16 && size !== MAX_U32 && offset !== MAX_U32) return { count, offset, size };
    // Zip64: the locator just before the record points at the 64-bit record
    const locator = at - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw unreadable();
    const record = u64(zip, locator + 8);
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY) throw unreadable();
    return { count: u64(zip, record + 32), size: u64(zip, record + 40), offset: u64(zip, record + 48) };
  }
  throw unreadable();
}

/**
 * The zip's entries as its central directory lists them. Refuses (upload.too_complex) more than
 * `limits.zipEntries` entries, (upload.too_large) declared sizes adding up to more than
 * `limits.unzippedBytes`, and (upload.unreadable) anything that is not a plain zip: encrypted
 * entries, compression methods other than stored and deflate, records out of the file.
 */
export function readZipDirectory(zip: Buffer, limits: UploadLimits): ZipEntry[] {
  if (zip.length < 22) throw unreadable();
  const { count, offset, size } = findDirectory(zip);
  if (count > limits.zipEntries) throw new AppError('upload.too_complex', uploadMessages.tooManyEntries(limits));
  const end = offset + size;
  if (end > zip.length) throw unreadable();
  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== DIRECTORY_HEADER) throw unreadable();
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    let compressedSize = zip.readUInt32LE(at + 20);
    let uncompressedSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    let localHeaderOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (uncompressedSize === MAX_U32 || compressedSize === MAX_U32 || localHeaderOffset === MAX_U32) {
      // Zip64 extended information: the 64-bit values, in this order, of the fields set to 0xFFFFFFFF
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      let found = false;
      while (extra + 4 <= extraEnd) {
        const id = zip.readUInt16LE(extra);
        const length = zip.readUInt16LE(extra + 2);
        if (id === ZIP64_EXTRA) {
          let field = extra + 4;
          const next = (): number => {
            if (field + 8 > extra + 4 + length) throw unreadable();
            const v = u64(zip, field);
            field += 8;
            return v;
          };
          if (uncompressedSize === MAX_U32) uncompressedSize = next();
          if (compressedSize === MAX_U32) compressedSize = next();
          if (localHeaderOffset === MAX_U32) localHeaderOffset = next();
          found = true;
          break;
        }
        extra += 4 + length;
      }
      if (!found) throw unreadable();
    }
    // bit 0: encrypted; methods other than stored (0) and deflated (8) are not an XLSX's
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8)) throw unreadable();
    declared += uncompressedSize;
    if (declared > limits.unzippedBytes) throw tooLarge(limits);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry with at most `budget` bytes out (zlib stops there: nothing larger is ever
 * allocated), and refuses an entry whose real size is not the one its directory record declares.
 */
export function inflateEntry(zip: Buffer, entry: ZipEntry, budget: number, limits: UploadLimits): Buffer {
  const header = entry.localHeaderOffset;
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_HEADER) throw unreadable();
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw unreadable();
  const data = zip.subarray(start, end);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
    if (out.length > budget) throw tooLarge(limits);
  } else {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limits);
      throw unreadable();
    }
  }
  if (out.length !== entry.uncompressedSize) throw unreadable();
  return out;
}

/**
 * Inflates every entry, counting the bytes against `limits.unzippedBytes`, and hands each one to
 * `look` (which may refuse it) before it is dropped. Returns the bytes counted.
 */
export function inflateCounted(
  zip: Buffer,
  entries: ZipEntry[],
  limits: UploadLimits,
  look: (entry: ZipEntry, content: Buffer) => void = () => undefined,
): number {
  let counted = 0;
  for (const entry of entries) {
    const content = inflateEntry(zip, entry, limits.unzippedBytes - counted, limits);
    counted += content.length;
    if (counted > limits.unzippedBytes) throw tooLarge(limits);
    look(entry, content);
  }
  return counted;
}
