import { defaultClientConditions, defineConfig } from 'vite'
import solid from 'vite-plugin-solid'
import { recordBuildInputs } from './scripts/build-inputs'
import { precompress } from './scripts/precompress'

// The API serves dist/ at `/`; during `vite dev` the same-origin /api calls go to the local API.
export default defineConfig({
  plugins: [solid(), precompress(), recordBuildInputs()],
  // Read workspace packages from src/ (the "source" export condition): nothing to build first.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Everything is served by papi itself (closed government networks): no CDN, no inlined fonts.
    assetsInlineLimit: 0,
  },
})
