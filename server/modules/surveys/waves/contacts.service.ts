/**
 * A Comune's contacts for the surveys (issue 10, point 5): the institutional address, the PEC and
 * the referenti with their name and role (question A3 of the 2021 census). ANCI/Cittalia edit any
 * Comune's, a Comune's validatore or referente only their own (row-level security is the second
 * wall). A CSV import replaces the contacts of each Comune it names, all or nothing: one bad row and
 * nothing is written, every problem said as "Riga N, colonna 'x': motivo". The audit trail keeps
 * counts, never the addresses or names.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { accessOf, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { AppError, type FieldIssue } from '../../../platform/errors.js';
import { assertCan } from '../../../platform/policy.js';
import { readTable, type TextEncoding } from '../../../platform/upload/index.js';
import { recordAudit } from '../../audit/index.js';
import { assertAny, assertOwnComune } from './access.js';
import {
  contactKinds,
  type ContactInput,
  type ContactListOut,
  type ImportContactsBody,
  MAX_CONTACTS_FILE_BYTES,
} from './waves.schema.js';

async function comuneName(tx: Queryable, istat: string): Promise<string | undefined> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM registry_comuni_v WHERE istat_code = $1', [istat]);
  return row?.name;
}

interface ContactRow {
  id: string;
  kind: ContactInput['kind'];
  email: string;
  person_name: string | null;
  person_role: string | null;
  updated_at: Date;
}

async function selectContacts(tx: Queryable, istat: string): Promise<ContactListOut['items']> {
  const rows = await tx.query<ContactRow>(
    `SELECT id, kind, email, person_name, person_role, updated_at FROM survey_contacts WHERE comune_istat = $1
      ORDER BY array_position(ARRAY['email_istituzionale', 'pec', 'referente'], kind), lower(email)`,
    [istat],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    email: r.email,
    personName: r.person_name,
    personRole: r.person_role,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function getContacts(ctx: Ctx, istat: string): Promise<ContactListOut> {
  assertAny(ctx.actor, ['surveys.contacts.write', 'surveys.read', 'surveys.waves.manage']);
  if (ctx.actor.scope.level === 'comune' && ctx.actor.scope.comuneIstat !== istat)
    throw new AppError('forbidden', 'Only the own Comune');
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const name = await comuneName(tx, istat);
    if (!name) throw new AppError('comune.not_found');
    return { istat, name, items: await selectContacts(tx, istat) };
  });
}

function duplicates(items: ContactInput[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  items.forEach((c, i) => {
    const key = `${c.kind}\u0000${c.email.toLowerCase()}`;
    if (seen.has(key)) out.push(i);
    seen.add(key);
  });
  return out;
}

async function replaceContacts(tx: Queryable, istat: string, items: ContactInput[], now: Date): Promise<void> {
  await tx.query('DELETE FROM survey_contacts WHERE comune_istat = $1', [istat]);
  if (!items.length) return;
  await tx.query(
    `INSERT INTO survey_contacts (id, comune_istat, kind, email, person_name, person_role, created_at, updated_at)
     SELECT x.id, $1, x.kind, x.email, x.person_name, x.person_role, $2, $2
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS x(id, kind, email, person_name, person_role)`,
    [
      istat,
      now,
      items.map(() => randomUUID()),
      items.map((c) => c.kind),
      items.map((c) => c.email),
      items.map((c) => c.personName),
      items.map((c) => c.personRole),
    ],
  );
}

/** Replaces the Comune's contacts with the list given. */
export async function putContacts(ctx: Ctx, istat: string, items: ContactInput[]): Promise<ContactListOut> {
  assertCan(ctx.actor, 'surveys.contacts.write');
  assertOwnComune(ctx.actor, istat);
  const dup = duplicates(items);
  if (dup.length)
    throw new AppError('surveys.contact.invalid', 'The same address twice for the same kind', {
      fieldIssues: dup.map((i) => ({ path: `items.${i}.email`, message: 'Already in the list', code: 'duplicate' })),
    });
  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const name = await comuneName(tx, istat);
    if (!name) throw new AppError('comune.not_found');
    await replaceContacts(tx, istat, items, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'surveys.contacts.write',
      entityType: 'survey_contact',
      entityId: null,
      tenantComune: istat,
      details: countsOf(items),
    });
    return { istat, name, items: await selectContacts(tx, istat) };
  });
}

function countsOf(items: ContactInput[]): Record<string, number> {
  return Object.fromEntries(contactKinds.map((k) => [k, items.filter((c) => c.kind === k).length]));
}

/** The columns of the import file (header names, ignoring case and spaces). */
const COLUMNS = { istat: 'codice_istat', kind: 'tipo', email: 'email', name: 'nome', role: 'ruolo' } as const;
const kindWords: Record<string, ContactInput['kind']> = {
  email_istituzionale: 'email_istituzionale',
  'email istituzionale': 'email_istituzionale',
  istituzionale: 'email_istituzionale',
  pec: 'pec',
  referente: 'referente',
};
const emailSchema = z.email().max(254);

/** Imports contacts from a CSV (`;` separated, UTF-8 or Windows-1252): all rows or none. */
export async function importContacts(
  ctx: Ctx,
  body: ImportContactsBody,
): Promise<{ comuni: number; contacts: number; encoding: TextEncoding | null }> {
  assertCan(ctx.actor, 'surveys.contacts.write');
  if (ctx.actor.scope.level === 'regione') throw new AppError('forbidden', 'Read-only for a Regione');
  const table = await readTable({
    format: 'csv',
    bytes: Buffer.from(body.contentBase64, 'base64').subarray(0, MAX_CONTACTS_FILE_BYTES + 1),
    encoding: body.encoding,
    maxRows: 20_000,
  });
  const header = table.header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const at = (c: string) => header.indexOf(c);
  const missing = [COLUMNS.istat, COLUMNS.kind, COLUMNS.email].filter((c) => at(c) < 0);
  if (missing.length)
    throw new AppError('surveys.contact.invalid', `Colonne mancanti: ${missing.join(', ')}`, {
      fieldIssues: missing.map((c) => ({ path: c, message: `Colonna '${c}' mancante`, code: 'missing_column' })),
    });
  // a file with the header only imports nothing, and says so
  if (!table.rows.length) return { comuni: 0, contacts: 0, encoding: table.encoding };

  const issues: FieldIssue[] = [];
  const problem = (line: number, column: string, reason: string) =>
    issues.push({
      path: `riga ${line}, ${column}`,
      message: `Riga ${line}, colonna '${column}': ${reason}`,
      code: 'row',
    });
  const byComune = new Map<string, { line: number; c: ContactInput }[]>();
  for (const row of table.rows) {
    const cell = (c: string) => (at(c) < 0 ? '' : (row.cells[at(c)] ?? '').trim());
    const istat = cell(COLUMNS.istat).padStart(6, '0');
    const kind = kindWords[cell(COLUMNS.kind).toLowerCase()];
    const email = cell(COLUMNS.email);
    const personName = cell(COLUMNS.name) || null;
    const personRole = cell(COLUMNS.role) || null;
    let ok = true;
    if (!/^\d{6}$/.test(istat)) ok = !problem(row.line, COLUMNS.istat, 'codice ISTAT di sei cifre');
    else if (ctx.actor.scope.level === 'comune' && ctx.actor.scope.comuneIstat !== istat)
      ok = !problem(row.line, COLUMNS.istat, 'si possono importare solo i contatti del proprio Comune');
    if (!kind) ok = !problem(row.line, COLUMNS.kind, 'tipo non valido (email_istituzionale, pec o referente)');
    if (!emailSchema.safeParse(email).success) ok = !problem(row.line, COLUMNS.email, 'indirizzo e-mail non valido');
    if (kind === 'referente' && !personName) ok = !problem(row.line, COLUMNS.name, 'il referente deve avere un nome');
    if ((personName?.length ?? 0) > 200) ok = !problem(row.line, COLUMNS.name, 'al massimo 200 caratteri');
    if ((personRole?.length ?? 0) > 200) ok = !problem(row.line, COLUMNS.role, 'al massimo 200 caratteri');
    if (!ok || !kind) continue;
    const list = byComune.get(istat) ?? [];
    if (list.some((x) => x.c.kind === kind && x.c.email.toLowerCase() === email.toLowerCase()))
      problem(row.line, COLUMNS.email, 'contatto già presente in una riga precedente');
    else list.push({ line: row.line, c: { kind, email, personName, personRole } });
    byComune.set(istat, list);
  }

  return ctx.db.tx(accessOf(ctx.actor), async (tx) => {
    const known = new Set(
      (
        await tx.query<{ istat_code: string }>(
          'SELECT istat_code FROM registry_comuni_v WHERE istat_code = ANY($1::text[])',
          [[...byComune.keys()]],
        )
      ).map((r) => r.istat_code),
    );
    for (const [istat, list] of byComune)
      if (!known.has(istat)) problem(list[0]!.line, COLUMNS.istat, `nessun Comune con codice ISTAT ${istat}`);
    if (issues.length) {
      issues.sort((a, b) => Number(/\d+/.exec(a.path)![0]) - Number(/\d+/.exec(b.path)![0]));
      throw new AppError('surveys.contact.invalid', `${issues.length} problemi nel file: nessun contatto importato`, {
        fieldIssues: issues,
      });
    }
    const now = ctx.clock.now();
    let contacts = 0;
    for (const [istat, list] of byComune) {
      const items = list.map((x) => x.c);
      await replaceContacts(tx, istat, items, now);
      contacts += items.length;
      await recordAudit(tx, ctx, {
        action: 'surveys.contacts.import',
        entityType: 'survey_contact',
        entityId: null,
        tenantComune: istat,
        details: countsOf(items),
      });
    }
    return { comuni: byComune.size, contacts, encoding: table.encoding };
  });
}
