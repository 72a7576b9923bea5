import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono } from 'hono'
import type { AppEnv } from '../app-env'

// swagger-ui-dist ships the files; we serve them ourselves (no CDN on closed government networks).
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

const PAGE = `<!doctype html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <title>papi API</title>
  <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
  <link rel="icon" href="/api/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>
`

// An own file rather than an inline script: the CSP allows scripts from 'self' only.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`

/** The API docs page at `/api/docs`, over `/api/openapi.json`. */
export const docsRoutes = new Hono<AppEnv>()
  .get('/docs', (c) => c.html(PAGE))
  .get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  .get('/docs/assets/:file', async (c) => {
    const file = c.req.param('file')
    const type = ASSETS[file]
    if (!type) return c.notFound()
    const body = await readFile(join(SWAGGER_DIR, file))
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' })
  })
