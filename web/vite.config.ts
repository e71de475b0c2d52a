// Vite configuration for the marsad web UI.
// `npm run build` writes web/dist/, which `marsad serve` serves from the same
// origin as the JSON API. `npm run dev` proxies /api to MARSAD_API (default:
// the mock server in mock/server.mjs on port 8090).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // No inline polyfill script: the page must run under a strict CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.MARSAD_API ?? 'http://127.0.0.1:8090' },
  },
});
