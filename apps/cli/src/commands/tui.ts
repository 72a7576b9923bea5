import { Command, Option } from '@commander-js/extra-typings'
import type { Locale } from '@papi/domain'
import { langOption } from '../command'
import { CommandError } from '../command-error'
import { prepareInk } from './ink-env'
import { apiUrl } from './remote'

const HELP = {
  vi: {
    summary: 'mở giao diện quản trị trong terminal (đơn vị, người dùng, kế hoạch, kỳ, nhật ký, sao lưu)',
    url: 'địa chỉ API (mặc định PAPI_URL hoặc http://127.0.0.1:8787); đăng nhập khi mở, hoặc PAPI_TOKEN',
  },
  en: {
    summary: 'open the admin terminal UI (units, users, plans, periods, audit, backups)',
    url: 'the API URL (default PAPI_URL or http://127.0.0.1:8787); sign in when it opens, or PAPI_TOKEN',
  },
} as const

/** `papi tui [--url URL]`: the Ink admin UI over the API, signed in by prompt or PAPI_TOKEN. */
export function tuiCommand(locale: Locale) {
  const h = HELP[locale]
  return new Command('tui')
    .summary(h.summary)
    .description(h.summary)
    .addOption(new Option('--url <url>', h.url))
    .addOption(langOption(locale))
    .action(async (options) => {
      const lang = options.lang ?? 'vi'
      if (lang !== 'vi' && lang !== 'en') throw new CommandError(`--lang vi|en`, 2)
      if (!process.stdin.isTTY) {
        throw new CommandError(
          lang === 'vi'
            ? 'papi tui cần một terminal tương tác (stdin không phải TTY); hãy chạy trong terminal, hoặc "ssh -t".'
            : 'papi tui needs an interactive terminal (stdin is not a TTY); run it in a terminal, or "ssh -t".',
          2,
        )
      }
      prepareInk()
      const { runTui } = await import('@papi/tui')
      const code = await runTui({ url: apiUrl(options.url), locale: lang, token: process.env.PAPI_TOKEN?.trim() || undefined })
      if (code !== 0) throw new CommandError(lang === 'vi' ? 'cần một terminal' : 'needs a terminal', code)
    })
}
