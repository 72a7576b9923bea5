import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import type { Locale } from '@papi/domain'
import type { AuthContext, Connection, Server, ServerChannel } from 'ssh2'
import { runTui } from './run'

/** ssh2 (CommonJS, dozens of files) is loaded only by `papi ssh-serve`, never by `papi tui`. */
const ssh2 = async () => (await import('ssh2')).default

export interface SshServeOptions {
  host: string
  port: number
  /** The papi API the TUI talks to, and where sign-ins are checked. */
  apiUrl: string
  /** Shared with the API (PAPI_SSH_SECRET): lets this server ask the API to sign users in. */
  gatewaySecret: string
  /** Where the host key lives; generated on first start and kept. */
  hostKeyFile: string
  locale: Locale
  log: (line: string) => void
  /**
   * Stops the server: every open TUI ends as on Ctrl-C (its terminal restored: the alternate
   * screen left, the cursor shown), its channel closes, then the server does.
   */
  signal?: AbortSignal
}

/** The host key, created (ed25519, mode 0600) when the file does not exist yet. */
export async function loadOrCreateHostKey(file: string): Promise<Buffer> {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    const { private: key } = (await ssh2()).utils.generateKeyPairSync('ed25519')
    writeFileSync(file, key, { mode: 0o600 })
    chmodSync(file, 0o600)
  }
  return readFileSync(file)
}

const fingerprint = (data: Buffer) => `SHA256:${createHash('sha256').update(data).digest('base64').replace(/=+$/, '')}`

/**
 * Asks the API for a session of the key's owner: the API checks the gateway secret and the
 * client's own signature of this log-in against the keys registered to that user.
 */
async function signIn(options: SshServeOptions, ctx: AuthContext & { method: 'publickey' }): Promise<string | undefined> {
  const res = await fetch(new URL('/api/v1/auth/ssh', options.apiUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-papi-ssh-gateway': options.gatewaySecret },
    body: JSON.stringify({
      username: ctx.username,
      keyType: ctx.key.algo,
      keyData: ctx.key.data.toString('base64'),
      blob: ctx.blob!.toString('base64'),
      signature: ctx.signature!.toString('base64'),
      ...(ctx.hashAlgo && { hashAlgo: ctx.hashAlgo }),
    }),
  })
  if (!res.ok) return undefined
  return ((await res.json()) as { token: string }).token
}

/**
 * Terminal streams over an SSH channel, for Ink: input as a TTY in raw mode (the client's
 * terminal is raw already), output with the window size and "\n" turned into "\r\n" (there is no
 * line discipline on the server side to do it).
 */
function channelTerminal(channel: ServerChannel, size: { columns: number; rows: number }) {
  const stdin = new PassThrough() as PassThrough & Record<string, unknown>
  channel.pipe(stdin)
  Object.assign(stdin, { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin })
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // After a disconnect the TUI's last frames go nowhere.
      if (channel.writable) channel.write(chunk.toString('utf8').replace(/\r?\n/g, '\r\n'))
      done()
    },
  }) as Writable & { columns: number; rows: number; isTTY: boolean }
  Object.assign(stdout, { isTTY: true, columns: size.columns, rows: size.rows })
  return {
    stdin,
    stdout,
    resize(columns: number, rows: number) {
      stdout.columns = columns
      stdout.rows = rows
      stdout.emit('resize')
    },
  }
}

/**
 * `papi ssh-serve`: an SSH server that serves the papi TUI and nothing else. Only public keys
 * registered to a papi account sign in, each as that user with their own permissions; passwords,
 * unknown keys, exec, subsystems, port and agent forwarding are refused and logged.
 *
 * @example
 * const server = await startSshServer({ host: '127.0.0.1', port: 2222, apiUrl, gatewaySecret, hostKeyFile, locale: 'vi', log: console.error })
 */
export async function startSshServer(options: SshServeOptions): Promise<Server> {
  const hostKey = await loadOrCreateHostKey(options.hostKeyFile)
  const { Server } = await ssh2()
  /** The connections open, each with the TUIs it runs (each ended by aborting its controller). */
  const clients = new Map<Connection, Set<AbortController>>()
  const server = new Server({ hostKeys: [hostKey] }, (client: Connection) => {
    const tuis = new Set<AbortController>()
    clients.set(client, tuis)
    client.on('close', () => clients.delete(client))
    let token: string | undefined
    let user = ''
    client.on('authentication', (ctx) => {
      user = ctx.username
      if (ctx.method !== 'publickey') {
        if (ctx.method === 'password' || ctx.method === 'keyboard-interactive') options.log(`refused ${ctx.method} for "${ctx.username}"`)
        return ctx.reject(['publickey'])
      }
      // Without a signature the client only asks whether the key would do: let it sign.
      if (!ctx.signature || !ctx.blob) return ctx.accept()
      const fp = fingerprint(ctx.key.data)
      signIn(options, ctx)
        .then((session) => {
          if (!session) {
            options.log(`refused key ${fp} for "${ctx.username}"`)
            return ctx.reject(['publickey'])
          }
          token = session
          options.log(`signed in "${ctx.username}" with key ${fp}`)
          ctx.accept()
        })
        .catch((error: unknown) => {
          options.log(`could not reach the API for "${ctx.username}": ${error instanceof Error ? error.message : error}`)
          ctx.reject(['publickey'])
        })
    })
    client.on('ready', () => {
      client.on('session', (accept) => {
        const session = accept()
        let size = { columns: 80, rows: 24 }
        let term: ReturnType<typeof channelTerminal> | undefined
        let color = true
        session.on('pty', (ok, _reject, info) => {
          size = { columns: info.cols || 80, rows: info.rows || 24 }
          ok?.()
        })
        session.on('window-change', (ok, _reject, info) => {
          size = { columns: info.cols, rows: info.rows }
          term?.resize(info.cols, info.rows)
          ok?.()
        })
        session.on('env', (ok, _reject, info) => {
          if (info.key === 'NO_COLOR') color = false
          ok?.()
        })
        session.on('shell', (ok) => {
          const channel = ok()
          term = channelTerminal(channel, size)
          // The client went away (closed its window, lost the link, typed ~.): end its TUI too.
          const stop = new AbortController()
          tuis.add(stop)
          let gone = false
          channel.on('close', () => {
            gone = true
            stop.abort()
          })
          channel.on('error', (error: Error) => options.log(`channel of "${user}": ${error.message}`))
          void runTui({
            url: options.apiUrl,
            locale: options.locale,
            token,
            stdin: term.stdin as never,
            stdout: term.stdout as never,
            stderr: term.stdout as never,
            color,
            signal: stop.signal,
          })
            .catch((error: unknown) => options.log(`TUI of "${user}" failed: ${error instanceof Error ? error.message : error}`))
            .finally(() => {
              tuis.delete(stop)
              options.log(`TUI of "${user}" ended${stop.signal.aborted ? ' (disconnected or stopped)' : ''}`)
              if (gone) return
              channel.exit(0)
              channel.end()
            })
        })
        // Nothing but the TUI: no commands, no sftp, no agent or X11 forwarding.
        session.on('exec', (_ok, reject, info) => {
          options.log(`refused exec "${info.command}" for "${user}"`)
          reject?.()
        })
        session.on('subsystem', (_ok, reject, info) => {
          options.log(`refused subsystem "${info.name}" for "${user}"`)
          reject?.()
        })
        session.on('auth-agent', (_ok, reject) => reject?.())
        session.on('x11', (_ok, reject) => reject?.())
      })
      client.on('tcpip', (_accept, reject) => {
        options.log(`refused port forwarding for "${user}"`)
        reject()
      })
      client.on('openssh.streamlocal', (_accept, reject) => reject())
      client.on('request', (_accept, reject, name) => {
        options.log(`refused ${name} for "${user}"`)
        reject?.()
      })
    })
    client.on('close', () => {
      // The session ends with the connection.
      if (token)
        void fetch(new URL('/api/v1/auth/logout', options.apiUrl), { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(
          () => {},
        )
    })
    client.on('error', (error) => options.log(`connection error: ${error.message}`))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  options.signal?.addEventListener(
    'abort',
    () => {
      server.close()
      // Each TUI restores its user's terminal and closes its channel; the client then hangs up.
      // Connections without one (still signing in), and clients that do not hang up, are ended.
      for (const [client, tuis] of clients) {
        if (tuis.size === 0) client.end()
        for (const stop of tuis) stop.abort()
      }
      setTimeout(() => {
        for (const client of clients.keys()) client.end()
      }, 3000).unref()
    },
    { once: true },
  )
  return server
}
