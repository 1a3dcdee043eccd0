/**
 * How the built client reaches a phone (issue 9, point 17): every text asset pre-compressed and
 * served by Accept-Encoding, fingerprinted assets cached for a year and the page itself revalidated,
 * only the CSS that the pages use, fonts of the first screen preloaded, and a first load that does
 * not move the layout. The Lighthouse figures come from `npm run bench:lighthouse`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserEnv, type BrowserEnv } from './support.js';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
});
afterAll(async () => env?.close());

async function get(path: string, encoding: string): Promise<{ res: Response; body: Buffer }> {
  const res = await fetch(env.baseUrl + path, { headers: { 'accept-encoding': encoding } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

/** The asset URLs that index.html names (scripts, preloads, the stylesheet). */
async function assetsOfIndex(): Promise<string[]> {
  const html = await (await fetch(env.baseUrl + '/')).text();
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
}

describe('delivery of the web client', () => {
  it('serves the page and its scripts and stylesheet brotli- or gzip-compressed, as the client asks, with the same content', async () => {
    const assets = await assetsOfIndex();
    const texts = assets.filter((a) => /\.(?:js|css)$/.test(a));
    expect(texts.length).toBeGreaterThan(2);
    for (const path of ['/login', ...texts]) {
      const plain = await get(path, 'identity');
      expect(plain.res.headers.get('content-encoding'), path).toBeNull();
      // files under 1 KB travel as they are (web/build/precompress.ts)
      if (plain.body.length < 1024) continue;
      const br = await get(path, 'br');
      // undici's fetch decodes the body itself: the header says what travelled
      expect(br.res.headers.get('content-encoding'), path).toBe('br');
      expect(br.res.headers.get('vary'), path).toMatch(/accept-encoding/i);
      const gz = await get(path, 'gzip');
      expect(gz.res.headers.get('content-encoding'), path).toBe('gzip');
      expect(br.body.equals(plain.body) && gz.body.equals(plain.body), path).toBe(true);
    }
  });

  it('caches fingerprinted assets for a year and makes the browser revalidate the page', async () => {
    const [asset] = await assetsOfIndex();
    const a = await get(asset as string, 'br');
    expect(a.res.headers.get('cache-control')).toContain('immutable');
    const page = await get('/casi', 'br');
    expect(page.res.headers.get('cache-control')).toBe('no-cache');
    expect(page.res.headers.get('content-type')).toContain('text/html');
  });

  it('ships only the CSS rules the pages use and preloads the fonts of the first screen', async () => {
    const html = await (await fetch(env.baseUrl + '/')).text();
    const css = (await assetsOfIndex()).find((a) => a.endsWith('.css'));
    const sheet = await get(css as string, 'identity');
    // Bootstrap Italia's whole sheet is 572 KB; what the pages use is under a quarter of it
    expect(sheet.body.length).toBeLessThan(150 * 1024);
    // the rules that the layout needs survived the purge
    const text = sheet.body.toString('utf8');
    for (const rule of [
      '.it-header-wrapper',
      '.it-footer',
      '.form-control',
      '.btn-primary',
      '.alert-danger',
      '.visually-hidden',
    ])
      expect(text, rule).toContain(rule);
    expect([...html.matchAll(/rel="preload" as="font"/g)].length).toBe(3);
  });

  it('moves nothing on the first screen while the login page loads (CLS) on a phone-sized window', async () => {
    const context = await env.browser.newContext({ locale: 'it-IT', viewport: { width: 412, height: 823 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[])
          if (!e.hadRecentInput) w.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(env.baseUrl + '/login', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
    expect(shift).toBeLessThan(0.1);
    await context.close();
  });
});
