// `papi tui`'s first frame: the built command (apps/cli/dist/main.js, which loads the TUI's one
// bundle) started in a fresh 80×24 pseudo-terminal against a running papi server, timed from the
// spawn until its first frame — the sign-in prompt, "Tên đăng nhập" — is on its output. The floor
// is `node -e 0` started the same way, until it has exited: Node's own start-up on this machine,
// in the same run. The terminal is util-linux's `script` (Debian's bsdutils, always installed):
// Ink draws only into a terminal, and `papi tui` refuses to start without one.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { type BenchDataset, type Kit, stat } from './kit'

/** The sign-in prompt, the first thing the TUI draws without PAPI_TOKEN (apps/tui/src/i18n.ts). */
const FIRST_FRAME = 'Tên đăng nhập'
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are control characters
const ANSI = /\u001B(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007]*\u0007|[@-Z\\-_])/g

/** Milliseconds from spawning `command` in an 80×24 terminal until `text` is on its screen, or (no text) until it exits. */
function terminalRun(command: string, env: NodeJS.ProcessEnv, text?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child: ChildProcess = spawn('script', ['-qfec', `stty cols 80 rows 24; exec ${command}`, '/dev/null'], {
      env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    let done = false
    const timer = setTimeout(
      () => finish(new Error(`no ${text ? `"${text}"` : 'exit'} within 30 s: ${output.replace(ANSI, '').slice(-300)}`)),
      30_000,
    )
    const finish = (result: number | Error) => {
      if (done) return
      done = true
      clearTimeout(timer)
      // The whole group (script, its shell, node): the TUI would otherwise wait for its user.
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {}
      }
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    child.stdout?.on('data', (d) => {
      output += String(d)
      if (text && output.replace(ANSI, '').includes(text)) finish(performance.now() - started)
    })
    child.stderr?.on('data', (d) => (output += String(d)))
    child.once('error', (e) => finish(e))
    child.once('exit', (code) => {
      if (!text && code === 0) finish(performance.now() - started)
      else
        finish(new Error(`${command} exited (${code}) before ${text ? `"${text}"` : 'the end'}: ${output.replace(ANSI, '').slice(-300)}`))
    })
  })
}

export async function tuiFigures(kit: Kit, ds: BenchDataset, opts: { runs: number; seconds: number }): Promise<void> {
  const main = join(kit.root, 'apps/cli/dist/main.js')
  if (!existsSync(main)) throw new Error(`no ${main}: build the command (turbo run build --filter=@papi/cli)`)
  const papi = await kit.startServer('papi', ds.env)
  // As CI machines run it (papi tui clears CI for Ink itself); no PAPI_TOKEN: the sign-in prompt.
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', TERM: 'xterm-256color', PAPI_URL: papi.url, PAPI_TOKEN: '' }
  const node = JSON.stringify(process.execPath)
  const frames: number[] = []
  const floors: number[] = []
  try {
    // One of each unmeasured (the file cache), then alternating, so both see the same machine.
    await terminalRun(`${node} -e 0`, env)
    await terminalRun(`${node} ${JSON.stringify(main)} tui`, env, FIRST_FRAME)
    const deadline = performance.now() + opts.seconds * 1000
    while (frames.length < opts.runs && (frames.length < 3 || performance.now() < deadline)) {
      floors.push(await terminalRun(`${node} -e 0`, env))
      frames.push(await terminalRun(`${node} ${JSON.stringify(main)} tui`, env, FIRST_FRAME))
    }
  } finally {
    await papi.stop()
  }
  kit.add({
    name: 'TUI first frame (papi tui, built)',
    db: ds.db,
    scale: ds.scale,
    unit: 'ms',
    papi: stat(frames),
    floor: stat(floors),
    floorName: '`node -e 0` in the same terminal, to its exit',
    better: 'lower',
    note: `spawn to "${FIRST_FRAME}" on an 80×24 pseudo-terminal (script), CI=true`,
  })
}
