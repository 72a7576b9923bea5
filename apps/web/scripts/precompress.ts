import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(brotliCompress)
const gz = promisify(gzip)

/** What a browser fetches as text: compressed copies are worth keeping for these alone. */
const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt)$/
/** Below this a compressed copy saves less than a response's headers. */
const MIN_BYTES = 1024

/**
 * Writes a Brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside each text file of the
 * build, once, at build time: the server answers them to browsers that accept them
 * (`serveStatic({ precompressed: true })` in @papi/api), so the first page's JavaScript crosses a
 * provincial link at a third of its size with no compression work per request. Node's own zlib
 * does the compressing; the plugin only picks the files (a third-party Vite compression plugin
 * would bring more than this and trail Vite's major versions).
 */
export function precompress(): Plugin {
  return {
    name: 'papi:precompress',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir
      if (!dir) return
      await Promise.all(
        Object.keys(bundle)
          .filter((file) => COMPRESSIBLE.test(file))
          .map(async (file) => {
            const path = join(dir, file)
            const data = await readFile(path)
            if (data.length < MIN_BYTES) return
            const [br, gzipped] = await Promise.all([
              brotli(data, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
              gz(data, { level: 9 }),
            ])
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)])
          }),
      )
    },
  }
}
