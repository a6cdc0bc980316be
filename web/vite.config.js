import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// Built assets go into the Python package so that a pip install serves the UI without npm.
export default defineConfig({
  base: '/static/',
  build: {
    outDir: fileURLToPath(new URL('../src/newsgraph/web/static', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8000' } },
});
