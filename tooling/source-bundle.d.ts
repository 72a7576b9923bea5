import type { Options } from 'tsup'

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number]

/**
 * An esbuild plugin that keeps the bundle's modules where they were: modules not matching `bundled`
 * are imported by their path relative to the bundle, and each bundled module's `import.meta.url`
 * is its own file's URL again, so the files it finds beside itself are found from the bundle too.
 */
export declare function inPlace(outDir: string, bundled: RegExp): EsbuildPlugin

/**
 * The path of a bundle of `root`/`entry` made from the current sources (workspace packages through
 * the "source" condition, bundled; everything else where it is installed), kept in
 * `root`/node_modules/.cache/`name` and made again only when a file it was made from changed.
 *
 * @example
 * process.env.PAPI_TEST_SERVER_BUNDLE = await sourceBundle({ root, entry: 'src/server.ts', name: 'papi-server-test', configFiles: [] })
 */
export declare function sourceBundle(bundle: {
  root: string
  entry: string
  name: string
  configFiles: string[]
  bundled?: RegExp
  options?: Options
}): Promise<string>
