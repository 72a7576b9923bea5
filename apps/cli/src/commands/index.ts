// Every `papi` command, in the order `papi --help` lists them, each loaded only when it runs: a
// command line that names one loads that command's module alone (a document reader does not load
// the benchmark generator nor the database drivers of the others); help and a mistyped name load
// them all. Adding one: a file beside this one exporting a CommandFactory (see ../../README.md),
// and one line here.
import type { CommandFactory } from '../command'

/** A command's name as typed, and how its factory loads. */
export interface LazyCommand {
  name: string
  load: () => Promise<CommandFactory>
}

export const COMMANDS: readonly LazyCommand[] = [
  { name: 'import', load: async () => (await import('./import')).importCommand },
  { name: 'export', load: async () => (await import('./export')).exportCommand },
  { name: 'units', load: async () => (await import('./units')).unitsCommand },
  { name: 'scores', load: async () => (await import('./scores')).scoresCommand },
  { name: 'tui', load: async () => (await import('./tui')).tuiCommand },
  { name: 'ssh-serve', load: async () => (await import('./ssh-serve')).sshServeCommand },
  { name: 'backup', load: async () => (await import('./backup')).backupCommand },
  { name: 'restore', load: async () => (await import('./backup')).restoreCommand },
  { name: 'bench', load: async () => (await import('./bench')).benchCommand },
]

/**
 * The factories a command line needs: the one command it names (its first word), or every
 * command when it names none of them (help, `papi help <command>`, a mistyped name, nothing).
 *
 * @example
 * await commandsFor(['import', 'plan.txt']) // [importCommand]
 * await commandsFor(['--help']) // every command, in COMMANDS' order
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandFactory[]> {
  const named = COMMANDS.find((c) => c.name === argv[0])
  return Promise.all((named ? [named] : COMMANDS).map((c) => c.load()))
}
