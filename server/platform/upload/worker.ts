/**
 * The parsing worker: one thread per uploaded file, started by reader.ts with the file and the
 * limits, ended after it answers (or terminated at the time or memory limit). It reads either one
 * table (a CSV, or an XLSX's first worksheet) or several named worksheets of one XLSX.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors.js';
import type { UploadLimits } from './limits.js';
import { uploadMessages } from './limits.js';
import {
  parseTable,
  parseWorkbook,
  type ParseRequest,
  type ParsedTable,
  type ParsedWorkbook,
  type WorkbookParseRequest,
} from './parse.js';

export type WorkerInput =
  | { request: ParseRequest; limits: UploadLimits }
  | { workbook: WorkbookParseRequest; limits: UploadLimits };

export type WorkerAnswer =
  | { ok: true; table: ParsedTable }
  | { ok: true; workbook: ParsedWorkbook }
  | { ok: false; code: string; message: string };

function refusalOf(err: unknown, format: ParseRequest['format']): WorkerAnswer {
  if (err instanceof AppError && err.code.startsWith('upload.'))
    return { ok: false, code: err.code, message: err.message };
  // anything else a file made a library throw (a RangeError deep in a parser…) is a file we cannot read
  const message = format === 'xlsx' ? uploadMessages.notXlsx() : uploadMessages.notCsv(null, 'struttura non valida');
  return { ok: false, code: 'upload.unreadable', message };
}

const input = workerData as WorkerInput;
const answer: WorkerAnswer =
  'workbook' in input
    ? await parseWorkbook(input.workbook, input.limits).then(
        (workbook): WorkerAnswer => ({ ok: true, workbook }),
        (err: unknown) => refusalOf(err, 'xlsx'),
      )
    : await parseTable(input.request, input.limits).then(
        (table): WorkerAnswer => ({ ok: true, table }),
        (err: unknown) => refusalOf(err, input.request.format),
      );
parentPort!.postMessage(answer);
