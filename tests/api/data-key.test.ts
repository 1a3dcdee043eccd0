/**
 * The data key against the database (issue 8, item 10): a start with another INCAS_DATA_KEY is
 * refused with a message naming it, before anything is served or written under a second key; the
 * key is changed only by rotation, which re-encrypts every encrypted column the modules declare
 * and recomputes the blind indexes, after which the data reads with the new key and the old key is
 * refused. On the engine of the suite; with DATABASE_URL the rotation runs through its CLI.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { generate, generateSecret } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { modules } from '../../server/modules.js';
import { importIndex, sealPermitNumber } from '../../server/modules/pilot/shared/identity.js';
import { prepareDatabase } from '../../server/platform/bootstrap.js';
import { createFieldCipher, type FieldCipher } from '../../server/platform/crypto.js';
import { rotateDataKey } from '../../server/platform/data-key.js';
import type { Database } from '../../server/platform/db/db.js';
import { encryptedColumnsOf } from '../../server/platform/module.js';
import { projectRoot } from '../../server/platform/paths.js';
import { StartupError } from '../../server/platform/startup.js';
import { makeUser, TEST_PASSWORD, type TestUser } from '../support/factories.js';
import { Agent, openTestDb, TEST_DATA_KEY } from '../support/harness.js';
import { makeCase, makePilotComune, type MadeCase, type PilotComune } from '../support/pilot-factories.js';
import { databaseUrlWithName } from '../support/template.js';

const execFileP = promisify(execFile);
const oldKey = TEST_DATA_KEY;
const newKey = randomBytes(32).toString('base64');
const oldCipher = createFieldCipher(Buffer.from(oldKey, 'base64'));
const newCipher = createFieldCipher(Buffer.from(newKey, 'base64'));
const TOTP = generateSecret();
const CF = 'RSSMRA80A01H501U';
const surname = 'Chiavistello';
const serverUrl = process.env.DATABASE_URL;

const config = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', INCAS_DEMO: 'false', LOG_LEVEL: 'silent', INCAS_DATA_KEY: oldKey, ...env });
const start = (cipher: FieldCipher) => prepareDatabase(config(), modules, { db, cipher });

const wrongKey = new StartupError(
  'INCAS_DATA_KEY is not the key this database was encrypted with (its fingerprint does not match): start with ' +
    'the right key (outside production without INCAS_DATA_KEY, the key is <INCAS_DATA_DIR>/incas-data.key); ' +
    'to change the key, use "npm run rotate-data-key".',
);

let db: Database;
let comune: PilotComune;
let kase: MadeCase;
let totpUser: TestUser;

beforeAll(async () => {
  db = await openTestDb();
  comune = await makePilotComune(db);
  kase = await makeCase(db, oldCipher, {
    comune,
    status: 'ammesso_misure',
    identity: { surname, codiceFiscale: CF },
  });
  await makeCase(db, oldCipher, { comune });
  totpUser = await makeUser(db, { roles: ['referente_comunale'], org: comune.comuneOrg, totpSecret: TOTP });
  // an imported person keeps its import key; the permit has a number (both encrypted or keyed)
  await db.ownerTx(async (tx) => {
    await tx.query('UPDATE pilot_persons SET import_key = $2 WHERE id = $1', [
      kase.holderId,
      importIndex(oldCipher, { surname, givenNames: 'Esempio', birthDate: '1990-05-17', codiceFiscale: CF }),
    ]);
    const [permit] = await tx.query<{ id: string }>('SELECT id FROM pilot_permits WHERE person_id = $1', [
      kase.holderId,
    ]);
    await tx.query('UPDATE pilot_permits SET number_enc = $2 WHERE id = $1', [
      permit!.id,
      sealPermitNumber(oldCipher, permit!.id, 'I0123456'),
    ]);
  });
}, 60_000);
afterAll(async () => db.close());

/** With `cipher`, the case file shows the identity and the permit number, search by name and CF finds it, TOTP login works. */
async function expectReadableWith(cipher: FieldCipher, totpStep: 0 | 1) {
  const app = await buildApp({
    config: config({ INCAS_DEMO: 'true', INCAS_RATE_LIMIT: '100000', INCAS_LOGIN_RATE_LIMIT: '100000' }),
    db,
    cipher,
    logger: false,
  });
  await app.ready();
  try {
    const op = new Agent(app);
    expect((await op.login(comune.operatore.email, TEST_PASSWORD)).status).toBe(200);
    const file = await op.get<{
      members: { identity: { surname: string; codiceFiscale: string }; permits: { number: string | null }[] }[];
    }>(`/api/v1/pilot/cases/${kase.caseId}`);
    expect(file.status).toBe(200);
    expect(file.body.members[0]!.identity).toMatchObject({ surname, codiceFiscale: CF });
    expect(file.body.members[0]!.permits[0]!.number).toBe('I0123456');
    // the exact name, the codice fiscale, and part of the name (keyed trigrams: backfilled at start, re-keyed by rotation)
    for (const q of [`${surname}%20Esempio`, CF, 'chiavist']) {
      const found = await op.get<{ items: { id: string }[] }>(`/api/v1/pilot/cases?q=${q}`);
      expect(found.body.items.map((c) => c.id)).toEqual([kase.caseId]);
    }
    // a code is accepted once: the second check uses the next step's (within the accepted drift)
    const code = await generate({ secret: TOTP, epoch: Math.floor(Date.now() / 1000) + 30 * totpStep });
    expect((await new Agent(app).login(totpUser.email, TEST_PASSWORD, code)).status).toBe(200);
  } finally {
    await app.close();
  }
}

describe('the data key', () => {
  it('is recorded at the first start, and a start with another key is refused naming INCAS_DATA_KEY', async () => {
    await start(oldCipher);
    await expect(start(newCipher)).rejects.toThrow(wrongKey);
    // a database that has data but no fingerprint yet (made before this check): the data decides
    await db.ownerTx((tx) => tx.query('DELETE FROM incas_data_key'));
    await expect(start(newCipher)).rejects.toThrow(wrongKey);
    await start(oldCipher);
    await expectReadableWith(oldCipher, 0);
  }, 60_000);

  it('rotates: every value re-encrypted and every blind index recomputed; the old key is then refused', async () => {
    const before = await db.ownerTx((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'platform.data_key.rotate'`),
    );
    if (serverUrl) {
      // the operator's path: npm run rotate-data-key with both keys
      const [current] = await db.ownerTx((tx) => tx.query<{ name: string }>('SELECT current_database() AS name'));
      const { stdout } = await execFileP(process.execPath, ['--import', 'tsx', 'server/cli/rotate-data-key.ts'], {
        cwd: projectRoot(),
        env: {
          PATH: process.env.PATH!,
          DATABASE_URL: databaseUrlWithName(serverUrl, current!.name),
          INCAS_DATA_KEY: oldKey,
          INCAS_NEW_DATA_KEY: newKey,
        },
      });
      expect(stdout).toMatch(
        /^Data key rotated: \d+ values re-encrypted \(users\.totp_secret 1, .*pilot_persons\.identity_enc/,
      );
    } else {
      const report = await rotateDataKey(db, encryptedColumnsOf(modules), oldCipher, newCipher);
      expect(report).toMatchObject({ 'users.totp_secret': 1, 'pilot_permits.number_enc': 1 });
      expect(report['pilot_persons.identity_enc']).toBeGreaterThanOrEqual(2);
    }
    await expect(start(oldCipher)).rejects.toThrow(wrongKey);
    await start(newCipher);
    await expectReadableWith(newCipher, 1);
    const [person] = await db.ownerTx((tx) =>
      tx.query<{ import_key: string }>('SELECT import_key FROM pilot_persons WHERE id = $1', [kase.holderId]),
    );
    expect(person!.import_key).toBe(
      importIndex(newCipher, { surname, givenNames: 'Esempio', birthDate: '1990-05-17', codiceFiscale: CF }),
    );
    const after = await db.ownerTx((tx) =>
      tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'platform.data_key.rotate'`),
    );
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    // a second rotation from the old key finds the new fingerprint: nothing changes
    await expect(rotateDataKey(db, encryptedColumnsOf(modules), oldCipher, newCipher)).rejects.toThrow(wrongKey);
  }, 60_000);
});
