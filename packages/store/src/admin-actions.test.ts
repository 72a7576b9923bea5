import { parseSshPublicKey } from '@papi/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

const KEY = parseSshPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINC6KKpJa8edp56MV9UEyQQedy/sTzqqZfR5UMHeq+/V test@host')!

describe.each(testBackends())('deleting, SSH keys and backups on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
  })
  afterAll(() => store?.close())

  it('deletes a unit nothing points at, and audits it', async () => {
    const typo = await store.units.create(
      { code: 'KG-TYPO', name: 'Sở Nội vụu', level: 'province', kind: 'department', parentId: ids.kg.id },
      change(),
    )
    await store.units.remove(typo.id, change())
    expect(await store.units.find(typo.id)).toBeUndefined()
    const [entry] = await store.audit.list({ entity: 'unit', entityId: typo.id })
    expect(entry).toMatchObject({ action: 'delete', before: { code: 'KG-TYPO' } })
  })

  it('refuses to delete a unit with children (end it instead)', async () => {
    await expect(store.units.remove(ids.rachGia.id, change())).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'unit-in-use' },
    })
  })

  it('deletes a user who never acted, keeps one the audit log names', async () => {
    const admin = await store.users.create(
      { username: 'root', passwordHash: 'x', displayName: 'Root', roles: [{ role: 'admin', unitId: null }] },
      change(),
    )
    const typo = await store.users.create({ username: 'typo', passwordHash: 'x', displayName: 'Typo', roles: [] }, change())
    await store.users.remove(typo.id, change(undefined, admin.id))
    expect(await store.users.find(typo.id)).toBeUndefined()
    const other = await store.users.create({ username: 'other', passwordHash: 'x', displayName: 'Other', roles: [] }, change())
    await expect(store.users.remove(admin.id, change(undefined, other.id))).rejects.toMatchObject({ details: { reason: 'user-has-acted' } })
    await expect(store.users.remove(admin.id, change(undefined, admin.id))).rejects.toMatchObject({ details: { reason: 'own-account' } })
  })

  it('deletes a draft plan, never a published one', async () => {
    const plan = await store.plans.create(samplePlan(ids), change())
    await store.plans.publish(plan.id, change())
    await expect(store.plans.remove(plan.id, change())).rejects.toMatchObject({ details: { reason: 'plan-published' } })
    const draft = await store.plans.create({ ...samplePlan(ids), number: '98/KH-UBND' }, change())
    await store.plans.remove(draft.id, change())
    expect((await store.plans.list()).map((p) => p.number)).toEqual(['97/KH-UBND'])
  })

  it('keeps SSH keys per user with the OpenSSH fingerprint; one account per key', async () => {
    const user = await store.users.create({ username: 'ssh', passwordHash: 'x', displayName: 'SSH', roles: [] }, change())
    const key = await store.sshKeys.add(user.id, KEY, change())
    // ssh-keygen -lf on the same key prints this fingerprint.
    expect(key.fingerprint).toBe('SHA256:qU6G6pKYRp/nus9WdP/eWtBswi/X6k04kXU6vSoMlGc')
    expect((await store.sshKeys.find(key.fingerprint))?.userId).toBe(user.id)
    await expect(store.sshKeys.add(user.id, KEY, change())).rejects.toMatchObject({ code: 'conflict' })
    // A removal names the version read: a key is never edited, so 1; another is stale and removes nothing.
    expect(key.version).toBe(1)
    await expect(store.sshKeys.remove(user.id, key.id, 2, change())).rejects.toMatchObject({ code: 'version-conflict' })
    expect(await store.sshKeys.list(user.id)).toHaveLength(1)
    await store.sshKeys.remove(user.id, key.id, key.version, change())
    expect(await store.sshKeys.list(user.id)).toEqual([])
  })

  it('restores its own backup exactly, and refuses what is not a backup', async () => {
    const lines: string[] = []
    for await (const line of store.backup.lines(new Date('2026-01-01T00:00:00Z'))) lines.push(line)
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'papi-backup', driver: backend.name })
    const unitsBefore = await store.units.list()
    const auditBefore = await store.audit.list({ limit: 1000 })
    await store.units.create(
      { code: 'KG-AFTER', name: 'Sau sao lưu', level: 'province', kind: 'department', parentId: ids.kg.id },
      change(),
    )

    const by = { change: change('2026-02-01T00:00:00Z'), via: 'cli' as const }
    await expect(store.backup.restore(['{"hello":1}'], by)).rejects.toMatchObject({ details: { reason: 'not-a-backup' } })
    await expect(store.backup.restore(lines.slice(0, -1), by)).rejects.toMatchObject({ details: { reason: 'backup-truncated' } })
    expect((await store.units.list()).length).toBe(unitsBefore.length + 1) // all or nothing

    const progress: number[] = []
    await store.backup.restore(lines, by, (p) => progress.push(p.done / p.total))
    expect(await store.units.list()).toEqual(unitsBefore)
    // The audit as backed up, and the restore itself on top (written in its transaction).
    const [restored, ...audited] = await store.audit.list({ limit: 1000 })
    expect(audited).toEqual(auditBefore)
    expect(restored).toMatchObject({
      action: 'restore',
      entity: 'system',
      entityId: 'database',
      actorId: null,
      after: { createdAt: '2026-01-01T00:00:00.000Z', driver: backend.name, via: 'cli' },
    })
    expect(progress.at(-1)).toBe(1)
    // The audit log's order keeps counting after the restored rows.
    await store.units.create(
      { code: 'KG-NEXT', name: 'Sau khôi phục', level: 'province', kind: 'department', parentId: ids.kg.id },
      change('2030-01-01T00:00:00Z'),
    )
    expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({ after: { code: 'KG-NEXT' } })
  })
})
