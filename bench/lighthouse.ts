/**
 * `npm run bench:lighthouse`: Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on
 * the login page, the quadro comparativo and the public site's pages (home, events, an event, open
 * data, and the sections of OPTIONAL_PUBLIC_PAGES once they exist), against the production build served by
 * `node dist/server/main.js` in demo mode on a throw-away embedded database, in Debian's Chromium
 * (or the one `resolveChromium()` finds). The floor is an almost empty page served by a bare
 * node:http server in the same run: what Lighthouse gives on this machine to a page that costs
 * nothing, so that the ratios mean the same on a busy and on a quiet machine.
 *
 * Prints one table (scores, FCP, LCP, TBT, CLS, bytes) and the targets of issues 9 and 14 (performance
 * ≥ 90 on every page, median of LIGHTHOUSE_RUNS runs, default 3, initial JS ≤ 250 KB gzip), writes the JSON to BENCH_RESULTS_DIR (default <tmp>/incas-bench), and exits 1
 * when a target is missed. `--no-build` reuses dist/; `--only=public` measures only the pages whose
 * name contains "public".
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import puppeteer from 'puppeteer-core';
import { resolveChromium } from '../server/platform/browser.js';
import { logIn } from './http.js';

const root = join(import.meta.dirname, '..');
const TARGET_PERFORMANCE = 90;
const TARGET_INITIAL_JS_GZIP = 250 * 1024;

interface PageResult {
  name: string;
  url: string;
  performance: number;
  accessibility: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  transferBytes: number;
  scriptTransferBytes: number;
  initialJsGzipBytes: number;
  cssTransferBytes: number;
  /** Lighthouse's measure of the machine's speed during the run (higher is faster): a loaded machine gives worse scores. */
  benchmarkIndex: number;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function waitHealthy(base: string, proc: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`the server exited with ${proc.exitCode}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not become healthy within 180 s');
}

function floorServer(): Promise<Server> {
  const html =
    '<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="description" content="floor"><title>floor</title></head><body><main><h1>InCaS</h1><p>Pagina vuota di riferimento.</p></main></body></html>';
  const s = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html);
  });
  return new Promise((r) => s.listen(0, '127.0.0.1', () => r(s)));
}

interface LhItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
}

/** Compressed size of a script as a browser asking for gzip only would receive it. */
async function gzipBytes(url: string, cookie: string | undefined): Promise<number> {
  const r = await fetch(url, { headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) } });
  const len = Number(r.headers.get('content-length'));
  const body = Buffer.from(await r.arrayBuffer());
  // fetch decodes gzip; content-length is the size on the wire when the file was served pre-compressed
  return r.headers.get('content-encoding') === 'gzip' && len > 0 ? len : body.length;
}

/**
 * A signed-in page: the session cookie goes into the browser's own cookie jar, and Lighthouse is
 * told not to clear the origin's storage. (A `Cookie` header in Lighthouse's extraHeaders is
 * overridden by the jar as soon as the page sets a cookie of its own, the CSRF one: the quadro was
 * then measured as the login page it was sent back to.)
 */
async function auditOnce(port: number, name: string, url: string, cookie?: string): Promise<PageResult> {
  const flags = {
    port,
    output: 'json' as const,
    logLevel: 'error' as const,
    onlyCategories: ['performance', 'accessibility'],
  };
  let result: Awaited<ReturnType<typeof lighthouse>>;
  if (cookie === undefined) {
    result = await lighthouse(url, flags);
  } else {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
    try {
      const page = await browser.newPage();
      // without the storage reset Lighthouse keeps the HTTP cache too: a cold load is what we measure
      const cdp = await page.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
      const [cookieName, ...rest] = cookie.split('=');
      await browser.deleteCookie(...(await browser.cookies()));
      await browser.setCookie({
        name: cookieName as string,
        value: rest.join('='),
        domain: new URL(url).hostname,
        path: '/',
      });
      result = await lighthouse(url, { ...flags, disableStorageReset: true }, undefined, page);
      await page.close();
    } finally {
      await browser.disconnect();
    }
  }
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  if (new URL(result.lhr.finalDisplayedUrl).pathname !== new URL(url).pathname)
    throw new Error(`Lighthouse on ${url} ended on ${result.lhr.finalDisplayedUrl}: the page was not measured`);
  const lhr = result.lhr;
  // the whole report, for looking into a page (LCP element, request chains, long tasks)
  if (process.env.LIGHTHOUSE_REPORT_DIR)
    writeFileSync(join(process.env.LIGHTHOUSE_REPORT_DIR, `${name.replace(/\W+/g, '-')}.json`), JSON.stringify(lhr));
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const num = (id: string): number => Math.round(Number(lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
  const items = ((lhr.audits['network-requests']?.details as { items?: LhItem[] } | undefined)?.items ?? []).filter(
    (i) => !i.url.startsWith('data:'),
  );
  const scripts = items.filter((i) => i.resourceType === 'Script');
  let initialJsGzipBytes = 0;
  for (const s of scripts) initialJsGzipBytes += await gzipBytes(s.url, cookie);
  const sum = (xs: LhItem[]): number => xs.reduce((a, i) => a + (i.transferSize ?? 0), 0);
  return {
    name,
    url: new URL(url).pathname,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    fcpMs: Math.round(num('first-contentful-paint')),
    lcpMs: Math.round(num('largest-contentful-paint')),
    tbtMs: Math.round(num('total-blocking-time')),
    cls: num('cumulative-layout-shift'),
    speedIndexMs: Math.round(num('speed-index')),
    transferBytes: sum(items),
    scriptTransferBytes: sum(scripts),
    initialJsGzipBytes,
    cssTransferBytes: sum(items.filter((i) => i.resourceType === 'Stylesheet')),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/**
 * Lighthouse's own advice: several runs, the median. A run whose trace Chromium failed to record
 * (NO_NAVSTART and the like, seen on a loaded machine) is repeated, up to three times.
 */
async function audit(port: number, name: string, url: string, cookie?: string): Promise<PageResult> {
  const runs: PageResult[] = [];
  let failures = 0;
  while (runs.length < RUNS) {
    try {
      runs.push(await auditOnce(port, name, url, cookie));
    } catch (err) {
      if (++failures > 3) throw err;
    }
  }
  runs.sort((a, b) => a.performance - b.performance);
  return runs[Math.floor(runs.length / 2)] as PageResult;
}

/** `--only=<text>`: measure only the pages whose name contains it (the floor is always measured). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

/**
 * The public site's sections measured once their page exists (other parts of issue 14 add them):
 * a path the client does not know yet shows the "page not found" heading, and is skipped.
 */
const OPTIONAL_PUBLIC_PAGES = ['/buone-pratiche', '/casi-studio', '/pubblicazioni', '/domande-frequenti'];
const NOT_FOUND_TITLE = (
  JSON.parse(readFileSync(join(root, 'web', 'src', 'i18n', 'it.json'), 'utf8')) as {
    notFound: { title: string };
  }
).notFound.title;

/** Whether the client draws a page of its own at `url` (its h1 is not the "page not found" one). */
async function pageAnswers(port: number, url: string): Promise<boolean> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const page = await browser.newPage();
    try {
      await page.goto(url, { waitUntil: 'networkidle0', timeout: 60_000 });
      // a string: the bench is compiled without the DOM's types
      const h1 = String(await page.evaluate('document.querySelector("h1")?.textContent?.trim() ?? ""'));
      return h1 !== '' && h1 !== NOT_FOUND_TITLE;
    } finally {
      await page.close();
    }
  } finally {
    await browser.disconnect();
  }
}

/**
 * The public site for a visitor with no login (issue 14 item 5): its home, the events, one event's
 * page (the first one the public list gives), the open data, and the sections of
 * OPTIONAL_PUBLIC_PAGES that answer.
 */
async function publicSitePages(base: string, port: number): Promise<{ name: string; url: string }[]> {
  const pages = [
    { name: 'public home', url: `${base}/` },
    { name: 'public events', url: `${base}/eventi` },
  ];
  const events = (await (await fetch(`${base}/api/v1/public/events?pageSize=1`)).json()) as {
    items: { slug: string }[];
  };
  const first = events.items[0];
  if (first === undefined) throw new Error('the demo has no public event to measure');
  pages.push({ name: 'public event page', url: `${base}/eventi/${encodeURIComponent(first.slug)}` });
  pages.push({ name: 'public open data', url: `${base}/dati-aperti` });
  for (const path of OPTIONAL_PUBLIC_PAGES) {
    if (await pageAnswers(port, `${base}${path}`))
      pages.push({ name: `public ${path.slice(1)}`, url: `${base}${path}` });
    else console.log(`${path}: not in this build yet, not measured`);
  }
  return pages;
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

async function main(): Promise<number> {
  if (!process.argv.includes('--no-build')) {
    console.log('building (npm run build)…');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'incas-lighthouse-'));
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const env = { ...process.env };
  delete env.DATABASE_URL; // the embedded database, as on a fresh machine
  const app = spawn(process.execPath, [join(root, 'dist', 'server', 'main.js')], {
    cwd: root,
    env: {
      ...env,
      NODE_ENV: 'development',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      INCAS_DATA_DIR: dataDir,
      INCAS_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const floor = await floorServer();
  const chromium = await resolveChromium();
  const chrome = await chromeLauncher.launch({
    chromePath: chromium.executablePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    console.log('starting the application (embedded database, demo data)…');
    await waitHealthy(base, app);
    const cookie = await logIn(base, 'mlps@demo.incas.local');
    const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}/`;
    const runs: PageResult[] = [];
    // the first run warms Chromium and the server's caches; it is not reported
    await audit(chrome.port, 'warm-up', `${base}/login`).catch(() => undefined);
    runs.push(await audit(chrome.port, 'floor (empty page)', floorUrl));
    const pages: { name: string; url: string; cookie?: string }[] = [
      { name: 'login', url: `${base}/login` },
      { name: 'quadro comparativo (MLPS)', url: `${base}/quadro-comparativo`, cookie },
      ...(await publicSitePages(base, chrome.port)),
    ];
    for (const p of pages.filter((p) => only === undefined || p.name.includes(only)))
      runs.push(await audit(chrome.port, p.name, p.url, p.cookie));
    const floorRun = runs[0] as PageResult;

    console.log(`\nLighthouse ${lighthouseVersion()} mobile preset, ${chromium.executablePath.split('/').pop()}`);
    console.log(
      '| page | perf | a11y | FCP ms | LCP ms (× floor) | TBT ms | CLS | SI ms | transfer | JS transfer | initial JS gzip | CSS transfer | CPU index |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of runs) {
      console.log(
        `| ${r.name} | ${r.performance} | ${r.accessibility} | ${r.fcpMs} | ${r.lcpMs} (${(r.lcpMs / floorRun.lcpMs).toFixed(2)}) | ${r.tbtMs} | ${r.cls} | ${r.speedIndexMs} | ${kb(r.transferBytes)} | ${kb(r.scriptTransferBytes)} | ${kb(r.initialJsGzipBytes)} | ${kb(r.cssTransferBytes)} | ${r.benchmarkIndex} |`,
      );
    }
    const misses: string[] = [];
    for (const r of runs.slice(1)) {
      if (r.performance < TARGET_PERFORMANCE)
        misses.push(`${r.name}: performance ${r.performance} < ${TARGET_PERFORMANCE}`);
      if (r.initialJsGzipBytes > TARGET_INITIAL_JS_GZIP)
        misses.push(`${r.name}: initial JS ${kb(r.initialJsGzipBytes)} gzip > ${kb(TARGET_INITIAL_JS_GZIP)}`);
    }
    console.log(
      `\ntargets: performance ≥ ${TARGET_PERFORMANCE} on each page, initial JS ≤ ${kb(TARGET_INITIAL_JS_GZIP)} gzip: ${misses.length === 0 ? 'met' : `MISSED\n  ${misses.join('\n  ')}`}`,
    );
    const outDir = process.env.BENCH_RESULTS_DIR || join(tmpdir(), 'incas-bench');
    mkdirSync(outDir, { recursive: true });
    const out = join(outDir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, JSON.stringify({ lighthouse: lighthouseVersion(), runs }, null, 2));
    console.log(`results: ${out}`);
    return misses.length === 0 ? 0 : 1;
  } finally {
    chrome.kill();
    floor.close();
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function lighthouseVersion(): string {
  try {
    return JSON.parse(
      execFileSync('node', ['-p', 'JSON.stringify(require("lighthouse/package.json").version)'], {
        cwd: root,
      }).toString(),
    ) as string;
  } catch {
    return '?';
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
