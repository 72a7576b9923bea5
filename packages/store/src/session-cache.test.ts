import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from './open-store'
import type { Store } from './store'
import { change, seedUnits } from './store.fixture'
import { pgliteTemplateDump, testBackends } from './test-backend'

/** The test backends (PGlite in the process), and PGlite on a worker thread as the server opens it. */
const backends: { label: string; open: () => Promise<Store> }[] = [
  ...testBackends().map((backend) => ({ label: backend.name, open: () => backend.open() })),
  { label: 'pglite on a worker thread', open: () => openStore({ dataDir: 'memory://', loadDataDir: pgliteTemplateDump(), worker: true }) },
]

describe.each(backends)('a session as findWithUser answers it, after any change that ends or alters it, on $label', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  const now = new Date('2018-06-01T03:00:00Z')
  /** Statements the store's database client was sent while `work` ran. */
  let statements = 0

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    // drizzle sends every statement through its client's `query`.
    const client = (store.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client
    const query = client.query.bind(client)
    client.query = (...args) => {
      statements++
      return query(...args)
    }
  })
  afterAll(() => store?.close())

  async function signedIn(username: string) {
    const user = await store.users.create(
      { username, passwordHash: 'not-a-hash', displayName: username, roles: [{ role: 'reporter', unitId: ids.snv.id }] },
      change(),
    )
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    return { user, token }
  }

  async function counted<T>(work: () => Promise<T>): Promise<{ value: T; statements: number }> {
    const before = statements
    const value = await work()
    return { value, statements: statements - before }
  }

  it('is read again only once something changed: on PGlite a session read before costs no statement', async () => {
    const { user, token } = await signedIn('doc.lai')
    const first = await counted(() => store.sessions.findWithUser(token, now))
    expect(first.value?.user.id).toBe(user.id)
    expect(first.statements).toBe(1)
    const again = await counted(() => store.sessions.findWithUser(token, now))
    expect(again.value).toEqual(first.value)
    expect(again.statements).toBe(store.driver === 'pglite' ? 0 : 1)
    // A new session changes no session held.
    await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    expect((await counted(() => store.sessions.findWithUser(token, now))).statements).toBe(store.driver === 'pglite' ? 0 : 1)
    await store.units.update(ids.snv.id, { name: 'Sở Nội vụ tỉnh' }, change())
    const moved = await counted(() => store.sessions.findWithUser(token, now))
    expect(moved.statements).toBe(1)
    expect(moved.value?.unitTreeVersion).toBeGreaterThan(first.value?.unitTreeVersion as number)
  })

  it('ends with its expiry, though read before', async () => {
    const { token } = await signedIn('het.gio')
    expect(await store.sessions.findWithUser(token, now)).toBeDefined()
    expect(await store.sessions.findWithUser(token, new Date(now.getTime() + 3600_000))).toBeUndefined()
  })

  it('ends when revoked, when the user signs out, when all their sessions end, when purged as expired', async () => {
    const revoked = await signedIn('thu.hoi')
    const out = await signedIn('dang.xuat')
    const ended = await signedIn('doi.mat.khau')
    const purged = await signedIn('qua.han')
    const later = new Date(now.getTime() + 7200_000)
    const { token: purgedLater } = await store.sessions.create(purged.user.id, { now: later, ttlMs: 3600_000 })
    for (const { token } of [revoked, out, ended, purged]) expect(await store.sessions.findWithUser(token, now)).toBeDefined()
    expect(await store.sessions.findWithUser(purgedLater, later)).toBeDefined()

    await store.sessions.revokeForUser(revoked.user.id, change())
    expect(await store.sessions.findWithUser(revoked.token, now)).toBeUndefined()
    await store.sessions.delete(out.token)
    expect(await store.sessions.findWithUser(out.token, now)).toBeUndefined()
    await store.sessions.deleteForUser(ended.user.id)
    expect(await store.sessions.findWithUser(ended.token, now)).toBeUndefined()
    // Purged as expired at a day when it is: a caller whose clock is behind no longer finds it either.
    await store.sessions.purgeExpired(new Date(now.getTime() + 3600_001))
    expect(await store.sessions.findWithUser(purged.token, now)).toBeUndefined()
    expect(await store.sessions.findWithUser(purgedLater, later)).toBeDefined()
  })

  it('shows the user as changed: disabled, roles given and taken, renamed', async () => {
    const { user, token } = await signedIn('doi.vai')
    expect((await store.sessions.findWithUser(token, now))?.user.roles).toEqual([{ role: 'reporter', unitId: ids.snv.id }])
    const planner = await store.users.update(user.id, { roles: [{ role: 'planner', unitId: ids.kg.id }] }, change())
    expect((await store.sessions.findWithUser(token, now))?.user).toEqual(planner)
    const renamed = await store.users.update(user.id, { displayName: 'Đổi tên' }, change())
    expect((await store.sessions.findWithUser(token, now))?.user.displayName).toBe(renamed.displayName)
    await store.users.update(user.id, { disabled: true }, change())
    expect((await store.sessions.findWithUser(token, now))?.user.disabled).toBe(true)
  })

  it('follows SQL written beside the repositories, in a transaction too, and a restore', async () => {
    const { user, token } = await signedIn('sql.tho')
    expect((await store.sessions.findWithUser(token, now))?.user.roles).toHaveLength(1)
    await store.db.transaction(async (tx) => {
      await tx.execute(sql`delete from user_roles where user_id = ${user.id}`)
      await tx.execute(sql`select 1`)
    })
    expect((await store.sessions.findWithUser(token, now))?.user.roles).toEqual([])
    await store.db.execute(sql`update users set display_name = 'Ghi thẳng' where id = ${user.id}`)
    expect((await store.sessions.findWithUser(token, now))?.user.displayName).toBe('Ghi thẳng')

    const lines: string[] = []
    for await (const line of store.backup.lines(now)) lines.push(line)
    expect(await store.sessions.findWithUser(token, now)).toBeDefined()
    await store.backup.restore(lines, { change: change(), via: 'cli' })
    // A restore signs everyone out.
    expect(await store.sessions.findWithUser(token, now)).toBeUndefined()
  })
})
