#!/usr/bin/env node
// The papi command line. Commands: `import`, `export`. Expected failures print one line on stderr and
// exit non-zero; nothing prints a stack trace.

import { EXPORT_USAGE, processExportIo, runExport } from './commands/export'
import { CommandError, processIo, runImport, USAGE as IMPORT_USAGE } from './import-command'

const COMMANDS: Readonly<Record<string, (argv: readonly string[]) => Promise<number>>> = {
  import: (argv) => runImport(argv, processIo()),
  export: (argv) => runExport(argv, processExportIo()),
}

const USAGE = { vi: IMPORT_USAGE.vi + EXPORT_USAGE.vi, en: IMPORT_USAGE.en + EXPORT_USAGE.en } as const

/**
 * Runs one command line and resolves to its exit code: 0 done, 1 the input could not be read
 * or saved, 2 the command line itself is wrong.
 *
 * @example
 * process.exitCode = await main(['import', 'plan.txt', '--dry-run', '--json'])
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined) {
    process.stderr.write(USAGE.vi)
    return 2
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE.vi)
    return 0
  }
  const run = COMMANDS[command]
  if (!run) {
    process.stderr.write(`papi: lệnh không có: ${command}\n${USAGE.vi}`)
    return 2
  }
  try {
    return await run(rest)
  } catch (error) {
    process.stderr.write(`papi: ${oneLine(error)}\n`)
    if (error instanceof CommandError) return error.exitCode
    // parseArgs rejects unknown or malformed options with a TypeError coded ERR_PARSE_ARGS_*.
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return 2
    return 1
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]?.trim() || 'lỗi không xác định'
}

process.exitCode = await main(process.argv.slice(2))
