/**
 * Creates the first platform administrator outside demo mode:
 *   INCAS_ADMIN_EMAIL=… INCAS_ADMIN_PASSWORD=… npx tsx server/cli/create-admin.ts
 * The password is read from the environment, never from the command line (shell history).
 * At first login the administrator must enrol TOTP.
 */
import { loadConfig } from '../config.js';
import { prepareDatabase } from '../platform/bootstrap.js';
import { modules } from '../modules.js';
import { hashPassword, insertUser, replaceUserRoles } from '../modules/access/index.js';

const email = process.env.INCAS_ADMIN_EMAIL?.trim().toLowerCase();
const password = process.env.INCAS_ADMIN_PASSWORD;
if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || !password || password.length < 12) {
  console.error('Set INCAS_ADMIN_EMAIL (an email) and INCAS_ADMIN_PASSWORD (12+ characters).');
  process.exit(2);
}
const config = loadConfig();
const { db } = await prepareDatabase(config, modules);
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
