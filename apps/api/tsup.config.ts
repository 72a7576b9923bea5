import { defineConfig } from 'tsup'

export default defineConfig({
  // server.ts is the start command (`node dist/server.js`); client.ts the typed client subpath.
  entry: ['src/index.ts', 'src/client.ts', 'src/server.ts'],
  format: ['esm'],
  dts: { entry: ['src/index.ts', 'src/client.ts'] },
  sourcemap: true,
  clean: true,
  target: 'es2022',
})
