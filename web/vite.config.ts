import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The config lives in web/ but is run from the repository root
// (`vite build --config web/vite.config.ts`), so every path is anchored here.
const webRoot = fileURLToPath(new URL('.', import.meta.url));

// Where the dev and preview servers forward /api (the InCaS server); same origin in production.
const apiTarget = process.env.INCAS_API_URL ?? 'http://127.0.0.1:3000';
// The proxy keeps the browser's Host header, so the server's same-origin check still holds.
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Bootstrap Italia's CSS and fonts are large; the warning adds noise, not information.
    chunkSizeWarningLimit: 1200,
    sourcemap: true,
  },
  server: { proxy },
  preview: { proxy },
});
