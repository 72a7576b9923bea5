import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

describe.each(testBackends())('findSessionUser on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  const now = new Date('2018-06-01T03:00:00Z')

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
  })
  afterAll(() => store?.close())

  it('answers the session and its user with the roles, as the separate reads do', async () => {
    const user = await store.users.create(
      {
        username: 'thu.kg',
        passwordHash: 'not-a-hash',
        displayName: 'Thư',
        roles: [
          { role: 'reporter', unitId: ids.snv.id },
          { role: 'planner', unitId: ids.kg.id },
          { role: 'reporter', unitId: ids.chauThanh.id },
        ],
      },
      change(),
    )
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    const found = await store.sessions.findWithUser(token, now)
    expect(found?.session).toEqual(await store.sessions.find(token, now))
    expect(found?.user).toEqual(await store.users.find(user.id))
  })

  it('answers a user without roles with an empty list', async () => {
    const user = await store.users.create({ username: 'khach', passwordHash: 'not-a-hash', displayName: 'Khách', roles: [] }, change())
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    expect((await store.sessions.findWithUser(token, now))?.user.roles).toEqual([])
  })

  it("answers the unit tree's version, which moves on with a change to units; the tree read with it is the cached one", async () => {
    const user = await store.users.create({ username: 'cay', passwordHash: 'not-a-hash', displayName: 'Cây', roles: [] }, change())
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    const before = (await store.sessions.findWithUser(token, now))?.unitTreeVersion
    expect(before).toEqual(expect.any(Number))
    const cached = await store.units.tree()
    expect(await store.units.tree({ version: before })).toBe(cached)
    await store.units.update(ids.snv.id, { name: 'Sở Nội vụ (đổi tên)' }, change())
    const after = (await store.sessions.findWithUser(token, now))?.unitTreeVersion as number
    expect(after).toBeGreaterThan(before as number)
    const fresh = await store.units.tree({ version: after })
    expect(fresh).not.toBe(cached)
    expect(fresh.byId.get(ids.snv.id)?.name).toBe('Sở Nội vụ (đổi tên)')
  })

  it('answers nothing for an unknown or expired token', async () => {
    const user = await store.users.create({ username: 'het.han', passwordHash: 'not-a-hash', displayName: 'Hết hạn', roles: [] }, change())
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 1000 })
    expect(await store.sessions.findWithUser(token, new Date(now.getTime() + 2000))).toBeUndefined()
    expect(await store.sessions.findWithUser('no-such-token', now)).toBeUndefined()
  })
})
