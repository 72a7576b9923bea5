// Every `papi` command, in the order `papi --help` lists them. Adding one: a file beside this one
// exporting a CommandFactory (see ../../README.md), and one line here.
import type { CommandFactory } from '../command'
import { exportCommand } from './export'
import { importCommand } from './import'

export const COMMANDS: readonly CommandFactory[] = [
  (locale) => importCommand(locale),
  (locale) => exportCommand(locale),
]
