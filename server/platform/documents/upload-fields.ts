/**
 * The two fields every document upload carries in its JSON body, one schema for the pilot's case
 * records and the projects' expenses: the file's name (no path, no control characters) and its
 * bytes in base64 within the documents' size limit (what it holds is checked by content later).
 */
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES, maxDocumentBase64Chars } from './content.js';

export const uploadFileFields = {
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((v) => !/[\\/\p{Cc}]/u.test(v), 'A file name without slashes or control characters'),
  content: z
    .base64()
    .max(maxDocumentBase64Chars)
    .describe(`The file, base64; PDF, PNG or JPEG by content, at most ${MAX_DOCUMENT_BYTES} bytes`),
};
