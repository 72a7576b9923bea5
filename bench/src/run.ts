// `npx -y pnpm@10 bench [--quick]`: papi's figures, each as a ratio to its floor measured in the
// same run, written to bench/results.json and bench/results.md.
//
//   full (default): national dataset on PostgreSQL, province dataset on PostgreSQL and PGlite.
//   --quick: small dataset on PostgreSQL and PGlite (CI, under two minutes).
//   --label NAME: names the run in the results (e.g. before/after).
//   BENCH_DATABASE_URL or DATABASE_URL: the PostgreSQL server (default the local test server).
// Datasets are generated once per scale (`papi bench generate`) and kept: PostgreSQL databases
// papi_bench_<scale>, PGlite folders bench/.data/pglite-<scale>.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { loadavg } from 'node:os'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { openStore, type Store } from '@papi/store'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { generate, GENERATED_AT, progressBar, type GenerateResult, type Scale } from './generate'
import { browserFigures } from './browser'
import { importFigures } from './imports'
import { type Figure, type Kit, sample, type Stat, stat } from './kit'
import { tuiFigures } from './tui'

const HERE = dirname(fileURLToPath(import.meta.url))
const BENCH = join(HERE, '..')
const ROOT = join(BENCH, '..')
const SERVER_JS = join(ROOT, 'apps/api/dist/server.js')
const BARE_JS = join(HERE, 'bare-server.mjs')
/** Bump when the generator's output changes: stored datasets are then regenerated. */
const DATASET_VERSION = 5
/** BENCH_PORT: the papi server's port (the bare one listens on the next): parallel runs on one machine pick their own. */
const BASE_PORT = Number(process.env.BENCH_PORT ?? 8871)
const PORTS = { papi: BASE_PORT, bare: BASE_PORT + 1 }
/** BENCH_DB_SUFFIX: appended to the PostgreSQL database names, so parallel runs on one server keep their own datasets. */
const DB_SUFFIX = process.env.BENCH_DB_SUFFIX ?? ''

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    label: { type: 'string', default: 'current' },
    out: { type: 'string', default: join(BENCH, 'results.json') },
    only: { type: 'string' },
    'no-migrate': { type: 'boolean', default: false },
  },
})
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres'
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)

// --- datasets

interface Dataset {
  db: 'postgres' | 'pglite'
  scale: Scale
  /** DATABASE_URL for PostgreSQL, PAPI_DATA_DIR for PGlite. */
  env: Record<string, string>
  info: GenerateResult & { token: string; version: number }
}

function dbUrl(name: string) {
  const u = new URL(adminUrl)
  u.pathname = `/${name}`
  return u.toString()
}

async function prepare(store: Store, scale: Scale): Promise<Dataset['info']> {
  const result = await generate(store, { scale, progress: progressBar() })
  const user = await store.users.create(
    { username: 'bench', passwordHash: 'not-a-password', displayName: 'Benchmark', roles: [{ role: 'admin', unitId: null }] },
    { actorId: null, at: GENERATED_AT },
  )
  const session = await store.sessions.create(user.id, { now: new Date(), ttlMs: 10 * 365 * 24 * 3600 * 1000 })
  log(
    `generated ${scale}: ${result.units} units, ${result.plans} plans, ${result.tasks} tasks, ${result.assignments} assignments, ${result.reports} reports in ${result.seconds.toFixed(1)} s`,
  )
  return { ...result, token: session.token, version: DATASET_VERSION }
}

async function postgresDataset(scale: Scale): Promise<Dataset> {
  const name = `papi_bench_${scale}${DB_SUFFIX}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  const url = dbUrl(name)
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
  let info: Dataset['info'] | undefined
  if (exists) {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    const meta = await c.query('select info from bench_meta').catch(() => undefined)
    await c.end()
    const stored = meta?.rows[0]?.info as Dataset['info'] | undefined
    if (stored?.version === DATASET_VERSION) info = stored
  }
  if (!info) {
    log(`generating the ${scale} dataset on PostgreSQL (${name})…`)
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.query(`create database ${name}`)
    const store = await openStore({ databaseUrl: url })
    info = await prepare(store, scale)
    await store.db.execute(sql`create table bench_meta (info jsonb not null)`)
    await store.db.execute(sql`insert into bench_meta values (${JSON.stringify(info)}::jsonb)`)
    await store.close()
  }
  await admin.end()
  await upToDate(() => openStore({ databaseUrl: url }))
  return { db: 'postgres', scale, env: { DATABASE_URL: url }, info }
}

async function pgliteDataset(scale: Scale): Promise<Dataset> {
  const dir = join(BENCH, '.data', `pglite-${scale}`)
  const metaFile = join(BENCH, '.data', `pglite-${scale}.json`)
  let info = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Dataset['info']) : undefined
  if (info?.version !== DATASET_VERSION || !existsSync(dir)) {
    log(`generating the ${scale} dataset on PGlite (${dir})…`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const store = await openStore({ dataDir: dir })
    info = await prepare(store, scale)
    await store.close()
    writeFileSync(metaFile, JSON.stringify(info))
  }
  await upToDate(() => openStore({ dataDir: dir }))
  // DATABASE_URL emptied: a server started with it set (CI exports it) would use PostgreSQL instead.
  return { db: 'pglite', scale, env: { PAPI_DATA_DIR: dir, DATABASE_URL: '' }, info }
}

/**
 * A dataset kept from an earlier run gets the current migrations (opening the store applies
 * them), and ANALYZE when they brought statistics objects that have no data yet.
 */
async function upToDate(open: () => Promise<Store>) {
  // --no-migrate: measure an older build on the datasets as they are (a "before" run).
  if (args['no-migrate']) return
  const store = await open()
  const result = await store.db.execute(sql`select count(*)::int as n from pg_statistic_ext s
    where not exists (select 1 from pg_statistic_ext_data d where d.stxoid = s.oid)`)
  if (((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0) {
    log('new statistics objects: analyze…')
    await store.db.execute(sql`analyze`)
  }
  await store.close()
}

// --- the floor of the dashboard: the same rollup as one SQL statement

const DASHBOARD_SQL = `
with recursive sub as (
  select id from units where id = $1
  union all select u.id from units u join sub on u.parent_id = sub.id),
pp as (
  select p.id as plan_id, p.province_id, pe.due_on from plans p
  join periods pe on pe.plan_id = p.id and pe.code = $2 where p.status = 'published'),
exp as (
  select a.province_id, a.plan_id, a.task_id, a.unit_id, pp.due_on from assignments a
  join pp on pp.plan_id = a.plan_id and pp.province_id = a.province_id
  join sub on sub.id = a.unit_id where a.role = 'lead'),
cur as (
  select e.plan_id, e.unit_id, r.status, r.submitted_at, e.due_on from exp e
  left join reports r on r.province_id = e.province_id and r.task_id = e.task_id and r.unit_id = e.unit_id and r.period_id = $2),
per_unit as (
  select plan_id, unit_id, count(*) as expected,
    count(*) filter (where status in ('submitted', 'accepted')) as submitted,
    count(*) filter (where status = 'accepted') as accepted,
    count(*) filter (where status in ('submitted', 'accepted') and submitted_at::date <= due_on) as on_time,
    count(*) filter (where status is null or status in ('draft', 'returned')) as missing
  from cur group by plan_id, unit_id),
latest as (
  select distinct on (r.province_id, r.task_id, r.unit_id) r.task_id, r.unit_id, r.progress from exp e
  join reports r on r.province_id = e.province_id and r.task_id = e.task_id and r.unit_id = e.unit_id
  where r.status in ('submitted', 'accepted')
  order by r.province_id, r.task_id, r.unit_id, r.updated_at desc),
per_task as (select task_id, avg(progress) as progress, count(*) as units from latest group by task_id)
select (select json_agg(per_unit) from per_unit) as units, (select json_agg(per_task) from per_task) as tasks`

async function sqlRunner(
  ds: Dataset,
): Promise<{ run: (unitId: string, periodId: string) => Promise<unknown>; close: () => Promise<void> }> {
  if (ds.db === 'postgres') {
    const client = new pg.Client({ connectionString: ds.env.DATABASE_URL })
    await client.connect()
    return { run: (u, p) => client.query(DASHBOARD_SQL, [u, p]), close: () => client.end() }
  }
  const db = await PGlite.create(ds.env.PAPI_DATA_DIR)
  return { run: (u, p) => db.query(DASHBOARD_SQL, [u, p]), close: () => db.close() }
}

// --- servers

/** Servers still running: killed if the suite stops early. */
const children = new Set<ChildProcess>()
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL')
})

interface Server {
  child: ChildProcess
  startupMs: number
  url: string
  stop: () => Promise<void>
  peakRssMiB: () => number
  stderrTail: () => string
}

async function startServer(kind: 'papi' | 'bare', env: Record<string, string>): Promise<Server> {
  const port = PORTS[kind]
  const url = `http://127.0.0.1:${port}`
  if (
    await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`port ${port} is taken: stop what listens there first`)
  const started = performance.now()
  // BENCH_SERVER=source: the server from its sources through tsx (when dist/ cannot be built).
  const papiArgs =
    process.env.BENCH_SERVER === 'source'
      ? [
          '--import',
          pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx')), 'loader.mjs')).href,
          '--conditions=source',
          join(ROOT, 'apps/api/src/server.ts'),
        ]
      : [SERVER_JS]
  const child = spawn(process.execPath, kind === 'papi' ? papiArgs : [BARE_JS], {
    cwd: kind === 'papi' ? ROOT : BENCH,
    env: {
      ...process.env,
      PAPI_DEMO: '0',
      PAPI_WEB_DIST: '/nonexistent',
      PAPI_ADMIN_PASSWORD: 'bench-admin-password',
      // The dataset's database, or a figure's own setting (the browser figures serve the built dashboard).
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stopping = false
  children.add(child)
  child.once('exit', () => children.delete(child))
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)))
  child.once('exit', (code, signal) => {
    if (!stopping) log(`${kind} server exited (${signal ?? code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`)
  })
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited: ${stderr}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {}
    await new Promise((r) => setTimeout(r, 5))
    if (performance.now() - started > 120_000) throw new Error(`${kind} server did not start: ${stderr}`)
  }
  const startupMs = performance.now() - started
  return {
    child,
    startupMs,
    url,
    peakRssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
    },
    stderrTail: () => stderr,
    stop: () =>
      new Promise((resolve) => {
        stopping = true
        if (child.exitCode !== null || child.signalCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 6000).unref()
      }),
  }
}

interface Load {
  rps: number
  latency: Stat
  errors: number
}

async function load(url: string, opts: { seconds: number; connections: number; path: string }): Promise<Load> {
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [{ method: 'GET', path: opts.path }],
  } as autocannon.Options)
  return {
    rps: result.requests.average,
    // autocannon's histogram has p90 and p97.5, no p95: p97.5 is reported as the tail.
    latency: { median: result.latency.p50, p95: result.latency.p97_5, runs: result.requests.total },
    errors: result.non2xx + result.errors,
  }
}

/**
 * `connections` clients, each sending its own requests one after another for `seconds` (keep-alive
 * fetch): unlike autocannon, which builds a request once per connection and sends it again, every
 * request here gets a fresh body from `next` — a report save carries the version it read, so a
 * resent body is a version conflict, not a save. Only 2xx answers count towards the rate.
 */
async function loadEach(
  url: string,
  opts: { seconds: number; connections: number; method: string; path: string; token?: string; bodies: (conn: number) => () => string },
): Promise<Load> {
  const latencies: number[] = []
  let ok = 0
  let errors = 0
  const firstErrors = new Map<string, number>()
  const started = performance.now()
  const deadline = started + opts.seconds * 1000
  await Promise.all(
    Array.from({ length: opts.connections }, async (_, conn) => {
      const next = opts.bodies(conn)
      while (performance.now() < deadline) {
        const t = performance.now()
        const res = await fetch(`${url}${opts.path}`, {
          method: opts.method,
          headers: { 'content-type': 'application/json', ...(opts.token && { authorization: `Bearer ${opts.token}` }) },
          body: next(),
        })
        const text = await res.text()
        latencies.push(performance.now() - t)
        if (res.ok) ok++
        else {
          errors++
          const key = `${res.status} ${text.slice(0, 120)}`
          firstErrors.set(key, (firstErrors.get(key) ?? 0) + 1)
        }
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  if (firstErrors.size)
    log(
      `${opts.method} ${opts.path}: ${[...firstErrors]
        .slice(0, 3)
        .map(([k, n]) => `${n}× ${k}`)
        .join(' | ')}`,
    )
  const l = stat(latencies)
  return {
    rps: ok / seconds,
    latency: { median: Math.round(l.median), p95: Math.round(l.p95), runs: latencies.length },
    errors,
  }
}

/** Report keys to save, split per connection, each with its own version counter. */
async function saveKeys(ds: Dataset, limit: number) {
  const q = `
    (select task_id, unit_id, period_id, version from reports where status = 'draft' order by md5(task_id || unit_id || period_id) limit ${limit})
    union all
    (select a.task_id, a.unit_id, p.code, 0 from assignments a join periods p on p.plan_id = a.plan_id
      where a.role = 'lead' and not exists (select 1 from reports r where r.province_id = a.province_id
        and r.task_id = a.task_id and r.unit_id = a.unit_id and r.period_id = p.code) order by md5(a.task_id || a.unit_id || p.code) limit ${limit})`
  type Row = { task_id: string; unit_id: string; period_id: string; version: number }
  let rows: Row[]
  if (ds.db === 'postgres') {
    const c = new pg.Client({ connectionString: ds.env.DATABASE_URL })
    await c.connect()
    rows = (await c.query<Row>(q)).rows
    await c.end()
  } else {
    const db = await PGlite.create(ds.env.PAPI_DATA_DIR)
    rows = (await db.query<Row>(q)).rows
    await db.close()
  }
  return (connections: number) => (conn: number) => {
    const part = rows.filter((_, i) => i % connections === conn % connections)
    const mine = (part.length > 0 ? part : rows).map((r) => ({ ...r }))
    let i = 0
    return () => {
      const k = mine[i++ % mine.length] as Row
      const body = JSON.stringify({
        taskId: k.task_id,
        unitId: k.unit_id,
        periodId: k.period_id,
        // A draft may be 'done' (then only 100 % is valid): the body sets the work status it reports.
        workStatus: 'in-progress',
        progress: 50 + (i % 50),
        narrative: 'Đã triển khai (benchmark).',
        version: k.version,
      })
      k.version++
      return body
    }
  }
}

// --- figures

const figures: Figure[] = []
const failures: { step: string; reason: string }[] = []
/** Each step's wall time in seconds, in the order run (preparing a dataset counts towards the first step that needs it). */
const stepSeconds: { step: string; seconds: number }[] = []
/** The machine's 1-minute load average when the run started (a figure means something only next to it). */
const loadAtStart = loadavg()[0] ?? 0
let finished = false
/** Adds a figure; its ratio is papi's median over the floor's unless given (a median of paired ratios). */
function add(f: Omit<Figure, 'ratio'> & { ratio?: number }) {
  const ratio = f.ratio ?? f.papi.median / f.floor.median
  const figure = { ...f, ratio: Math.round(ratio * 100) / 100 }
  figures.push(figure)
  log(
    `${f.name} [${f.db}, ${f.scale}]: ${fmt(f.papi, f.unit)} vs ${f.floorName} ${fmt(f.floor, f.unit)} → ${figure.ratio}×${f.note ? ` (${f.note})` : ''}`,
  )
}
const fmt = (s: Stat, unit: string) =>
  unit === 'req/s'
    ? `${s.median.toFixed(0)} ${unit}`
    : `${s.median.toFixed(unit === 'ms' ? 1 : 0)} / ${s.p95.toFixed(unit === 'ms' ? 1 : 0)} ${unit}`

/** What the figure modules beside this file (imports, browser, tui) get from the suite. */
const kit: Kit = { add, startServer, log, root: ROOT }

const QUERY_PERIOD = '2024S1'

/** Steps that measure again what another step measures too: run only when `--only` names them. */
const ON_DEMAND = new Set(['startup-postgres', 'startup-pglite'])

/** A draft report of the query period, as a save between dashboards names it. */
interface DraftKey {
  province_id: string
  task_id: string
  unit_id: string
  period_id: string
  version: number
}

/** Up to `perProvince` draft reports of the query period in each province (read before the server holds a PGlite folder). */
async function draftKeys(ds: Dataset, perProvince: number): Promise<Map<string, DraftKey[]>> {
  const q = `select province_id, task_id, unit_id, period_id, version from (
      select r.*, row_number() over (partition by province_id order by md5(task_id || unit_id)) as n
      from reports r where status = 'draft' and period_id = '${QUERY_PERIOD}') d
    where n <= ${perProvince}`
  let rows: DraftKey[]
  if (ds.db === 'postgres') {
    const c = new pg.Client({ connectionString: ds.env.DATABASE_URL })
    await c.connect()
    rows = (await c.query<DraftKey>(q)).rows
    await c.end()
  } else {
    const db = await PGlite.create(ds.env.PAPI_DATA_DIR)
    rows = (await db.query<DraftKey>(q)).rows
    await db.close()
  }
  const byProvince = new Map<string, DraftKey[]>()
  for (const r of rows) byProvince.set(r.province_id, [...(byProvince.get(r.province_id) ?? []), { ...r, version: Number(r.version) }])
  return byProvince
}

/**
 * The dashboard figures. papi keeps each plan's figures per process until a write to what they
 * are computed from, so a dashboard asked again with nothing written is answered from memory: the
 * main figures save a draft report (through the API: a committed write that moves the plan's
 * figures version) in a random plan of the dashboard's scope before each request, and time the
 * request alone — the province's own plan every time, one of the country's plans for the national
 * dashboard (one plan recomputed, the others served). A draft counts as missing either way, so
 * the dataset's figures stay the same from run to run. The first request after the server starts
 * (nothing kept yet) and a request with nothing written since (all kept) are their own lines.
 */
async function dashboardFigures(ds: Dataset, opts: { province: boolean; national: boolean; runs: number; seconds: number }) {
  const floorSql = await sqlRunner(ds)
  const province = ds.info.provinceUnitIds[0] as string
  const floors: Record<string, Stat> = {}
  if (opts.province)
    floors.province = stat(await sample(() => floorSql.run(province, QUERY_PERIOD), { runs: opts.runs, seconds: opts.seconds }))
  if (opts.national)
    floors.national = stat(
      await sample(() => floorSql.run(ds.info.rootUnitId, QUERY_PERIOD), { runs: Math.min(opts.runs, 5), seconds: opts.seconds }),
    )
  await floorSql.close()
  const drafts = await draftKeys(ds, 50)
  const inScope = (unitId: string) =>
    (unitId === ds.info.rootUnitId ? [...drafts.values()] : [drafts.get(unitId) ?? []]).filter((k) => k.length > 0)
  let random = 7
  const pick = <T>(xs: readonly T[]): T => {
    random = (random * 1_103_515_245 + 12_345) % 2_147_483_648
    return xs[random % xs.length] as T
  }

  const server = await startServer('papi', ds.env)
  const get = async (unitId: string) => {
    const res = await fetch(`${server.url}/api/v1/dashboard?unitId=${unitId}&periodId=${QUERY_PERIOD}`, {
      headers: { authorization: `Bearer ${ds.info.token}` },
    })
    if (!res.ok) throw new Error(`dashboard ${res.status}: ${await res.text()}`)
    return res.text()
  }
  /** Saves a draft in a random plan of the unit's scope (a real write: the draft's progress changes). */
  const saveInScope = async (unitId: string) => {
    const plans = inScope(unitId)
    if (plans.length === 0) throw new Error(`no draft report of ${QUERY_PERIOD} in the scope of ${unitId}`)
    const key = pick(pick(plans))
    const res = await fetch(`${server.url}/api/v1/reports`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ds.info.token}` },
      body: JSON.stringify({
        taskId: key.task_id,
        unitId: key.unit_id,
        periodId: key.period_id,
        workStatus: 'in-progress',
        progress: 1 + (random % 95),
        narrative: 'Đã triển khai (benchmark, giữa hai lần xem bảng điều khiển).',
        version: key.version,
      }),
    })
    if (!res.ok) throw new Error(`save ${res.status}: ${(await res.text()).slice(0, 200)}`)
    key.version++
  }
  /** Request times, each right after a save in the scope (the save not timed). */
  const afterSaves = async (unitId: string, runs: number, seconds: number) => {
    const out: number[] = []
    const deadline = performance.now() + seconds * 1000
    while (out.length < runs && (out.length === 0 || performance.now() < deadline)) {
      await saveInScope(unitId)
      const t = performance.now()
      await get(unitId)
      out.push(performance.now() - t)
    }
    return out
  }
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    return performance.now() - t
  }
  const once = (ms: number): Stat => ({ median: ms, p95: ms, runs: 1 })
  try {
    if (opts.province) {
      const cold = await timed(() => get(province))
      add({
        name: 'province dashboard',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: stat(await afterSaves(province, opts.runs, opts.seconds)),
        floor: floors.province as Stat,
        floorName: 'its rollup as one SQL statement',
        better: 'lower',
        note: 'a draft saved in its plan before each request: recomputed every time',
      })
      add({
        name: 'province dashboard, cold (first request after start)',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: once(cold),
        floor: floors.province as Stat,
        floorName: 'its rollup as one SQL statement',
        better: 'lower',
      })
      add({
        name: 'province dashboard, nothing written since the last',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: stat(await sample(() => get(province), { runs: opts.runs, seconds: opts.seconds })),
        floor: floors.province as Stat,
        floorName: 'its rollup as one SQL statement',
        better: 'lower',
      })
      // Responsiveness: health requests while dashboards run (each after a save: recomputed).
      const waits: number[] = []
      let running = true
      const dash = (async () => {
        try {
          await afterSaves(province, 3, 60)
        } finally {
          running = false
        }
      })()
      dash.catch(() => {})
      while (running) {
        const t = performance.now()
        await fetch(`${server.url}/api/health`).then((r) => r.text())
        waits.push(performance.now() - t)
        await new Promise((r) => setTimeout(r, 20))
      }
      await dash
      const health = stat(waits)
      add({
        name: 'health during province dashboards',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: { ...health, p95: Math.max(...waits) },
        floor: stat(await sample(() => fetch(`${server.url}/api/health`).then((r) => r.text()), { runs: 50, seconds: 5 })),
        floorName: 'health on an idle server',
        better: 'lower',
        note: `p95 column is the longest wait: ${Math.max(...waits).toFixed(0)} ms`,
      })
    }
    if (opts.national) {
      let bytes = 0
      const cold = await timed(async () => (bytes = (await get(ds.info.rootUnitId)).length))
      add({
        name: 'national dashboard',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: stat(await afterSaves(ds.info.rootUnitId, opts.runs, opts.seconds)),
        floor: floors.national as Stat,
        floorName: 'its rollup as one SQL statement',
        better: 'lower',
        note: `${(bytes / 1024).toFixed(0)} KiB JSON; a draft saved in a random one of the ${inScope(ds.info.rootUnitId).length} plans before each request`,
      })
      add({
        name: 'national dashboard, cold (first request after start)',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: once(cold),
        floor: floors.national as Stat,
        floorName: 'its rollup as one SQL statement',
        better: 'lower',
      })
      add({
        name: 'national dashboard, nothing written since the last',
        db: ds.db,
        scale: ds.scale,
        unit: 'ms',
        papi: stat(await sample(() => get(ds.info.rootUnitId), { runs: Math.min(opts.runs, 10), seconds: opts.seconds })),
        floor: floors.national as Stat,
        floorName: 'its rollup as one SQL statement',
        better: 'lower',
      })
      const bare = await startServer('bare', ds.env)
      await load(bare.url, { seconds: 2, connections: 16, path: '/api/health' })
      const bareRss = bare.peakRssMiB()
      await bare.stop()
      add({
        name: 'peak RSS serving the national dashboard',
        db: ds.db,
        scale: ds.scale,
        unit: 'MiB',
        papi: { median: server.peakRssMiB(), p95: server.peakRssMiB(), runs: 1 },
        floor: { median: bareRss, p95: bareRss, runs: 1 },
        floorName: 'bare Hono under load',
        better: 'lower',
      })
    }
  } finally {
    await server.stop()
  }
}

async function httpFigures(ds: Dataset, seconds: number) {
  const keys = await saveKeys(ds, 20_000)
  await startupFigure(ds, seconds)

  await healthFigure(ds, seconds)

  await saveFigure(ds, seconds, keys)
}

/** Startup to first answer, alternating with bare Hono's (five times each, three with --quick). */
async function startupFigure(ds: Dataset, seconds: number) {
  const papiStart: number[] = []
  const bareStart: number[] = []
  for (let i = 0; i < (seconds >= 8 ? 5 : 3); i++) {
    const p = await startServer('papi', ds.env)
    papiStart.push(p.startupMs)
    await p.stop()
    const b = await startServer('bare', ds.env)
    bareStart.push(b.startupMs)
    await b.stop()
  }
  add({
    name: 'startup to first answer',
    db: ds.db,
    scale: ds.scale,
    unit: 'ms',
    papi: stat(papiStart),
    floor: stat(bareStart),
    floorName: 'bare Hono + the same database driver',
    better: 'lower',
  })
}

/**
 * Report saves at 16 concurrent clients against bare Hono + one INSERT, both servers up at once and
 * loaded in turn like {@link healthFigure} (rounds, who goes first alternating, after a warm-up of
 * each, 5 s in the full run; the ratio is the median of the rounds' ratios): a save figure measured once each way moved
 * 0.2–0.4× between runs with the neighbours' load. Each client's keys and versions carry on from
 * round to round. On PGlite the bare server writes to a copy of the dataset's folder (a PGlite
 * folder is one process's).
 */
async function saveFigure(ds: Dataset, seconds: number, keys: Awaited<ReturnType<typeof saveKeys>>) {
  const rounds = seconds >= 8 ? 5 : 3
  const each = Math.max(1, Math.round(seconds / 2))
  const kept = (bodies: (conn: number) => () => string) => {
    const made = new Map<number, () => string>()
    return (conn: number) => {
      let next = made.get(conn)
      if (!next) {
        next = bodies(conn)
        made.set(conn, next)
      }
      return next
    }
  }
  const papiBodies = kept(keys(16))
  const bareBodies = kept(keys(16))
  // A copy of the dataset's folder: the floor's INSERT goes into a database of the same size as papi's.
  const bareDir = ds.db === 'pglite' ? join(BENCH, '.data', `bare-floor-${process.pid}`) : undefined
  if (bareDir) cpSync(ds.env.PAPI_DATA_DIR as string, bareDir, { recursive: true })
  const papi = await startServer('papi', ds.env)
  const bare = await startServer('bare', bareDir ? { ...ds.env, PAPI_DATA_DIR: bareDir } : ds.env).catch(async (error: unknown) => {
    await papi.stop()
    throw error
  })
  const save = (s: Server, secs: number) =>
    loadEach(s.url, {
      seconds: secs,
      connections: 16,
      method: 'PUT',
      path: '/api/v1/reports',
      ...(s === papi && { token: ds.info.token }),
      bodies: s === papi ? papiBodies : bareBodies,
    })
  try {
    // A fresh server's JIT compiles its request path over its first few thousand saves: with a 1-s
    // warm-up papi's CPU per save still fell by half over the rounds (0.23× in the first, 0.60×
    // in the last, 5 Dec 2026), so the figure was a mix of warm-up and throughput.
    const warmUp = seconds >= 8 ? 5 : 1
    await save(papi, warmUp)
    await save(bare, warmUp)
    const r = await alternatingRounds(
      rounds,
      () => save(papi, each),
      () => save(bare, each),
    )
    add({
      name: 'report save (PUT), 16 concurrent',
      db: ds.db,
      scale: ds.scale,
      unit: 'req/s',
      papi: r.papi,
      floor: r.floor,
      floorName: 'bare Hono + one INSERT',
      better: 'higher',
      ratio: r.ratio,
      note: `median of ${rounds} alternating ${each}-s rounds' ratios (${r.ratios}); latency p50/p95 ${r.latency}${r.failed ? `; ${r.failed} failed` : ''}`,
    })
  } finally {
    await papi.stop()
    await bare.stop()
    if (bareDir) rmSync(bareDir, { recursive: true, force: true })
  }
}

/**
 * `GET /api/health` at 16 concurrent against bare Hono, both servers up at once and loaded in turn
 * (`rounds` rounds, who goes first alternating, after a warm-up of each): the ratio is the median
 * of the rounds' ratios, so a neighbour's load on the shared machine lands on both sides of each
 * one. The bare server keeps its database in memory on PGlite (health touches none, and a PGlite
 * folder is one process's).
 */
async function healthFigure(ds: Dataset, seconds: number) {
  // Many short rounds: on a shared machine a neighbour's burst spoils one round, not the median.
  const rounds = seconds >= 8 ? 9 : 3
  const each = seconds >= 8 ? 2 : 1
  const papi = await startServer('papi', ds.env)
  const bare = await startServer('bare', ds.db === 'pglite' ? { ...ds.env, PAPI_DATA_DIR: '' } : ds.env)
  const health = (s: Server, secs: number) => load(s.url, { seconds: secs, connections: 16, path: '/api/health' })
  try {
    await health(papi, 1)
    await health(bare, 1)
    const r = await alternatingRounds(
      rounds,
      () => health(papi, each),
      () => health(bare, each),
    )
    add({
      name: 'GET /api/health, 16 concurrent',
      db: ds.db,
      scale: ds.scale,
      unit: 'req/s',
      papi: r.papi,
      floor: r.floor,
      floorName: 'bare Hono',
      better: 'higher',
      ratio: r.ratio,
      note: `median of ${rounds} alternating ${each}-s rounds' ratios (${r.ratios}); latency p50/p97.5 ${r.latency}`,
    })
  } finally {
    await papi.stop()
    await bare.stop()
  }
}

/**
 * papi and its floor loaded in turn, `rounds` times, who goes first alternating, so a neighbour's
 * load on the shared machine lands on both sides of each round: their rates, the median of the
 * rounds' ratios (each listed), their latencies (median p50 / median tail, in ms) and papi's failures.
 */
async function alternatingRounds(rounds: number, papi: () => Promise<Load>, floor: () => Promise<Load>) {
  const papiLoads: Load[] = []
  const floorLoads: Load[] = []
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      papiLoads.push(await papi())
      floorLoads.push(await floor())
    } else {
      floorLoads.push(await floor())
      papiLoads.push(await papi())
    }
  }
  const ratios = papiLoads.map((p, i) => p.rps / (floorLoads[i] as Load).rps)
  const rates = (loads: Load[]): Stat => ({ ...stat(loads.map((l) => l.rps)), runs: loads.length })
  const latency = (loads: Load[]) => `${stat(loads.map((l) => l.latency.median)).median}/${stat(loads.map((l) => l.latency.p95)).median}`
  return {
    papi: rates(papiLoads),
    floor: rates(floorLoads),
    ratio: stat(ratios).median,
    ratios: ratios.map((r) => r.toFixed(2)).join(', '),
    latency: `${latency(papiLoads)} ms vs ${latency(floorLoads)} ms`,
    failed: papiLoads.reduce((n, l) => n + l.errors, 0),
  }
}

/** A plan of the stored one's province, as the API takes it: a draft under a new number, ids left out. */
function draftCopy(stored: Record<string, unknown>, number: string) {
  const {
    id: _i,
    provinceId: _p,
    version: _v,
    publishedAt: _pa,
    unresolved: _u,
    sections,
    targets,
    ...header
  } = stored as {
    sections: { id?: string; tasks: { id?: string; sectionId?: string; assignees?: unknown; targets: { id?: string }[] }[] }[]
    targets: { id?: string }[]
  } & Record<string, unknown>
  const noId = <T extends { id?: string }>({ id: _x, ...rest }: T) => rest
  return {
    ...header,
    number,
    status: 'draft',
    targets: targets.map(noId),
    sections: sections.map(({ id: _s, tasks, ...section }) => ({
      ...section,
      tasks: tasks.map(({ id: _t, sectionId: _si, assignees: _a, targets: t, ...task }) => ({ ...task, targets: t.map(noId) })),
    })),
  }
}

/**
 * Plan writes and reads of one province's plan (create, replace, assignments, task-table export,
 * delete of a draft copy) on the national database, against the same on a database that holds
 * that province alone: a ratio near 1 means the work is proportional to the province, not the
 * country.
 */
async function planFigures(national: Dataset, province: Dataset, runs: number) {
  const provinceUnitId = province.info.provinceUnitIds[0] as string
  type Times = Record<'create' | 'replace' | 'assignments' | 'export' | 'delete', number[]>
  const measure = async (ds: Dataset): Promise<Times> => {
    const server = await startServer('papi', ds.env)
    const times: Times = { create: [], replace: [], assignments: [], export: [], delete: [] }
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ds.info.token}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      if (!res.ok) throw new Error(`${method} ${path} ${res.status}: ${(await res.text()).slice(0, 300)}`)
      return res.status === 204 ? undefined : res.headers.get('content-type')?.includes('json') ? res.json() : res.arrayBuffer()
    }
    const timed = async <T>(list: number[], fn: () => Promise<T>): Promise<T> => {
      const t = performance.now()
      const out = await fn()
      list.push(performance.now() - t)
      return out
    }
    try {
      const plans = (await call('GET', '/plans')) as { id: string; scopeUnitId?: string; status: string }[]
      const source = plans.find((p) => p.scopeUnitId === provinceUnitId && p.status === 'published')
      if (!source) throw new Error(`no published plan of ${provinceUnitId}`)
      const stored = (await call('GET', `/plans/${source.id}`)) as Record<string, unknown>
      // One warm-up cycle, then `runs` measured ones.
      for (let i = 0; i <= runs; i++) {
        const skip = i === 0 ? { create: [], replace: [], assignments: [], export: [], delete: [] } : times
        const body = draftCopy(stored, `BENCH-${process.pid}-${i}`)
        const created = (await timed(skip.create, () => call('POST', '/plans', body))) as { id: string; version: number }
        const replaced = (await timed(skip.replace, () =>
          call('PUT', `/plans/${created.id}`, { ...body, title: `${String(stored.title)} (sửa)`, version: created.version }),
        )) as { version: number }
        await timed(skip.assignments, () => call('GET', `/plans/${created.id}/assignments`))
        await timed(skip.export, () => call('GET', `/plans/${created.id}/exports/task-table?format=xlsx`))
        await timed(skip.delete, () => call('DELETE', `/plans/${created.id}?version=${replaced.version}`))
      }
    } finally {
      await server.stop()
    }
    return times
  }
  const floor = await measure(province)
  const papi = await measure(national)
  const names: Record<keyof Times, string> = {
    create: 'plan create (POST /plans), one province',
    replace: 'plan replace (PUT /plans/{id}), one province',
    assignments: 'plan assignments (GET /plans/{id}/assignments)',
    export: 'plan task table (.xlsx export)',
    delete: 'draft plan delete',
  }
  for (const key of Object.keys(names) as (keyof Times)[]) {
    add({
      name: names[key],
      db: national.db,
      scale: national.scale,
      unit: 'ms',
      papi: stat(papi[key]),
      floor: stat(floor[key]),
      floorName: 'the same on a database of that province alone',
      better: 'lower',
    })
  }
}

function markdown(run: { label: string; at: string; quick: boolean; seconds: number; datasets: Dataset[] }) {
  const lines = [
    `# papi benchmark: ${run.label} (${run.at}${run.quick ? ', quick' : ''})`,
    '',
    ...run.datasets.map(
      (d) =>
        `- ${d.db} ${d.scale}: ${d.info.units} units, ${d.info.plans} plans, ${d.info.tasks} tasks, ${d.info.assignments} assignments, ${d.info.reports} reports`,
    ),
    '',
    '| path | db | scale | papi (median / p95) | floor | floor (median / p95) | ratio |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.name} | ${f.db} | ${f.scale} | ${fmt(f.papi, f.unit)} | ${f.floorName} | ${fmt(f.floor, f.unit)} | ${f.ratio}×${f.note ? ` (${f.note})` : ''} |`,
    ),
    '',
    `Wall: ${run.seconds} s in all; ${stepSeconds.map((s) => `${s.step} ${s.seconds} s`).join(', ')}. Load (1-minute average): ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    '',
    ...failures.map((f) => `- step ${f.step} failed: ${f.reason}`),
    ...(failures.length ? [''] : []),
    'Times: lower ratio is better. Rates (req/s): higher ratio is better.',
  ]
  return `${lines.join('\n')}\n`
}

async function main() {
  const started = performance.now()
  if (process.env.BENCH_SERVER !== 'source' && (!existsSync(SERVER_JS) || process.env.BENCH_BUILD !== '0')) {
    log('building the server (turbo, cached)…')
    // The server, the command (its TUI) and the web dashboard the browser figures open.
    const build = spawnSync(
      'npx',
      ['turbo', 'run', 'build', '--filter=@papi/server...', '--filter=@papi/cli', '--filter=@papi/web', '--output-logs=errors-only'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    )
    if (build.status !== 0) throw new Error('build failed')
  }
  const quick = args.quick as boolean
  const only = args.only?.split(',')
  const datasets: Dataset[] = []
  const seconds = quick ? 3 : 8
  const steps: [string, () => Promise<void>][] = []
  if (quick) {
    const pgSmall = await postgresDataset('small')
    const liteSmall = await pgliteDataset('small')
    datasets.push(pgSmall, liteSmall)
    for (const ds of datasets) {
      steps.push([`dashboard-${ds.db}`, () => dashboardFigures(ds, { province: true, national: true, runs: 15, seconds: 5 })])
      steps.push([`http-${ds.db}`, () => httpFigures(ds, seconds)])
    }
    // A 300-task plan rather than the issue's 5,000 (the full run imports that one): CI stays fast.
    steps.push(['imports', () => importFigures(kit, pgSmall, { tasks: 300, runs: 3, seconds: 1 })])
    steps.push(['browser', () => browserFigures(kit, pgSmall, { runs: 3, seconds: 1 })])
    steps.push(['tui', () => tuiFigures(kit, pgSmall, { runs: 3, seconds: 2 })])
  } else {
    // Each dataset is prepared when a step first needs it (--only runs what it names).
    const once = <T>(make: () => Promise<T>) => {
      let made: Promise<T> | undefined
      return () => (made ??= make())
    }
    const kept = (make: () => Promise<Dataset>) =>
      once(async () => {
        const ds = await make()
        datasets.push(ds)
        return ds
      })
    const pgNational = kept(() => postgresDataset('national'))
    const pgProvince = kept(() => postgresDataset('province'))
    const liteProvince = kept(() => pgliteDataset('province'))
    steps.push([
      'dashboard-national',
      async () => dashboardFigures(await pgNational(), { province: true, national: true, runs: 20, seconds: 60 }),
    ])
    steps.push([
      'dashboard-province',
      async () => dashboardFigures(await pgProvince(), { province: true, national: false, runs: 20, seconds: 30 }),
    ])
    steps.push([
      'dashboard-pglite',
      async () => dashboardFigures(await liteProvince(), { province: true, national: false, runs: 10, seconds: 30 }),
    ])
    steps.push(['http-postgres', async () => httpFigures(await pgNational(), seconds)])
    steps.push(['http-pglite', async () => httpFigures(await liteProvince(), seconds)])
    // Startup alone, run only when named (http-postgres and http-pglite measure it too).
    steps.push(['startup-postgres', async () => startupFigure(await pgNational(), seconds)])
    steps.push(['startup-pglite', async () => startupFigure(await liteProvince(), seconds)])
    // The same HTTP figures on PostgreSQL at the scale the PGlite ones use: one comparison across both engines.
    steps.push(['http-postgres-province', async () => httpFigures(await pgProvince(), seconds)])
    steps.push(['plans-national', async () => planFigures(await pgNational(), await pgProvince(), 5)])
    // Into one province of the national database: the seed plans, and the issue's 5,000-task .docx
    // and .xlsx (PLAN_LIMITS.tasks; a larger plan's refusal would be timed, and one at the limit imported).
    steps.push(['imports', async () => importFigures(kit, await pgNational(), { tasks: 5000, runs: 10, seconds: 15 })])
    steps.push(['browser', async () => browserFigures(kit, await pgNational(), { runs: 20, seconds: 15 })])
    steps.push(['tui', async () => tuiFigures(kit, await pgNational(), { runs: 15, seconds: 15 })])
  }
  for (const [name, step] of steps) {
    if (only ? !only.includes(name) : ON_DEMAND.has(name)) continue
    const stepStarted = performance.now()
    const took = () => Math.round((performance.now() - stepStarted) / 1000)
    try {
      await step()
      stepSeconds.push({ step: name, seconds: took() })
      log(`step ${name} done in ${((performance.now() - stepStarted) / 1000).toFixed(1)} s`)
    } catch (error) {
      // One failed step (a server that died) is a finding, not the end of the run.
      const reason =
        error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error)
      log(`step ${name} failed: ${reason}`)
      failures.push({ step: name, reason })
      stepSeconds.push({ step: name, seconds: took() })
      for (const c of children) c.kill('SIGKILL')
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  const run = {
    label: args.label as string,
    at: new Date().toISOString(),
    quick,
    only: only ?? null,
    seconds: Math.round((performance.now() - started) / 1000),
    steps: stepSeconds,
    datasets,
    figures,
    failures,
  }
  for (const d of run.datasets) d.info.token = '(secret)'
  const out = args.out as string
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { runs?: unknown[] }) : {}
  const runs = [...(previous.runs ?? []), run]
  writeFileSync(out, `${JSON.stringify({ runs }, null, 2)}\n`)
  const md = markdown(run)
  writeFileSync(out.replace(/\.json$/, `${quick ? '-quick' : ''}-${run.label}${only ? `-${only.join('+')}` : ''}.md`), md)
  process.stdout.write(md)
  log(`done in ${run.seconds} s`)
  finished = true
}

main().catch((error: unknown) => {
  console.error('bench:', error instanceof Error ? error.stack : error)
  process.exit(1)
})
// A promise that never settles would otherwise end the process silently with status 0.
process.on('beforeExit', () => {
  if (process.exitCode === undefined && !finished) {
    console.error('bench: stopped before the end (a step never finished)')
    process.exitCode = 1
  }
})
