// Test fixture shared by the API's tests (not exported): an app over a fresh store with a slice
// of Kiên Giang, one user per role, and helpers to call it as a signed-in user.
import type { Plan } from '@papi/domain'
import type { Store } from '@papi/store'
import { samplePlan as sharedSamplePlan, seedSampleProvince, type SampleProvince } from '@papi/store/testing'
import { createApp } from './app'
import { checkResponsesOf } from './conformance.fixture'
import { hashPassword } from './password'

export const NOW = new Date('2018-06-10T03:00:00Z')
export const PASSWORD = 'mat-khau-2018'
/** A cheap scrypt cost for seeded users, so the many test log-ins stay fast (production: PASSWORD_COST). */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 }

export type TestApp = Awaited<ReturnType<typeof makeTestApp>>

export async function makeTestApp(store: Store, options: Parameters<typeof createApp>[0] extends infer O ? Partial<O> : never = {}) {
  let now = NOW
  // Every response any test gets is checked against the OpenAPI document. Passwords the API hashes
  // (new users, changes) take the seeded users' cheap cost: ~0.25 s of CPU each at the production
  // one, which stays the default (login-and-password.test.ts).
  const app = checkResponsesOf(createApp({ store, clock: () => now, passwordCost: TEST_PASSWORD_COST, ...options }))
  const change = { actorId: null, at: NOW }
  const units = await seedSampleProvince(store, change)
  const { kg, vtv, chauThanh, minhLuong } = units

  const passwordHash = await hashPassword(PASSWORD, TEST_PASSWORD_COST)
  const user = (username: string, roles: { role: 'admin' | 'planner' | 'reporter' | 'viewer'; unitId: string | null }[]) =>
    store.users.create({ username, passwordHash, displayName: username, roles }, change)
  await user('admin', [{ role: 'admin', unitId: null }])
  await user('planner', [{ role: 'planner', unitId: kg.id }])
  await user('reporter', [{ role: 'reporter', unitId: vtv.id }])
  await user('reporter2', [{ role: 'reporter', unitId: minhLuong.id }])
  await user('viewer', [{ role: 'viewer', unitId: chauThanh.id }])

  async function call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any; text: string; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let body: string | undefined
    if (options.raw !== undefined) body = options.raw
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await app.request(path, { method, headers, body })
    const text = await res.text()
    let json: any
    try {
      json = text ? JSON.parse(text) : undefined
    } catch {
      json = undefined
    }
    return { status: res.status, body: json, text, headers: res.headers }
  }

  async function login(username: string, password = PASSWORD): Promise<string> {
    const res = await call('POST', '/api/v1/auth/login', { body: { username, password } })
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.text}`)
    return res.body.token
  }

  return { app, store, units, call, login, setNow: (d: Date) => (now = d) }
}

/** The shared sample plan, with the rank target the target and score tests evaluate. */
export function samplePlan(units: SampleProvince): Plan {
  return {
    ...sharedSamplePlan(units),
    targets: [{ metric: 'papi-rank', comparator: 'rank-lte', value: 44, unit: 'rank', text: 'xếp hạng cao hơn năm 2017' }],
  }
}
