/**
 * The demo's documents (issue 13 item 5): the adoption resolutions of the adopted plans and the
 * minutes of the meetings, as one-page PDFs of synthetic text (platform/documents/demo-pdf.ts),
 * kept encrypted like an upload. Each part builds its documents and points its rows at them; the
 * rows here are written before the plans' and meetings' (the owner's row must exist first: see
 * `insertDemoDocuments`). Without a cipher (a database seeded without the data key) no document.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FieldCipher } from '../../../platform/crypto.js';
import type { Queryable } from '../../../platform/db/db.js';
import { insertMany } from '../../../platform/db/insert-many.js';
import { demoPdf, sealDocumentContent } from '../../../platform/documents/index.js';
import { plmDocumentContents, type PlmDocumentKind, type PlmDocumentOwner } from './documents.js';

export interface DemoDocument {
  id: string;
  owner: PlmDocumentOwner;
  kind: PlmDocumentKind;
  comune: string | null;
  region: string;
  fileName: string;
  uploadedBy: string;
  uploadedAt: Date;
  bytes: Buffer;
}

/** A demo document of synthetic text; its first paragraph says it is a demo. */
export function demoDocument(
  d: Omit<DemoDocument, 'id' | 'bytes'> & { title: string; paragraphs: string[] },
): DemoDocument {
  const { title, paragraphs, ...rest } = d;
  return {
    ...rest,
    id: randomUUID(),
    bytes: demoPdf({
      title,
      paragraphs: ['DOCUMENTO DIMOSTRATIVO – dati sintetici, nessun fatto reale.', ...paragraphs],
    }),
  };
}

/**
 * Writes the descriptions and the encrypted bytes, after their owners (plans, meetings) are in;
 * the caller then sets the owner's reference (adoption_document_id, minutes_document_id).
 */
export async function insertDemoDocuments(tx: Queryable, cipher: FieldCipher, docs: DemoDocument[]): Promise<void> {
  await insertMany(
    tx,
    'plm_documents',
    docs.map((d) => ({
      id: d.id,
      comune_istat: d.comune,
      region_code: d.region,
      kind: d.kind,
      plan_id: 'planId' in d.owner ? d.owner.planId : null,
      meeting_id: 'meetingId' in d.owner ? d.owner.meetingId : null,
      message_id: 'messageId' in d.owner ? d.owner.messageId : null,
      file_name: d.fileName,
      media_type: 'application/pdf',
      size_bytes: d.bytes.length,
      sha256: createHash('sha256').update(d.bytes).digest('hex'),
      uploaded_by: d.uploadedBy,
      uploaded_at: d.uploadedAt.toISOString(),
    })),
  );
  await insertMany(
    tx,
    'plm_document_contents',
    docs.map((d) => ({
      id: d.id,
      comune_istat: d.comune,
      content: sealDocumentContent(cipher, plmDocumentContents, d.id, d.bytes),
    })),
  );
}
