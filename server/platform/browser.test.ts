/**
 * Which Chromium is launched: CHROMIUM_PATH, else Debian's, else the one shipped on npm, which is
 * unpacked once into a versioned folder (concurrent first uses included).
 */
import { access, constants, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveChromium, SYSTEM_CHROMIUM, unpackNpmChromium } from './browser.js';

const scratch: string[] = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('resolveChromium', () => {
  it('takes CHROMIUM_PATH first, even when Debian’s chromium exists', async () => {
    const found = await resolveChromium({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, exists: () => true });
    expect(found).toEqual({ executablePath: '/opt/chrome/chrome', from: 'CHROMIUM_PATH' });
  });

  it('takes Debian’s /usr/bin/chromium when CHROMIUM_PATH is not set', async () => {
    const found = await resolveChromium({ env: {}, exists: (p) => p === SYSTEM_CHROMIUM });
    expect(found).toEqual({ executablePath: '/usr/bin/chromium', from: 'system' });
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')(
    'falls back to the npm Chromium, unpacked once into a versioned folder even by concurrent callers',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'incas-browser-test-'));
      scratch.push(dir);
      const [a, b] = await Promise.all([
        resolveChromium({ env: {}, exists: () => false, unpackDir: dir }),
        resolveChromium({ env: {}, exists: () => false, unpackDir: dir }),
      ]);
      expect(a.from).toBe('npm');
      expect(b).toEqual(a);
      expect(a.executablePath).toMatch(/\/incas-chromium-\d+\.\d+\.\d+\/chromium$/);
      await access(a.executablePath, constants.X_OK);
      expect((await stat(a.executablePath)).size).toBeGreaterThan(50_000_000);
      // no half-written file left behind
      const [folder] = await readdir(dir);
      expect(await readdir(join(dir, folder!))).toEqual(['chromium']);

      // unpacked already: the same file is returned without writing it again
      const before = (await stat(a.executablePath)).mtimeMs;
      expect(await unpackNpmChromium(dir)).toBe(a.executablePath);
      expect((await stat(a.executablePath)).mtimeMs).toBe(before);
    },
  );
});
