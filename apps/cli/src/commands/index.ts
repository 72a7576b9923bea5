// Every `papi` command, in the order `papi --help` lists them. Adding one: a file beside this one
// exporting a CommandFactory (see ../../README.md), and one line here.
import type { CommandFactory } from '../command'
import { benchCommand } from './bench'
import { exportCommand } from './export'
import { importCommand } from './import'
import { scoresCommand } from './scores'
import { unitsCommand } from './units'
import { backupCommand, restoreCommand } from './backup'
import { sshServeCommand } from './ssh-serve'
import { tuiCommand } from './tui'

export const COMMANDS: readonly CommandFactory[] = [
  (locale) => importCommand(locale),
  (locale) => exportCommand(locale),
  (locale) => unitsCommand(locale),
  (locale) => scoresCommand(locale),
  (locale) => tuiCommand(locale),
  (locale) => sshServeCommand(locale),
  (locale) => backupCommand(locale),
  (locale) => restoreCommand(locale),
  (locale) => benchCommand(locale),
]
