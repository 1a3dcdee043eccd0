import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createFieldCipher, normaliseForIndex, resolveDataKey } from './crypto.js';

const cipher = createFieldCipher(Buffer.alloc(32, 1));

describe('field encryption', () => {
  it('round-trips text and JSON, with a fresh IV each time', () => {
    const a = cipher.encrypt('Canarini Esempio', 'row/1');
    const b = cipher.encrypt('Canarini Esempio', 'row/1');
    expect(a).not.toEqual(b);
    expect(a.startsWith('v1:')).toBe(true);
    expect(a).not.toContain('Canarini');
    expect(cipher.decrypt(a, 'row/1')).toBe('Canarini Esempio');
    expect(cipher.decryptJson(cipher.encryptJson({ x: [1, 'è'] }, 'row/2'), 'row/2')).toEqual({ x: [1, 'è'] });
  });

  it('refuses a ciphertext moved to another row, a tampered one, or another key', () => {
    const token = cipher.encrypt('segreto', 'pilot_persons/a/identity');
    expect(() => cipher.decrypt(token, 'pilot_persons/b/identity')).toThrow();
    const raw = Buffer.from(token.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`, 'pilot_persons/a/identity')).toThrow();
    expect(() => createFieldCipher(Buffer.alloc(32, 2)).decrypt(token, 'pilot_persons/a/identity')).toThrow();
    expect(() => cipher.decrypt('v9:xxxx', 'x')).toThrow();
  });

  it('gives blind indexes that ignore case, accents and spacing, separated by purpose', () => {
    expect(normaliseForIndex("  D'Amico   Ñoño ")).toBe('d amico nono');
    expect(cipher.blindIndex('name', 'Rossi Mario')).toBe(cipher.blindIndex('name', 'ROSSI   mário'));
    expect(cipher.blindIndex('name', 'Rossi Mario')).not.toBe(cipher.blindIndex('cf', 'Rossi Mario'));
    expect(cipher.blindIndex('name', 'Rossi Mario')).not.toBe(
      createFieldCipher(Buffer.alloc(32, 2)).blindIndex('name', 'Rossi Mario'),
    );
  });
});

describe('the data key', () => {
  it('is required in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', INCAS_SECRET: 'x'.repeat(40) })).toThrow(/INCAS_DATA_KEY/);
    expect(() => loadConfig({ INCAS_DATA_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
    expect(() => resolveDataKey({ dataKey: null, production: true, dataDir: '/nonexistent' })).toThrow(/required/);
  });

  it('is generated once into the data folder outside production, readable only by its owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incas-key-'));
    const k1 = resolveDataKey({ dataKey: null, production: false, dataDir: dir });
    const k2 = resolveDataKey({ dataKey: null, production: false, dataDir: dir });
    expect(k1.equals(k2)).toBe(true);
    expect(k1.length).toBe(32);
    expect(statSync(join(dir, 'incas-data.key')).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, 'incas-data.key'), 'utf8').trim()).toBe(k1.toString('base64'));
    const configured = Buffer.alloc(32, 9).toString('base64');
    expect(resolveDataKey({ dataKey: configured, production: true, dataDir: dir }).toString('base64')).toBe(configured);
  });
});
