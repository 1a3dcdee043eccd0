/**
 * Prepared downloads: a file written once to a spool folder by a background writer (with its
 * progress), then served to the one user who asked for it, as often as they like, with its size,
 * a strong validator and byte ranges, so that a browser shows the download's progress and resumes
 * it after a cut (RFC 9110 §14: `Range`, `If-Range`, 206/416). Decision 0047.
 *
 * The spool lives in this process: files expire after `ttlMs` and vanish with the process; a lost
 * file is prepared again on request. At most `maxRunning` writers run at once and `maxQueued`
 * wait; beyond that a request is refused at once with `spool.busy` (503, Retry-After). Each user
 * has at most `maxPerOwner` files in the spool (the oldest is dropped).
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
import { AppError } from './errors.js';

export type SpoolStatus = 'queued' | 'preparing' | 'ready' | 'failed';

/** What the spool tells about a prepared file (no path, no owner). */
export interface SpoolView {
  id: string;
  status: SpoolStatus;
  filename: string;
  mediaType: string;
  /** units written so far (rows, Comuni…) and how many there will be, when known */
  done: number;
  total: number | null;
  /** the file's size once ready */
  bytes: number | null;
  createdAt: string;
  expiresAt: string;
}

export interface SpoolJob {
  /** who may read the file (a user id) */
  owner: string;
  filename: string;
  mediaType: string;
  total: number | null;
  /** Writes the file's bytes to `out` (and ends it), calling `progress(done)` as it goes. */
  write(out: Writable, progress: (done: number) => void): Promise<void>;
}

interface Entry {
  id: string;
  owner: string;
  filename: string;
  mediaType: string;
  path: string;
  status: SpoolStatus;
  done: number;
  total: number | null;
  bytes: number | null;
  mtime: Date | null;
  created: number;
  expires: number;
  run: () => Promise<void>;
}

export interface SpoolOptions {
  ttlMs?: number;
  maxRunning?: number;
  maxQueued?: number;
  maxPerOwner?: number;
  /** the folder (default: a new one in the system's temporary folder) */
  dir?: string;
}

export interface Spool {
  /** Queues a file to be written; refused with `spool.busy` when too many wait. */
  start(job: SpoolJob): SpoolView;
  /** The owner's file, or null (unknown, someone else's, or expired). */
  view(id: string, owner: string): SpoolView | null;
  /** Sends the owner's ready file, whole or the asked range; `spool.gone` when there is none. */
  send(req: FastifyRequest, reply: FastifyReply, id: string, owner: string): Promise<FastifyReply>;
  /** Stops the sweeper and deletes the folder (writers still running end on a closed folder). */
  close(): void;
}

const RETRY_AFTER_SECONDS = '10';
const WELL_FORMED_RANGE = /^bytes=(?:\d+-\d*|-\d+)(?:\s*,\s*(?:\d+-\d*|-\d+))*$/;

export function createSpool(opts: SpoolOptions = {}): Spool {
  const ttlMs = opts.ttlMs ?? 60 * 60_000;
  const maxRunning = opts.maxRunning ?? 2;
  const maxQueued = opts.maxQueued ?? 8;
  const maxPerOwner = opts.maxPerOwner ?? 5;
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'incas-spool-'));
  const entries = new Map<string, Entry>();
  const waiting: Entry[] = [];
  let running = 0;

  const viewOf = (e: Entry): SpoolView => ({
    id: e.id,
    status: e.status,
    filename: e.filename,
    mediaType: e.mediaType,
    done: e.done,
    total: e.total,
    bytes: e.bytes,
    createdAt: new Date(e.created).toISOString(),
    expiresAt: new Date(e.expires).toISOString(),
  });

  const drop = (e: Entry) => {
    entries.delete(e.id);
    const i = waiting.indexOf(e);
    if (i >= 0) waiting.splice(i, 1);
    void rm(e.path, { force: true });
  };

  const next = () => {
    while (running < maxRunning && waiting.length) {
      const e = waiting.shift()!;
      running++;
      e.status = 'preparing';
      void e.run().finally(() => {
        running--;
        next();
      });
    }
  };

  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const e of entries.values()) if (e.expires <= now && e.status !== 'preparing') drop(e);
  }, 60_000);
  sweeper.unref();

  return {
    start(job) {
      if (waiting.length >= maxQueued)
        throw new AppError('spool.busy', 'Too many files are being prepared; try again shortly.', {
          headers: { 'retry-after': RETRY_AFTER_SECONDS },
        });
      const mine = [...entries.values()].filter((x) => x.owner === job.owner).sort((a, b) => a.created - b.created);
      for (const old of mine.slice(0, Math.max(0, mine.length - maxPerOwner + 1)))
        if (old.status !== 'preparing') drop(old);
      const id = randomUUID();
      const now = Date.now();
      const e: Entry = {
        id,
        owner: job.owner,
        filename: job.filename,
        mediaType: job.mediaType,
        path: join(dir, id),
        status: 'queued',
        done: 0,
        total: job.total,
        bytes: null,
        mtime: null,
        created: now,
        expires: now + ttlMs,
        run: async () => {
          try {
            const file = createWriteStream(e.path);
            const out = new PassThrough({ highWaterMark: 1 << 20 });
            const writing = job
              .write(out, (done) => {
                e.done = done;
              })
              .catch((err: unknown) => {
                out.destroy(err instanceof Error ? err : new Error('write failed'));
                throw err;
              });
            await Promise.all([pipeline(out, file), writing]);
            const st = await stat(e.path);
            e.bytes = st.size;
            e.mtime = st.mtime;
            e.status = 'ready';
            e.expires = Date.now() + ttlMs;
          } catch {
            e.status = 'failed';
            await rm(e.path, { force: true });
          }
        },
      };
      entries.set(id, e);
      waiting.push(e);
      next();
      return viewOf(e);
    },

    view(id, owner) {
      const e = entries.get(id);
      return e && e.owner === owner ? viewOf(e) : null;
    },

    async send(req, reply, id, owner) {
      const e = entries.get(id);
      if (!e || e.owner !== owner || e.status === 'failed')
        throw new AppError('spool.gone', 'This file is no longer available: prepare it again.');
      if (e.status !== 'ready')
        throw new AppError('spool.not_ready', 'This file is still being prepared.', {
          headers: { 'retry-after': '2' },
        });
      const size = e.bytes!;
      const etag = `"${e.id}"`;
      const lastModified = e.mtime!.toUTCString();
      reply
        .type(e.mediaType)
        .header('content-disposition', `attachment; filename="${e.filename}"`)
        .header('cache-control', 'private, no-cache')
        .header('accept-ranges', 'bytes')
        .header('etag', etag)
        .header('last-modified', lastModified);
      const range = req.headers.range;
      const ifRange = req.headers['if-range'];
      // a Range whose If-Range names another version of the file is ignored (the whole file is sent),
      // and so is one that is not a well-formed byte range (RFC 9110 §14.2)
      const rangeApplies =
        range !== undefined &&
        WELL_FORMED_RANGE.test(range) &&
        (ifRange === undefined || ifRange === etag || ifRange === lastModified);
      if (rangeApplies) {
        const ranges = parseRange(size, range, { combine: true });
        if (ranges === -1)
          return reply.code(416).header('content-range', `bytes */${size}`).header('content-length', 0).send();
        // one range is served; a malformed header or several ranges fall back to the whole file
        if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) {
          const { start, end } = ranges[0]!;
          return reply
            .code(206)
            .header('content-range', `bytes ${start}-${end}/${size}`)
            .header('content-length', end - start + 1)
            .send(createReadStream(e.path, { start, end }));
        }
      }
      return reply.header('content-length', size).send(createReadStream(e.path));
    },

    close() {
      clearInterval(sweeper);
      entries.clear();
      waiting.length = 0;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
