import type { Plugin } from 'vite';

/**
 * Adds `<link rel="preload" as="font">` for the faces that the first screen uses (Titillium Web
 * regular, semibold, bold), so that they arrive with the stylesheet instead of after the first
 * render, when swapping them in would move the text (layout shift). Other faces load on use.
 */
export function preloadFonts(pattern: RegExp): Plugin {
  return {
    name: 'incas-preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.keys(ctx.bundle ?? {}).filter((f) => pattern.test(f));
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `/${f}`, crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
