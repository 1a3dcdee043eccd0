/**
 * Signed checkpoints of the audit chain's head, kept outside the database (decision 0019).
 *
 * A checkpoint says "at time `at` the chain had `rows` rows and row `seq` had hash `hash`". It is
 * signed with HMAC-SHA-256 under a key derived from the data key, which the database never holds:
 * a database superuser who truncates or re-chains the trail cannot write a checkpoint that agrees
 * with the rewritten chain, and the old checkpoints contradict it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync, fsyncSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { deriveKey } from '../../platform/crypto.js';

/** What a checkpoint states, before it is signed. */
export interface CheckpointBody {
  seq: number;
  hash: string;
  rows: number;
  /** ISO 8601 instant (UTC) the head was read. */
  at: string;
}

/** One line of the checkpoints file. */
export interface AuditCheckpoint extends CheckpointBody {
  v: 1;
  /** HMAC-SHA-256 (hex) of the body under the checkpoint key. */
  sig: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const checkpointSchema = z
  .object({
    v: z.literal(1),
    seq: z.number().int().positive(),
    hash: hex64,
    rows: z.number().int().nonnegative(),
    at: z.iso.datetime(),
    sig: hex64,
  })
  .strict();

/** The signing key: HKDF of the data key under a label of its own, so it is unrelated to the encryption keys. */
export function checkpointKey(dataKey: Buffer): Buffer {
  return deriveKey(dataKey, 'incas/audit-checkpoint/v1');
}

function mac(key: Buffer, b: CheckpointBody): Buffer {
  return createHmac('sha256', key).update(`incas-audit-checkpoint|v1|${b.seq}|${b.hash}|${b.rows}|${b.at}`).digest();
}

export function signCheckpoint(key: Buffer, b: CheckpointBody): AuditCheckpoint {
  return { v: 1, seq: b.seq, hash: b.hash, rows: b.rows, at: b.at, sig: mac(key, b).toString('hex') };
}

/** Parses and checks one line; returns the checkpoint or why it is refused. */
export function parseCheckpoint(
  key: Buffer,
  line: string,
): { checkpoint: AuditCheckpoint; reason?: never } | { checkpoint?: never; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { reason: 'not JSON' };
  }
  const parsed = checkpointSchema.safeParse(json);
  if (!parsed.success) return { reason: 'not a checkpoint (unexpected fields or values)' };
  const c = parsed.data;
  if (!timingSafeEqual(Buffer.from(c.sig, 'hex'), mac(key, c)))
    return { reason: 'signature does not verify (altered, forged, or signed with another data key)' };
  return { checkpoint: c };
}

/** Every line of a checkpoints file, checked. */
export interface CheckpointFile {
  /** The lines whose signature verifies, in file order. */
  checkpoints: Array<AuditCheckpoint & { line: number }>;
  /** The lines refused, with the reason. */
  refused: Array<{ line: number; reason: string }>;
}

/** Reads and checks a whole checkpoints file (blank lines are skipped). Throws if it cannot be read. */
export function readCheckpointFile(key: Buffer, path: string): CheckpointFile {
  const out: CheckpointFile = { checkpoints: [], refused: [] };
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      const r = parseCheckpoint(key, text);
      if (r.checkpoint) out.checkpoints.push({ ...r.checkpoint, line: i + 1 });
      else out.refused.push({ line: i + 1, reason: r.reason });
    });
  return out;
}

/**
 * The last valid checkpoint of the file, or null when the file is absent or holds none. Reads
 * only the tail, unless the last line is refused (then the whole file, to find the last good one).
 */
export function readLastCheckpoint(
  key: Buffer,
  path: string,
): { checkpoint: AuditCheckpoint | null; lastLineRefused: string | null } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoint: null, lastLineRefused: null };
    throw err;
  }
  let tail: string;
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, 4096);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, size - length);
    tail = buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
  const last = tail
    .split('\n')
    .filter((l) => l.trim())
    .at(-1);
  if (!last) return { checkpoint: null, lastLineRefused: null };
  const r = parseCheckpoint(key, last);
  if (r.checkpoint) return { checkpoint: r.checkpoint, lastLineRefused: null };
  const all = readCheckpointFile(key, path).checkpoints;
  return { checkpoint: all.at(-1) ?? null, lastLineRefused: r.reason };
}

/**
 * Appends one checkpoint as a JSON line and flushes it to disk. A line cut short by an earlier
 * crash stays a line of its own (it is then refused by the verifier, and visible).
 */
export function appendCheckpoint(path: string, c: AuditCheckpoint): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a+', 0o600);
  try {
    const size = fstatSync(fd).size;
    let sep = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) sep = '\n';
    }
    writeSync(fd, `${sep}${JSON.stringify(c)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
