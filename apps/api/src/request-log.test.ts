// The server's request log as an operator reads it on stdout: the lines are written in batches
// (@papi/api serverLogger), and none may wait long or be lost when the server stops. One server
// on a PGlite folder through tsx: ~10 s.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { templateDataFolder } from '@papi/store/testing'
import { describe, expect, it } from 'vitest'
import { startServer } from './server-process.fixture'

/** The request lines of a server's output, parsed. */
function requestLines(output: string): { requestId: string; path: string; status: number }[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
    .filter((line) => line.msg === 'request')
}

describe('the request log on stdout', () => {
  it('shows a request within a second on a quiet server, and the lines still gathered when the server stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'papi-request-log-'))
    templateDataFolder(dataDir)
    const server = await startServer({ dataDir }, { PAPI_LOG_LEVEL: 'info' })
    try {
      const first = await fetch(`${server.url}/api/v1/units`)
      expect(first.status).toBe(401)
      await expect
        .poll(() => requestLines(server.log()).map((l) => l.requestId), { timeout: 3000 })
        .toContain(first.headers.get('x-request-id'))

      const last = await fetch(`${server.url}/api/v1/me`)
      await server.kill('SIGTERM')
      await expect
        .poll(() => requestLines(server.log()).find((l) => l.requestId === last.headers.get('x-request-id')), { timeout: 3000 })
        .toMatchObject({ path: '/api/v1/me', status: 401 })
    } finally {
      await server.kill()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 120_000)
})
