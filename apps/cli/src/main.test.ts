import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { templateDataFolder } from '@papi/store/testing'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI_DIR = fileURLToPath(new URL('..', import.meta.url))
const SEED = '../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt'

/**
 * How a `papi` process starts: the run's bundle of the current sources (its path set by
 * cli-bundle.setup.ts), else the sources through tsx with the `source` condition.
 */
const BUNDLE = process.env.PAPI_TEST_CLI_BUNDLE
const PAPI = BUNDLE ? [BUNDLE] : ['--conditions=source', '--import', 'tsx', 'src/main.ts']

/** Runs the CLI of the current sources as a process of its own. */
async function papi(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...PAPI, ...args], {
      cwd: CLI_DIR,
      env: { ...process.env, NODE_OPTIONS: '', ...env },
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

  // Two CLI processes on one PGlite folder, which starts migrated (the run's template, as a folder is
  // after its first open: creating one from nothing is open-store.test.ts's); it took ~15 s alone
  // and over 60 s under the whole workspace's tests when each process made its folder itself.
  it('import twice into one data folder: a new plan, then the same plan unchanged', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'papi-cli-'))
    templateDataFolder(dataDir)
    // An embedded database in a fresh folder, whatever server the test run itself points at.
    const env = { PAPI_DATA_DIR: dataDir, DATABASE_URL: '' }
    try {
      const first = await papi(['import', SEED], env)
      expect(first.code).toBe(0)
      const id = /^Đã lưu kế hoạch mới (\S+) \(bản nháp\)\.$/m.exec(first.stdout)?.[1]
      expect(id).toBeDefined()
      const second = await papi(['import', SEED, '--json', '--lang', 'en'], env)
      expect(second.code).toBe(0)
      expect(second.stderr).toBe('')
      expect(JSON.parse(second.stdout)).toMatchObject({ id, outcome: 'unchanged', kept: [] })
    } finally {
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 180_000)

  it('an unknown command exits 2', async () => {
    expect((await papi(['frobnicate'])).code).toBe(2)
  }, 30_000)
})
