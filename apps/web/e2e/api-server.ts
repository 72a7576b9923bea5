import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('../../api', import.meta.url))
const WEB_DIST = fileURLToPath(new URL('../dist', import.meta.url))

export interface RunningServer {
  url: string
  dataDir: string
  stop: () => Promise<void>
  /** What the server printed, for a failing test's message. */
  log: () => string
}

/** A port the OS says is free on 127.0.0.1 (PAPI_E2E_PORT pins one). */
export async function freePort(): Promise<number> {
  if (process.env.PAPI_E2E_PORT) return Number(process.env.PAPI_E2E_PORT)
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/**
 * Starts the papi API from apps/api's sources (tsx, "source" condition) on 127.0.0.1, a free port,
 * a fresh embedded database in a temporary folder, the demo data, and the built dashboard — the
 * way apps/api's README starts it. DATABASE_URL is dropped: the browser suite always runs on a
 * fresh PGlite, never on the shared PostgreSQL of the run.
 */
export async function startApiServer(extraEnv: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'papi-e2e-'))
  // apps/api/src/server.ts reads HOST, PORT, PAPI_DATA_DIR, PAPI_DEMO, PAPI_WEB_DIST.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PAPI_DATA_DIR: dataDir,
    PAPI_DEMO: '1',
    PAPI_WEB_DIST: WEB_DIST,
    PAPI_ADMIN_PASSWORD: 'e2e-admin-password',
    ...extraEnv,
  }
  delete env.DATABASE_URL
  let output = ''
  // Like apps/api's `dev` script: its sources through tsx and the "source" export condition.
  const child: ChildProcess = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/server.ts'], {
    cwd: API_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (output += String(d)))
  child.stderr?.on('data', (d) => (output += String(d)))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    const gone = await Promise.race([exited, new Promise((r) => setTimeout(() => r('wait'), 250))])
    if (gone !== 'wait') {
      rmSync(dataDir, { recursive: true, force: true })
      throw new Error(`the API server exited (${String(gone)}) before answering:\n${output}`)
    }
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the API server did not answer /api/health within 90 s:\n${output}`)
    }
  }

  return {
    url,
    dataDir,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
        if (child.exitCode === null) child.kill('SIGKILL')
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
