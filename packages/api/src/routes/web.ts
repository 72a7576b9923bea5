import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'

const NOT_BUILT = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>papi</title></head>
<body><h1>papi</h1>
<p>Giao diện web chưa được build (apps/web/dist). API: <a href="/api/docs">/api/docs</a>.</p>
<p>The web dashboard is not built (apps/web/dist). API: <a href="/api/docs">/api/docs</a>.</p>
</body></html>
`

/** The path with every escape decoded; one that does not decode (`/%ZZ`) names no file, so stays as sent. */
function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/')
const nothing = async () => {}

/**
 * Serves the built web dashboard at `/` (`serveStatic` from @hono/node-server: it refuses `..`,
 * encoded separators and `%` escapes, so nothing outside the dist folder is read) with an SPA
 * fallback: any GET that is not a file and not under `/api` answers `index.html`, so deep links
 * work. Hashed assets are cached for good; HTML is re-read, to pick up a new build. A file's
 * Brotli or gzip copy, when the build wrote one, is sent to a browser that accepts it. Without a
 * build, `/` says so.
 */
export function webRoutes(dist: string | undefined) {
  const app = new Hono<AppEnv>()
  if (!dist || !existsSync(join(dist, 'index.html'))) {
    app.get('/', (c) => c.html(NOT_BUILT))
    return app
  }
  // The build writes .br and .gz beside each text file (apps/web/scripts/precompress.ts): answered to a
  // browser that accepts them, with no compression work per request.
  const asset = serveStatic<AppEnv>({ root: dist, precompressed: true })
  const index = serveStatic<AppEnv>({ root: dist, path: 'index.html', precompressed: true })
  app.get('*', async (c, next) => {
    if (isApi(decodedPath(c.req.path))) return next()
    const res = (await asset(c, nothing)) ?? (await index(c, nothing))
    if (!res) return next()
    const html = res.headers.get('content-type')?.startsWith('text/html') ?? false
    res.headers.set('cache-control', html ? 'no-cache' : 'public, max-age=31536000, immutable')
    return res
  })
  return app
}
