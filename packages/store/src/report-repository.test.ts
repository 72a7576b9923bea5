import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredPlan } from './stored-plan'
import { type ReportWrite, SessionChangedError, saveReport, type StoredReport } from './report-repository'
import { hashToken } from './session-repository'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

describe.each(testBackends())('plans and reports on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let plan: StoredPlan
  const task = (code: string) => plan.sections.flatMap((s) => s.tasks).find((t) => t.code === code)!

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    plan = await store.plans.create(samplePlan(ids), change())
  })
  afterAll(() => store?.close())

  it('resolves class assignees to the units inside the plan scope', () => {
    expect(
      task('1.3')
        .assignees.filter((a) => a.role === 'lead')
        .map((a) => a.unitName),
    ).toEqual(['UBND phường Vĩnh Thanh Vân', 'UBND thị trấn Minh Lương'])
    expect(task('2.4').assignees.map((a) => [a.role, a.unitName])).toEqual([
      ['lead', 'Sở Tài nguyên và Môi trường'],
      ['coordinator', 'UBND thành phố Rạch Giá'],
      ['coordinator', 'UBND huyện Châu Thành'],
    ])
    // MTTQ is not in this slice of the tree: left for someone to review.
    expect(plan.unresolved).toEqual([{ taskCode: '1.3', text: 'MTTQ và các đoàn thể có liên quan' }])
  })

  it('refuses reports on a draft plan', async () => {
    await expect(
      store.reports.save({ taskId: task('1.3').id, unitId: ids.vtv.id, periodId: '2018Q2', progress: 10 }, change()),
    ).rejects.toMatchObject({ code: 'invalid' })
  })

  it('publishing opens the plan periods with Decree 09/2019 windows', async () => {
    plan = await store.plans.publish(plan.id, change())
    const periods = await store.periods.list(plan.id)
    expect(periods.map((p) => p.code)).toEqual(['2018S1', '2018Q3', '2018'])
    expect(periods[0]).toMatchObject({ cutoffStart: '2017-12-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' })
  })

  it('saves, then updates only with the version last read', async () => {
    const key = { taskId: task('1.3').id, unitId: ids.vtv.id, periodId: '2018S1' }
    const first = await store.reports.save({ ...key, progress: 20, narrative: 'Đã niêm yết' }, change())
    expect(first).toMatchObject({ status: 'draft', version: 1, progress: 20 })
    await expect(store.reports.save({ ...key, progress: 30 }, change())).rejects.toMatchObject({ code: 'version-conflict' })
    const second = await store.reports.save({ ...key, progress: 30, version: 1 }, change())
    expect(second.version).toBe(2)
  })

  it('writes each save with its version row and its audit entry, in the same statement', async () => {
    const key = { taskId: task('1.3').id, unitId: ids.minhLuong.id, periodId: '2018Q3' }
    const at = '2018-09-03T02:00:00.000Z'
    const saved = await store.reports.save({ ...key, progress: 15, narrative: 'Bắt đầu' }, { ...change(at), requestId: 'req-1' })
    const updated = await store.reports.save({ ...key, progress: 25, version: 1 }, { ...change(at, 'someone'), requestId: 'req-2' })
    expect(updated).toMatchObject({ narrative: 'Bắt đầu', progress: 25, updatedBy: 'someone', updatedAt: at, version: 2 })
    expect(await store.reports.findFor(key)).toEqual(updated)
    expect(await store.reports.versions(saved.id)).toEqual([
      { version: 1, action: 'save', status: 'draft', snapshot: saved, actorId: null, at },
      { version: 2, action: 'save', status: 'draft', snapshot: updated, actorId: 'someone', at },
    ])
    const audit = await store.audit.list({ entity: 'report', entityId: saved.id })
    expect(
      audit.map(({ action, provinceId, actorId, before, after, requestId }) => ({ action, provinceId, actorId, before, after, requestId })),
    ).toEqual([
      { action: 'save', provinceId: saved.provinceId, actorId: 'someone', before: saved, after: updated, requestId: 'req-2' },
      { action: 'save', provinceId: saved.provinceId, actorId: null, before: null, after: saved, requestId: 'req-1' },
    ])
  })

  it("checks a cached session in the save's own read: a session ended, a user or a unit tree changed since, and nothing is written", async () => {
    const key = { taskId: task('1.3').id, unitId: ids.vtv.id, periodId: '2018Q3' }
    const now = new Date('2018-09-01T02:00:00Z')
    const user = await store.users.create({ username: 'luu.tam', passwordHash: 'not-a-hash', displayName: 'Lưu', roles: [] }, change())
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    await store.units.tree()
    const held = store.units.heldTree()!
    const check = { tokenHash: hashToken(token), userId: user.id, userVersion: user.version, unitTreeVersion: held.version, now }
    const saved = await store.reports.save({ ...key, progress: 10 }, change(), check)
    expect(saved.version).toBe(1)
    // An unknown task with a session that no longer holds: the session is answered first.
    const expired = { ...check, now: new Date(now.getTime() + 3600_000) }
    await expect(store.reports.save({ ...key, taskId: 'no-such-task', progress: 20 }, change(), expired)).rejects.toBeInstanceOf(
      SessionChangedError,
    )
    const stale = [expired, { ...check, userVersion: user.version - 1 }, { ...check, unitTreeVersion: held.version - 1 }]
    for (const c of stale) {
      await expect(store.reports.save({ ...key, progress: 20, version: 1 }, change(), c)).rejects.toBeInstanceOf(SessionChangedError)
    }
    await store.sessions.delete(token)
    await expect(store.reports.save({ ...key, progress: 20, version: 1 }, change(), check)).rejects.toBeInstanceOf(SessionChangedError)
    expect(await store.reports.findFor(key)).toEqual(saved)
  })

  it('lets exactly one of two writers holding the same version win', async () => {
    const key = { taskId: task('1.3').id, unitId: ids.minhLuong.id, periodId: '2018S1' }
    const created = await store.reports.save({ ...key, progress: 5 }, change())
    const results = await Promise.allSettled([
      store.reports.save({ ...key, progress: 40, version: created.version }, change()),
      store.reports.save({ ...key, progress: 60, version: created.version }, change()),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(rejected.reason).toMatchObject({ code: 'version-conflict' })
    const stored = await store.reports.findFor(key)
    expect(stored?.version).toBe(created.version + 1)
  })

  it('a first save is refused as before when what its one statement checks does not hold, and writes nothing', async () => {
    // The first save's one statement (task, published plan, open unlocked period, assigned unit,
    // session, no report yet) writes nothing when any of them fails; the two-step save names why.
    const key = { taskId: task('2.4').id, unitId: ids.stnmt.id, periodId: '2018Q3' }
    await expect(store.reports.save({ ...key, taskId: 'no-such-task', progress: 10 }, change())).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(store.reports.save({ ...key, periodId: '2019Q3', progress: 10 }, change())).rejects.toMatchObject({ code: 'invalid' })
    await expect(store.reports.save({ ...key, unitId: ids.vtv.id, progress: 10 }, change())).rejects.toMatchObject({ code: 'invalid' })
    await store.periods.update(plan.id, '2018Q3', { locked: true }, change())
    await expect(store.reports.save({ ...key, progress: 10 }, change())).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'locked' },
    })
    await store.periods.update(plan.id, '2018Q3', { locked: false }, change())
    // Content the domain refuses is refused before anything is read or written.
    await expect(store.reports.save({ ...key, workStatus: 'done', progress: 40 }, change())).rejects.toMatchObject({
      code: 'invalid',
      details: { reason: 'invalid-content' },
    })
    // A session that no longer holds, on a task, unit and period that all do.
    const now = new Date('2018-09-01T02:00:00Z')
    const user = await store.users.create({ username: 'tran.an', passwordHash: 'not-a-hash', displayName: 'An', roles: [] }, change())
    const { token } = await store.sessions.create(user.id, { now, ttlMs: 3600_000 })
    await store.units.tree()
    const check = {
      tokenHash: hashToken(token),
      userId: user.id,
      userVersion: user.version + 1,
      unitTreeVersion: store.units.heldTree()!.version,
      now,
    }
    await expect(store.reports.save({ ...key, progress: 10 }, change(), check)).rejects.toBeInstanceOf(SessionChangedError)
    expect(await store.reports.findFor(key)).toBeUndefined()
    // Then, with all of it holding, the first save goes through, into the task's province and plan.
    const saved = await store.reports.save({ ...key, progress: 10 }, change(), { ...check, userVersion: user.version })
    expect(saved).toMatchObject({ provinceId: ids.kg.id, planId: plan.id, version: 1, status: 'draft', workStatus: 'in-progress' })
    expect(await store.reports.findFor(key)).toEqual(saved)
    expect((await store.reports.versions(saved.id)).map((v) => v.snapshot)).toEqual([saved])
  })

  it('lets exactly one of two first saves of the same report win; the other is told it exists', async () => {
    const key = { taskId: task('2.4').id, unitId: ids.stnmt.id, periodId: '2018' }
    const results = await Promise.allSettled([
      store.reports.save({ ...key, progress: 40 }, change()),
      store.reports.save({ ...key, progress: 60 }, change()),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'version-conflict' })
    expect((await store.reports.findFor(key))?.version).toBe(1)
  })

  it('refuses a unit that is not assigned to the task', async () => {
    await expect(
      store.reports.save({ taskId: task('2.4').id, unitId: ids.vtv.id, periodId: '2018S1', progress: 10 }, change()),
    ).rejects.toMatchObject({ code: 'invalid' })
  })

  it('submits, accepts and keeps every version', async () => {
    const report = (await store.reports.findFor({ taskId: task('1.3').id, unitId: ids.vtv.id, periodId: '2018S1' }))!
    const submitted = await store.reports.act(report.id, { type: 'submit' }, change('2018-06-10T03:00:00Z'), report.version)
    expect(submitted).toMatchObject({ status: 'submitted', submittedAt: '2018-06-10T03:00:00.000Z' })
    await expect(store.reports.save({ ...report, progress: 99, version: submitted.version }, change())).rejects.toMatchObject({
      code: 'conflict',
    })
    const accepted = await store.reports.act(report.id, { type: 'accept' }, change('2018-06-12T03:00:00Z'))
    expect(accepted.status).toBe('accepted')
    const versions = await store.reports.versions(report.id)
    expect(versions.map((v) => [v.version, v.action, v.status])).toEqual([
      [1, 'save', 'draft'],
      [2, 'save', 'draft'],
      [3, 'submit', 'submitted'],
      [4, 'accept', 'accepted'],
    ])
  })

  it('returning a report needs a comment', async () => {
    const report = (await store.reports.findFor({ taskId: task('1.3').id, unitId: ids.minhLuong.id, periodId: '2018S1' }))!
    await store.reports.act(report.id, { type: 'submit' }, change('2018-06-20T03:00:00Z'))
    await expect(store.reports.act(report.id, { type: 'return' }, change())).rejects.toMatchObject({ code: 'invalid' })
    const returned = await store.reports.act(report.id, { type: 'return', comment: 'Bổ sung số liệu' }, change())
    expect(returned).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số liệu' })
  })

  it('counts the dashboard of the province for the period', async () => {
    const tree = await store.units.tree()
    const d = await store.dashboard(tree, { unitId: ids.kg.id, periodId: '2018S1', asOf: new Date('2018-06-25T00:00:00Z') })
    expect(d.plans).toHaveLength(1)
    const p = d.plans[0]!
    // Leads owing a report: two communes on 1.3, Sở TN&MT on 2.4.
    expect(p.reporting).toMatchObject({ expected: 3, submitted: 1, accepted: 1, onTime: 1 })
    expect(p.units.find((u) => u.unitId === ids.rachGia.id)).toMatchObject({ expected: 1, submitted: 1 })
    expect(p.sections.map((s) => s.code)).toEqual(['1', '2'])
  })
})

describe.each(testBackends())('a save in one statement writes what the two-step save writes, on $name', (backend) => {
  // The same saves on two reports of one task (two units): one through the store (one statement
  // where the request decides the outcome), the other through the two-step save (read, then write).
  // Every answer, version row and audit entry must be the same, bar the report's id and unit.
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let plan: StoredPlan
  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    plan = await store.plans.publish((await store.plans.create(samplePlan(ids), change())).id, change())
  })
  afterAll(() => store?.close())

  const same = ({ id, unitId, ...rest }: StoredReport) => rest
  const settle = <T>(p: Promise<T>) =>
    p.then(
      (value) => ({ value }),
      (error: { code?: string; details?: unknown }) => ({ error: { code: error.code, details: error.details } }),
    )

  it('creates, edits (fields left out keep their values), finishes, reopens and is refused alike', async () => {
    const taskId = plan.sections.flatMap((s) => s.tasks).find((t) => t.code === '1.3')!.id
    const keys = [ids.vtv.id, ids.minhLuong.id].map((unitId) => ({ taskId, unitId, periodId: '2018' }))
    const versions = [0, 0]
    /** One save on both reports; `inOne`: the first must go through in one statement. */
    const step = async (
      content: Omit<ReportWrite, 'taskId' | 'unitId' | 'periodId' | 'version'>,
      at: string,
      inOne: boolean,
      version?: number,
    ) => {
      const results = []
      const ways = [{ requireOne: inOne }, { oneStatement: 'none' }] as const
      for (const [i, options] of ways.entries()) {
        const input = { ...keys[i]!, ...content, version: version ?? versions[i] }
        const by = { ...change(at, 'reporter'), requestId: `req-${at}` }
        results.push(await settle(saveReport(store.db, input, by, undefined, options)))
      }
      const [one, two] = results as [{ value?: StoredReport; error?: unknown }, { value?: StoredReport; error?: unknown }]
      expect(one.error).toEqual(two.error)
      if (one.value && two.value) {
        expect(same(one.value)).toEqual(same(two.value))
        expect(Object.keys(one.value)).toEqual(Object.keys(two.value))
        versions[0] = one.value.version
        versions[1] = two.value.version
      }
      return one
    }
    await step({ workStatus: 'in-progress', progress: 10, narrative: 'Đã niêm yết' }, '2018-07-01T02:00:00.000Z', true)
    await step({ workStatus: 'in-progress', progress: 20 }, '2018-07-02T02:00:00.000Z', true)
    await step(
      { workStatus: 'in-progress', progress: 30, kpiValues: [{ metric: 'papi-rank', value: 40 }], evidence: [{ name: 'Biên bản' }] },
      '2018-07-03T02:00:00.123Z',
      true,
    )
    await step({ workStatus: 'done', progress: 100, completedOn: '2018-07-04' }, '2018-07-04T02:00:00.000Z', true)
    await step({ workStatus: 'in-progress', progress: 90, narrative: '' }, '2018-07-05T02:00:00.000Z', true)
    // Refused alike: a stale version; a pair that disagrees.
    expect((await step({ workStatus: 'in-progress', progress: 95 }, '2018-07-06T02:00:00.000Z', false, 1)).error).toMatchObject({
      code: 'version-conflict',
    })
    expect((await step({ workStatus: 'not-started', progress: 50 }, '2018-07-06T02:00:00.000Z', false)).error).toMatchObject({
      code: 'invalid',
    })
    // Done without its day: a save keeps the day it had (none here), the two-step way.
    expect((await step({ workStatus: 'done', progress: 100 }, '2018-07-06T03:00:00.000Z', false)).value).toMatchObject({
      workStatus: 'done',
    })
    // Submitted, then returned with a comment: a save on the returned report keeps the review.
    await step({ workStatus: 'in-progress', progress: 90, submit: true }, '2018-07-07T02:00:00.000Z', false)
    for (const [i, key] of keys.entries()) {
      const report = (await store.reports.findFor(key))!
      versions[i] = (
        await store.reports.act(report.id, { type: 'return', comment: 'Bổ sung' }, change('2018-07-08T02:00:00.000Z'), report.version)
      ).version
    }
    expect((await step({ workStatus: 'in-progress', progress: 95 }, '2018-07-09T02:00:00.000Z', true)).value).toMatchObject({
      status: 'returned',
      reviewComment: 'Bổ sung',
      progress: 95,
    })
    // Accepted: no save changes it.
    for (const [i, key] of keys.entries()) {
      const report = (await store.reports.findFor(key))!
      await store.reports.act(report.id, { type: 'submit' }, change('2018-07-10T02:00:00.000Z'), report.version)
      const submitted = (await store.reports.findFor(key))!
      versions[i] = (
        await store.reports.act(submitted.id, { type: 'accept' }, change('2018-07-11T02:00:00.000Z'), submitted.version)
      ).version
    }
    expect((await step({ workStatus: 'in-progress', progress: 99 }, '2018-07-12T02:00:00.000Z', false)).error).toMatchObject({
      code: 'conflict',
    })

    const [one, two] = await Promise.all(keys.map((key) => store.reports.findFor(key)))
    expect(same(one!)).toEqual(same(two!))
    const history = async (r: StoredReport) => (await store.reports.versions(r.id)).map((v) => ({ ...v, snapshot: same(v.snapshot) }))
    expect(await history(one!)).toEqual(await history(two!))
    const audit = async (r: StoredReport) =>
      (await store.audit.list({ entity: 'report', entityId: r.id })).map(({ action, actorId, before, after, requestId }) => ({
        action,
        actorId,
        requestId,
        before: before && same(before as StoredReport),
        after: after && same(after as StoredReport),
      }))
    expect(await audit(one!)).toEqual(await audit(two!))
    expect((await audit(one!)).length).toBe(11)
  })
})
