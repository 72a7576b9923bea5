import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, PASSWORD, type TestApp } from './app.fixture'
import { createClient } from './client'

describe.each(testBackends())('the typed client on $name', (backend) => {
  let store: Store
  let t: TestApp
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
  })
  afterAll(() => store?.close())

  const fetchVia = (): typeof fetch => async (input, init) => t.app.request(input instanceof Request ? input : String(input), init)

  it('logs in and reads /me and the units with a bearer token', async () => {
    const anonymous = createClient('http://papi.test', { fetch: fetchVia() })
    const res = await anonymous.api.v1.auth.login.$post({ json: { username: 'planner', password: PASSWORD } })
    expect(res.status).toBe(200)
    const { token } = await res.json()
    const api = createClient('http://papi.test', { token, fetch: fetchVia() })
    const me = await (await api.api.v1.me.$get()).json()
    expect(me.user.username).toBe('planner')
    const units = await (await api.api.v1.units.$get({ query: {} })).json()
    expect(units.map((u) => u.code)).toContain('KG')
  })

  it('answers errors in the one shape', async () => {
    const api = createClient('http://papi.test', { fetch: fetchVia() })
    const res = await api.api.v1.me.$get()
    expect(res.status).toBe(401)
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })
})
