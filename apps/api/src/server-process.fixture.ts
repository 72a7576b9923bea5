// Test fixture (not exported): the real papi server as a child process — apps/api's current sources,
// bundled once per run (server-bundle.setup.ts), or through tsx as its `dev` script starts it when
// run without that setup — on a PGlite folder or a PostgreSQL database of the test's own, so a test
// can SIGKILL it, start it again, or start a second one beside it.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { hashPassword } from '@papi/api'
import { openStore, type Store } from '@papi/store'
import { samplePlan, seedSampleProvince, type SampleProvince, templateDataFolder } from '@papi/store/testing'
import pg from 'pg'

export const API_DIR = fileURLToPath(new URL('..', import.meta.url))
export const CLI_MAIN = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url))
export const PASSWORD = 'mat-khau-kiem-thu-2018'
const CHEAP_SCRYPT = { N: 2 ** 10, r: 8, p: 1 }

/** Where a server keeps its data: a PGlite folder, or a database on the PostgreSQL server. */
export type Where = { dataDir: string } | { databaseUrl: string }

export const envFor = (where: Where): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.DATABASE_URL
  delete env.PAPI_DATA_DIR
  if ('databaseUrl' in where) env.DATABASE_URL = where.databaseUrl
  else env.PAPI_DATA_DIR = where.dataDir
  return env
}

/** A port the OS says is free on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** A fresh database on the PostgreSQL server at `url`; `drop` removes it (and its connections). */
export async function freshPostgres(url: string, prefix = 'papi_faults') {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`).finally(() => admin.end())
  const target = new URL(url)
  target.pathname = `/${name}`
  return {
    url: target.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end())
    },
  }
}

/** The sample province, an admin and two commune reporters, and the sample plan published. */
export async function seedForFaults(where: Where): Promise<{ units: SampleProvince; taskId: string; planId: string }> {
  // A new PGlite folder starts migrated, as a server's folder is after its first start.
  if ('dataDir' in where) templateDataFolder(where.dataDir)
  const store: Store = await openStore(where)
  try {
    const change = { actorId: null, at: new Date('2018-06-10T03:00:00Z') }
    const units = await seedSampleProvince(store, change)
    const passwordHash = await hashPassword(PASSWORD, CHEAP_SCRYPT)
    const user = (username: string, role: 'admin' | 'reporter', unitId: string | null) =>
      store.users.create({ username, passwordHash, displayName: username, roles: [{ role, unitId }] }, change)
    await user('admin', 'admin', null)
    await user('reporter', 'reporter', units.vtv.id)
    await user('reporter2', 'reporter', units.minhLuong.id)
    const plan = await store.plans.create(samplePlan(units), change)
    const published = await store.plans.publish(plan.id, change)
    const taskId = published.sections.flatMap((s) => s.tasks).find((t) => t.code === '1.3')?.id as string
    return { units, taskId, planId: plan.id }
  } finally {
    await store.close()
  }
}

export interface ServerProcess {
  url: string
  pid: number
  child: ChildProcess
  exited: Promise<number | null>
  log: () => string
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * How a server process starts: the run's bundle of the sources (its path set by
 * server-bundle.setup.ts, which this file does not import: it loads tsup), else src/server.ts through tsx.
 */
const BUNDLE = process.env.PAPI_TEST_SERVER_BUNDLE
const TSX_ARGS = ['--conditions=source', '--import', 'tsx', 'src/server.ts']
const SERVER_ARGS = BUNDLE ? [BUNDLE] : TSX_ARGS

/**
 * Spawns the server of apps/api/src/server.ts (no demo, quiet request log) and waits for it to
 * exit or answer /api/health; `how.tsx` starts it through tsx even when the run has a bundle.
 */
export function spawnServer(where: Where, extra: NodeJS.ProcessEnv = {}, how: { port?: number; tsx?: boolean } = {}) {
  let output = ''
  const start = async (): Promise<{ child: ChildProcess; exited: Promise<number | null>; url: string }> => {
    const p = how.port ?? (await freePort())
    const child = spawn(process.execPath, how.tsx ? TSX_ARGS : SERVER_ARGS, {
      cwd: API_DIR,
      env: { ...envFor(where), HOST: '127.0.0.1', PORT: String(p), PAPI_DEMO: '0', PAPI_LOG_LEVEL: 'silent', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout?.on('data', (d) => (output += String(d)))
    child.stderr?.on('data', (d) => (output += String(d)))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    return { child, exited, url: `http://127.0.0.1:${p}` }
  }
  return {
    log: () => output,
    /** Resolves with the running server, or with its exit code and output if it stopped first. */
    async started(timeoutMs = 90_000): Promise<ServerProcess | { exitCode: number | null; output: string }> {
      const { child, exited, url } = await start()
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const gone = await Promise.race([exited, new Promise((r) => setTimeout(() => r('wait'), 100))])
        if (gone !== 'wait') return { exitCode: gone as number | null, output }
        try {
          if ((await fetch(`${url}/api/health`)).ok) break
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) {
          child.kill('SIGKILL')
          throw new Error(`the server did not answer within ${timeoutMs} ms:\n${output}`)
        }
      }
      return {
        url,
        pid: child.pid as number,
        child,
        exited,
        log: () => output,
        async kill(signal = 'SIGKILL') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal)
          await exited
        },
      }
    },
  }
}

/** Starts a server that must come up; throws with its output if it does not. */
export async function startServer(where: Where, extra: NodeJS.ProcessEnv = {}, how: { tsx?: boolean } = {}): Promise<ServerProcess> {
  const s = await spawnServer(where, extra, how).started()
  if (!('url' in s)) throw new Error(`the server exited (${s.exitCode}) before answering:\n${s.output}`)
  return s
}

/** A JSON call to a running server. */
export async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined }
}

export async function login(base: string, username: string): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', undefined, { username, password: PASSWORD })
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}

/** A small seeded random number generator (mulberry32): the same kill times every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
