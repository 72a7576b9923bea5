import { papiTsupConfig } from '@papi/tooling/tsup'

// `papi tui` must paint its first frame fast. Node loads one minified file far faster than the
// hundreds of small modules of ink, react, zod and their helpers (and than tsx compiling the
// sources), so the TUI ships as one bundle: everything but ssh2 (CommonJS with optional native
// parts, loaded only by `papi ssh-serve`) and ink's development-only devtools.
export default papiTsupConfig({
  entry: ['src/index.ts'],
  platform: 'node',
  noExternal: [/^(?!ssh2$|react-devtools-core$)/],
  external: ['ssh2', 'react-devtools-core'],
  // The workspace packages from their sources (tree-shaken: @papi/domain has no side effects).
  esbuildOptions(options) {
    options.conditions = ['source']
  },
  // React's production build, as a bundle for users should be.
  env: { NODE_ENV: 'production' },
  minify: true,
  // Bundled CommonJS (react, signal-exit…) calls require() for Node's own modules.
  banner: { js: "import { createRequire as papiCreateRequire } from 'node:module'; const require = papiCreateRequire(import.meta.url);" },
})
