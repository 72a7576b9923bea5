import { testBackends } from '@papi/store/testing'
import type { Store } from '@papi/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, type TestApp } from './app.fixture'

describe.each(testBackends())('the API on $name', (backend) => {
  let store: Store
  let t: TestApp
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store, { bodyLimit: 4096 })
  })
  afterAll(() => store?.close())

  describe('system routes', () => {
    it('GET /api/health answers ok', async () => {
      const res = await t.call('GET', '/api/health')
      expect(res).toMatchObject({ status: 200, body: { status: 'ok' } })
    })

    it('GET /api/openapi.json is OpenAPI 3.1 and lists the contract routes', async () => {
      const res = await t.call('GET', '/api/openapi.json')
      expect(res.status).toBe(200)
      expect(res.body.openapi).toBe('3.1.0')
      for (const path of ['/api/v1/auth/login', '/api/v1/units', '/api/v1/plans/{id}', '/api/v1/reports', '/api/v1/dashboard']) {
        expect(Object.keys(res.body.paths)).toContain(path)
      }
    })

    it('serves the docs page and its assets itself, under a self-only CSP', async () => {
      const page = await t.call('GET', '/api/docs')
      expect(page.status).toBe(200)
      expect(page.text).toContain('/api/docs/assets/swagger-ui-bundle.js')
      expect(page.text).not.toMatch(/https?:\/\//)
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
      const asset = await t.call('GET', '/api/docs/assets/swagger-ui-bundle.js')
      expect(asset.status).toBe(200)
    })

    it('sets security headers on every response, errors included', async () => {
      const res = await t.call('GET', '/api/v1/nowhere')
      expect(res.status).toBe(404)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-security-policy')).toContain("'self'")
      expect(res.body.error).toMatchObject({ code: 'not-found', requestId: expect.any(String) })
    })
  })

  describe('errors', () => {
    it('no session → 401 in the error shape, Vietnamese by default', async () => {
      const res = await t.call('GET', '/api/v1/units')
      expect(res.status).toBe(401)
      expect(res.body).toEqual({
        error: {
          code: 'unauthenticated',
          message: 'Vui lòng đăng nhập.',
          details: { reason: expect.stringContaining('no valid session') },
          requestId: expect.any(String),
        },
      })
    })

    it('answers in English when Accept-Language prefers it', async () => {
      const res = await t.call('GET', '/api/v1/units', { headers: { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' } })
      expect(res.body.error.message).toBe('Please log in.')
    })

    it('malformed JSON → 400', async () => {
      const res = await t.call('POST', '/api/v1/auth/login', { raw: '{"username": ', headers: { 'content-type': 'application/json' } })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('malformed')
    })

    it('a body that is not JSON → 400', async () => {
      const res = await t.call('POST', '/api/v1/auth/login', { raw: 'username=admin', headers: { 'content-type': 'text/plain' } })
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('malformed')
    })

    it('oversize body → 413', async () => {
      const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'x'.repeat(10_000) } })
      expect(res.status).toBe(413)
      expect(res.body.error).toMatchObject({ code: 'too-large', details: { maxBytes: 4096 } })
    })

    it('invalid input → 422 with the zod issues', async () => {
      const token = await t.login('admin')
      const res = await t.call('POST', '/api/v1/units', { token, body: { code: '', name: 'X', level: 'planet', kind: 'department' } })
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('invalid')
      expect(res.body.error.details.issues.map((i: { path: string[] }) => i.path[0])).toEqual(
        expect.arrayContaining(['code', 'level', 'parentId']),
      )
    })

    it('a taken code → 409', async () => {
      const token = await t.login('admin')
      const res = await t.call('POST', '/api/v1/units', {
        token,
        body: { code: 'KG-SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: t.units.kg.id },
      })
      expect(res.status).toBe(409)
    })
  })

  describe('auth', () => {
    it('logs in with a bearer token and an HttpOnly cookie; /me lists roles and permissions', async () => {
      const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'Reporter', password: 'mat-khau-2018' } })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ token: expect.any(String), user: { username: 'reporter' } })
      expect(res.body.user.passwordHash).toBeUndefined()
      const cookies = res.headers.getSetCookie()
      expect(cookies.find((c) => c.startsWith('papi_session='))).toMatch(/HttpOnly/)
      const me = await t.call('GET', '/api/v1/me', { token: res.body.token })
      expect(me.status).toBe(200)
      expect(me.body.roles).toEqual([{ role: 'reporter', unitId: t.units.vtv.id }])
      expect(me.body.permissions).toContainEqual({ action: 'report.write', scope: 'unit', unitId: t.units.vtv.id })
    })

    it('a wrong password → 401', async () => {
      const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'viewer', password: 'wrong-password' } })
      expect(res.status).toBe(401)
    })

    it('too many failed log-ins → 429, counted in the database', async () => {
      // Three free failures, then a wait that grows (the domain's loginWait).
      for (let i = 0; i < 4; i++) {
        await t.call('POST', '/api/v1/auth/login', { body: { username: 'reporter2', password: 'nope-nope' } })
      }
      const res = await t.call('POST', '/api/v1/auth/login', { body: { username: 'reporter2', password: 'mat-khau-2018' } })
      expect(res.status).toBe(429)
      expect(res.body.error.code).toBe('rate-limited')
      expect(res.headers.get('retry-after')).toBeTruthy()
      // A second app over the same database (another API process) sees the same count.
      const other = await makeTestAppOver(store)
      const again = await other.call('POST', '/api/v1/auth/login', { body: { username: 'reporter2', password: 'mat-khau-2018' } })
      expect(again.status).toBe(429)
    })

    it('cookie sessions must send the CSRF token on writes; bearer requests need not', async () => {
      const login = await t.call('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'mat-khau-2018' } })
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      const body = { code: 'KG-STP', name: 'Sở Tư pháp', level: 'province', kind: 'department', parentId: t.units.kg.id }
      const read = await t.call('GET', '/api/v1/units', { headers: { cookie } })
      expect(read.status).toBe(200)
      const forged = await t.call('POST', '/api/v1/units', { body, headers: { cookie } })
      expect(forged.status).toBe(403)
      const ok = await t.call('POST', '/api/v1/units', { body, headers: { cookie, 'x-csrf-token': login.body.csrfToken } })
      expect(ok.status).toBe(201)
    })

    it('logout ends the session', async () => {
      const token = await t.login('viewer')
      expect((await t.call('POST', '/api/v1/auth/logout', { token })).status).toBe(200)
      expect((await t.call('GET', '/api/v1/me', { token })).status).toBe(401)
    })
  })

  describe('units and users', () => {
    it('only admins create units and users', async () => {
      const planner = await t.login('planner')
      const res = await t.call('POST', '/api/v1/units', {
        token: planner,
        body: { code: 'KG-SYT', name: 'Sở Y tế', level: 'province', kind: 'department', parentId: t.units.kg.id },
      })
      expect(res.status).toBe(403)
      const user = await t.call('POST', '/api/v1/users', {
        token: planner,
        body: { username: 'someone', password: 'password1', displayName: 'X', roles: [] },
      })
      expect(user.status).toBe(403)
    })

    it('an admin creates a user with roles, who can log in', async () => {
      const admin = await t.login('admin')
      const res = await t.call('POST', '/api/v1/users', {
        token: admin,
        body: {
          username: 'snv',
          password: 'mat-khau-moi',
          displayName: 'Sở Nội vụ',
          roles: [{ role: 'reporter', unitId: t.units.snv.id }],
        },
      })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({ username: 'snv', roles: [{ role: 'reporter', unitId: t.units.snv.id }] })
      expect(await t.login('snv', 'mat-khau-moi')).toEqual(expect.any(String))
    })

    it('reads the tree and merges Kiên Giang into An Giang from 2025-07-01', async () => {
      const admin = await t.login('admin')
      const anGiang = await t.call('POST', '/api/v1/units', {
        token: admin,
        body: {
          code: 'AG',
          name: 'UBND tỉnh An Giang',
          level: 'province',
          kind: 'people-committee',
          parentId: null,
          validFrom: '2025-07-01',
        },
      })
      // Its departments and districts are still in force: a clear 409 until the caller says what becomes of them.
      const { version } = (await t.call('GET', `/api/v1/units/${t.units.kg.id}`, { token: admin })).body
      const refused = await t.call('POST', `/api/v1/units/${t.units.kg.id}/merge`, {
        token: admin,
        body: { successorId: anGiang.body.id, effectiveOn: '2025-07-01', version },
      })
      expect(refused.status).toBe(409)
      expect(refused.body.error).toMatchObject({ code: 'conflict', details: { reason: 'would-orphan' } })
      expect(refused.body.error.message).toMatch(/Không thể kết thúc đơn vị vì còn \d+ đơn vị trực thuộc/u)
      const merged = await t.call('POST', `/api/v1/units/${t.units.kg.id}/merge`, {
        token: admin,
        body: { successorId: anGiang.body.id, effectiveOn: '2025-07-01', children: 'end', version },
      })
      expect(merged.body).toMatchObject({ validTo: '2025-06-30', successorIds: [anGiang.body.id] })
      const tree = await t.call('GET', '/api/v1/units/tree', { token: admin })
      const kg = tree.body.find((u: { id: string }) => u.id === t.units.kg.id)
      expect(kg.children.map((u: { name: string }) => u.name)).toContain('UBND thành phố Rạch Giá')
    })

    it('every change is in the audit log with before and after', async () => {
      const admin = await t.login('admin')
      const res = await t.call('GET', `/api/v1/audit?entity=unit&entityId=${t.units.kg.id}`, { token: admin })
      expect(res.status).toBe(200)
      expect(res.body[0]).toMatchObject({ action: 'merge', before: { successorIds: [] }, after: { validTo: '2025-06-30' } })
      expect(res.body[0].actorId).toEqual(expect.any(String))
    })
  })
})

async function makeTestAppOver(store: Store) {
  const { createApp } = await import('./app')
  const app = createApp({ store, clock: () => NOW })
  return {
    call: async (method: string, path: string, options: { body: unknown }) => {
      const res = await app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(options.body),
      })
      return { status: res.status }
    },
  }
}
