/**
 * Creates the first platform administrator outside demo mode:
 *   INCAS_ADMIN_EMAIL=… INCAS_ADMIN_PASSWORD=… npm run create-admin
 * with the server's DATABASE_URL (or INCAS_DATA_DIR) and INCAS_DATA_KEY. The password is read from
 * the environment, never from the command line (shell history). At first login the administrator
 * must enrol TOTP. It never loads demo data, whatever NODE_ENV and INCAS_DEMO say.
 */
import { ConfigError, loadConfig } from '../config.js';
import { prepareDatabase } from '../platform/bootstrap.js';
import { createFieldCipher, resolveDataKey } from '../platform/crypto.js';
import { StartupError } from '../platform/startup.js';
import { modules } from '../modules.js';
import { hashPassword, insertUser, replaceUserRoles } from '../modules/access/index.js';

const email = process.env.INCAS_ADMIN_EMAIL?.trim().toLowerCase();
const password = process.env.INCAS_ADMIN_PASSWORD;
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !password || password.length < 12) {
  console.error('Set INCAS_ADMIN_EMAIL (an email) and INCAS_ADMIN_PASSWORD (12+ characters).');
  process.exit(2);
}
let prepared;
try {
  // prepared as by a start, but never with demo data; INCAS_DATA_KEY, when set, is checked (it
  // encrypts nothing here, so no key is generated for it)
  const config = { ...loadConfig(), demoMode: false };
  const cipher = config.dataKey ? createFieldCipher(resolveDataKey(config)) : undefined;
  prepared = await prepareDatabase(config, modules, cipher ? { cipher } : {});
} catch (err) {
  if (!(err instanceof ConfigError || err instanceof StartupError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const { db } = prepared;
try {
  const hash = await hashPassword(password);
  const created = await db.ownerTx(async (tx) => {
    if ((await tx.query('SELECT 1 FROM users WHERE email = $1', [email])).length) return false;
    let [org] = await tx.query<{ id: string }>(
      `SELECT id FROM organisations WHERE type = 'piattaforma' ORDER BY created_at LIMIT 1`,
    );
    org ??= (
      await tx.query<{ id: string }>(
        `INSERT INTO organisations (type, name) VALUES ('piattaforma', 'Gestore della piattaforma InCaS') RETURNING id`,
      )
    )[0];
    const now = new Date();
    const id = await insertUser(tx, {
      email,
      displayName: 'Amministratore',
      organisationId: org!.id,
      passwordHash: hash,
      isDemo: false,
      now,
    });
    await replaceUserRoles(tx, id, ['amministratore']);
    await tx.query(
      `INSERT INTO audit_log (occurred_at, action, outcome, entity_type, entity_id, details, prev_hash, hash)
       VALUES ($1, 'user.create', 'success', 'user', $2, '{"via":"cli"}', '', '')`,
      [now, id],
    );
    return true;
  });
  console.log(
    created ? `Administrator ${email} created.` : `An account with ${email} exists already: nothing changed.`,
  );
} finally {
  await db.close();
}
