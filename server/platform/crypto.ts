/**
 * Field-level encryption of identity data (decision 0011): AES-256-GCM with a key from
 * configuration, and keyed blind indexes (HMAC-SHA-256) for exact search on encrypted fields.
 *
 * The database never holds an identity field in clear, so a dump, a replica or a database
 * superuser without the key sees only ciphertext. Each ciphertext is bound to its row and field
 * by the additional authenticated data (AAD), so a ciphertext copied onto another row fails to
 * decrypt instead of silently showing the wrong person's name.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config.js';

const VERSION = 'v1';

export interface FieldCipher {
  /** Encrypts a UTF-8 string; `aad` names the row and field it belongs to. */
  encrypt(plain: string, aad: string): string;
  decrypt(token: string, aad: string): string;
  encryptJson(value: unknown, aad: string): string;
  decryptJson<T>(token: string, aad: string): T;
  /**
   * A keyed, deterministic digest of a normalised value for exact-match lookups. The purpose
   * separates the index keys, so the same value gives unrelated digests in different indexes.
   */
  blindIndex(purpose: string, value: string): string;
  /**
   * A one-way fingerprint of the key (HMAC of a constant under a key derived for this purpose
   * only), kept in the database so that a start with another key is refused (bootstrap).
   */
  readonly keyCheck: string;
}

/** The AAD of one row's value from a template where `{id}` stands for the row's id ("users/{id}/totp"). */
export function aadOf(template: string, id: string): string {
  return template.replaceAll('{id}', id);
}

/** Lower-case, accents and punctuation folded, spaces collapsed: "D'Amico  Ñoño" → "d amico nono". */
export function normaliseForIndex(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A 32-byte key for one purpose, derived from the data key (HKDF-SHA-256 with the purpose as its
 * label): keys of different purposes are independent, and none is stored anywhere.
 */
export function deriveKey(dataKey: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), label, 32));
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error('The data key must be 32 bytes');
  const encKey = deriveKey(key, 'incas/field-encryption/v1');
  const indexKeys = new Map<string, Buffer>();
  const indexKey = (purpose: string) => {
    let k = indexKeys.get(purpose);
    if (!k) indexKeys.set(purpose, (k = deriveKey(key, `incas/blind-index/${purpose}`)));
    return k;
  };

  function encrypt(plain: string, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', encKey, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  function decrypt(token: string, aad: string): string {
    const [version, payload] = token.split(':', 2);
    if (version !== VERSION || !payload) throw new Error('Unknown ciphertext format');
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  return {
    encrypt,
    decrypt,
    encryptJson: (value, aad) => encrypt(JSON.stringify(value), aad),
    decryptJson: <T>(token: string, aad: string) => JSON.parse(decrypt(token, aad)) as T,
    blindIndex: (purpose, value) =>
      createHmac('sha256', indexKey(purpose)).update(normaliseForIndex(value), 'utf8').digest('hex'),
    keyCheck: createHmac('sha256', deriveKey(key, 'incas/key-check/v1'))
      .update('InCaS data key check', 'utf8')
      .digest('hex'),
  };
}

/**
 * The data key: from INCAS_DATA_KEY, or — outside production only — from `<data dir>/incas-data.key`,
 * generated on first use (mode 0600). Losing that file makes the demo's identity fields unreadable,
 * which is acceptable for demo data and the reason production requires the variable.
 */
export function resolveDataKey(config: Pick<Config, 'dataKey' | 'production' | 'dataDir'>): Buffer {
  if (config.dataKey) return Buffer.from(config.dataKey, 'base64');
  if (config.production) throw new Error('INCAS_DATA_KEY is required in production');
  const file = join(config.dataDir, 'incas-data.key');
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
    return key;
  }
  const key = randomBytes(32);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
