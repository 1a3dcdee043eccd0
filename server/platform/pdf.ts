/**
 * HTML → tagged (accessible) A4 PDF, through one Chromium shared by the process.
 *
 * The browser is launched on the first render, reused by the following ones (each in its own
 * browser context, closed afterwards) and launched again if it crashed or was closed. At most
 * `maxConcurrent` pages render at once; up to `maxQueued` further renders wait for a free page,
 * and any beyond that are refused at once with `pdf.busy` (503, Retry-After). A render that takes
 * longer than `timeoutMs` is abandoned with `pdf.timeout` (503).
 *
 * The HTML is the application's own: the page runs no JavaScript and may load nothing but `data:`
 * URLs, so a value that slipped through escaping can neither run nor reach the network.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './browser.js';
import { AppError } from './errors.js';

export interface PdfRendererOptions {
  /** pages rendering at once (default 2) */
  maxConcurrent?: number;
  /** renders waiting for a page beyond those (default 16) */
  maxQueued?: number;
  /** the longest one render may take once it has its page, browser launch included (default 30 s) */
  timeoutMs?: number;
  /** how to start the browser (default: launchChromium) */
  launch?: () => Promise<Browser>;
}

export interface PdfRenderer {
  /** Renders the HTML document to a tagged A4 PDF with its backgrounds. */
  render(html: string): Promise<Buffer>;
  /** Renders in progress and waiting, and browsers launched so far. */
  stats(): { active: number; queued: number; launches: number };
  /**
   * Refuses the renders still waiting, lets those in progress finish and closes the browser; a later
   * render launches a new one.
   */
  close(): Promise<void>;
}

const RETRY_AFTER_SECONDS = '5';

export function createPdfRenderer(opts: PdfRendererOptions = {}): PdfRenderer {
  const maxConcurrent = opts.maxConcurrent ?? 2;
  const maxQueued = opts.maxQueued ?? 16;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const launch = opts.launch ?? (() => launchChromium({ timeoutMs }));

  let browser: Promise<Browser> | null = null;
  let launches = 0;
  let active = 0;
  const queue: { resolve: () => void; reject: (e: Error) => void }[] = [];
  /** close() waiting for the renders in progress */
  const idle: (() => void)[] = [];

  function currentBrowser(): Promise<Browser> {
    if (!browser) {
      launches++;
      const launching = launch().then((b) => {
        // a crash or a close: the next render launches a new browser
        b.on('disconnected', () => {
          if (browser === launching) browser = null;
        });
        return b;
      });
      // a failed launch is not remembered: the next render tries again
      launching.catch(() => {
        if (browser === launching) browser = null;
      });
      browser = launching;
    }
    return browser;
  }

  async function acquire(): Promise<void> {
    if (active < maxConcurrent) {
      active++;
      return;
    }
    if (queue.length >= maxQueued) {
      throw new AppError('pdf.busy', 'Too many documents are being printed; try again shortly.', {
        headers: { 'retry-after': RETRY_AFTER_SECONDS },
      });
    }
    // the slot is handed over by release(), so `active` does not change here
    await new Promise<void>((resolve, reject) => queue.push({ resolve, reject }));
  }

  function release(): void {
    const next = queue.shift();
    if (next) next.resolve();
    else if (--active === 0) for (const resolve of idle.splice(0)) resolve();
  }

  /** One render in its own browser context; once `job.abandoned`, whatever it opens is closed. */
  async function renderOnce(html: string, job: { abandoned: boolean; context?: BrowserContext }): Promise<Buffer> {
    const b = await currentBrowser();
    const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    if (job.abandoned) {
      await context.close();
      throw new Error('render abandoned');
    }
    job.context = context;
    await context.route(
      (url) => url.protocol !== 'data:',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    return await page.pdf({ format: 'A4', tagged: true, printBackground: true });
  }

  async function render(html: string): Promise<Buffer> {
    await acquire();
    const job: { abandoned: boolean; context?: BrowserContext } = { abandoned: false };
    let timer: NodeJS.Timeout | undefined;
    const rendering = renderOnce(html, job);
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new AppError('pdf.timeout', `The document was not rendered within ${timeoutMs} ms.`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([rendering, timedOut]);
    } finally {
      clearTimeout(timer);
      job.abandoned = true;
      // a render abandoned by the timeout fails later, when its context closes: nobody waits for it
      rendering.catch(() => undefined);
      await job.context?.close().catch(() => undefined);
      release();
    }
  }

  return {
    render,
    stats: () => ({ active, queued: queue.length, launches }),
    async close() {
      for (const waiting of queue.splice(0)) waiting.reject(new Error('The PDF renderer was closed.'));
      // the renders in progress finish (each is bounded by the timeout) before the browser closes
      if (active > 0) await new Promise<void>((resolve) => idle.push(resolve));
      const closing = browser;
      browser = null;
      if (closing) await closing.then((b) => b.close()).catch(() => undefined);
    },
  };
}

let shared: PdfRenderer | null = null;

/** Renders HTML to a tagged A4 PDF with the process's shared renderer (see createPdfRenderer). */
export function htmlToPdf(html: string): Promise<Buffer> {
  shared ??= createPdfRenderer();
  return shared.render(html);
}

/** Closes the process's shared renderer, if it was ever used (at shutdown, and after tests). */
export async function closePdfRenderer(): Promise<void> {
  await shared?.close();
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
