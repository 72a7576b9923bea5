import { descendantsOf, parsePeriod, periodFigures, planIssuerLevel, type UnitTree } from '@papi/domain'
import { sql } from 'drizzle-orm'
import { dashboard, type PlanDashboard } from './dashboard'
import { periodRule } from './period-repository'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERIOD_END_OF_REPORT } from './schema'
import { asDomainPlan, getPlan, getPlans, type StoredPlan } from './stored-plan'
import { change, samplePlan, seedUnits } from './store.fixture'
import type { Store } from './store'
import { testBackends } from './test-backend'

// The dashboard hands the domain's periodFigures only the report it will count for each task and
// unit (chosen in SQL). These cases check that the figures are exactly those of the domain's rule
// run over every report of the plan, on the same data: filed and unfiled reports, several
// periods, a returned report that falls back to the last filed one, and reports filed after asOf.
// `dashboard` is called without the store's figures cache: every plan is computed
// (figures-cache.test.ts holds the cached dashboard to this one).
describe.each(testBackends())('dashboard progress = the domain rule over every report, on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let plan: StoredPlan
  let tree: UnitTree
  const task = (code: string) => plan.sections.flatMap((s) => s.tasks).find((t) => t.code === code)!

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    plan = await store.plans.publish((await store.plans.create(samplePlan(ids), change())).id, change())
    tree = await store.units.tree()
    const save = (code: string, unitId: string, periodId: string, body: object, at: string, submit = false, version?: number) =>
      store.reports.save(
        { taskId: task(code).id, unitId, periodId, ...body, submit, ...(version !== undefined && { version }) },
        change(at),
      )
    // Vĩnh Thanh Vân: S1 filed 30 %, Q3 filed 60 %, the year only a draft at 90 %.
    await save('1.3', ids.vtv.id, '2018S1', { progress: 30 }, '2018-06-10T02:00:00Z', true)
    await save('1.3', ids.vtv.id, '2018Q3', { progress: 60 }, '2018-09-20T02:00:00Z', true)
    await save('1.3', ids.vtv.id, '2018', { progress: 90 }, '2018-12-10T02:00:00Z')
    // Minh Lương: S1 filed 50 %; Q3 filed 80 % then returned: S1 counts again.
    await save('1.3', ids.minhLuong.id, '2018S1', { progress: 50 }, '2018-06-12T02:00:00Z', true)
    const q3 = await save('1.3', ids.minhLuong.id, '2018Q3', { progress: 80 }, '2018-09-21T02:00:00Z', true)
    await store.reports.act(q3.id, { type: 'return', comment: 'Bổ sung số liệu' }, change('2018-09-25T02:00:00Z'))
    // Sở TN&MT: done in Q3, filed late in the evening of 30 Sep (Viet Nam time: 1 Oct).
    await save(
      '2.4',
      ids.stnmt.id,
      '2018Q3',
      { progress: 100, workStatus: 'done', completedOn: '2018-09-28' },
      '2018-09-30T18:30:00Z',
      true,
    )
  })
  afterAll(() => store?.close())

  for (const [unit, periodId, asOf] of [
    ['kg', '2018Q3', '2018-09-22T00:00:00Z'],
    ['kg', '2018Q3', '2018-09-30T12:00:00Z'],
    ['kg', '2018Q3', '2018-10-02T00:00:00Z'],
    ['kg', '2018', '2019-01-10T00:00:00Z'],
    ['rachGia', '2018Q3', '2018-12-31T00:00:00Z'],
  ] as const) {
    it(`${unit}, ${periodId}, as of ${asOf}`, async () => {
      const unitId = ids[unit].id
      const d = await dashboard(store.db, tree, { unitId, periodId, asOf: new Date(asOf) })
      const expected = await domainFigures(store, tree, plan, { unitId, periodId, asOf })
      expect(d.plans).toHaveLength(1)
      const p = d.plans[0]!
      expect(figuresOf(p)).toEqual(expected)
    })
  }

  it('leaves out plans with no work assigned inside the subtree', async () => {
    const other = await store.units.create(
      { code: 'XX', name: 'UBND tỉnh Khác', level: 'province', kind: 'people-committee', parentId: null },
      change(),
    )
    const d = await store.dashboard(await store.units.tree(), {
      unitId: other.id,
      periodId: '2018Q3',
      asOf: new Date('2018-12-31T00:00:00Z'),
    })
    expect(d.plans).toEqual([])
  })
})

/** A plan's dashboard as `domainFigures` shapes it (the units without their names). */
function figuresOf(p: PlanDashboard) {
  return {
    reporting: p.reporting,
    progress: p.progress,
    outcomes: p.outcomes,
    sections: p.sections,
    units: p.units.map(({ unitName: _name, parentId: _parent, ...u }) => u),
  }
}

// The same comparison on generated data (seeded, so every run is the same): two years of periods,
// reports of every kind — missing, drafts, filed early, on time, late and far too late, returned
// and filed again, accepted, reopened, done with and without a completion day — and as-of days
// before, on and after the deadlines, with the period's grace and with others. About 90 report
// writes and 120 dashboards per database (~15 s in all on a busy two-core machine).
describe.each(testBackends())('dashboard = periodFigures over every report, generated data, on $name', (backend) => {
  let store: Store
  let ids: Awaited<ReturnType<typeof seedUnits>>
  let plan: StoredPlan
  let tree: UnitTree
  const extraCommunes: string[] = []

  beforeAll(async () => {
    store = await backend.open()
    ids = await seedUnits(store)
    for (const [i, parent] of [ids.rachGia, ids.chauThanh].entries()) {
      const u = await store.units.create(
        { code: `KG-X${i}`, name: `UBND xã Thử ${i}`, level: 'commune', kind: 'people-committee', parentId: parent.id },
        change(),
      )
      extraCommunes.push(u.id)
    }
    const base = samplePlan(ids)
    const draft = {
      ...base,
      years: { from: 2018, to: 2019 },
      sections: [
        ...base.sections,
        {
          code: '3',
          title: 'Kiểm soát tham nhũng',
          tasks: [
            {
              code: '3.1',
              title: 'Rà soát thủ tục hành chính cấp huyện',
              lead: [{ text: 'UBND cấp huyện', unitClass: 'district-committees' as const }],
              coordinators: [],
              timeframe: { kind: 'window' as const, text: 'Quý III năm 2018', start: '2018-07-01', end: '2018-09-30' },
              targets: [],
              weight: 2,
            },
            {
              code: '3.2',
              title: 'Tổng kết công tác cải cách hành chính',
              lead: [{ text: 'Sở Nội vụ', unitId: ids.snv.id }],
              coordinators: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' as const }],
              timeframe: { kind: 'window' as const, text: 'trước ngày 15/6/2019', end: '2019-06-15' },
              targets: [],
            },
          ],
        },
      ],
    }
    plan = await store.plans.publish((await store.plans.create(draft, change())).id, change())
    tree = await store.units.tree()
    // Periods that end on the same day as one publishing opened (2018Q2 and 2018S1 on 30 June,
    // 2019N9 and 2019Q3 on 30 September): the later filing is the more recent word.
    for (const code of ['2018Q2', '2019N9']) await store.periods.open(plan.id, code, {}, change())
    const periods = (await store.periods.list(plan.id)).map((p) => p.code)
    expect(periods).toEqual(expect.arrayContaining(['2018Q2', '2018S1', '2019N9', '2019Q3']))

    const random = seeded(11)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
    const at = (day: string, plusDays: number, hour: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000 + hour * 3_600_000).toISOString()
    for (const task of plan.sections.flatMap((s) => s.tasks)) {
      for (const lead of task.assignees.filter((a) => a.role === 'lead')) {
        for (const code of periods) {
          const period = (await store.periods.find(plan.id, code))!
          const kind = pick([
            'missing',
            'draft',
            'early',
            'on-time',
            'on-time',
            'late',
            'very-late',
            'returned',
            'refiled',
            'accepted',
            'reopened',
          ])
          if (kind === 'missing') continue
          // Evening filings (17:30Z is the next day in Viet Nam) test the calendar day of a filing.
          const hour = pick([2, 9, 17.5])
          const when =
            {
              draft: at(period.cutoffEnd, -3, hour),
              early: at(period.cutoffEnd, -20, hour),
              'on-time': at(period.dueOn, pick([-4, -1, 0]), hour),
              late: at(period.dueOn, pick([1, 2, 5]), hour),
              'very-late': at(period.dueOn, pick([40, 120]), hour),
              returned: at(period.dueOn, -2, hour),
              refiled: at(period.dueOn, -2, hour),
              accepted: at(period.dueOn, -1, hour),
              reopened: at(period.dueOn, 0, hour),
            }[kind] ?? at(period.dueOn, 0, hour)
          const done = random() < 0.3
          const body = done
            ? {
                progress: 100,
                workStatus: 'done' as const,
                completedOn: new Date(Date.parse(when) - pick([1, 5, 25]) * 86_400_000).toISOString().slice(0, 10),
              }
            : { progress: Math.round(random() * 95), workStatus: 'in-progress' as const }
          const saved = await store.reports.save(
            { taskId: task.id, unitId: lead.unitId, periodId: code, ...body, submit: kind !== 'draft' },
            change(when),
          )
          if (kind === 'returned' || kind === 'refiled') {
            const back = await store.reports.act(saved.id, { type: 'return', comment: 'Bổ sung' }, change(at(period.dueOn, 3, 2)))
            if (kind === 'refiled') {
              await store.reports.save(
                { taskId: task.id, unitId: lead.unitId, periodId: code, ...body, submit: true, version: back.version },
                change(at(period.dueOn, pick([4, 30]), hour)),
              )
            }
          }
          if (kind === 'accepted' || kind === 'reopened') {
            const ok = await store.reports.act(saved.id, { type: 'accept' }, change(at(period.dueOn, 2, 2)))
            if (kind === 'reopened')
              await store.reports.act(ok.id, { type: 'reopen', comment: 'Sai số liệu' }, change(at(period.dueOn, 50, 2)))
          }
        }
      }
    }
  })
  afterAll(() => store?.close())

  it('the dashboard of every unit, period and as-of day equals the domain over every report', async () => {
    const periods = await store.periods.list(plan.id)
    const units = [ids.kg.id, ids.chauThanh.id, extraCommunes[0]!]
    let compared = 0
    for (const period of periods) {
      const days = [
        { asOf: undefined, graceDays: undefined },
        { asOf: `${period.dueOn}T16:59:59Z`, graceDays: undefined },
        { asOf: `${period.dueOn}T17:00:00Z`, graceDays: 3 },
        { asOf: new Date(Date.parse(period.dueOn) + 45 * 86_400_000).toISOString(), graceDays: 0 },
      ]
      for (const unitId of units) {
        for (const { asOf, graceDays } of days) {
          const d = await dashboard(store.db, tree, {
            unitId,
            periodId: period.code,
            now: new Date('2019-08-01T03:00:00Z'),
            ...(asOf !== undefined && { asOf }),
            ...(graceDays !== undefined && { graceDays }),
          })
          for (const p of d.plans) {
            const expected = await domainFigures(store, tree, plan, {
              unitId,
              periodId: period.code,
              asOf: p.asOf,
              ...(graceDays !== undefined && { graceDays }),
            })
            expect(figuresOf(p), `${unitId} ${period.code} as of ${p.asOf}`).toEqual(expected)
            compared += 1
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(100)
  })

  it('reads several plans at once as getPlan reads each (getPlans, in the order asked)', async () => {
    const other = await store.plans.create({ ...samplePlan(ids), number: '98/KH-UBND' }, change())
    const one = async (id: string) => getPlan(store.db, id, tree)
    expect(await getPlans(store.db, [other.id, 'no-such-plan', plan.id], tree)).toEqual([await one(other.id), await one(plan.id)])
  })

  it('reads periods in the order the domain does: PERIOD_END_OF_REPORT is parsePeriod(id).end', async () => {
    const codes = ['2019M01', '2019M02', '2019M11', '2019M12', '2020M02', '2019Q1', '2019Q4', '2019S1', '2019S2', '2019N9', '2019']
    for (const code of codes) {
      const result = (await store.db.execute(
        sql`select ${PERIOD_END_OF_REPORT}::text as "end" from (select ${code}::text as period_id) r`,
      )) as { rows: { end: string }[] }
      const parsed = parsePeriod(code)
      expect(result.rows[0]?.end, code).toBe(parsed.ok ? parsed.period.end : 'invalid')
    }
  })
})

/** A small seeded pseudo-random generator (mulberry32): the same data on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * The domain's figures from EVERY report of the plan in the subtree (what the dashboard did
 * before it chose rows in SQL): `periodFigures` over all of them, shaped as a plan's dashboard.
 */
async function domainFigures(
  store: Store,
  tree: UnitTree,
  plan: StoredPlan,
  q: { unitId: string; periodId: string; asOf: string; graceDays?: number },
) {
  const subtree = new Set([q.unitId, ...descendantsOf(q.unitId, tree).map((u) => u.id)])
  const order = [q.unitId, ...descendantsOf(q.unitId, tree).map((u) => u.id)]
  const inScope = plan.sections
    .flatMap((s) => s.tasks)
    .flatMap((t) => t.assignees.filter((a) => subtree.has(a.unitId)).map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role })))
  const issuerLevel = planIssuerLevel(plan, tree.byId)
  const period = (await store.periods.find(plan.id, q.periodId))!
  const figures = periodFigures({
    plan: asDomainPlan(plan),
    periodId: q.periodId,
    assignments: inScope,
    reports: (await store.reports.list({ planId: plan.id })).filter((r) => subtree.has(r.unitId)),
    asOf: q.asOf,
    graceDays: q.graceDays ?? period.graceDays,
    rules: [periodRule(period)],
    issuerLevel,
    levelOf: (u) => tree.byId.get(u)?.level ?? issuerLevel,
    parentOf: (u) => tree.byId.get(u)?.parentId ?? null,
    rootId: q.unitId,
  })
  return {
    reporting: figures.total,
    progress: figures.progress.progress,
    outcomes: figures.progress.outcomes,
    sections: figures.progress.sections
      .map((s) => ({ ...s, tasks: s.tasks.filter((t) => t.units.length > 0) }))
      .filter((s) => s.tasks.length > 0),
    units: order.flatMap((u) => {
      const rolled = figures.rolledUp.get(u)
      return rolled === undefined || rolled.expected === 0 ? [] : [rolled]
    }),
  }
}
