// #10 hole 4, as a user meets it: a papi server runs on a PGlite folder, and a second server, or
// the CLI writing to the same folder, is started. PGlite is one process's database: the second
// opener must stop with a message naming the process that holds the folder, and change nothing.
// (packages/store/src/data-folder-lock.test.ts checks the lock itself, in one process.)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_MAIN, call, envFor, login, seedForFaults, type ServerProcess, spawnServer, startServer } from './server-process.fixture'

/** Runs the papi command from its sources; answers its exit code and what it printed. */
function papi(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI_MAIN, ...args], {
      cwd: dirname(CLI_MAIN),
      env: { ...env, PAPI_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += String(d)))
    child.stderr.on('data', (d) => (output += String(d)))
    child.once('exit', (code) => resolve({ code, output }))
  })
}

describe('a second process on a PGlite folder the server holds (issue #10, hole 4)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'papi-second-'))
  const where = { dataDir: join(dir, 'data') }
  let server: ServerProcess
  let admin: string
  let seeded: Awaited<ReturnType<typeof seedForFaults>>

  beforeAll(async () => {
    seeded = await seedForFaults(where)
    // Through tsx, as `pnpm dev` starts it: a refused opener names this command line (src/server.ts).
    server = await startServer(where, {}, { tsx: true })
    admin = await login(server.url, 'admin')
  }, 120_000)
  afterAll(async () => {
    await server?.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  })

  it('a second server is refused, naming the server that holds the folder, and the first keeps serving', async () => {
    const second = await spawnServer(where).started()
    expect('exitCode' in second && second.exitCode).toBe(1)
    const output = 'output' in second ? second.output : ''
    expect(output).toContain(`is in use by process ${server.pid}`)
    expect(output).toContain('src/server.ts')
    expect((await call(server.url, 'GET', '/api/v1/plans', admin)).status).toBe(200)
  }, 60_000)

  it('the CLI restoring a backup into the folder is refused the same way, and the data is untouched', async () => {
    const backup = await fetch(`${server.url}/api/v1/backup`, { headers: { authorization: `Bearer ${admin}` } })
    expect(backup.status).toBe(200)
    const file = join(dir, 'before.papi-backup')
    writeFileSync(file, new Uint8Array(await backup.arrayBuffer()))
    // A change after the backup: a restore that got through would take it away.
    const unit = await call(server.url, 'POST', '/api/v1/units', admin, {
      code: 'KG-PQ',
      name: 'UBND thành phố Phú Quốc',
      level: 'district',
      kind: 'people-committee',
      parentId: seeded.units.kg.id,
    })
    expect(unit.status).toBe(201)

    const restore = await papi(['restore', file], envFor(where))
    expect(restore.code).not.toBe(0)
    expect(restore.output).toContain(`is in use by process ${server.pid}`)
    const units = (await call(server.url, 'GET', '/api/v1/units', admin)).body as { code: string }[]
    expect(units.map((u) => u.code)).toContain('KG-PQ')
  }, 60_000)
})
