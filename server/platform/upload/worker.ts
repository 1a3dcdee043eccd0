/**
 * The parsing worker: one thread per uploaded file, started by reader.ts with the file and the
 * limits, ended after it answers (or terminated at the time or memory limit).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import type { UploadLimits } from './limits.js';
import { uploadMessages } from './limits.js';
import { parseTable, type ParseRequest, type ParsedTable } from './parse.js';

export interface WorkerInput {
  request: ParseRequest;
  limits: UploadLimits;
}

export type WorkerAnswer = { ok: true; table: ParsedTable } | { ok: false; code: string; message: string };

function refusalOf(err: unknown, format: ParseRequest['format']): WorkerAnswer {
  if (err instanceof AppError && err.code.startsWith('upload.'))
    return { ok: false, code: err.code, message: err.message };
  // anything else a file made a library throw (a RangeError deep in a parser…) is a file we cannot read
  const message = format === 'xlsx' ? uploadMessages.notXlsx() : uploadMessages.notCsv(null, 'struttura non valida');
  return { ok: false, code: 'upload.unreadable', message };
}

const { request, limits } = workerData as WorkerInput;
const answer: WorkerAnswer = await parseTable(request, limits).then(
  (table): WorkerAnswer => ({ ok: true, table }),
  (err: unknown) => refusalOf(err, request.format),
);
parentPort!.postMessage(answer);
