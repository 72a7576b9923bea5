import { defineConfig } from 'tsup'

export default defineConfig({
  // index.ts is the API definition (createApp); client.ts the typed client subpath.
  entry: ['src/index.ts', 'src/client.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
})
