import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteDocument, downloadDocument, listDocuments, uploadDocument } from './documents.service.js';
import { addNote, listNotes } from './notes.service.js';
import { attachmentDisposition, MAX_DOCUMENT_BYTES } from '../../../platform/documents/index.js';
import {
  caseParams,
  createNoteSchema,
  documentListSchema,
  documentParams,
  documentSchema,
  maxDocumentBase64Chars,
  noteListSchema,
  noteSchema,
  uploadDocumentSchema,
} from './records.schema.js';
import { printCaseSummary } from './summary.service.js';

const noContent = z.null().describe('No content');
const binary = (type: string) => z.file().mime(type);

/** Case records: documents, notes and the printed case summary (mounted under /api/v1/pilot). */
export async function pilotRecordsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['pilot'];
  const config = { auth: 'session' } as const;

  app.get('/cases/:caseId/documents', {
    config,
    schema: {
      tags,
      operationId: 'listPilotDocuments',
      summary: "The documents attached to the case's persons and PAIs (descriptions only)",
      description:
        'The operatore of the case or the referente (`pilot.cases.read`): every document of the case, newest first, without its bytes. 404 `pilot.case.not_found`.',
      params: caseParams,
      response: { 200: documentListSchema },
    },
    handler: (req) => listDocuments(req.ctx, req.params.caseId),
  });

  app.post('/cases/:caseId/documents', {
    config,
    // the JSON body carries the file in base64 (4 characters for 3 bytes), above the global 1 MiB limit
    bodyLimit: maxDocumentBase64Chars + 4096,
    schema: {
      tags,
      operationId: 'uploadPilotDocument',
      summary: `Attach a document (PDF, PNG or JPEG, at most ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB) to a person of the case or to a PAI`,
      description:
        'Case staff (`pilot.records.write`) of an open case. The type is read from the content (magic bytes), never from the name or the declared type, and the name must carry the matching extension: 415 `pilot.document.type` otherwise, or for a PDF with scripts, launch actions or embedded files. 413 `pilot.document.too_large` (or `request.too_large` for a body over the limit). The file is stored encrypted; audited.',
      params: caseParams,
      body: uploadDocumentSchema,
      response: { 201: documentSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await uploadDocument(req.ctx, req.params.caseId, req.body)),
  });

  app.get('/documents/:documentId/content', {
    config,
    schema: {
      tags,
      operationId: 'downloadPilotDocument',
      summary: 'Download a document (always as an attachment); audited',
      description:
        'The operatore of the case or the referente (`pilot.cases.read`): the file, with its type, `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`. Every download is audited and listed in "Chi ha consultato". 404 `pilot.document.not_found`.',
      params: documentParams,
      response: {
        200: {
          description: 'The document',
          content: {
            'application/pdf': { schema: binary('application/pdf') },
            'image/png': { schema: binary('image/png') },
            'image/jpeg': { schema: binary('image/jpeg') },
          },
        },
      },
    },
    handler: async (req, reply) => {
      const file = await downloadDocument(req.ctx, req.params.documentId);
      return (
        reply
          .type(file.contentType)
          .header('content-disposition', attachmentDisposition(file.filename))
          .header('x-content-type-options', 'nosniff')
          // never rendered as a page of the application's origin, even if opened directly
          .header('content-security-policy', "default-src 'none'; sandbox")
          // Fastify sends a Buffer as it is (no serializer); the schema only documents the binary body
          .send(file.bytes as unknown as File)
      );
    },
  });

  app.delete('/documents/:documentId', {
    config,
    schema: {
      tags,
      operationId: 'removePilotDocument',
      summary: 'Delete a document (referente); audited',
      description:
        'Referente_comunale only (`pilot.records.delete`): deletes the document and its bytes; audited. 404 `pilot.document.not_found`.',
      params: documentParams,
      response: { 204: noContent },
    },
    handler: async (req, reply) => {
      await deleteDocument(req.ctx, req.params.documentId);
      return reply.code(204).send(null);
    },
  });

  app.get('/cases/:caseId/notes', {
    config,
    schema: {
      tags,
      operationId: 'listPilotCaseNotes',
      summary: 'The notes of a case, newest first; audited',
      description:
        'Inside the Comune only: the operatore of the case or the referente (`pilot.cases.read`). Notes are append-only. Reading them is audited like reading the case file. 404 `pilot.case.not_found`.',
      params: caseParams,
      response: { 200: noteListSchema },
    },
    handler: (req) => listNotes(req.ctx, req.params.caseId),
  });

  app.post('/cases/:caseId/notes', {
    config,
    schema: {
      tags,
      operationId: 'addPilotCaseNote',
      summary: 'Add a note to a case (append-only)',
      description:
        'Case staff (`pilot.records.write`): adds a note, stored encrypted; it is never edited nor deleted (a correction is a new note). Audited without its text. 404 `pilot.case.not_found`.',
      params: caseParams,
      body: createNoteSchema,
      response: { 201: noteSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await addNote(req.ctx, req.params.caseId, req.body)),
  });

  app.get('/cases/:caseId/summary.pdf', {
    config,
    schema: {
      tags,
      operationId: 'printPilotCaseSummary',
      summary: 'The case summary as a tagged PDF in Italian; audited',
      description:
        "The operatore of the case or the referente (`pilot.cases.read`): the case's key facts, permits, PAIs, measures and outcomes, with the members' names, as a tagged A4 PDF; audited as a read of the case file. 404 `pilot.case.not_found`.",
      params: caseParams,
      response: {
        200: {
          description: 'The case summary (application/pdf)',
          content: { 'application/pdf': { schema: binary('application/pdf') } },
        },
      },
    },
    handler: async (req, reply) => {
      const pdf = await printCaseSummary(req.ctx, req.params.caseId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="riepilogo-caso-${req.params.caseId}.pdf"`)
        .send(pdf as unknown as File);
    },
  });
}
