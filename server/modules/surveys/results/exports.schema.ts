/** API schemas of a wave's export (issue 11 item 5; decision 0042). */
import { z } from 'zod';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const exportFormats = ['xlsx', 'csv'] as const;
export const exportShapes = ['wide', 'long'] as const;
export const exportValues = ['codes', 'labels'] as const;

export const exportQuerySchema = z
  .object({
    format: z.enum(exportFormats).describe('xlsx (a workbook) or csv (UTF-8 with BOM, ";" separated)'),
    shape: z
      .enum(exportShapes)
      .default('wide')
      .describe('wide: one row per Comune (and per entry of a repeat); long: one row per answer'),
    values: z
      .enum(exportValues)
      .default('codes')
      .describe('wide: choices as their codes or as their Italian labels (long always carries both)'),
    repeat: z
      .string()
      .regex(/^[\p{L}_][\p{L}\p{N}._-]*$/u, 'A repeat of the questionnaire')
      .optional()
      .describe('csv and wide only: the entries of this repeat instead of the Comuni'),
  })
  .strict();
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const codebookQuerySchema = z.object({ format: z.enum(exportFormats).describe('xlsx or csv') }).strict();
export type CodebookQuery = z.infer<typeof codebookQuerySchema>;

/** A prepared export (a file written once in the server's spool, then downloaded and resumable). */
export const preparedExportSchema = z
  .object({
    id: z.uuid(),
    status: z
      .enum(['queued', 'preparing', 'ready', 'failed'])
      .describe('queued (waiting for a writer), preparing, ready (download it), failed (prepare it again)'),
    filename: z.string(),
    mediaType: z.string(),
    done: z.int().describe('responses read so far'),
    total: z.int().nullable().describe('responses the file reads in all (once per sheet that reads them)'),
    bytes: z.int().nullable().describe('the file’s size, once ready'),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().describe('after this the file is deleted and must be prepared again'),
  })
  .meta({ id: 'PreparedExport' });
export type PreparedExport = z.infer<typeof preparedExportSchema>;

export const preparedExportParams = z.object({ waveId: z.uuid(), exportId: z.uuid() }).strict();
