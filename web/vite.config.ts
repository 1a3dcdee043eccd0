import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import purgeCSSPlugin from '@fullhuman/postcss-purgecss';
import { precompress } from './build/precompress.ts';
import { cssSafelist } from './build/css-safelist.ts';
import { preloadFonts } from './build/preload-fonts.ts';
import { iconSprite } from './build/icon-sprite.ts';
import { boundaries } from './build/boundaries.ts';
import { ICON_NAMES } from './src/components/icons.ts';

// The config lives in web/ but is run from the repository root
// (`vite build --config web/vite.config.ts`), so every path is anchored here.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

// Where the dev and preview servers forward /api (the InCaS server); same origin in production.
const apiTarget = process.env.INCAS_API_URL ?? 'http://127.0.0.1:3000';
// The proxy keeps the browser's Host header, so the server's same-origin check still holds.
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig(({ command }) => {
  // A build is for production whatever NODE_ENV the caller runs in: CI and the test runner export
  // NODE_ENV=test, which gave React's development build (573 KB instead of 375 KB of entry JS, and
  // slower pages in the browser journeys).
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: webRoot,
    plugins: [
      react(),
      iconSprite(ICON_NAMES),
      // the map boundaries, simplified and merged from the openpolis TopoJSON (decision 0039)
      boundaries(fileURLToPath(new URL('../data-sources/boundaries', import.meta.url))),
      // the faces of the first screen: regular, semibold and bold Titillium Web
      preloadFonts(/titillium-web-v10-latin-ext_latin-(?:regular|600|700)-[\w-]+\.woff2$/),
      precompress(outDir),
    ],
    css: {
      postcss: {
        // Only the Bootstrap Italia rules that our markup uses reach the browser (572 KB → 93 KB,
        // 22 KB gzip); the dev server keeps the whole sheet so that new markup looks right at once.
        plugins:
          command === 'build'
            ? [
                purgeCSSPlugin({
                  content: [`${webRoot}index.html`, `${webRoot}src/**/*.{ts,tsx}`],
                  safelist: cssSafelist,
                  // our @font-face rules (fonts.css) stay; keyframes that a kept rule names stay
                  fontFace: false,
                  keyframes: true,
                  variables: false,
                }),
              ]
            : [],
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 400,
      sourcemap: true,
    },
    server: { proxy },
    preview: { proxy },
  };
});
