import type { Options } from 'tsup'

/**
 * The shared tsup config: ESM, .d.ts, source maps, a clean dist/, ES2022; `options` (at least the
 * entry points) merged over it.
 *
 * @example
 * export default papiTsupConfig({ entry: ['src/index.ts'] })
 */
// Returns `object`, not tsup's Options: a config file's inferred default export must not name
// tooling/'s own copy of tsup (TS2742).
export declare function papiTsupConfig(options: Options & { entry: string[] }): object
