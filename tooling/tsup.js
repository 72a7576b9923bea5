// @ts-check
// The tsup config every package builds with (plain JS so tsup loads it as it is; types in tsup.d.ts).
import { defineConfig } from 'tsup'

/**
 * @param {import('tsup').Options & { entry: string[] }} options
 */
export function papiTsupConfig(options) {
  return defineConfig({ format: ['esm'], dts: true, sourcemap: true, clean: true, target: 'es2022', ...options })
}
