// #10 hole 6: every state-changing write names the version it was based on. A missing version is
// a 422 that says so in the caller's language, a stale one a 409; of many writers that read the
// same version exactly one wins, and writers that reread and retry lose no update — on PGlite and
// on PostgreSQL (DATABASE_URL). Cost: ~15 s per database.
import { generateKeyPairSync } from 'node:crypto'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, samplePlan, type TestApp } from './app.fixture'

/** A new ed25519 public key in the one-line OpenSSH form. */
function sshPublicKey(): string {
  const { publicKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes])
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]).toString('base64')} planner@laptop`
}

/** Concurrent writers per race: enough to interleave on a pool of connections, few enough for CI. */
const WRITERS = 12
/** Writers that each apply `INCREMENTS` read-modify-write changes, rereading on a 409. */
const RETRYING_WRITERS = 4
const INCREMENTS = 5

describe.each(testBackends())('versioned writes on $name', (backend) => {
  let store: Store
  let t: TestApp
  let admin: string
  let planner: string
  let reporter: string
  let planId: string
  let taskId: string
  let periodCode: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    admin = await t.login('admin')
    planner = await t.login('planner')
    reporter = await t.login('reporter')
    const created = await t.call('POST', '/api/v1/plans', { token: planner, body: samplePlan(t.units) })
    planId = created.body.id
    taskId = created.body.sections[0].tasks[0].id
    const published = await t.call('POST', `/api/v1/plans/${planId}/publish`, { token: planner, body: { version: created.body.version } })
    expect(published.status, published.text).toBe(200)
    periodCode = (await t.call('GET', `/api/v1/plans/${planId}/periods`, { token: planner })).body[0].code
  })
  afterAll(() => store?.close())

  const periodPath = () => `/api/v1/plans/${planId}/periods/${periodCode}`
  const period = async () =>
    (await t.call('GET', `/api/v1/plans/${planId}/periods`, { token: planner })).body.find((p: { code: string }) => p.code === periodCode)
  const auditCount = async (entity: string, entityId: string) => (await store.audit.list({ entity, entityId, limit: 1000 })).length

  /** A missing version: 422, reason `version-missing`, worded in Vietnamese and in English. */
  async function expectVersionMissing(method: string, path: string, token: string, body?: Record<string, unknown>) {
    const vi = await t.call(method, path, { token, body, headers: { 'accept-language': 'vi' } })
    expect(vi.status, vi.text).toBe(422)
    expect(vi.body.error).toMatchObject({ code: 'invalid', details: { reason: 'version-missing' } })
    expect(vi.body.error.message).toMatch(/Thiếu phiên bản/u)
    const en = await t.call(method, path, { token, body, headers: { 'accept-language': 'en' } })
    expect(en.body.error.message).toMatch(/version last read/u)
  }

  /** A stale version: 409 in the error shape, and nothing written. */
  async function expectStale(method: string, path: string, token: string, body?: Record<string, unknown>) {
    const res = await t.call(method, path, { token, body, headers: { 'accept-language': 'vi' } })
    expect(res.status, res.text).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'conflict', requestId: expect.any(String) })
    expect(res.body.error.message).toMatch(/tải lại/u)
  }

  describe('each write requires the version it read', () => {
    it('a period: deadline move, grace days, lock and unlock', async () => {
      const before = await period()
      await expectVersionMissing('PATCH', periodPath(), planner, { locked: true })
      await expectStale('PATCH', periodPath(), planner, { locked: true, version: before.version + 1 })
      expect((await period()).locked).toBe(false)
      const locked = await t.call('PATCH', periodPath(), { token: planner, body: { locked: true, graceDays: 5, version: before.version } })
      expect(locked.status, locked.text).toBe(200)
      expect(locked.body).toMatchObject({ locked: true, graceDays: 5, version: before.version + 1 })
      await expectStale('PATCH', periodPath(), planner, { locked: false, version: before.version })
      const unlocked = await t.call('PATCH', periodPath(), { token: planner, body: { locked: false, version: locked.body.version } })
      expect(unlocked.body).toMatchObject({ locked: false, graceDays: 5, version: before.version + 2 })
    })

    it('a past period is judged at its deadline plus the grace days the planner set on it', async () => {
      const { version } = await period()
      t.setNow(new Date('2030-01-01T00:00:00Z'))
      try {
        const later = await t.login('planner')
        const judgedOn = async () => {
          const res = await t.call('GET', `/api/v1/dashboard?unitId=${t.units.kg.id}&periodId=${periodCode}`, { token: later })
          expect(res.status, res.text).toBe(200)
          return res.body.plans.find((p: { planId: string }) => p.planId === planId).asOf as string
        }
        await t.call('PATCH', periodPath(), { token: later, body: { graceDays: 0, version } })
        const without = await judgedOn()
        await t.call('PATCH', periodPath(), { token: later, body: { graceDays: 7, version: version + 1 } })
        const withGrace = await judgedOn()
        expect((Date.parse(withGrace) - Date.parse(without)) / 86_400_000).toBe(7)
      } finally {
        t.setNow(NOW)
        // The log-in in 2030 ended every session expired by then, these tests' own among them.
        admin = await t.login('admin')
        planner = await t.login('planner')
        reporter = await t.login('reporter')
      }
    })

    it('grace days outside 0–60 are refused next to their field', async () => {
      const { version } = await period()
      const res = await t.call('PATCH', periodPath(), { token: planner, body: { graceDays: 61, version } })
      expect(res.status).toBe(422)
      expect(res.body.error.details.issues[0].path).toEqual(['graceDays'])
    })

    it('a unit: change, move, end and merge', async () => {
      const unit = (await t.call('GET', `/api/v1/units/${t.units.minhLuong.id}`, { token: admin })).body
      expect(unit.version).toEqual(expect.any(Number))
      const path = `/api/v1/units/${unit.id}`
      await expectVersionMissing('PATCH', path, admin, { name: 'UBND xã Minh Lương (mới)' })
      await expectStale('PATCH', path, admin, { name: 'UBND xã Minh Lương (mới)', version: unit.version + 1 })
      const renamed = await t.call('PATCH', path, { token: admin, body: { name: 'UBND xã Minh Lương (mới)', version: unit.version } })
      expect(renamed.status, renamed.text).toBe(200)
      expect(renamed.body.version).toBe(unit.version + 1)
      await expectVersionMissing('POST', `${path}/merge`, admin, { successorId: t.units.chauThanh.id, effectiveOn: '2025-07-01' })
      await expectStale('POST', `${path}/merge`, admin, { successorId: t.units.vtv.id, effectiveOn: '2025-07-01', version: unit.version })
      expect((await store.units.get(unit.id)).validTo).toBeUndefined()
    })

    it('a user: role grants, disabling and a password reset by an admin', async () => {
      const viewer = (await store.users.list()).find((u) => u.username === 'viewer')!
      const path = `/api/v1/users/${viewer.id}`
      await expectVersionMissing('PATCH', path, admin, { disabled: true })
      await expectStale('PATCH', path, admin, { roles: [], version: viewer.version + 1 })
      await expectStale('PATCH', path, admin, { password: 'một mật khẩu rất dài mới', version: viewer.version + 1 })
      const disabled = await t.call('PATCH', path, { token: admin, body: { disabled: true, version: viewer.version } })
      expect(disabled.body).toMatchObject({ disabled: true, version: viewer.version + 1 })
      await expectStale('PATCH', path, admin, { disabled: false, version: viewer.version })
      const enabled = await t.call('PATCH', path, { token: admin, body: { disabled: false, version: disabled.body.version } })
      expect(enabled.body).toMatchObject({ disabled: false, version: viewer.version + 2 })
    })

    it("a year's result: 0 for a first result, then the stored version", async () => {
      const result = { unitId: t.units.kg.id, frameworkId: 'papi-2009', year: 2016, total: 35.1, dimensions: [] }
      await expectVersionMissing('POST', '/api/v1/scores', planner, result)
      const first = await t.call('POST', '/api/v1/scores', { token: planner, body: { ...result, version: 0 } })
      expect(first.status, first.text).toBe(201)
      expect(first.body.saved[0].version).toBe(1)
      await expectStale('POST', '/api/v1/scores', planner, { ...result, total: 36, version: 0 })
      const second = await t.call('POST', '/api/v1/scores', { token: planner, body: { ...result, total: 36, version: 1 } })
      expect(second.body.saved[0]).toMatchObject({ total: 36, version: 2 })
      const [stored] = (await t.call('GET', `/api/v1/scores?unitId=${t.units.kg.id}&frameworkId=papi-2009&year=2016`, { token: planner }))
        .body
      expect(stored).toMatchObject({ total: 36, version: 2 })
    })
  })

  describe("a year's score table names the version of the year it replaces (POST /scores/import?version=)", () => {
    const table = (total: string) => `unit,total,rank,rankOf\nKG,${total},40,63\nKG-SNV,30.5,,\n`
    const importTable = (query: string, csv: string, headers: Record<string, string> = {}) =>
      t.call('POST', `/api/v1/scores/import?frameworkId=papi-2009&year=2013${query}`, {
        token: planner,
        raw: csv,
        headers: { 'content-type': 'text/csv', ...headers },
      })
    const storedYear = async () => store.scores.list({ frameworkId: 'papi-2009', year: 2013 })

    it('the preview answers the version; a missing one is 422 and a stale one 409, nothing written', async () => {
      const preview = await importTable('&dryRun=true', table('35.1'))
      expect(preview.status, preview.text).toBe(200)
      expect(preview.body.version).toBe('0')
      const missing = await importTable('', table('35.1'), { 'accept-language': 'vi' })
      expect(missing.status, missing.text).toBe(422)
      expect(missing.body.error).toMatchObject({ code: 'invalid', details: { reason: 'version-missing' } })
      expect(missing.body.error.message).toMatch(/Thiếu phiên bản/u)
      const stale = await importTable('&version=t9-stale', table('35.1'), { 'accept-language': 'en' })
      expect(stale.status, stale.text).toBe(409)
      expect(stale.body.error).toMatchObject({ code: 'conflict', details: { reason: 'score-table-changed', version: '0' } })
      expect(stale.body.error.message).toMatch(/preview again/u)
      expect(await storedYear()).toEqual([])
      const stored = await importTable(`&version=${preview.body.version}`, table('35.1'))
      expect(stored.status, stored.text).toBe(201)
      expect(stored.body.saved).toHaveLength(2)
      expect(stored.body.version).not.toBe('0')
      // The same table previewed again names the version just stored.
      expect((await importTable('&dryRun=true', table('35.1'))).body.version).toBe(stored.body.version)
    })

    it('a score typed after the preview is not overwritten: the import answers 409 and the typed one stays (no lost update)', async () => {
      const preview = await importTable('&dryRun=true', table('36.2'))
      const [kg] = (await storedYear()).filter((s) => s.unitId === t.units.kg.id)
      // An officer corrects Kiên Giang's total by hand, naming the result's version, while the table waits.
      const typed = await t.call('POST', '/api/v1/scores', {
        token: planner,
        body: {
          unitId: t.units.kg.id,
          frameworkId: 'papi-2009',
          year: 2013,
          total: 37.7,
          rank: 38,
          rankOf: 63,
          dimensions: [],
          version: kg!.version,
        },
      })
      expect(typed.status, typed.text).toBe(201)
      const audited = (await store.audit.list({ entity: 'score', limit: 1000 })).length
      const late = await importTable(`&version=${preview.body.version}`, table('36.2'), { 'accept-language': 'vi' })
      expect(late.status, late.text).toBe(409)
      expect(late.body.error.message).toMatch(/xem trước lại/u)
      expect((await storedYear()).find((s) => s.unitId === t.units.kg.id)).toMatchObject({ total: 37.7, version: kg!.version + 1 })
      expect((await store.audit.list({ entity: 'score', limit: 1000 })).length).toBe(audited)
      // Previewed again, the table names what is stored now and replaces it knowingly.
      const again = await importTable('&dryRun=true', table('36.2'))
      expect(again.body.version).toBe(late.body.error.details.version)
      expect((await importTable(`&version=${again.body.version}`, table('36.2'))).status).toBe(201)
      expect((await storedYear()).find((s) => s.unitId === t.units.kg.id)?.total).toBe(36.2)
    })
  })

  describe('each delete names the version it read (?version=): missing 422, stale 409 and nothing deleted', () => {
    it('a unit typed by mistake', async () => {
      const typo = await t.call('POST', '/api/v1/units', {
        token: admin,
        body: { code: 'KG-DEL', name: 'Sở Nội vụu', level: 'province', kind: 'department', parentId: t.units.kg.id },
      })
      expect(typo.status, typo.text).toBe(201)
      const path = `/api/v1/units/${typo.body.id}`
      await expectVersionMissing('DELETE', path, admin)
      await expectStale('DELETE', `${path}?version=${typo.body.version + 1}`, admin)
      expect((await t.call('GET', path, { token: admin })).status).toBe(200)
      const deleted = await t.call('DELETE', `${path}?version=${typo.body.version}`, { token: admin })
      expect(deleted.status, deleted.text).toBe(204)
      expect((await t.call('GET', path, { token: admin })).status).toBe(404)
    })

    it('a user who never changed anything', async () => {
      const created = await t.call('POST', '/api/v1/users', {
        token: admin,
        body: { username: 'nham', password: 'mua-thu-ha-noi-2018', displayName: 'Tài khoản nhầm' },
      })
      expect(created.status, created.text).toBe(201)
      const path = `/api/v1/users/${created.body.id}`
      await expectVersionMissing('DELETE', path, admin)
      await expectStale('DELETE', `${path}?version=${created.body.version + 1}`, admin)
      expect((await t.call('GET', path, { token: admin })).status).toBe(200)
      const deleted = await t.call('DELETE', `${path}?version=${created.body.version}`, { token: admin })
      expect(deleted.status, deleted.text).toBe(204)
      expect((await t.call('GET', path, { token: admin })).status).toBe(404)
    })

    it('an SSH key (a key is never edited, so the version it was listed with is 1)', async () => {
      const { id: plannerId } = (await t.call('GET', '/api/v1/me', { token: planner })).body.user
      const added = await t.call('POST', `/api/v1/users/${plannerId}/ssh-keys`, { token: planner, body: { publicKey: sshPublicKey() } })
      expect(added.status, added.text).toBe(201)
      const [listed] = (await t.call('GET', `/api/v1/users/${plannerId}/ssh-keys`, { token: planner })).body
      const path = `/api/v1/users/${plannerId}/ssh-keys/${listed.id}`
      await expectVersionMissing('DELETE', path, planner)
      await expectStale('DELETE', `${path}?version=${listed.version + 1}`, planner)
      expect((await t.call('GET', `/api/v1/users/${plannerId}/ssh-keys`, { token: planner })).body).toHaveLength(1)
      const removed = await t.call('DELETE', `${path}?version=${listed.version}`, { token: planner })
      expect(removed.status, removed.text).toBe(204)
      expect((await t.call('GET', `/api/v1/users/${plannerId}/ssh-keys`, { token: planner })).body).toEqual([])
    })

    it('a draft plan', async () => {
      const draft = await t.call('POST', '/api/v1/plans', { token: planner, body: { ...samplePlan(t.units), number: '98/KH-XOA' } })
      expect(draft.status, draft.text).toBe(201)
      const path = `/api/v1/plans/${draft.body.id}`
      await expectVersionMissing('DELETE', path, planner)
      await expectStale('DELETE', `${path}?version=${draft.body.version + 1}`, planner)
      expect((await t.call('GET', path, { token: planner })).status).toBe(200)
      const deleted = await t.call('DELETE', `${path}?version=${draft.body.version}`, { token: planner })
      expect(deleted.status, deleted.text).toBe(204)
      expect((await t.call('GET', path, { token: planner })).status).toBe(404)
    })
  })

  describe(`${WRITERS} writers who read the same version: exactly one wins, the audit has it once`, () => {
    /** Sends every write at once; answers the statuses and the winners' bodies. */
    async function race(writes: (() => Promise<{ status: number; body: any; text: string }>)[]) {
      const answers = await Promise.all(writes.map((w) => w()))
      for (const a of answers) expect([200, 201, 409], a.text).toContain(a.status)
      return { winners: answers.filter((a) => a.status < 300), losers: answers.filter((a) => a.status === 409) }
    }

    it('on one period (deadline moves)', async () => {
      const before = await period()
      const audited = await auditCount('period', before.id)
      const days = Array.from({ length: WRITERS }, (_, i) => `2018-12-${String(i + 10).padStart(2, '0')}`)
      const { winners, losers } = await race(
        days.map((dueOn) => () => t.call('PATCH', periodPath(), { token: planner, body: { dueOn, version: before.version } })),
      )
      expect(winners).toHaveLength(1)
      expect(losers).toHaveLength(WRITERS - 1)
      const after = await period()
      expect(after).toMatchObject({ dueOn: winners[0]!.body.dueOn, version: before.version + 1 })
      expect(await auditCount('period', before.id)).toBe(audited + 1)
    })

    it('on one unit (renames)', async () => {
      const unit = await store.units.get(t.units.chauThanh.id)
      const audited = await auditCount('unit', unit.id)
      const { winners } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () =>
            t.call('PATCH', `/api/v1/units/${unit.id}`, {
              token: admin,
              body: { name: `UBND huyện Châu Thành ${i}`, version: unit.version },
            }),
        ),
      )
      expect(winners).toHaveLength(1)
      expect(await store.units.get(unit.id)).toMatchObject({ name: winners[0]!.body.name, version: unit.version! + 1 })
      expect(await auditCount('unit', unit.id)).toBe(audited + 1)
    })

    it('on one plan (replacements of a draft)', async () => {
      const draft = await t.call('POST', '/api/v1/plans', { token: planner, body: { ...samplePlan(t.units), number: 'race/KH-UBND' } })
      const audited = await auditCount('plan', draft.body.id)
      const { winners } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () =>
            t.call('PUT', `/api/v1/plans/${draft.body.id}`, {
              token: planner,
              body: { ...samplePlan(t.units), number: 'race/KH-UBND', title: `Kế hoạch ${i}`, version: draft.body.version },
            }),
        ),
      )
      expect(winners).toHaveLength(1)
      const after = await store.plans.get(draft.body.id)
      expect(after).toMatchObject({ title: winners[0]!.body.title, version: draft.body.version + 1 })
      expect(await auditCount('plan', draft.body.id)).toBe(audited + 1)
    })

    it('on one report (saves), its history one version per win', async () => {
      const key = { taskId, unitId: t.units.vtv.id, periodId: periodCode }
      const first = await t.call('PUT', '/api/v1/reports', {
        token: reporter,
        body: { ...key, version: 0, progress: 5, narrative: 'Bắt đầu' },
      })
      expect(first.status, first.text).toBe(200)
      const { winners } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () =>
            t.call('PUT', '/api/v1/reports', {
              token: reporter,
              body: { ...key, version: first.body.version, progress: 10 + i, narrative: `Người viết ${i}` },
            }),
        ),
      )
      expect(winners).toHaveLength(1)
      const stored = await store.reports.get(first.body.id)
      expect(stored).toMatchObject({ progress: winners[0]!.body.progress, version: first.body.version + 1 })
      expect((await store.reports.versions(first.body.id)).map((v) => v.version)).toEqual([1, 2])
    })

    it("on one year's result (first results)", async () => {
      const result = { unitId: t.units.kg.id, frameworkId: 'papi-2009', year: 2015, dimensions: [] }
      const { winners } = await race(
        Array.from(
          { length: WRITERS },
          (_, i) => () => t.call('POST', '/api/v1/scores', { token: planner, body: { ...result, total: 30 + i, version: 0 } }),
        ),
      )
      expect(winners).toHaveLength(1)
      const stored = await store.scores.list({ unitId: t.units.kg.id, frameworkId: 'papi-2009', year: 2015 })
      expect(stored).toEqual([expect.objectContaining({ total: winners[0]!.body.saved[0].total, version: 1 })])
    })

    it("on one year's table: imports and typed scores that read the same state", async () => {
      const csv = (total: number) => `unit,total,rank,rankOf\nKG,${total},40,63\n`
      const where = { frameworkId: 'papi-2009', year: 2012 }
      const first = await t.call('POST', '/api/v1/scores', {
        token: planner,
        body: { unitId: t.units.kg.id, ...where, total: 30, dimensions: [], version: 0 },
      })
      expect(first.status, first.text).toBe(201)
      const preview = await t.call('POST', '/api/v1/scores/import?frameworkId=papi-2009&year=2012&dryRun=true', {
        token: planner,
        raw: csv(30),
        headers: { 'content-type': 'text/csv' },
      })
      const audited = await auditCount('score', first.body.saved[0].id)
      // Half replace the year by table, half type Kiên Giang's result by hand — all from the same read.
      const { winners } = await race(
        Array.from({ length: WRITERS }, (_, i) =>
          i % 2
            ? () =>
                t.call('POST', `/api/v1/scores/import?frameworkId=papi-2009&year=2012&version=${preview.body.version}`, {
                  token: planner,
                  raw: csv(31 + i),
                  headers: { 'content-type': 'text/csv' },
                })
            : () =>
                t.call('POST', '/api/v1/scores', {
                  token: planner,
                  body: { unitId: t.units.kg.id, ...where, total: 31 + i, dimensions: [], version: 1 },
                }),
        ),
      )
      expect(winners).toHaveLength(1)
      const stored = await store.scores.list({ unitId: t.units.kg.id, ...where })
      expect(stored).toEqual([expect.objectContaining({ total: winners[0]!.body.saved[0].total, version: 2 })])
      expect(await auditCount('score', first.body.saved[0].id)).toBe(audited + 1)
    })
  })

  it(`${RETRYING_WRITERS} writers × ${INCREMENTS} read-modify-write changes on one period lose no update`, async () => {
    const start = await period()
    const audited = await auditCount('period', start.id)
    const base = (await t.call('PATCH', periodPath(), { token: planner, body: { graceDays: 0, version: start.version } })).body as {
      version: number
    }
    let conflicts = 0
    const writer = async () => {
      for (let done = 0; done < INCREMENTS; ) {
        const read = await period()
        const res = await t.call('PATCH', periodPath(), { token: planner, body: { graceDays: read.graceDays + 1, version: read.version } })
        if (res.status === 200) done++
        else if (res.status === 409) conflicts++
        else throw new Error(res.text)
      }
    }
    await Promise.all(Array.from({ length: RETRYING_WRITERS }, writer))
    const total = RETRYING_WRITERS * INCREMENTS
    expect(await period()).toMatchObject({ graceDays: total, version: base.version + total })
    expect(await auditCount('period', start.id)).toBe(audited + 1 + total)
    expect(conflicts).toBeGreaterThanOrEqual(0)
  })
})
