// #10 hole 8, the demo half: two papi servers started at once on a fresh PostgreSQL database both
// seed the demo (PAPI_DEMO=1). Neither may crash, and the data must be there once: one of each
// account, plan, score and report. (Two on one PGlite folder: the second is refused before it
// seeds anything — second-opener.test.ts.)
import { readPlanDocument, toPlan } from '@papi/documents'
import { readPapiScoreTables, readRegister } from '@papi/register'
import { openStore, type Store } from '@papi/store'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DemoSources, ensureAdmin, type PlanImporter, seedDemo } from './demo-seed'
import { freshPostgres } from './server-process.fixture'

const sources: DemoSources = { readRegister, readScoreTables: readPapiScoreTables }
const importPlan: PlanImporter = async (file, context) => toPlan(await readPlanDocument(file, context))
const NOW = new Date('2018-06-15T03:00:00Z')
const url = process.env.DATABASE_URL?.trim()
const required = process.env.PAPI_REQUIRE_POSTGRES === '1'

describe.runIf(url || required)('two servers seeding the demo at once on a fresh PostgreSQL database', () => {
  let db: Awaited<ReturnType<typeof freshPostgres>>
  let first: Store
  let second: Store
  beforeAll(async () => {
    if (!url) throw new Error('PAPI_REQUIRE_POSTGRES=1 but DATABASE_URL is not set: cannot test on PostgreSQL')
    db = await freshPostgres(url, 'papi_demo_twice')
    // Two processes' stores: two pools, each opening (and migrating) the database at once.
    ;[first, second] = await Promise.all([openStore({ databaseUrl: db.url }), openStore({ databaseUrl: db.url })])
  }, 120_000)
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()])
    await db?.drop()
  })

  it('both start, and every account, plan, score and report is there once', async () => {
    // One seed plan (Kiên Giang, with its reports) keeps it short; the register and scores are whole.
    const plans = ['kien-giang-97-KH-UBND-2018-papi.txt']
    const start = (store: Store) =>
      (async () => {
        await ensureAdmin(store, { password: 'admin-password-2018', now: NOW })
        return seedDemo(store, { sources, importPlan, log: () => {}, now: NOW, plans })
      })()
    const [a, b] = await Promise.allSettled([start(first), start(second)])
    expect(a.status, a.status === 'rejected' ? String(a.reason).slice(0, 300) : '').toBe('fulfilled')
    expect(b.status, b.status === 'rejected' ? String(b.reason).slice(0, 300) : '').toBe('fulfilled')

    const users = (await first.users.list()).map((u) => u.username).sort()
    expect(users).toEqual(['admin', 'planner', 'reporter', 'viewer'])
    const stored = await first.plans.list()
    expect(stored.map((p) => p.number)).toEqual(['97/KH-UBND'])
    const units = await first.units.list()
    expect(new Set(units.map((u) => u.code)).size).toBe(units.length)
    const scores = await first.scores.list()
    expect(new Set(scores.map((s) => `${s.unitId} ${s.frameworkId} ${s.year}`)).size).toBe(scores.length)
    expect(await first.reports.list()).toHaveLength(3)
  }, 300_000)
})
