/**
 * The steps on a case file that several services share, each inside the caller's transaction:
 * registering a person, opening a case for a holder (the form and the import, which audit it
 * each their way) and reading the file back (no audit: callers decide).
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { loadCase, recordCaseEvent, todayOf, type CaseRow } from '../shared/access.js';
import type { CaseDetail, PersonInput } from './cases.schema.js';
import {
  insertCase,
  insertHolderMember,
  insertPerson,
  linkReferralToCase,
  nextPseudonymNumber,
  selectCaseFile,
} from './cases.repo.js';
import { toCaseDetail } from './cases.mapper.js';
import { cfIndex, nameIndex, sealIdentity } from '../shared/identity.js';
import { formatPseudonym, pseudonymPrefix } from '../shared/pseudonyms.js';
import { nameGrams } from '../shared/name-search.js';
import { writeNameGrams } from '../shared/name-grams.repo.js';

/**
 * Registers a person of the Comune: the next pseudonym of the year, the identity encrypted, the
 * blind indexes for search by name and codice fiscale (stored upper case), the keyed trigrams of
 * the name for partial search.
 */
export async function registerPerson(
  tx: Queryable,
  ctx: Pick<Ctx, 'cipher'>,
  p: PersonInput,
  o: { comune: string; year: number; now: Date; importKey?: string | null },
): Promise<{ id: string; pseudonym: string }> {
  const id = randomUUID();
  const counter = await nextPseudonymNumber(tx, o.comune, o.year);
  const pseudonym = formatPseudonym(pseudonymPrefix(counter.sigla), o.year, counter.last);
  const identity = {
    ...p.identity,
    codiceFiscale: p.identity.codiceFiscale ? p.identity.codiceFiscale.toUpperCase() : null,
  };
  await insertPerson(tx, {
    id,
    comune: o.comune,
    pseudonym,
    sex: p.sex,
    birthYear: Number(p.identity.birthDate.slice(0, 4)),
    birthCountry: p.birthCountry,
    nationalities: p.nationalities,
    languages: p.languages,
    identityEnc: sealIdentity(ctx.cipher, id, identity),
    nameIndex: nameIndex(ctx.cipher, identity.surname, identity.givenNames),
    cfIndex: identity.codiceFiscale ? cfIndex(ctx.cipher, identity.codiceFiscale) : null,
    importKey: o.importKey ?? null,
    now: o.now,
  });
  await writeNameGrams(tx, [
    { personId: id, comune: o.comune, grams: nameGrams(ctx.cipher, o.comune, identity.surname, identity.givenNames) },
  ]);
  return { id, pseudonym };
}

/** Writes a holder and opens their case (member row, link to the referral, PRESA_IN_CARICO event). */
export async function openCase(
  tx: Queryable,
  ctx: Ctx,
  o: {
    comune: string;
    holder: PersonInput;
    openedOn: string;
    inSai: boolean;
    ownerId: string;
    referralId: string | null;
    importKey?: string | null;
  },
): Promise<{ caseId: string; person: { id: string; pseudonym: string } }> {
  const now = ctx.clock.now();
  const person = await registerPerson(tx, ctx, o.holder, {
    comune: o.comune,
    year: Number(o.openedOn.slice(0, 4)),
    now,
    importKey: o.importKey ?? null,
  });
  const caseId = await insertCase(tx, {
    comune: o.comune,
    holderId: person.id,
    referralId: o.referralId,
    ownerId: o.ownerId,
    openedOn: o.openedOn,
    inSai: o.inSai,
    now,
  });
  await insertHolderMember(tx, caseId, person.id, o.comune, now);
  if (o.referralId) await linkReferralToCase(tx, o.referralId, caseId, now);
  await recordCaseEvent(tx, ctx, {
    caseId,
    comune: o.comune,
    personId: person.id,
    type: 'PRESA_IN_CARICO',
    to: 'aperto',
    on: o.openedOn,
    note: o.importKey ? 'import' : null,
  });
  return { caseId, person };
}

/** Assembles the case file of a case row the caller has loaded. */
export async function readCaseFile(tx: Queryable, ctx: Ctx, c: CaseRow): Promise<CaseDetail> {
  return toCaseDetail(ctx, c, await selectCaseFile(tx, c), todayOf(ctx));
}

/**
 * The case file as a change left it, read inside the change's own transaction: not a separate
 * read, so not audited as one (the change itself is audited).
 */
export async function readCaseAfterChange(tx: Queryable, ctx: Ctx, caseId: string): Promise<CaseDetail> {
  return readCaseFile(tx, ctx, await loadCase(tx, ctx, caseId, 'pilot.cases.read'));
}
