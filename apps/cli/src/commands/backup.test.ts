// `papi backup <file>` / `papi restore <file>` round trip (#10, #12), on PGlite (a data folder)
// and on PostgreSQL (a database of the test's own): the commands open the database the way a user's
// shell tells them (PAPI_DATA_DIR / DATABASE_URL). After a restore every table is row for row what
// was backed up — units, users, plans, periods, reports with their versions, scores, audit — and a
// damaged or cut-short backup is refused with the live data untouched.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { frameworkById, type Locale } from '@papi/domain'
import { openStore, type OpenStoreOptions, type Store } from '@papi/store'
import { samplePlan, seedSampleProvince, templateDataFolder } from '@papi/store/testing'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCommands } from '../command'
import { CommandError } from '../command-error'
import { backupCommand, restoreCommand } from './backup'

const at = (iso: string) => ({ actorId: null, at: new Date(iso) })

interface Target {
  name: string
  make(): Promise<{ options: OpenStoreOptions; env: Record<string, string>; cleanup(): Promise<void> }>
}
const targets: Target[] = [
  {
    name: 'pglite',
    async make() {
      const dir = mkdtempSync(join(tmpdir(), 'papi-backup-'))
      const dataDir = join(dir, 'data')
      // A migrated folder to start with, as a user's folder is after its first open.
      templateDataFolder(dataDir)
      return { options: { dataDir }, env: { PAPI_DATA_DIR: dataDir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
    },
  },
]
const pgUrl = process.env.DATABASE_URL?.trim()
if (pgUrl) {
  targets.push({
    name: 'postgres',
    async make() {
      const name = `papi_backup_${randomBytes(5).toString('hex')}`
      const run = async (sql: string) => {
        const c = new pg.Client({ connectionString: pgUrl })
        await c.connect()
        await c.query(sql).finally(() => c.end())
      }
      await run(`create database ${name}`)
      const url = new URL(pgUrl)
      url.pathname = `/${name}`
      return {
        options: { databaseUrl: url.toString() },
        env: { DATABASE_URL: url.toString() },
        cleanup: () => run(`drop database if exists ${name} with (force)`),
      }
    },
  })
}

/** Every table's rows, as a backup lists them (sorted, so the order rows sit on disk does not matter). */
async function everything(store: Store): Promise<Record<string, string[]>> {
  const tables: Record<string, string[]> = {}
  let first = true
  for await (const line of store.backup.lines(new Date('2030-01-01T00:00:00Z'))) {
    if (first) {
      first = false
      continue
    }
    const chunk = JSON.parse(line) as { table: string; rows: unknown[] }
    tables[chunk.table] = [...(tables[chunk.table] ?? []), ...chunk.rows.map((r) => JSON.stringify(r))]
  }
  for (const rows of Object.values(tables)) rows.sort()
  return tables
}

type Made = Awaited<ReturnType<Target['make']>>

/** Runs a papi command in this process against a database; answers the error or undefined, and what it printed. */
async function papi(made: Made, argv: string[], locale: Locale = 'en') {
  const saved = { ...process.env }
  for (const key of ['DATABASE_URL', 'PAPI_DATA_DIR']) delete process.env[key]
  Object.assign(process.env, made.env)
  let printed = ''
  const capture = (text: string | Uint8Array) => {
    printed += String(text)
    return true
  }
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture)
  try {
    const output = { stdout: capture, stderr: capture }
    await runCommands([backupCommand(locale), restoreCommand(locale)], argv, output, locale)
    return { error: undefined, printed }
  } catch (error) {
    if (error instanceof CommandError) return { error, printed }
    throw error
  } finally {
    out.mockRestore()
    err.mockRestore()
    process.env = saved
  }
}

async function withStoreOf<T>(made: Made, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(made.options)
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

/** A province with its users, a published plan, reports through several versions, scores. */
async function seed(store: Store) {
  const change = at('2018-06-01T03:00:00Z')
  const units = await seedSampleProvince(store, change)
  await store.users.create(
    { username: 'planner', passwordHash: 'scrypt$x', displayName: 'Kế hoạch', roles: [{ role: 'planner', unitId: units.kg.id }] },
    change,
  )
  await store.users.create(
    { username: 'reporter', passwordHash: 'scrypt$y', displayName: 'Báo cáo', roles: [{ role: 'reporter', unitId: units.vtv.id }] },
    change,
  )
  const plan = await store.plans.create(samplePlan(units), change)
  const published = await store.plans.publish(plan.id, at('2018-06-02T03:00:00Z'))
  const taskId = published.sections.flatMap((s) => s.tasks).find((t) => t.code === '1.3')?.id as string
  let report = await store.reports.save(
    { taskId, unitId: units.vtv.id, periodId: '2018S1', workStatus: 'in-progress', progress: 30, narrative: 'Bước đầu' },
    at('2018-06-05T03:00:00Z'),
  )
  report = await store.reports.save(
    { taskId, unitId: units.vtv.id, periodId: '2018S1', workStatus: 'in-progress', progress: 60, narrative: 'Đã niêm yết', version: 1 },
    at('2018-06-08T03:00:00Z'),
  )
  report = await store.reports.act(report.id, { type: 'submit' }, at('2018-06-09T03:00:00Z'), report.version)
  await store.reports.act(report.id, { type: 'accept', comment: 'Đạt' }, at('2018-06-12T03:00:00Z'), report.version)
  const papi2018 = frameworkById('papi-2018')
  const dimensions = (papi2018?.dimensions ?? []).map((d, i) => ({ key: d.key, score: 5 + i / 4 }))
  const total = dimensions.reduce((n, d) => n + d.score, 0)
  await store.scores.save([{ unitId: units.kg.id, frameworkId: 'papi-2018', year: 2018, total, rank: 30, rankOf: 63, dimensions }], change)
}

/**
 * The rows after a restore: the backup's own, and on top of its audit exactly one entry, the
 * restore itself (who, when, from what, via the command line). Answers the rows without it.
 */
function restoredRows(after: Record<string, string[]>, backedUp: Record<string, string[]>): Record<string, string[]> {
  const added = (after.audit_log ?? []).filter((row) => !(backedUp.audit_log ?? []).includes(row))
  expect(added.map((row) => JSON.parse(row))).toEqual([
    expect.objectContaining({
      action: 'restore',
      entity: 'system',
      entity_id: 'database',
      actor_id: null,
      after: expect.objectContaining({ via: 'cli' }),
    }),
  ])
  return { ...after, audit_log: (after.audit_log ?? []).filter((row) => !added.includes(row)) }
}

describe.each(targets)('papi backup and papi restore on $name', (target) => {
  let made: Made
  const dir = mkdtempSync(join(tmpdir(), 'papi-backup-files-'))
  const file = join(dir, 'papi.papi-backup')
  let before: Record<string, string[]>
  const run = (argv: string[], locale: Locale = 'en') => papi(made, argv, locale)
  const withStore = <T>(work: (store: Store) => Promise<T>) => withStoreOf(made, work)

  beforeAll(async () => {
    made = await target.make()
    await withStore(async (store) => {
      await seed(store)
      before = await everything(store)
    })
  }, 120_000)
  afterAll(async () => {
    await made?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('backs up everything the database holds to a papi backup file', async () => {
    const backedUp = await run(['backup', file])
    expect(backedUp.error).toBeUndefined()
    expect(backedUp.printed).toMatch(/\d+ rows backed up to /)
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0] as string)
    expect(header).toMatchObject({ format: 'papi-backup', driver: target.name })
    for (const table of ['units', 'users', 'plans', 'periods', 'reports', 'report_versions', 'scores', 'audit_log']) {
      expect(before[table]?.length, table).toBeGreaterThan(0)
    }
  })

  it('refuses a damaged or cut-short backup and leaves the live data as it was', async () => {
    // A change made after the backup: a refused restore must not take it away.
    await withStore(async (store) => {
      const kg = await store.units.findByCode('KG')
      await store.units.create(
        { code: 'KG-PQ', name: 'UBND thành phố Phú Quốc', level: 'district', kind: 'people-committee', parentId: kg?.id ?? null },
        at('2018-07-01T03:00:00Z'),
      )
    })
    const live = await withStore(everything)
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n')
    const bad = {
      'cut short (the last table missing)': gzipSync(lines.slice(0, -2).join('\n')),
      'truncated mid-file (gzip cut)': readFileSync(file).subarray(0, Math.floor(readFileSync(file).length * 0.6)),
      'a row garbled': gzipSync(lines.map((l, i) => (i === 2 ? l.slice(0, l.length / 2) : l)).join('\n')),
      'not a papi backup': gzipSync('{"hello":"world"}\n'),
      'not gzip at all': Buffer.from('papi-backup but plain text'),
    }
    for (const [what, bytes] of Object.entries(bad)) {
      const damaged = join(dir, 'damaged.papi-backup')
      writeFileSync(damaged, bytes)
      const refused = await run(['restore', damaged])
      expect(refused.error, what).toBeInstanceOf(CommandError)
      expect(refused.error?.message, what).toMatch(/^could not do it: /)
    }
    // A refusal never undoes another's harm, so one look after them all sees any.
    expect(await withStore(everything)).toEqual(live)
  }, 60_000)

  it('restores the file: every table row for row as it was backed up, and the restore audited as the API audits it', async () => {
    const restored = await run(['restore', file])
    expect(restored.error).toBeUndefined()
    expect(restored.printed).toMatch(/\d+ rows restored; every session has ended/)
    const after = await withStore(everything)
    expect(restoredRows(after, before)).toEqual(before)
    // The entry the API's POST /restore writes, less the admin (the command line acts as the system).
    const [entry] = await withStore((store) => store.audit.list({ entity: 'system', limit: 1 }))
    expect(entry).toMatchObject({
      action: 'restore',
      entityId: 'database',
      actorId: null,
      after: { driver: target.name, via: 'cli', createdAt: expect.any(String) },
    })
    // The restored database goes on working: the next audit entry continues its order.
    await withStore(async (store) => {
      const kg = await store.units.findByCode('KG')
      await store.units.create(
        { code: 'KG-NEXT', name: 'Sau khôi phục', level: 'province', kind: 'department', parentId: kg?.id ?? null },
        at('2030-01-01T00:00:00Z'),
      )
      expect((await store.audit.list({ limit: 1 }))[0]).toMatchObject({ after: { code: 'KG-NEXT' } })
    })
  })
})

// A backup is one format whatever database wrote it: the embedded database of a laptop restores
// onto a province's PostgreSQL server, and back. Only with DATABASE_URL. Cost: one seed, two
// backups and two restores of a few hundred rows: ~10 s.
describe.skipIf(!pgUrl)('a backup restored across databases: PGlite → PostgreSQL → PGlite', () => {
  const [liteTarget, serverTarget] = targets as [Target, Target]
  let lite: Made
  let server: Made
  const dir = mkdtempSync(join(tmpdir(), 'papi-backup-cross-'))
  beforeAll(async () => {
    lite = await liteTarget.make()
    server = await serverTarget.make()
    await withStoreOf(lite, seed)
  }, 120_000)
  afterAll(async () => {
    await lite?.cleanup()
    await server?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Backs `from` up with `papi backup`, restores it into `to` with `papi restore`; answers both databases' rows. */
  async function carry(from: Made, to: Made, name: string) {
    const file = join(dir, name)
    expect((await papi(from, ['backup', file])).error).toBeUndefined()
    const backedUp = await withStoreOf(from, everything)
    const restored = await papi(to, ['restore', file])
    expect(restored.error, restored.printed).toBeUndefined()
    return { backedUp, after: await withStoreOf(to, everything) }
  }

  it('a PGlite backup restored into PostgreSQL: every table row for row', async () => {
    const { backedUp, after } = await carry(lite, server, 'from-pglite.papi-backup')
    expect(restoredRows(after, backedUp)).toEqual(backedUp)
    for (const table of ['units', 'users', 'plans', 'tasks', 'periods', 'reports', 'report_versions', 'scores', 'audit_log']) {
      expect(after[table]?.length, table).toBeGreaterThan(0)
    }
    const [entry] = await withStoreOf(server, (store) => store.audit.list({ entity: 'system', limit: 1 }))
    expect(entry).toMatchObject({ action: 'restore', after: { driver: 'pglite', via: 'cli' } })
  }, 60_000)

  it('a PostgreSQL backup restored into PGlite, with what was done on the server since: every table row for row', async () => {
    await withStoreOf(server, async (store) => {
      const kg = await store.units.findByCode('KG')
      await store.units.create(
        { code: 'KG-PQ', name: 'UBND thành phố Phú Quốc', level: 'district', kind: 'people-committee', parentId: kg?.id ?? null },
        at('2018-07-01T03:00:00Z'),
      )
    })
    const { backedUp, after } = await carry(server, lite, 'from-postgres.papi-backup')
    expect(restoredRows(after, backedUp)).toEqual(backedUp)
    expect(after.units?.some((row) => row.includes('KG-PQ'))).toBe(true)
    const [entry] = await withStoreOf(lite, (store) => store.audit.list({ entity: 'system', limit: 1 }))
    expect(entry).toMatchObject({ action: 'restore', after: { driver: 'postgres', via: 'cli' } })
  }, 60_000)
})
