import { createReadStream, createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { Command, Option } from '@commander-js/extra-typings'
import type { Locale } from '@papi/domain'
import { langOption } from '../command'
import { CommandError } from '../command-error'
import { apiUrl, progressBar } from './remote'

const HELP = {
  vi: {
    backup: 'sao lưu toàn bộ dữ liệu papi vào một tệp (.papi-backup)',
    restore: 'khôi phục dữ liệu papi từ một tệp sao lưu (THAY toàn bộ dữ liệu hiện có)',
    file: 'tệp sao lưu',
    url: 'qua API đang chạy (quyền sao lưu của PAPI_TOKEN) thay vì mở cơ sở dữ liệu (PAPI_DATA_DIR / DATABASE_URL)',
    backedUp: (rows: number, file: string) => `đã sao lưu ${rows} dòng vào ${file}`,
    restored: (rows: number) => `đã khôi phục ${rows} dòng; mọi phiên đăng nhập đã kết thúc`,
    noToken: 'cần PAPI_TOKEN (phiên của một quản trị viên) khi dùng --url',
    cannot: (reason: string) => `không thực hiện được: ${reason}`,
  },
  en: {
    backup: 'back up all papi data to a file (.papi-backup)',
    restore: 'restore papi data from a backup file (REPLACES all current data)',
    file: 'the backup file',
    url: 'through a running API (with PAPI_TOKEN’s backup right) instead of opening the database (PAPI_DATA_DIR / DATABASE_URL)',
    backedUp: (rows: number, file: string) => `${rows} rows backed up to ${file}`,
    restored: (rows: number) => `${rows} rows restored; every session has ended`,
    noToken: 'PAPI_TOKEN (an admin session) is needed with --url',
    cannot: (reason: string) => `could not do it: ${reason}`,
  },
} as const

function bearerFetch(locale: Locale): typeof fetch {
  const token = process.env.PAPI_TOKEN?.trim()
  if (!token) throw new CommandError(HELP[locale].noToken, 2)
  return (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('authorization', `Bearer ${token}`)
    headers.set('accept-language', locale)
    return fetch(input, { ...init, headers })
  }
}

async function withStore<T>(work: (store: Awaited<ReturnType<typeof import('@papi/store').openStore>>) => Promise<T>): Promise<T> {
  const { openStore, storeOptionsFromEnv } = await import('@papi/store')
  const store = await openStore(storeOptionsFromEnv(process.env))
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}

const failure = (locale: Locale, error: unknown) =>
  new CommandError(HELP[locale].cannot(error instanceof Error ? error.message : String(error)), 1)

/** `papi backup <file> [--url URL]`: the database (or the API's) into a papi backup file. */
export function backupCommand(locale: Locale) {
  const h = HELP[locale]
  return new Command('backup')
    .summary(h.backup)
    .description(h.backup)
    .argument('<file>', h.file)
    .addOption(new Option('--url [url]', h.url))
    .addOption(langOption(locale))
    .action(async (file, options) => {
      const lang = options.lang === 'en' ? 'en' : locale
      const bar = (ratio: number | undefined) => process.stderr.write(progressBar(ratio, 'backup'))
      try {
        let rows: number
        if (options.url !== undefined) {
          const { downloadBackup } = await import('@papi/tui')
          rows = (
            await downloadBackup(bearerFetch(lang), apiUrl(options.url === true ? undefined : options.url), file, (p) => bar(p.ratio))
          ).rows
        } else {
          rows = await withStore(async (store) => {
            const { gzippedLines } = await import('@papi/store')
            let count = 0
            const out = createWriteStream(file)
            gzippedLines(
              store.backup.lines(new Date(), (p) => {
                count = p.done
                bar(p.done / p.total)
              }),
            ).pipe(out)
            await finished(out)
            return count
          })
        }
        process.stderr.write('\n')
        process.stdout.write(`${HELP[lang].backedUp(rows, file)}\n`)
      } catch (error) {
        process.stderr.write('\n')
        throw error instanceof CommandError ? error : failure(lang, error)
      }
    })
}

/** `papi restore <file> [--url URL]`: replaces everything with a papi backup; refuses other files. */
export function restoreCommand(locale: Locale) {
  const h = HELP[locale]
  return new Command('restore')
    .summary(h.restore)
    .description(h.restore)
    .argument('<file>', h.file)
    .addOption(new Option('--url [url]', h.url))
    .addOption(langOption(locale))
    .action(async (file, options) => {
      const lang = options.lang === 'en' ? 'en' : locale
      const bar = (ratio: number | undefined) => process.stderr.write(progressBar(ratio, 'restore'))
      try {
        let rows: number
        if (options.url !== undefined) {
          const { uploadRestore } = await import('@papi/tui')
          rows = (await uploadRestore(bearerFetch(lang), apiUrl(options.url === true ? undefined : options.url), file, (p) => bar(p.ratio)))
            .rows
        } else {
          rows = await withStore(async (store) => {
            const { gunzippedLines } = await import('@papi/store')
            // Audited as the API's restore is (by the store, in the same transaction): the system as actor, via the command line.
            const by = { change: { actorId: null, at: new Date() }, via: 'cli' as const }
            const header = await store.backup.restore(gunzippedLines(createReadStream(file)), by, (p) => bar(p.done / p.total))
            return header.tables.reduce((s, t) => s + t.rows, 0)
          })
        }
        process.stderr.write('\n')
        process.stdout.write(`${HELP[lang].restored(rows)}\n`)
      } catch (error) {
        process.stderr.write('\n')
        throw error instanceof CommandError ? error : failure(lang, error)
      }
    })
}
