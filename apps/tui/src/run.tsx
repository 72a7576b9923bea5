/** @jsxRuntime automatic */
import type { Locale } from '@papi/domain'
import { render } from 'ink'
import type { ReadStream, WriteStream } from 'node:tty'
import { App } from './app'
import { messages } from './i18n'

export interface RunTuiOptions {
  url: string
  locale: Locale
  token?: string | undefined
  /** Default: the process's own; `papi ssh-serve` hands in the SSH channel. */
  stdin?: NodeJS.ReadStream | ReadStream
  stdout?: NodeJS.WriteStream | WriteStream
  stderr?: NodeJS.WriteStream | WriteStream
  /** Colours unless NO_COLOR is set (https://no-color.org). */
  color?: boolean
  /** Ends the TUI from outside (the SSH client went away, or `papi ssh-serve` is stopping). */
  signal?: AbortSignal
}

/**
 * Runs the TUI until the user quits, and restores the terminal (raw mode off, cursor shown,
 * the alternate screen left) on exit, on Ctrl-C and on SIGTERM. When stdin is not a terminal it
 * says so and answers exit code 2 rather than crashing.
 *
 * @example
 * process.exitCode = await runTui({ url: 'http://127.0.0.1:8787', locale: 'vi' })
 */
export async function runTui(options: RunTuiOptions): Promise<number> {
  const stdin = options.stdin ?? process.stdin
  const stdout = options.stdout ?? process.stdout
  const stderr = options.stderr ?? process.stderr
  if (!stdin.isTTY) {
    stderr.write(`${messages(options.locale).notTty}\n`)
    return 2
  }
  const color = options.color ?? !('NO_COLOR' in process.env && process.env.NO_COLOR !== '')
  // The alternate screen keeps the shell's scrollback as it was; left again on exit.
  stdout.write('\u001B[?1049h\u001B[H')
  const restore = () => stdout.write('\u001B[?25h\u001B[?1049l')
  const instance = render(<App url={options.url} locale={options.locale} token={options.token} color={color} />, {
    stdin: stdin as NodeJS.ReadStream,
    stdout: stdout as NodeJS.WriteStream,
    stderr: stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false,
  })
  const onSignal = () => instance.unmount()
  // Signals end the local TUI only: one `papi ssh-serve` process runs many, each with its signal.
  const local = options.stdin === undefined
  if (local) {
    process.once('SIGTERM', onSignal)
    process.once('SIGHUP', onSignal)
  }
  if (options.signal?.aborted) instance.unmount()
  options.signal?.addEventListener('abort', onSignal, { once: true })
  try {
    await instance.waitUntilExit()
  } finally {
    if (local) {
      process.off('SIGTERM', onSignal)
      process.off('SIGHUP', onSignal)
    }
    options.signal?.removeEventListener('abort', onSignal)
    instance.cleanup()
    restore()
  }
  return 0
}
