/**
 * The shared PDF renderer against a real Chromium (resolved like in production): one browser
 * reused across renders, the bound on pages and on the queue, the timeout, recovery after the
 * browser goes away, and close().
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { AppError } from './errors.js';
import { createPdfRenderer, type PdfRenderer, type PdfRendererOptions } from './pdf.js';

const doc = (title: string) =>
  `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1><p>Perché è già così: àèìòù €</p></body></html>`;

/** A renderer whose launches are recorded, with the largest number of pages seen open at once. */
function observedRenderer(opts: Omit<PdfRendererOptions, 'launch'> = {}) {
  const browsers: Browser[] = [];
  let open = 0;
  let peak = 0;
  const renderer = createPdfRenderer({
    ...opts,
    async launch() {
      const browser = await launchChromium();
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        peak = Math.max(peak, ++open);
        context.on('close', () => {
          open--;
        });
        return context;
      };
      browsers.push(browser);
      return browser;
    },
  });
  renderers.push(renderer);
  return { renderer, browsers, peak: () => peak, open: () => open };
}

const renderers: PdfRenderer[] = [];
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((r) => r.close()));
});

const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';

describe('createPdfRenderer', () => {
  it('renders a tagged PDF in the document language', async () => {
    const { renderer } = observedRenderer();
    const pdf = await renderer.render(doc('Piano'));
    expect(isPdf(pdf)).toBe(true);
    const text = pdf.toString('latin1');
    expect(text).toContain('/StructTreeRoot');
    expect(text).toMatch(/\/Lang \(it\)/);
  });

  it('launches the browser once and reuses it, closing each render’s context', async () => {
    const { renderer, browsers, open } = observedRenderer();
    expect(renderer.stats().launches).toBe(0); // lazily: nothing runs before the first print
    for (const title of ['Uno', 'Due', 'Tre']) expect(isPdf(await renderer.render(doc(title)))).toBe(true);
    expect(browsers).toHaveLength(1);
    expect(renderer.stats()).toEqual({ active: 0, queued: 0, launches: 1 });
    expect(open()).toBe(0);
    expect(browsers[0]!.contexts()).toHaveLength(0);
  });

  it('renders at most maxConcurrent pages at once and queues the rest', async () => {
    const { renderer, browsers, peak } = observedRenderer({ maxConcurrent: 2, maxQueued: 10 });
    const renders = Array.from({ length: 6 }, (_, i) => renderer.render(doc(`Documento ${i}`)));
    expect(renderer.stats()).toMatchObject({ active: 2, queued: 4 });
    const pdfs = await Promise.all(renders);
    expect(pdfs.every(isPdf)).toBe(true);
    expect(peak()).toBe(2);
    expect(browsers).toHaveLength(1);
    expect(renderer.stats()).toMatchObject({ active: 0, queued: 0 });
  });

  it('refuses a render at once with pdf.busy (503, Retry-After) when the queue is full', async () => {
    const { renderer } = observedRenderer({ maxConcurrent: 1, maxQueued: 1 });
    const first = renderer.render(doc('Primo'));
    const second = renderer.render(doc('Secondo'));
    const refused = await renderer.render(doc('Terzo')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'pdf.busy', status: 503, headers: { 'retry-after': '5' } });
    expect((await Promise.all([first, second])).every(isPdf)).toBe(true);
    // the queue drained: a new render is accepted again
    expect(isPdf(await renderer.render(doc('Quarto')))).toBe(true);
  });

  it('launches a new browser after the shared one was closed or crashed', async () => {
    const { renderer, browsers } = observedRenderer();
    expect(isPdf(await renderer.render(doc('Prima')))).toBe(true);
    await browsers[0]!.close();
    expect(isPdf(await renderer.render(doc('Dopo')))).toBe(true);
    expect(browsers).toHaveLength(2);
    expect(browsers[1]!.isConnected()).toBe(true);
  });

  it('abandons a render that takes too long with pdf.timeout, and goes on serving', async () => {
    const { renderer, open } = observedRenderer({ timeoutMs: 1 });
    const late = await renderer.render(doc('Lento')).catch((e: unknown) => e);
    expect(late).toMatchObject({ code: 'pdf.timeout', status: 503 });
    expect(renderer.stats()).toMatchObject({ active: 0, queued: 0 });

    const { renderer: patient } = observedRenderer({ timeoutMs: 30_000 });
    expect(isPdf(await patient.render(doc('Normale')))).toBe(true);
    // the abandoned render left no page open behind it
    await expect.poll(open).toBe(0);
  });

  it('loads nothing from the network and runs no script', async () => {
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { renderer } = observedRenderer();
      const html =
        `<!doctype html><html lang="it"><head><link rel="stylesheet" href="${origin}/style.css"></head>` +
        `<body><img src="${origin}/image.png" alt=""><script>fetch('${origin}/script')</script></body></html>`;
      expect(isPdf(await renderer.render(html))).toBe(true);
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('close() refuses the renders waiting, lets the one in progress finish, closes the browser; a later render relaunches', async () => {
    const { renderer, browsers } = observedRenderer({ maxConcurrent: 1 });
    const running = renderer.render(doc('In corso'));
    const waiting = renderer.render(doc('In attesa')).catch((e: unknown) => e);
    await renderer.close();
    expect(await waiting).toMatchObject({ message: 'The PDF renderer was closed.' });
    expect(isPdf(await running)).toBe(true);
    expect(browsers).toHaveLength(1);
    expect(browsers[0]!.isConnected()).toBe(false);

    expect(isPdf(await renderer.render(doc('Di nuovo')))).toBe(true);
    expect(renderer.stats().launches).toBe(2);
  });
});
