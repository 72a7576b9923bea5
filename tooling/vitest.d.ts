import type { ViteUserConfig } from 'vitest/config'

export interface PapiVitestOptions extends ViteUserConfig {
  /** The suite opens databases: clone the run's migrated PGlite template, longer timeouts. */
  database?: boolean
}

/** The globalSetup module that makes the run's migrated PGlite template. */
export declare const PGLITE_TEMPLATE_SETUP: string

/**
 * The shared vitest config: sources through the "source" condition, src/**\/*.test.ts, and with
 * `database: true` the PGlite template; anything else given is merged over it.
 *
 * @example
 * export default papiVitestConfig({ database: true })
 */
export declare function papiVitestConfig(options?: PapiVitestOptions): ViteUserConfig
