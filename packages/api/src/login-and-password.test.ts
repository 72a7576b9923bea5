// Regression tests for hole 7 of issue #10: log-in throttling that nobody can turn into a
// lock-out, the password policy of OWASP ASVS level 2, and answers no cache may keep.
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app'
import { makeTestApp, NOW, PASSWORD, TEST_PASSWORD_COST, type TestApp } from './app.fixture'
import { PASSWORD_COST } from './password'

const later = (ms: number) => new Date(NOW.getTime() + ms)

describe.each(testBackends())('log-in and passwords on $name', (backend) => {
  let store: Store
  let t: TestApp
  const login = (username: string, password: string) => t.call('POST', '/api/v1/auth/login', { body: { username, password } })

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
  })
  afterAll(() => store?.close())

  it('anyone’s wrong guesses never keep the owner out for more than a minute', async () => {
    for (let i = 0; i < 30; i++) await store.loginAttempts.record('user:admin', false, NOW)
    const during = await login('admin', PASSWORD)
    expect(during.status).toBe(429)
    expect(Number(during.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    t.setNow(later(61_000))
    expect((await login('admin', PASSWORD)).status).toBe(200)
    t.setNow(NOW)
  })

  it('the wait grows with each failure beyond the free ones', async () => {
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      t.setNow(later(i * 120_000 + 1))
      await store.loginAttempts.record('user:viewer', false, later(i * 120_000))
    }
    for (let n = 0; n < 3; n++) {
      const res = await login('viewer', PASSWORD)
      waits.push(Number(res.headers.get('retry-after') ?? 0))
      await store.loginAttempts.record('user:viewer', false, later(5 * 120_000))
    }
    expect(waits).toEqual([...waits].sort((a, b) => a - b))
    expect(waits[0]).toBeGreaterThan(0)
    t.setNow(NOW)
  })

  it('an attacker’s own good log-ins do not reset the count of failures', async () => {
    for (let i = 0; i < 5; i++) await store.loginAttempts.record('user:reporter', false, NOW)
    await store.loginAttempts.record('user:reporter', true, NOW)
    expect((await login('reporter', PASSWORD)).status).toBe(429)
  })

  describe('log-in at any clock (a test app at 2030 answered 500: the cookie Expires was checked against the machine clock)', () => {
    const TTL_SECONDS = 8 * 60 * 60
    it.each(['1971-03-01T00:00:00Z', '2018-06-10T03:00:00Z', '2030-01-01T00:00:00Z', '2099-12-31T23:00:00Z'])(
      'at %s: signed in, the cookies end with the session (Max-Age), and the session expires on time',
      async (iso) => {
        const at = new Date(iso)
        t.setNow(at)
        try {
          const res = await login('planner', PASSWORD)
          expect(res.status, res.text).toBe(200)
          expect(Date.parse(res.body.expiresAt) - at.getTime()).toBe(TTL_SECONDS * 1000)
          const cookies = res.headers.getSetCookie()
          expect(cookies).toHaveLength(2)
          for (const cookie of cookies) {
            expect(cookie).toContain(`Max-Age=${TTL_SECONDS}`)
            expect(cookie).not.toContain('Expires=')
          }
          const me = () => t.call('GET', '/api/v1/me', { token: res.body.token })
          t.setNow(new Date(at.getTime() + TTL_SECONDS * 1000 - 1000))
          expect((await me()).status).toBe(200)
          t.setNow(new Date(at.getTime() + TTL_SECONDS * 1000 + 1000))
          expect((await me()).status).toBe(401)
        } finally {
          t.setNow(NOW)
        }
      },
    )
  })

  describe('passwords (ASVS 2.1)', () => {
    let admin: string
    let plannerId: string
    beforeAll(async () => {
      t.setNow(later(60 * 60_000))
      admin = await t.login('admin')
      plannerId = (await store.users.list()).find((u) => u.username === 'planner')!.id
    })

    it.each([['12345678'], ['        '], ['password'], ['newuser-2018-abc'], ['abcdefghijk\u0000l'], ['qwerty123456']])(
      'refuses %j for a new user (422, with the reason in Vietnamese)',
      async (password) => {
        const res = await t.call('POST', '/api/v1/users', {
          token: admin,
          body: { username: 'newuser', password, displayName: 'N', roles: [] },
        })
        expect(res.status).toBe(422)
        expect(res.body.error.details.problems.length).toBeGreaterThan(0)
        expect(res.body.error.message).toMatch(/Mật khẩu/)
      },
    )

    it('changing one’s own password needs the current one', async () => {
      const planner = await t.login('planner')
      const { version } = (await t.call('GET', `/api/v1/users/${plannerId}`, { token: planner })).body
      const without = await t.call('PATCH', `/api/v1/users/${plannerId}`, {
        token: planner,
        body: { password: 'hoa sen nở trên hồ tây', version },
      })
      expect(without.status).toBe(403)
      const wrong = await t.call('PATCH', `/api/v1/users/${plannerId}`, {
        token: planner,
        body: { password: 'hoa sen nở trên hồ tây', currentPassword: 'not-the-one-at-all', version },
      })
      expect(wrong.status).toBe(403)
      const right = await t.call('PATCH', `/api/v1/users/${plannerId}`, {
        token: planner,
        body: { password: 'hoa sen nở trên hồ tây', currentPassword: PASSWORD, version },
      })
      expect(right.status).toBe(200)
      expect(await t.login('planner', 'hoa sen nở trên hồ tây')).toEqual(expect.any(String))
    })

    it('a new password is hashed at the production cost (scrypt N = 2^15, r = 8, p = 3) unless the app is given another', async () => {
      expect(PASSWORD_COST).toEqual({ N: 2 ** 15, r: 8, p: 3 })
      // An app as the server creates it: no passwordCost.
      const app = createApp({ store, clock: () => later(60 * 60_000) })
      const res = await app.request('/api/v1/users', {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'costly', password: 'hoa sen nở trên hồ tây', displayName: 'C', roles: [] }),
      })
      expect(res.status).toBe(201)
      expect((await store.users.findWithCredentials('costly'))?.passwordHash).toMatch(/^scrypt\$32768\$8\$3\$/)
      // The test app (makeTestApp) hashes at the cheap cost its seeded users have.
      const cheap = await t.call('POST', '/api/v1/users', {
        token: admin,
        body: { username: 'cheap', password: 'hoa sen nở trên hồ tây', displayName: 'C', roles: [] },
      })
      expect(cheap.status).toBe(201)
      const { N, r, p } = TEST_PASSWORD_COST
      expect((await store.users.findWithCredentials('cheap'))?.passwordHash).toMatch(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$`))
    })

    it('API answers are never cached', async () => {
      const res = await t.call('GET', '/api/v1/me', { token: admin })
      expect(res.headers.get('cache-control')).toBe('no-store')
      const error = await t.call('GET', '/api/v1/me')
      expect(error.headers.get('cache-control')).toBe('no-store')
    })
  })
})
