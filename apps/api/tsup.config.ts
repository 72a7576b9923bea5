import { defineConfig } from 'tsup'

export default defineConfig({
  // server.ts is the start command (`node dist/server.js`).
  entry: ['src/server.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: true,
  target: 'es2022',
})
