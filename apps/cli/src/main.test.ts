import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI_DIR = fileURLToPath(new URL('..', import.meta.url))
const SEED = '../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt'

/** Runs the CLI from source as the root `papi` script does: tsx with the `source` condition. */
async function papi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts', ...args], {
      cwd: CLI_DIR,
      env: { ...process.env, NODE_OPTIONS: '' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('papi (process)', () => {
  it('import --dry-run --json writes one JSON document on stdout and nothing on stderr', async () => {
    const { code, stdout, stderr } = await papi(['import', SEED, '--dry-run', '--json'])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toMatchObject({ plan: { number: '97/KH-UBND' } })
  }, 30_000)

  it('a file it cannot read exits non-zero with one line on stderr, no stack trace', async () => {
    const { code, stdout, stderr } = await papi(['import', 'package.json.docx', '--dry-run'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^papi: /)
    expect(stderr).not.toMatch(/\bat \S+:\d+/)
  }, 30_000)

  it('an unknown command exits 2', async () => {
    expect((await papi(['frobnicate'])).code).toBe(2)
  }, 30_000)
})
