/**
 * Finding and launching Chromium, for the PDF renderer and the browser tests alike
 * (docs/decisions/0013-chromium-from-npm.md). The first of these wins:
 *   1. `CHROMIUM_PATH`, when set;
 *   2. Debian's `/usr/bin/chromium`, when it exists (and is executable);
 *   3. the Chromium shipped by the `@sparticuz/chromium` npm package (Linux x64), unpacked once
 *      per version into the temporary folder.
 */
import { accessSync, constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium on a server: no sandbox (the service may run as root in a
 * container), no GPU, and none of the background traffic Chromium starts on its own (updates,
 * sync, QUIC probes), which a closed network would refuse at every start.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumSource {
  executablePath: string;
  from: 'CHROMIUM_PATH' | 'system' | 'npm';
}

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** where the npm Chromium is unpacked; the temporary folder unless given */
  unpackDir?: string;
  /** whether a file is there to be run (default: it exists and is executable) */
  exists?: (path: string) => boolean;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to launch, by the order above; unpacks the npm one on first use. */
export async function resolveChromium(opts: ResolveOptions = {}): Promise<ChromiumSource> {
  const env = opts.env ?? process.env;
  const exists = opts.exists ?? isExecutable;
  if (env.CHROMIUM_PATH) return { executablePath: env.CHROMIUM_PATH, from: 'CHROMIUM_PATH' };
  if (exists(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, from: 'system' };
  return { executablePath: await unpackNpmChromium(opts.unpackDir ?? tmpdir()), from: 'npm' };
}

/**
 * Unpacks the brotli-compressed Chromium of `@sparticuz/chromium` into `<dir>/incas-chromium-<version>/`
 * and returns its path; a binary already there is reused. The file is written under a temporary name
 * and renamed when complete, so processes that start together never launch a half-written binary.
 * Only the binary is taken: the package's own loader (which unpacks to a fixed, unversioned path, and
 * sets up an AWS Lambda environment) is not used.
 */
export async function unpackNpmChromium(dir: string): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No Chromium found: the npm Chromium is for Linux x64 only (this is ${process.platform} ${process.arch}). ` +
        `Install Chromium and set CHROMIUM_PATH to its executable.`,
    );
  }
  const packageDir = dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')));
  const { version } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const target = join(dir, `incas-chromium-${version}`, 'chromium');
  try {
    await access(target, constants.X_OK);
    return target;
  } catch {
    // not unpacked yet
  }
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.${process.pid}.${Date.now()}.partial`;
  try {
    await pipeline(
      createReadStream(join(packageDir, 'bin', 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(partial, { mode: 0o755 }),
    );
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  return target;
}

/** Launches headless Chromium (resolved as above) with the server flags plus any given. */
export async function launchChromium(
  opts: { args?: string[]; timeoutMs?: number } & ResolveOptions = {},
): Promise<Browser> {
  const { executablePath } = await resolveChromium(opts);
  const launch: LaunchOptions = { executablePath, args: [...CHROMIUM_ARGS, ...(opts.args ?? [])] };
  if (opts.timeoutMs !== undefined) launch.timeout = opts.timeoutMs;
  return chromium.launch(launch);
}
