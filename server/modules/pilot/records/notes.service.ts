/**
 * Case notes: what the Comune's staff write about a case, seen only inside the Comune (the
 * operatore of the case and the referente). Append-only: a note is never edited nor deleted, a
 * correction is a new note (decision 0025). The text is encrypted at rest; reading the notes is
 * audited like reading the case file.
 */
import { randomUUID } from 'node:crypto';
import { accessOf, type Ctx } from '../../../platform/context.js';
import { recordAudit } from '../../audit/index.js';
import { loadCase } from '../shared/access.js';
import { openNote, sealNote } from './records.crypto.js';
import { insertNote, selectNotesOfCase, selectUserName, type NoteRow } from './records.repo.js';
import type { CreateNoteBody, NoteOut } from './records.schema.js';

function toNote(ctx: Ctx, r: NoteRow): NoteOut {
  return {
    id: r.id,
    text: openNote(ctx.cipher, r.id, r.text_enc),
    createdAt: r.created_at.toISOString(),
    authorUserId: r.author_user_id,
    author: r.author_name,
  };
}

/** The notes of a case, newest first; the read is audited. */
export async function listNotes(ctx: Ctx, caseId: string): Promise<{ items: NoteOut[] }> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.cases.read');
    const items = (await selectNotesOfCase(tx, caseId)).map((r) => toNote(ctx, r));
    await recordAudit(tx, ctx, {
      action: 'pilot.case.notes_read',
      entityType: 'pilot_case',
      entityId: c.id,
      tenantComune: c.comune_istat,
      details: { notes: items.length },
    });
    return { items };
  });
}

/**
 * Adds a note to a case, also a closed one (a follow-up after the exit is still worth writing
 * down); audited without its text.
 */
export async function addNote(ctx: Ctx, caseId: string, body: CreateNoteBody): Promise<NoteOut> {
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const c = await loadCase(tx, ctx, caseId, 'pilot.records.write');
    const id = randomUUID();
    const createdAt = ctx.clock.now();
    await insertNote(tx, {
      id,
      comune: c.comune_istat,
      caseId,
      authorUserId: ctx.actor!.userId,
      createdAt,
      textEnc: sealNote(ctx.cipher, id, body.text),
    });
    await recordAudit(tx, ctx, {
      action: 'pilot.case.note_add',
      entityType: 'pilot_case',
      entityId: c.id,
      tenantComune: c.comune_istat,
      details: { note: id },
    });
    return {
      id,
      text: body.text,
      createdAt: createdAt.toISOString(),
      authorUserId: ctx.actor!.userId,
      author: await selectUserName(tx, ctx.actor!.userId),
    };
  });
}
