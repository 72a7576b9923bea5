import { Command } from '@commander-js/extra-typings'
import { describe, expect, it } from 'vitest'
import { langOption, localeOf, runCommands } from './command'
import { CommandError } from './command-error'

/** A command with a subcommand, as `papi units import-register <file>` is built. */
function unitsCommand(ran: string[]) {
  return new Command('units').summary('đơn vị').addCommand(
    new Command('import-register')
      .argument('<file>', 'tệp danh mục')
      .option('--dry-run', 'chỉ xem')
      .addOption(langOption('vi'))
      .action((file, options) => {
        ran.push(`${file} ${options.dryRun === true} ${options.lang ?? 'vi'}`)
      }),
  )
}

async function run(argv: string[]) {
  const ran: string[] = []
  let stdout = ''
  let stderr = ''
  const out = {
    stdout: (t: string) => {
      stdout += t
    },
    stderr: (t: string) => {
      stderr += t
    },
  }
  const error = await runCommands([unitsCommand(ran)], argv, out, localeOf(argv)).then(
    () => undefined,
    (e: unknown) => e,
  )
  return { ran, stdout, stderr, error }
}

describe('the papi program', () => {
  it('runs a subcommand with its typed options', async () => {
    expect((await run(['units', 'import-register', 'dm.xlsx', '--dry-run', '--lang', 'en'])).ran).toEqual(['dm.xlsx true en'])
  })

  it('prints help on stdout, in Vietnamese unless --lang en', async () => {
    const vi = await run(['units', 'import-register', '--help'])
    expect(vi.error).toBeUndefined()
    expect(vi.stdout).toMatch(/^Cách dùng: papi units import-register \[options\] <file>/)
    expect(vi.stdout).toContain('Tùy chọn:')
    const en = await run(['help', 'units', '--lang', 'en'])
    expect(en.error).toBeUndefined()
    expect(en.stdout).toMatch(/^Usage: papi units/)
  })

  it.each([
    [['units', 'import-register', 'dm.xlsx', '--bogus'], 'tùy chọn không có: --bogus'],
    [['units', 'import-register'], 'thiếu tham số file'],
    [['units', 'import-register', 'dm.xlsx', '--lang'], 'thiếu giá trị cho --lang'],
    [['frobnicate'], 'lệnh không có: frobnicate'],
    [[], 'thiếu tên lệnh'],
    [['frobnicate', '--lang', 'en'], 'unknown command: frobnicate'],
  ])('%j is a wrong command line: one line, exit code 2, nothing run', async (argv, message) => {
    const r = await run(argv)
    expect(r.error).toBeInstanceOf(CommandError)
    expect(r.error).toMatchObject({ exitCode: 2, message })
    expect(r.ran).toEqual([])
    expect(r.stdout).toBe('')
  })
})
