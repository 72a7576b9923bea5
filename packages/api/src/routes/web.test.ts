import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { webRoutes } from './web'

const dist = mkdtempSync(join(tmpdir(), 'papi-web-dist-'))
mkdirSync(join(dist, 'assets'))
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>index</title>')
writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)')
// A chunk the build compressed (apps/web/scripts/precompress.ts writes the .br and .gz copies).
const chunk = 'export const words = "kế hoạch";\n'.repeat(100)
writeFileSync(join(dist, 'assets', 'page-3c4d.js'), chunk)
writeFileSync(join(dist, 'assets', 'page-3c4d.js.br'), brotliCompressSync(chunk))
writeFileSync(join(dist, 'assets', 'page-3c4d.js.gz'), gzipSync(chunk))
const outside = `${dist}-secret.txt`
writeFileSync(outside, 'secret')
afterAll(() => {
  rmSync(dist, { recursive: true, force: true })
  rmSync(outside, { force: true })
})

const app = webRoutes(dist)
const get = async (path: string) => {
  const res = await app.request(path)
  return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), text: await res.text() }
}

describe('the web dashboard at /', () => {
  it('serves a built asset, cached for good', async () => {
    expect(await get('/assets/app-1a2b.js')).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      cache: 'public, max-age=31536000, immutable',
      text: 'console.log(1)',
    })
  })

  it.each([
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip, deflate', 'gzip', gunzipSync],
  ] as const)('sends the compressed copy the build wrote to a browser that accepts %s', async (accept, encoding, unpack) => {
    const res = await app.request('/assets/page-3c4d.js', { headers: { 'accept-encoding': accept } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBe(encoding)
    expect(res.headers.get('vary')).toContain('Accept-Encoding')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const body = Buffer.from(await res.arrayBuffer())
    expect(body.length).toBeLessThan(chunk.length / 5)
    expect(unpack(body).toString()).toBe(chunk)
  })

  it('sends the file as it is to a client that accepts no compression', async () => {
    const res = await app.request('/assets/page-3c4d.js')
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toBe(chunk)
  })

  it.each(['/', '/index.html', '/plans/p-1/tasks', '/assets/missing.js'])('%s answers index.html, never cached', async (path) => {
    expect(await get(path)).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      cache: 'no-cache',
      text: '<!doctype html><title>index</title>',
    })
  })

  it.each([`/../${outside.split('/').pop()}`, `/..%2F${outside.split('/').pop()}`, '/%2e%2e/%2e%2e/etc/passwd', '/%ZZ'])(
    '%s never reads outside the dist folder',
    async (path) => {
      const res = await get(path)
      expect(res.text).not.toBe('secret')
      expect(res.text).not.toContain('root:')
    },
  )

  it.each(['/api', '/api/v1/nothing', '/%61pi/v1/nothing'])('%s is left to the API (no page)', async (path) => {
    expect((await get(path)).status).toBe(404)
  })

  it('without a build, / says so in both languages', async () => {
    const res = await webRoutes(join(dist, 'nope')).request('/')
    expect(await res.text()).toMatch(/chưa được build[\s\S]*not built/)
  })
})
