import type { Plan } from '@papi/domain'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboard, type Dashboard } from './dashboard'
import { figuresCacheOf } from './figures-cache'
import { openStore } from './open-store'
import type { Store } from './store'
import { change, samplePlan, seedUnits } from './store.fixture'
import { testBackends } from './test-backend'

// The dashboard keeps each plan's figures per process while the plan's figures version (moved by
// statement triggers on every table the figures read) and the unit tree stay the same. For every
// way the figures' inputs are written — through the store, by raw SQL as another process or tool
// would, by a restore — the plan's version moves, and a dashboard served from a warm cache equals
// the dashboard computed with no cache. About 30 writes and 250 small dashboards per database.
describe.each(testBackends())('dashboard figures kept per plan, on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let planId: string
  const task = async (code: string) => (await store.plans.get(planId)).sections.flatMap((s) => s.tasks).find((t) => t.code === code)!
  const queries = () => [
    { unitId: ids.kg.id, periodId: '2018Q3', asOf: '2018-12-31T00:00:00Z' },
    { unitId: ids.rachGia.id, periodId: '2018Q3', asOf: '2018-12-31T00:00:00Z' },
    // Judged as the period says (its deadline and grace), the current period as of now.
    { unitId: ids.kg.id, periodId: '2018Q3', now: new Date('2019-03-01T00:00:00Z') },
    { unitId: ids.kg.id, periodId: '2018S1', now: new Date('2018-06-20T05:00:00Z') },
    { unitId: ids.kg.id, periodId: '2018', asOf: '2019-02-01T00:00:00Z' },
  ]
  const served = async () => {
    const tree = await store.units.tree()
    return Promise.all(queries().map((q) => store.dashboard(tree, q)))
  }
  const fresh = async (db = store.db) => {
    const tree = await store.units.tree()
    const out: Dashboard[] = []
    for (const q of queries()) out.push(await dashboard(db, tree, q))
    return out
  }
  type Kind = 'structure' | 'reports' | 'filed'
  const KINDS: readonly Kind[] = ['structure', 'reports', 'filed']
  /** A plan's versions: of its structure (`n`), of its reports, of its filed reports. */
  const versionsOf = async (id: string, s: Store = store): Promise<Record<Kind, number>> => {
    const result = (await s.db.execute(
      sql`select coalesce(sum(n), 0)::int as structure, coalesce(sum(reports), 0)::int as reports, coalesce(sum(filed), 0)::int as filed
        from plan_figures_versions where plan_id = ${id}`,
    )) as unknown as { rows: Record<Kind, number>[] }
    return result.rows[0]!
  }
  /** How often each kept kind was asked for and not found at the plan's current versions. */
  const misses = () => {
    const cache = figuresCacheOf(store.db)
    return { figures: cache.figures.size().misses, structures: cache.structures.size().misses, latest: cache.latest.size().misses }
  }
  /**
   * Warms the cache, writes, and checks: the plans `moved` have a higher figures version (with
   * `kinds`, exactly those of their versions moved, the others not), the served dashboards equal
   * the uncached ones, and (`changes`) the write changed the figures.
   */
  const afterWrite = async (
    write: () => Promise<unknown>,
    options: { moved?: () => string[]; changes?: boolean; kinds?: readonly Kind[] } = {},
  ) => {
    expect(await served()).toEqual(await fresh())
    const before = await fresh()
    const moved = options.moved?.() ?? [planId]
    const versions = await Promise.all(moved.map((id) => versionsOf(id)))
    await write()
    for (const [i, id] of moved.entries()) {
      const was = versions[i]!
      const now = await versionsOf(id)
      expect(now.structure + now.reports + now.filed, `version of ${id}`).toBeGreaterThan(was.structure + was.reports + was.filed)
      for (const kind of options.kinds === undefined ? [] : KINDS) {
        if (options.kinds?.includes(kind)) expect(now[kind], `${kind} version of ${id}`).toBeGreaterThan(was[kind])
        else expect(now[kind], `${kind} version of ${id}`).toBe(was[kind])
      }
    }
    const now = await fresh()
    expect(await served()).toEqual(now)
    if (options.changes !== false) expect(now).not.toEqual(before)
  }

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    planId = (await store.plans.publish((await store.plans.create(samplePlan(ids), change())).id, change())).id
    const t13 = await task('1.3')
    const t24 = await task('2.4')
    await store.reports.save(
      { taskId: t13.id, unitId: ids.vtv.id, periodId: '2018Q3', progress: 40, submit: true },
      change('2018-09-20T02:00:00Z'),
    )
    await store.reports.save(
      { taskId: t24.id, unitId: ids.stnmt.id, periodId: '2018S1', progress: 30, submit: true },
      change('2018-06-20T02:00:00Z'),
    )
  })
  afterAll(() => store?.close())

  it('serves a plan nobody wrote to from memory, and recomputes it after a write', async () => {
    const tree = await store.units.tree()
    const q = queries()[0]!
    const first = await store.dashboard(tree, q)
    const again = await store.dashboard(tree, q)
    expect(again).toEqual(first)
    expect(again.plans[0]!.sections).toBe(first.plans[0]!.sections)
    expect(figuresCacheOf(store.db).figures.size().entries).toBeGreaterThan(0)
    await store.db.execute(sql`update reports set progress = progress where plan_id = ${planId}`)
    expect((await store.dashboard(tree, q)).plans[0]!.sections).not.toBe(first.plans[0]!.sections)
  })

  it('answers an instant asked for with the figures of its day', async () => {
    const tree = await store.units.tree()
    const at = (asOf: string) => ({ unitId: ids.kg.id, periodId: '2018Q3', asOf })
    const morning = await store.dashboard(tree, at('2018-09-20T01:00:00Z'))
    const evening = await store.dashboard(tree, at('2018-09-20T16:00:00Z'))
    expect(evening.plans[0]!.asOf).toBe('2018-09-20T16:00:00Z')
    expect(evening).toEqual(await dashboard(store.db, tree, at('2018-09-20T16:00:00Z')))
    expect(morning).toEqual(await dashboard(store.db, tree, at('2018-09-20T01:00:00Z')))
  })

  it('a report saved as a draft', async () => {
    const t = await task('1.3')
    await afterWrite(
      () =>
        store.reports.save({ taskId: t.id, unitId: ids.minhLuong.id, periodId: '2018Q3', progress: 20 }, change('2018-09-21T02:00:00Z')),
      { changes: false, kinds: ['reports'] },
    )
  })

  it("keeps a plan's structure and its latest filed reports after a draft saved, and reads again only what a write can have changed", async () => {
    const t = await task('1.3')
    const draft = { taskId: t.id, unitId: ids.minhLuong.id, periodId: '2018Q3' }
    await served()
    const warm = misses()
    // A draft saved: the figures are computed again from the period's reports alone.
    const saved = await store.reports.save({ ...draft, progress: 25, version: (await store.reports.findFor(draft))!.version }, change())
    expect(await served()).toEqual(await fresh())
    const afterDraft = misses()
    expect(afterDraft.figures).toBeGreaterThan(warm.figures)
    expect(afterDraft.structures).toBe(warm.structures)
    expect(afterDraft.latest).toBe(warm.latest)
    // The draft submitted: the latest filed reports read again, the structure still kept.
    await store.reports.act(saved.id, { type: 'submit' }, change('2018-09-21T03:00:00Z'), saved.version)
    expect(await served()).toEqual(await fresh())
    const afterSubmit = misses()
    expect(afterSubmit.latest).toBeGreaterThan(afterDraft.latest)
    expect(afterSubmit.structures).toBe(afterDraft.structures)
    // A task edited: the structure read again.
    await store.db.execute(sql`update tasks set title = title where id = ${t.id}`)
    expect(await served()).toEqual(await fresh())
    expect(misses().structures).toBeGreaterThan(afterSubmit.structures)
    await store.db.execute(sql`update reports set status = 'draft', submitted_at = null where id = ${saved.id}`)
  })

  it('a report submitted', async () => {
    const r = (await store.reports.findFor({ taskId: (await task('1.3')).id, unitId: ids.minhLuong.id, periodId: '2018Q3' }))!
    await afterWrite(() => store.reports.act(r.id, { type: 'submit' }, change('2018-09-22T02:00:00Z'), r.version), {
      kinds: ['reports', 'filed'],
    })
  })

  it('a report accepted, returned and reopened', async () => {
    const t = await task('2.4')
    const saved = await store.reports.save(
      { taskId: t.id, unitId: ids.stnmt.id, periodId: '2018Q3', progress: 70, submit: true },
      change('2018-09-25T02:00:00Z'),
    )
    let r = saved
    const kinds = ['reports', 'filed'] as const
    await afterWrite(async () => (r = await store.reports.act(r.id, { type: 'accept' }, change('2018-09-26T02:00:00Z'), r.version)), {
      kinds,
    })
    await afterWrite(
      async () =>
        (r = await store.reports.act(r.id, { type: 'reopen', comment: 'Sai số liệu' }, change('2018-09-27T02:00:00Z'), r.version)),
      { kinds },
    )
    await afterWrite(async () => (r = await store.reports.act(r.id, { type: 'submit' }, change('2018-09-28T02:00:00Z'), r.version)), {
      kinds,
    })
    await afterWrite(
      async () => (r = await store.reports.act(r.id, { type: 'return', comment: 'Bổ sung' }, change('2018-09-29T02:00:00Z'), r.version)),
      { kinds },
    )
  })

  it('a period edited (its deadline, its grace days)', async () => {
    const period = (await store.periods.find(planId, '2018Q3'))!
    await afterWrite(() => store.periods.update(planId, '2018Q3', { dueOn: '2018-09-21' }, change(), period.version), {
      kinds: ['structure'],
    })
    await afterWrite(() => store.periods.update(planId, '2018Q3', { graceDays: 30 }, change(), period.version + 1), {
      kinds: ['structure'],
    })
  })

  it('a plan revised in its header, and re-imported with a task led by another unit (assignments)', async () => {
    const plan = await store.plans.get(planId)
    const text = (edit: (p: Plan) => void): Plan => {
      const p = samplePlan(ids)
      edit(p)
      return p
    }
    await afterWrite(() =>
      store.plans.update(
        planId,
        text((p) => {
          p.title = 'Kế hoạch (sửa đổi)'
          p.status = 'published'
        }),
        change(),
        plan.version,
      ),
    )
    await afterWrite(() =>
      store.plans.import(
        text((p) => {
          p.title = 'Kế hoạch (sửa đổi)'
          p.sections[1]!.tasks[0]!.lead = [{ text: 'Sở Nội vụ', unitId: ids.snv.id }]
        }),
        change(),
      ),
    )
  })

  it('a unit renamed, and merged into another (the unit tree)', async () => {
    const unit = await store.units.get(ids.minhLuong.id)
    await afterWrite(() => store.units.update(unit.id, { name: 'UBND xã Minh Lương' }, change(), unit.version), { moved: () => [] })
    const vtv = await store.units.get(ids.vtv.id)
    await afterWrite(
      () =>
        store.units.merge(vtv.id, { successorId: ids.rachGia.id, effectiveOn: '2018-07-01' }, change('2018-07-01T02:00:00Z'), vtv.version),
      { moved: () => [], changes: false },
    )
  })

  it('another plan published, and deleted while a draft', async () => {
    let other = ''
    const draft = async (number: string) => (other = (await store.plans.create({ ...samplePlan(ids), number }, change())).id)
    await draft('98/KH-UBND')
    await afterWrite(() => store.plans.publish(other, change()), { moved: () => [other] })
    await afterWrite(() => draft('98a/KH-UBND'), { moved: () => [], changes: false })
    const draftVersion = (await store.plans.get(other)).version
    await afterWrite(() => store.plans.remove(other, change(), draftVersion), { moved: () => [other], changes: false })
  })

  it('raw SQL on reports, as another process or tool would write: INSERT, UPDATE, DELETE', async () => {
    const filed = ['reports', 'filed'] as const
    await afterWrite(
      () =>
        store.db.execute(sql`insert into reports (province_id, id, plan_id, task_id, unit_id, period_id, status, progress, submitted_at)
        select province_id, id || '-y', plan_id, task_id, unit_id, '2018', 'submitted', 90, '2018-12-10T02:00:00Z'
        from reports where plan_id = ${planId} and period_id = '2018Q3' and status = 'submitted'`),
      { kinds: filed },
    )
    await afterWrite(() => store.db.execute(sql`update reports set progress = 15 where plan_id = ${planId} and id like '%-y'`), {
      kinds: filed,
    })
    // Filed no more, and filed again: the filed version moves with a filed row before or after.
    await afterWrite(() => store.db.execute(sql`update reports set status = 'returned' where plan_id = ${planId} and id like '%-y'`), {
      kinds: filed,
    })
    await afterWrite(() => store.db.execute(sql`update reports set status = 'accepted' where plan_id = ${planId} and id like '%-y'`), {
      kinds: filed,
    })
    await afterWrite(() => store.db.execute(sql`delete from reports where plan_id = ${planId} and id like '%-y'`), { kinds: filed })
    // Drafts alone: the reports version moves, the filed one does not.
    await afterWrite(
      () =>
        store.db.execute(sql`insert into reports (province_id, id, plan_id, task_id, unit_id, period_id, status, progress)
        select province_id, id || '-d', plan_id, task_id, unit_id, '2018', 'draft', 50
        from reports where plan_id = ${planId} and period_id = '2018Q3' and status = 'submitted'`),
      { kinds: ['reports'], changes: false },
    )
    await afterWrite(() => store.db.execute(sql`update reports set progress = 60 where plan_id = ${planId} and id like '%-d'`), {
      kinds: ['reports'],
      changes: false,
    })
    await afterWrite(() => store.db.execute(sql`delete from reports where plan_id = ${planId} and id like '%-d'`), {
      kinds: ['reports'],
      changes: false,
    })
    // One transaction: many rows, drafts changed first and then filed. A plan's versions move once
    // per transaction — and its filed version still moves when a filed row follows draft ones.
    await afterWrite(
      () =>
        store.db.execute(sql`insert into reports (province_id, id, plan_id, task_id, unit_id, period_id, status, progress)
        select province_id, id || '-t', plan_id, task_id, unit_id, '2018', 'draft', 50
        from reports where plan_id = ${planId} and period_id = '2018Q3'`),
      { kinds: ['reports'], changes: false },
    )
    await afterWrite(
      () =>
        store.db.transaction(async (tx) => {
          await tx.execute(sql`update reports set progress = 70 where plan_id = ${planId} and id like '%-t'`)
          await tx.execute(
            sql`update reports set status = 'submitted', submitted_at = '2018-12-11T02:00:00Z' where plan_id = ${planId} and id like '%-t'`,
          )
        }),
      { kinds: filed },
    )
    await afterWrite(() => store.db.execute(sql`delete from reports where plan_id = ${planId} and id like '%-t'`), { kinds: filed })
  })

  it('raw SQL on the plan itself: its tasks, assignments and periods, and the plan deleted', async () => {
    const structure = ['structure'] as const
    await afterWrite(() => store.db.execute(sql`update tasks set title = title || ' (sửa)' where plan_id = ${planId}`), {
      kinds: structure,
    })
    await afterWrite(() => store.db.execute(sql`delete from assignments where plan_id = ${planId} and unit_id = ${ids.minhLuong.id}`), {
      kinds: structure,
    })
    await afterWrite(() => store.db.execute(sql`update periods set due_on = '2018-10-05' where plan_id = ${planId} and code = '2018Q3'`), {
      kinds: structure,
    })
    const copy = (
      await store.plans.publish((await store.plans.create({ ...samplePlan(ids), number: '99/KH-UBND' }, change())).id, change())
    ).id
    await afterWrite(() => store.db.execute(sql`delete from plans where id = ${copy}`), { moved: () => [copy] })
  })

  it('a restore of an earlier backup', async () => {
    const lines: string[] = []
    for await (const line of store.backup.lines(new Date('2026-01-01T00:00:00Z'))) lines.push(line)
    const backedUp = await fresh()
    const t = await task('2.4')
    await afterWrite(() =>
      store.reports.save(
        { taskId: t.id, unitId: ids.snv.id, periodId: '2018', progress: 95, submit: true },
        change('2018-12-10T02:00:00Z'),
      ),
    )
    await afterWrite(() => store.backup.restore(lines, { change: change('2026-02-01T00:00:00Z'), via: 'cli' }))
    expect(await fresh()).toEqual(backedUp)
  })

  it('never reads or fills the cache inside a transaction', async () => {
    const before = await fresh()
    const tree = await store.units.tree()
    const q = queries()[0]!
    const cache = figuresCacheOf(store.db)
    await expect(
      store.db.transaction(async (tx) => {
        await tx.execute(sql`update reports set progress = 1 where plan_id = ${planId}`)
        const inside = await dashboard(tx, tree, q, { cache })
        expect(inside).toEqual(await dashboard(tx, tree, q))
        expect(inside).not.toEqual(before[0])
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await served()).toEqual(before)
  })

  it.runIf(backend.name === 'postgres')(
    'concurrent writes to one plan do not wait for each other, and each moves the version',
    async () => {
      const [a, b] = (await store.reports.list({ planId })).map((r) => r.id)
      const v = (await versionsOf(planId)).reports
      await store.db.transaction(async (tx) => {
        await tx.execute(sql`update reports set progress = progress where id = ${a!}`)
        // Another connection's write to another report of the plan commits while this one is open:
        // were it to wait for this transaction's hold on the plan's version, it never would.
        await store.db.execute(sql`update reports set progress = progress where id = ${b!}`)
        expect((await versionsOf(planId)).reports).toBe(v + 1)
      })
      expect((await versionsOf(planId)).reports).toBe(v + 2)
    },
  )

  it.runIf(backend.name === 'postgres')('a second process on the same database sees every write on its next dashboard', async () => {
    const result = (await store.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }
    const url = new URL(process.env.DATABASE_URL!.trim())
    url.pathname = `/${result.rows[0]!.name}`
    const other = await openStore({ databaseUrl: url.toString(), maxConnections: 2 })
    try {
      const tree = await other.units.tree()
      const seen = () => Promise.all(queries().map((q) => other.dashboard(tree, q)))
      const before = await seen()
      const t = await task('2.4')
      await store.reports.save(
        { taskId: t.id, unitId: ids.snv.id, periodId: '2018', progress: 55, submit: true },
        change('2018-12-11T02:00:00Z'),
      )
      const after = await seen()
      expect(after).not.toEqual(before)
      expect(after).toEqual(await Promise.all(queries().map((q) => dashboard(other.db, tree, q))))
    } finally {
      await other.close()
    }
  })
})
