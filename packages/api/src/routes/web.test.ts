import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { webRoutes } from './web'

const dist = mkdtempSync(join(tmpdir(), 'papi-web-dist-'))
mkdirSync(join(dist, 'assets'))
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>index</title>')
writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)')
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
