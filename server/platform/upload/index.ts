/**
 * Reading an uploaded spreadsheet or CSV: the one way the application parses a file a user sends
 * (docs/decisions/0018-upload-parsing.md).
 *
 * On the request's thread only cheap checks run: the file's size and, for an XLSX, its zip
 * directory (declared sizes, entry count). The parse itself runs in a worker thread of its own,
 * with a heap limit (Worker resourceLimits) and a time limit, after which the worker is
 * terminated: a zip bomb or a pathological file costs one bounded worker, never the event loop
 * that answers everyone else. At most `maxConcurrent` workers run at once; up to `maxQueued`
 * further files wait, and any beyond that are refused at once with `upload.busy` (503, Retry-After),
 * as the PDF renderer does.
 */
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.js';
import { UPLOAD_LIMITS, UPLOAD_RETRY_AFTER_SECONDS, uploadMessages, type UploadLimits } from './limits.js';
import type { ParsedTable, ParsedWorkbook, TableFormat } from './parse.js';
import type { EncodingChoice } from './text.js';
import type { WorkerAnswer, WorkerInput } from './worker.js';
import { readZipDirectory } from './zip.js';

export { UPLOAD_LIMITS, maxBase64Chars, type UploadLimits } from './limits.js';
export type { ParsedSheet, ParsedTable, ParsedWorkbook, TableFormat, TableRow } from './parse.js';
export { encodingChoices, encodingLabels, textEncodings, type EncodingChoice, type TextEncoding } from './text.js';

export interface ReadTableRequest {
  format: TableFormat;
  bytes: Buffer;
  /** how to decode a CSV (default auto) */
  encoding?: EncodingChoice;
  /** the most data rows the caller takes (default and ceiling: limits.rows) */
  maxRows?: number;
}

export interface ReadWorkbookRequest {
  /** an XLSX file */
  bytes: Buffer;
  /** the worksheets wanted, by name (matched ignoring case); a missing one comes back as null */
  sheets: string[];
  /** the most data rows taken from each sheet (default and ceiling: limits.rows) */
  maxRows?: number;
}

export interface UploadReader {
  /** The table in the file, or an `upload.*` AppError saying why it is refused. */
  read(req: ReadTableRequest): Promise<ParsedTable>;
  /**
   * Several named worksheets of one XLSX, within the same limits and in the same kind of worker
   * as `read` (rows and cells counted over the whole workbook), or an `upload.*` AppError.
   */
  readWorkbook(req: ReadWorkbookRequest): Promise<ParsedWorkbook>;
  /** Parses running and waiting. */
  stats(): { active: number; queued: number };
  /** Refuses the parses still waiting and terminates those running. */
  close(): Promise<void>;
}

const workerFile = new URL(`./worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/**
 * A worker for one parse. Built, the worker is plain JavaScript; from the TypeScript sources
 * (tests, `npm run dev`) the thread first registers tsx's loader, a development dependency.
 */
function startWorker(input: WorkerInput): Worker {
  const options = {
    workerData: input,
    resourceLimits: { maxOldGenerationSizeMb: input.limits.workerHeapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  };
  if (!workerFile.pathname.endsWith('.ts')) return new Worker(workerFile, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerFile.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** A file the parser gave up on without saying why (a crash in a library): not one we can read. */
const unreadable = (format: TableFormat) =>
  new AppError(
    'upload.unreadable',
    format === 'xlsx' ? uploadMessages.notXlsx() : uploadMessages.notCsv(null, 'struttura non valida'),
  );

export function createUploadReader(overrides: Partial<UploadLimits> = {}): UploadReader {
  const limits: UploadLimits = { ...UPLOAD_LIMITS, ...overrides };
  let active = 0;
  const queue: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const running = new Set<Worker>();

  async function acquire(): Promise<void> {
    if (active < limits.maxConcurrent) {
      active++;
      return;
    }
    if (queue.length >= limits.maxQueued) {
      throw new AppError('upload.busy', uploadMessages.busy(), {
        headers: { 'retry-after': String(UPLOAD_RETRY_AFTER_SECONDS) },
      });
    }
    // the slot is handed over by release(), so `active` does not change here
    await new Promise<void>((resolve, reject) => queue.push({ resolve, reject }));
  }

  function release(): void {
    const next = queue.shift();
    if (next) next.resolve();
    else active--;
  }

  /** Runs one parse in its own worker; settles when the worker has exited, so its memory is gone. */
  function parseInWorker(input: WorkerInput): Promise<ParsedTable | ParsedWorkbook> {
    const format: TableFormat = 'workbook' in input ? 'xlsx' : input.request.format;
    return new Promise<ParsedTable | ParsedWorkbook>((resolve, reject) => {
      const worker = startWorker(input);
      running.add(worker);
      let outcome: { table: ParsedTable | ParsedWorkbook } | { error: AppError } | null = null;
      const settle = (o: NonNullable<typeof outcome>) => {
        outcome ??= o;
        void worker.terminate();
      };
      const timer = setTimeout(
        () => settle({ error: new AppError('upload.too_complex', uploadMessages.tooSlow(limits)) }),
        limits.parseMs,
      );
      worker.on('message', (answer: WorkerAnswer) =>
        settle(
          answer.ok
            ? { table: 'workbook' in answer ? answer.workbook : answer.table }
            : { error: new AppError(answer.code as 'upload.unreadable', answer.message) },
        ),
      );
      worker.on('error', (err: Error & { code?: string }) =>
        settle({
          error:
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new AppError('upload.too_complex', uploadMessages.tooMuchMemory())
              : unreadable(format),
        }),
      );
      worker.on('exit', () => {
        clearTimeout(timer);
        running.delete(worker);
        const o = outcome ?? { error: unreadable(format) };
        if ('table' in o) resolve(o.table);
        else reject(o.error);
      });
    });
  }

  /** The cheap refusals, before any worker: the size, and a zip's declared sizes and entries. */
  function precheck(bytes: Buffer, format: TableFormat): void {
    if (bytes.length > limits.fileBytes) throw new AppError('upload.too_large', uploadMessages.fileTooLarge(limits));
    if (format === 'xlsx') readZipDirectory(bytes, limits);
  }

  async function inSlot(input: WorkerInput): Promise<ParsedTable | ParsedWorkbook> {
    await acquire();
    try {
      return await parseInWorker(input);
    } finally {
      release();
    }
  }

  async function read(req: ReadTableRequest): Promise<ParsedTable> {
    precheck(req.bytes, req.format);
    return (await inSlot({
      request: {
        format: req.format,
        bytes: req.bytes,
        encoding: req.encoding ?? 'auto',
        maxRows: Math.min(req.maxRows ?? limits.rows, limits.rows),
      },
      limits,
    })) as ParsedTable;
  }

  async function readWorkbook(req: ReadWorkbookRequest): Promise<ParsedWorkbook> {
    precheck(req.bytes, 'xlsx');
    return (await inSlot({
      workbook: { bytes: req.bytes, sheets: req.sheets, maxRows: Math.min(req.maxRows ?? limits.rows, limits.rows) },
      limits,
    })) as ParsedWorkbook;
  }

  return {
    read,
    readWorkbook,
    stats: () => ({ active, queued: queue.length }),
    async close() {
      for (const waiting of queue.splice(0)) waiting.reject(new Error('The upload reader was closed.'));
      await Promise.all([...running].map((w) => w.terminate()));
    },
  };
}

let shared: UploadReader | null = null;

/** The table in an uploaded file, read by the process's shared reader (see createUploadReader). */
export function readTable(req: ReadTableRequest): Promise<ParsedTable> {
  shared ??= createUploadReader();
  return shared.read(req);
}

/** Several named worksheets of an uploaded XLSX, read by the process's shared reader (see readWorkbook). */
export function readWorkbook(req: ReadWorkbookRequest): Promise<ParsedWorkbook> {
  shared ??= createUploadReader();
  return shared.readWorkbook(req);
}
