/** API schemas of the case records: documents attached to a person or a PAI, and case notes. */
import { z } from 'zod';
import { documentKinds } from '../shared/vocab.js';
import { documentTypes, maxDocumentBase64Chars, uploadFileFields } from '../../../platform/documents/index.js';

export const caseParams = z.object({ caseId: z.uuid() }).strict();
export const documentParams = z.object({ documentId: z.uuid() }).strict();

export const documentKindSchema = z.enum(documentKinds).meta({ id: 'PilotDocumentKind' });

/** Characters in one note. */
export const MAX_NOTE_CHARS = 4000;

export { maxDocumentBase64Chars };

export const uploadDocumentSchema = z
  .object({
    personId: z.uuid(),
    paiId: z.uuid().nullable().default(null),
    kind: documentKindSchema,
    ...uploadFileFields,
  })
  .strict()
  .meta({ id: 'PilotUploadDocument' });
export type UploadDocumentBody = z.infer<typeof uploadDocumentSchema>;

export const documentSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    pseudonym: z.string(),
    paiId: z.uuid().nullable(),
    kind: documentKindSchema,
    filename: z.string(),
    contentType: z.enum(documentTypes),
    sizeBytes: z.number().int(),
    uploadedAt: z.iso.datetime(),
    uploadedBy: z.string().nullable().describe('The display name of who attached it'),
    canDelete: z.boolean(),
  })
  .meta({ id: 'PilotDocument' });
export type DocumentOut = z.infer<typeof documentSchema>;

export const documentListSchema = z.object({ items: z.array(documentSchema) }).meta({ id: 'PilotDocumentList' });

export const createNoteSchema = z
  .object({ text: z.string().trim().min(1).max(MAX_NOTE_CHARS) })
  .strict()
  .meta({ id: 'PilotCreateNote' });
export type CreateNoteBody = z.infer<typeof createNoteSchema>;

export const noteSchema = z
  .object({
    id: z.uuid(),
    text: z.string(),
    createdAt: z.iso.datetime(),
    authorUserId: z.uuid(),
    author: z.string().nullable(),
  })
  .meta({ id: 'PilotCaseNote' });
export type NoteOut = z.infer<typeof noteSchema>;

export const noteListSchema = z.object({ items: z.array(noteSchema) }).meta({ id: 'PilotCaseNoteList' });
