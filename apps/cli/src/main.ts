#!/usr/bin/env node
// The `papi` executable: runs the command line (./cli.ts) and exits with its code.
const argv = process.argv.slice(2)
if (argv[0] === 'tui') {
  // The TUI's first frame must come fast: skip loading every other command (document readers,
  // database drivers) and run `papi tui` on its own.
  const { runCommands } = await import('./command')
  const { localeOf } = await import('./command')
  const { tuiCommand } = await import('./commands/tui')
  const { CommandError } = await import('./command-error')
  const locale = localeOf(argv)
  try {
    await runCommands(
      [tuiCommand(locale)],
      argv,
      { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) },
      locale,
    )
  } catch (error) {
    process.stderr.write(`papi: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = error instanceof CommandError ? error.exitCode : 1
  }
} else {
  const { main } = await import('./cli')
  process.exitCode = await main(argv)
}
export {}
