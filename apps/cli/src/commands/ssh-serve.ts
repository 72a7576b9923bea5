import { join } from 'node:path'
import { Command, Option } from '@commander-js/extra-typings'
import type { Locale } from '@papi/domain'
import { langOption } from '../command'
import { CommandError } from '../command-error'
import { prepareInk } from './ink-env'
import { apiUrl } from './remote'

const HELP = {
  vi: {
    summary: 'máy chủ SSH chỉ phục vụ giao diện quản trị papi (đăng nhập bằng khóa SSH đã đăng ký)',
    port: 'cổng (mặc định 2222)',
    host: 'địa chỉ lắng nghe (mặc định 127.0.0.1)',
    url: 'địa chỉ API (mặc định PAPI_URL hoặc http://127.0.0.1:8787)',
    hostKey: 'tệp khóa máy chủ (tạo khi khởi động lần đầu; mặc định PAPI_DATA_DIR/ssh_host_ed25519_key)',
    noSecret: 'cần PAPI_SSH_SECRET, giống giá trị của máy chủ API',
    listening: (host: string, port: number) => `papi ssh-serve: đang lắng nghe ssh://${host}:${port}`,
  },
  en: {
    summary: 'an SSH server serving only the papi admin UI (sign in with a registered SSH key)',
    port: 'port (default 2222)',
    host: 'address to listen on (default 127.0.0.1)',
    url: 'the API URL (default PAPI_URL or http://127.0.0.1:8787)',
    hostKey: 'the host key file (created on first start; default PAPI_DATA_DIR/ssh_host_ed25519_key)',
    noSecret: 'PAPI_SSH_SECRET is needed, the same as the API server’s',
    listening: (host: string, port: number) => `papi ssh-serve: listening on ssh://${host}:${port}`,
  },
} as const

/** `papi ssh-serve [--port 2222]`: the TUI over SSH, nothing else (see @papi/tui's ssh-server). */
export function sshServeCommand(locale: Locale) {
  const h = HELP[locale]
  return new Command('ssh-serve')
    .summary(h.summary)
    .description(h.summary)
    .addOption(new Option('--port <port>', h.port).default('2222'))
    .addOption(new Option('--host <host>', h.host).default('127.0.0.1'))
    .addOption(new Option('--url <url>', h.url))
    .addOption(new Option('--host-key <file>', h.hostKey))
    .addOption(langOption(locale))
    .action(async (options) => {
      const lang = options.lang === 'en' ? 'en' : 'vi'
      const port = Number(options.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CommandError(`--port ${options.port}`, 2)
      const gatewaySecret = process.env.PAPI_SSH_SECRET?.trim()
      if (!gatewaySecret) throw new CommandError(HELP[lang].noSecret, 2)
      prepareInk()
      const { startSshServer } = await import('@papi/tui')
      const log = (line: string) => process.stderr.write(`papi ssh-serve: ${new Date().toISOString()} ${line}\n`)
      // Ctrl-C or SIGTERM: every open TUI ends as on its own Ctrl-C (the users' terminals are
      // restored), then the server closes.
      const stop = new AbortController()
      const server = await startSshServer({
        host: options.host,
        port,
        apiUrl: apiUrl(options.url),
        gatewaySecret,
        hostKeyFile: options.hostKey ?? join(process.env.PAPI_DATA_DIR?.trim() || '.papi-data', 'ssh_host_ed25519_key'),
        locale: lang,
        log,
        signal: stop.signal,
      })
      process.stderr.write(`${HELP[lang].listening(options.host, port)}\n`)
      // `on`, not `once`: with no listener of ours left, Ink's signal-exit would re-raise the
      // signal and kill the process before the terminals are restored.
      const onSignal = () => stop.abort()
      process.on('SIGINT', onSignal)
      process.on('SIGTERM', onSignal)
      await new Promise<void>((resolve) => server.once('close', () => resolve()))
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    })
}
