/**
 * Uploaded documents (PDF, PNG, JPEG): the checks of their content and the encrypted store of their
 * bytes, shared by the pilot's case records and the projects' expenses (decision 0050).
 */
export {
  attachmentDisposition,
  checkDocument,
  documentRefusals,
  documentTypes,
  MAX_DOCUMENT_BYTES,
  maxDocumentBase64Chars,
  pdfHasActiveContent,
  sniffDocumentType,
  type DocumentCheck,
  type DocumentType,
} from './content.js';
export {
  databaseDocumentStore,
  documentContentsColumn,
  openDocumentContent,
  sealDocumentContent,
  type DocumentContentsTable,
  type DocumentStore,
  type StoredDocumentRef,
} from './store.js';
export { demoPdf } from './demo-pdf.js';
export { uploadFileFields } from './upload-fields.js';
export { taggedPdf, type TaggedPdfDoc } from './tagged-pdf.js';
