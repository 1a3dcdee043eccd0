/** Password hashing (argon2id), session tokens and TOTP: the cryptographic parts of access. */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify as verifyHash } from '@node-rs/argon2';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import QRCode from 'qrcode';
import { aadOf, type FieldCipher } from '../../platform/crypto.js';
import type { Database } from '../../platform/db/db.js';
import type { EncryptedColumn } from '../../platform/module.js';

// OWASP's argon2id baseline: m = 19 MiB, t = 2, p = 1. Algorithm 2 is Argon2id.
const argonOptions = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions);
}

// Verified against when the email is unknown, so both answers take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashPassword('not-a-real-password-' + randomBytes(8).toString('hex'));
  const target = stored ?? (await dummyHash);
  try {
    const ok = await verifyHash(target, password);
    return stored !== null && ok;
  } catch {
    return false;
  }
}

export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token) };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export const TOTP_PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpEnrolment(secret: string, email: string): Promise<{ otpauthUrl: string; qrSvg: string }> {
  const otpauthUrl = generateURI({ issuer: 'InCaS', label: email, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { otpauthUrl, qrSvg };
}

/**
 * Checks a TOTP code at `now`, allowing one period of clock drift, and only for a time step after
 * `lastStep` (a code works once). Returns the accepted time step, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verifyTotp({
    secret,
    token: code,
    epoch,
    epochTolerance: TOTP_PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid) return null;
  const delta = 'delta' in result && typeof result.delta === 'number' ? result.delta : 0;
  return Math.floor(epoch / TOTP_PERIOD) + delta;
}

/**
 * TOTP secrets are encrypted at rest with the data key (decision 0011), bound to their user. A
 * value without the `v1:` prefix is a secret stored before encryption: it is still read, and
 * `sealLegacyTotpSecrets` encrypts it at the next start.
 */
const TOTP_AAD = 'users/{id}/totp';

export function sealTotpSecret(cipher: FieldCipher, userId: string, secret: string): string {
  return cipher.encrypt(secret, aadOf(TOTP_AAD, userId));
}

export function openTotpSecret(cipher: FieldCipher, userId: string, stored: string): string {
  return stored.startsWith('v1:') ? cipher.decrypt(stored, aadOf(TOTP_AAD, userId)) : stored;
}

/** The TOTP secrets (confirmed and pending), for the data key's check and rotation. */
export const totpEncryptedColumns: EncryptedColumn[] = [
  { table: 'users', column: 'totp_secret', aad: TOTP_AAD, legacyPlaintext: true },
  { table: 'users', column: 'totp_pending_secret', aad: TOTP_AAD, legacyPlaintext: true },
];

/** Encrypts the TOTP secrets still stored in clear; returns how many accounts it changed. */
export async function sealLegacyTotpSecrets(db: Database, cipher: FieldCipher): Promise<number> {
  return db.ownerTx(async (tx) => {
    const rows = await tx.query<{ id: string; totp_secret: string | null; totp_pending_secret: string | null }>(
      `SELECT id, totp_secret, totp_pending_secret FROM users
        WHERE (totp_secret IS NOT NULL AND totp_secret NOT LIKE 'v1:%')
           OR (totp_pending_secret IS NOT NULL AND totp_pending_secret NOT LIKE 'v1:%') FOR UPDATE`,
    );
    for (const r of rows) {
      const seal = (v: string | null) => (v === null || v.startsWith('v1:') ? v : sealTotpSecret(cipher, r.id, v));
      await tx.query('UPDATE users SET totp_secret = $2, totp_pending_secret = $3 WHERE id = $1', [
        r.id,
        seal(r.totp_secret),
        seal(r.totp_pending_secret),
      ]);
    }
    return rows.length;
  });
}
