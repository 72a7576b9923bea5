// What every `papi` command shares: the program they are registered on (commander), its help in
// Vietnamese or English, the `--lang` option, and commander's own errors turned into one-line
// CommandErrors with exit code 2. See ../README.md for how to add a command.

import { Command, CommanderError, Option, type CommandUnknownOpts } from '@commander-js/extra-typings'
import type { Locale } from '@papi/domain'
import { CommandError } from './command-error'

/** Where a command writes: results and help on stdout, progress, notes and errors on stderr. */
export interface Output {
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/**
 * One `papi` command: builds its commander `Command` (name, options, help, action) in the
 * language the help is shown in. The action throws a {@link CommandError} for an expected failure.
 */
export type CommandFactory = (locale: Locale) => CommandUnknownOpts

const TEXT = {
  vi: {
    description: 'papi: nhập kế hoạch, xuất biểu nhiệm vụ, báo cáo tổng hợp và kết quả chỉ số.',
    titles: {
      'Usage:': 'Cách dùng:',
      'Arguments:': 'Tham số:',
      'Options:': 'Tùy chọn:',
      'Commands:': 'Lệnh:',
      'Global Options:': 'Tùy chọn chung:',
    } as Record<string, string>,
    help: 'xem hướng dẫn',
    helpCommand: 'xem hướng dẫn của một lệnh',
    lang: 'ngôn ngữ của kết quả và thông báo (mặc định vi)',
    noCommand: 'thiếu tên lệnh',
    unknownCommand: (name: string) => `lệnh không có: ${name}`,
    unknownOption: (flag: string) => `tùy chọn không có: ${flag}`,
    missingValue: (flag: string) => `thiếu giá trị cho ${flag}`,
    missingArgument: (name: string) => `thiếu tham số ${name}`,
    tooManyArguments: 'thừa tham số',
  },
  en: {
    description: 'papi: import plans, export task tables, consolidated reports and index results.',
    titles: {} as Record<string, string>,
    help: 'show help',
    helpCommand: 'show help for a command',
    lang: 'language of the output and messages (vi by default)',
    noCommand: 'the command is missing',
    unknownCommand: (name: string) => `unknown command: ${name}`,
    unknownOption: (flag: string) => `unknown option: ${flag}`,
    missingValue: (flag: string) => `${flag} needs a value`,
    missingArgument: (name: string) => `missing argument ${name}`,
    tooManyArguments: 'too many arguments',
  },
} as const

/**
 * The language asked for with `--lang en` (or `--lang=en`) anywhere on the command line; Vietnamese
 * otherwise. Help is shown in it; a command still checks the value itself and rejects others.
 */
export function localeOf(argv: readonly string[]): Locale {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined
    if (value === 'en') return 'en'
  }
  return 'vi'
}

/** `--lang vi|en`: every command takes it; without it, Vietnamese (see {@link langOf}). */
export function langOption(locale: Locale) {
  return new Option('--lang <vi|en>', TEXT[locale].lang)
}

/**
 * The language a command's `--lang` value asks for: Vietnamese when absent; any other value than
 * `vi` or `en` is a CommandError with exit code 2 (said in Vietnamese, the language not being known).
 *
 * @example
 * langOf(undefined) // 'vi'
 * langOf('fr') // throws "ngôn ngữ không hỗ trợ: fr (dùng vi hoặc en)"
 */
export function langOf(value: string | undefined): Locale {
  const lang = value ?? 'vi'
  if (lang !== 'vi' && lang !== 'en') throw new CommandError(`ngôn ngữ không hỗ trợ: ${lang} (dùng vi hoặc en)`, 2)
  return lang
}

/**
 * Parses `argv` against the `papi` program holding `commands` and runs the command it names.
 * Help goes to `out.stdout`; anything wrong with the command line throws a one-line
 * {@link CommandError} with exit code 2 (after the help on stderr when no command is given).
 *
 * @example
 * await runCommands([importCommand('vi', io)], ['import', 'plan.txt', '--dry-run'], io, 'vi')
 */
export async function runCommands(
  commands: readonly CommandUnknownOpts[],
  argv: readonly string[],
  out: Output,
  locale: Locale,
): Promise<void> {
  const program = new Command('papi').description(TEXT[locale].description)
  for (const command of commands) program.addCommand(command)
  configure(program, out, locale)
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error
    // Help asked for (--help, `papi help <command>`) exits 0; help shown for a missing command, 1.
    if (error.exitCode === 0) return
    throw new CommandError(commanderMessage(error, locale), 2)
  }
}

/** The settings every command of the program gets (commander copies none to added commands). */
function configure(command: CommandUnknownOpts, out: Output, locale: Locale): void {
  const t = TEXT[locale]
  command
    .exitOverride()
    // Errors are reported once, by the caller, in one line; help and usage go where they belong.
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr, outputError: () => {} })
    .configureHelp({
      styleTitle: (title) => t.titles[title] ?? title,
      // Descriptions are laid out by hand (indented lists): wrap only past this width.
      helpWidth: 130,
    })
    .helpOption('-h, --help', t.help)
  if (command.commands.length > 0) command.helpCommand('help [command]', t.helpCommand)
  for (const sub of command.commands) configure(sub, out, locale)
}

function commanderMessage(error: CommanderError, locale: Locale): string {
  const t = TEXT[locale]
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? ''
  switch (error.code) {
    case 'commander.help':
      return t.noCommand
    case 'commander.unknownCommand':
      return t.unknownCommand(quoted)
    case 'commander.unknownOption':
      return t.unknownOption(quoted)
    case 'commander.optionMissingArgument':
      return t.missingValue(quoted.split(/[ ,]/).find((f) => f.startsWith('--')) ?? quoted)
    case 'commander.missingArgument':
      return t.missingArgument(quoted)
    case 'commander.excessArguments':
      return t.tooManyArguments
    default:
      return error.message.replace(/^error: /, '').split('\n')[0] ?? error.message
  }
}
