import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
}

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

/**
 * Serves the built web dashboard at `/` with an SPA fallback: any GET that is not a file and not
 * under `/api` answers `index.html`, so deep links work. Without a build, `/` says so.
 */
export function webRoutes(dist: string | undefined) {
  const app = new Hono<AppEnv>()
  const root = dist && existsSync(join(dist, 'index.html')) ? normalize(dist) : undefined
  app.get('*', async (c, next) => {
    const path = decodedPath(c.req.path)
    if (path === '/api' || path.startsWith('/api/')) return next()
    if (!root) return path === '/' ? c.html(NOT_BUILT) : next()
    const file = normalize(join(root, path))
    // Never leave the dist folder, whatever the path says.
    const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep)
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html')
    const body = await readFile(target)
    const isIndex = target.endsWith(`${sep}index.html`)
    return c.body(new Uint8Array(body), 200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      // Hashed assets never change; index.html must be re-read to pick up a new build.
      'cache-control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
    })
  })
  return app
}
