/** SQL of the case records: documents (description and bytes), notes, and the printed case summary. */
import type { Queryable } from '../../../platform/db/db.js';
import type { DocumentKind } from '../shared/vocab.js';

export interface DocumentRow {
  id: string;
  comune_istat: string;
  case_id: string;
  person_id: string;
  pseudonym: string;
  pai_id: string | null;
  kind: DocumentKind;
  filename_enc: string;
  content_type: string;
  size_bytes: number;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_at: Date;
}

const documentColumns = `d.id, d.comune_istat, d.case_id, d.person_id, p.pseudonym, d.pai_id, d.kind, d.filename_enc,
  d.content_type, d.size_bytes, d.uploaded_by, u.display_name AS uploaded_by_name, d.uploaded_at`;
const documentFrom = `pilot_documents d JOIN pilot_persons p ON p.id = d.person_id LEFT JOIN access_users_v u ON u.id = d.uploaded_by`;

export function selectDocumentsOfCase(tx: Queryable, caseId: string): Promise<DocumentRow[]> {
  return tx.query<DocumentRow>(
    `SELECT ${documentColumns} FROM ${documentFrom} WHERE d.case_id = $1 ORDER BY d.uploaded_at DESC, d.id`,
    [caseId],
  );
}

export async function selectDocument(tx: Queryable, id: string): Promise<DocumentRow | undefined> {
  const [row] = await tx.query<DocumentRow>(`SELECT ${documentColumns} FROM ${documentFrom} WHERE d.id = $1`, [id]);
  return row;
}

export interface DocumentInsert {
  id: string;
  comune: string;
  caseId: string;
  personId: string;
  paiId: string | null;
  kind: DocumentKind;
  filenameEnc: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string;
  uploadedAt: Date;
}

export async function insertDocument(tx: Queryable, d: DocumentInsert): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_documents (id, comune_istat, case_id, person_id, pai_id, kind, filename_enc, content_type, size_bytes,
       uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      d.id,
      d.comune,
      d.caseId,
      d.personId,
      d.paiId,
      d.kind,
      d.filenameEnc,
      d.contentType,
      d.sizeBytes,
      d.uploadedBy,
      d.uploadedAt,
    ],
  );
}

export async function deleteDocument(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM pilot_documents WHERE id = $1', [id]);
}

/** Whether the PAI belongs to the person (a document attached to a PAI is also attached to its person). */
export async function paiOfPerson(tx: Queryable, paiId: string, personId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM pilot_pais WHERE id = $1 AND person_id = $2', [paiId, personId]);
  return rows.length > 0;
}

/** Whether the person is a member of the case. */
export async function memberOfCase(tx: Queryable, caseId: string, personId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM pilot_case_members WHERE case_id = $1 AND person_id = $2', [
    caseId,
    personId,
  ]);
  return rows.length > 0;
}

export interface NoteRow {
  id: string;
  author_user_id: string;
  author_name: string | null;
  created_at: Date;
  text_enc: string;
}

export function selectNotesOfCase(tx: Queryable, caseId: string): Promise<NoteRow[]> {
  return tx.query<NoteRow>(
    `SELECT n.id, n.author_user_id, u.display_name AS author_name, n.created_at, n.text_enc
       FROM pilot_case_notes n LEFT JOIN access_users_v u ON u.id = n.author_user_id
      WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id`,
    [caseId],
  );
}

export async function insertNote(
  tx: Queryable,
  n: { id: string; comune: string; caseId: string; authorUserId: string; createdAt: Date; textEnc: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO pilot_case_notes (id, comune_istat, case_id, author_user_id, created_at, text_enc)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [n.id, n.comune, n.caseId, n.authorUserId, n.createdAt, n.textEnc],
  );
}

// the printed case summary: reads across the pilot's tables (one module, one schema)
export interface SummaryMemberRow {
  person_id: string;
  pseudonym: string;
  role: 'titolare' | 'familiare';
  relation: string | null;
  identity_enc: string;
  admission_status: string | null;
  admission_on: string | null;
}

export function selectSummaryMembers(tx: Queryable, caseId: string): Promise<SummaryMemberRow[]> {
  return tx.query<SummaryMemberRow>(
    `SELECT m.person_id, p.pseudonym, m.role, m.relation, p.identity_enc, a.status AS admission_status,
            a.decided_on::text AS admission_on
       FROM pilot_case_members m JOIN pilot_persons p ON p.id = m.person_id
       LEFT JOIN LATERAL (SELECT status, decided_on FROM pilot_admissions x WHERE x.person_id = m.person_id
                           ORDER BY x.created_at DESC LIMIT 1) a ON true
      WHERE m.case_id = $1 ORDER BY m.role DESC, m.created_at`,
    [caseId],
  );
}

export interface SummaryPermitRow {
  person_id: string;
  basis: string;
  questura: string;
  receipt_on: string | null;
  issued_on: string | null;
  expires_on: string | null;
  renewal_requested_on: string | null;
  renewed_on: string | null;
  conversion_requested_on: string | null;
  converted_on: string | null;
  revoked_on: string | null;
}

export function selectSummaryPermits(tx: Queryable, caseId: string): Promise<SummaryPermitRow[]> {
  return tx.query<SummaryPermitRow>(
    `SELECT pe.person_id, pe.basis, pe.questura, pe.receipt_on::text AS receipt_on, pe.issued_on::text AS issued_on,
            pe.expires_on::text AS expires_on, pe.renewal_requested_on::text AS renewal_requested_on,
            pe.renewed_on::text AS renewed_on, pe.conversion_requested_on::text AS conversion_requested_on,
            pe.converted_on::text AS converted_on, pe.revoked_on::text AS revoked_on
       FROM pilot_permits pe JOIN pilot_case_members m ON m.person_id = pe.person_id
      WHERE m.case_id = $1 ORDER BY pe.created_at`,
    [caseId],
  );
}

export interface SummaryMeasureRow {
  person_id: string;
  pai_version: number;
  pai_status: string;
  type: string;
  provider_name: string;
  start_on: string | null;
  end_on: string | null;
  cost_planned: number;
  cost_actual: number | null;
  status: string;
}

export function selectSummaryMeasures(tx: Queryable, caseId: string): Promise<SummaryMeasureRow[]> {
  return tx.query<SummaryMeasureRow>(
    `SELECT pa.person_id, pa.version AS pai_version, pa.status AS pai_status, me.type, me.provider_name,
            me.start_on::text AS start_on, me.end_on::text AS end_on, me.cost_planned, me.cost_actual, me.status
       FROM pilot_measures me JOIN pilot_pais pa ON pa.id = me.pai_id
      WHERE pa.case_id = $1 ORDER BY me.start_on NULLS LAST, me.created_at`,
    [caseId],
  );
}

export interface SummaryOutcomeRow {
  person_id: string;
  kind: string;
  occurred_on: string;
  employed: boolean | null;
}

export function selectSummaryOutcomes(tx: Queryable, caseId: string): Promise<SummaryOutcomeRow[]> {
  return tx.query<SummaryOutcomeRow>(
    `SELECT person_id, kind, occurred_on::text AS occurred_on, employed FROM pilot_outcomes WHERE case_id = $1
      ORDER BY occurred_on, created_at`,
    [caseId],
  );
}

export async function selectComuneName(tx: Queryable, istat: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM registry_comuni_v WHERE istat_code = $1', [istat]);
  return row?.name ?? istat;
}

export async function selectUserName(tx: Queryable, userId: string): Promise<string | null> {
  const [row] = await tx.query<{ display_name: string }>('SELECT display_name FROM access_users_v WHERE id = $1', [
    userId,
  ]);
  return row?.display_name ?? null;
}
