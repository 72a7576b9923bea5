import { CommandError } from './command-error'
import { localeOf, runCommands, type Output } from './command'
import { commandsFor } from './commands'

const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}

/**
 * Runs one command line and resolves to its exit code: 0 done, 1 the input could not be read
 * or saved, 2 the command line itself is wrong. Expected failures print one line on stderr
 * (`papi: …`); nothing prints a stack trace.
 *
 * @example
 * process.exitCode = await main(['import', 'plan.txt', '--dry-run', '--json'])
 */
export async function main(argv: readonly string[], out: Output = processOutput): Promise<number> {
  const locale = localeOf(argv)
  try {
    await runCommands(
      (await commandsFor(argv)).map((command) => command(locale)),
      argv,
      out,
      locale,
    )
    return 0
  } catch (error) {
    out.stderr(`papi: ${oneLine(error)}\n`)
    return error instanceof CommandError ? error.exitCode : 1
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0]?.trim() || 'lỗi không xác định'
}
