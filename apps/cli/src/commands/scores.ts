import { Command } from '@commander-js/extra-typings'
import type { Locale } from '@papi/domain'
import type { ProvinceScoreImport } from '@papi/store'
import type { PapiScoreTable } from '@papi/register'
import { langOf, langOption } from '../command'
import { CommandError } from '../command-error'

/** Where `papi scores` writes and what it reaches: the real process, or a test's stand-ins. */
export interface ScoresIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readTables: () => Promise<PapiScoreTable[]>
  openStore: () => Promise<ScoresStore>
}

/** What `papi scores import` needs of the store: a year's version, read first, and the import naming it. */
export interface ScoresStore {
  /** The version of a framework's year as stored now ('0': nothing stored). */
  tableVersion: (frameworkId: string, year: number) => Promise<string>
  /** Stores the table if the year is still at `version`; else a store `version-conflict`, nothing stored. */
  importTable: (table: PapiScoreTable, version: string) => Promise<ProvinceScoreImport>
  close: () => Promise<void>
}

const HELP = {
  vi: {
    summary: 'kết quả chỉ số: nạp kết quả PAPI của mọi tỉnh',
    import: `Nạp kết quả PAPI 2021, 2022, 2024 của 63 tỉnh (bảng công bố kèm theo papi): đối chiếu tỉnh theo mã hoặc tên,
xếp hạng và nhóm theo các tỉnh được xếp hạng năm đó; tỉnh không được đánh giá giữ là "không xếp hạng";
dòng không khớp tỉnh nào được liệt kê, không làm hỏng cả tệp.`,
    year: 'chỉ nạp năm này (2021, 2022 hoặc 2024)',
    json: 'in đúng một tài liệu JSON ra stdout',
  },
  en: {
    summary: "index results: load every province's PAPI results",
    import: `Loads the PAPI results of 2021, 2022 and 2024 for the 63 provinces (the published tables papi ships): provinces matched by
code or name, ranked and banded over the provinces ranked that year; provinces not assessed are kept as "not ranked";
rows matching no province are listed, and do not spoil the file.`,
    year: 'load this year only (2021, 2022 or 2024)',
    json: 'print exactly one JSON document on stdout',
  },
} as const

const MESSAGES = {
  vi: {
    noYear: (y: string, years: string) => `không có bảng kết quả năm ${y} (có: ${years})`,
    year: (r: ProvinceScoreImport) => `PAPI ${r.year}: ${r.saved} tỉnh xếp hạng trên ${r.rankedOf}`,
    notRanked: (names: string) => `; không xếp hạng: ${names}`,
    unmatched: (rows: string) => `; không khớp tỉnh nào: ${rows}`,
    changed: (year: number) =>
      `kết quả PAPI ${year} vừa bị thay đổi trong lúc nạp (có người nhập hoặc sửa điểm năm đó): không ghi gì của năm ${year}; hãy xem lại rồi chạy lại lệnh`,
  },
  en: {
    noYear: (y: string, years: string) => `no results table for ${y} (there are: ${years})`,
    year: (r: ProvinceScoreImport) => `PAPI ${r.year}: ${r.saved} provinces ranked out of ${r.rankedOf}`,
    notRanked: (names: string) => `; not ranked: ${names}`,
    unmatched: (rows: string) => `; matching no province: ${rows}`,
    changed: (year: number) =>
      `the PAPI ${year} results changed while loading (someone stored or corrected a score of that year): nothing of ${year} was written; check them, then run the command again`,
  },
} as const

/** `papi scores import [--year <year>]`, in the language of its help. */
export function scoresCommand(locale: Locale, io: ScoresIo = processScoresIo()) {
  const h = HELP[locale]
  const scores = new Command('scores').summary(h.summary)
  scores
    .command('import')
    .description(h.import)
    .option('--year <year>', h.year)
    .option('--json', h.json)
    .addOption(langOption(locale))
    .action((options) => importScores(options, io))
  return scores
}

async function importScores(options: { year?: string; json?: true; lang?: string }, io: ScoresIo): Promise<void> {
  const m = MESSAGES[langOf(options.lang)]
  const all = await io.readTables()
  const tables = options.year === undefined ? all : all.filter((t) => String(t.year) === options.year)
  if (tables.length === 0) throw new CommandError(m.noYear(options.year as string, all.map((t) => t.year).join(', ')), 2)
  const store = await io.openStore()
  try {
    const results: ProvinceScoreImport[] = []
    const summarise = () => {
      for (const r of results) {
        let line = m.year(r)
        if (r.notRanked.length) line += m.notRanked(r.notRanked.map((n) => n.province).join(', '))
        if (r.unmatched.length) line += m.unmatched(r.unmatched.map((u) => `${u.province} (${u.line})`).join(', '))
        io.stdout(`${line}\n`)
      }
    }
    for (const table of tables) {
      // The year as stored before the table is matched and ranked: a score typed meanwhile (by the
      // API's `POST /scores`) is not overwritten; the import of that year stops instead and says so.
      const version = await store.tableVersion(table.frameworkId, table.year)
      try {
        results.push(await store.importTable(table, version))
      } catch (error) {
        if ((error as { code?: unknown }).code !== 'version-conflict') throw error
        if (!options.json) summarise() // the years stored before it stay stored: say which
        throw new CommandError(m.changed(table.year), 1)
      }
    }
    if (options.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`)
    else summarise()
  } finally {
    await store.close()
  }
}

function processScoresIo(): ScoresIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readTables: async () => (await import('@papi/register')).readPapiScoreTables(),
    openStore: async () => {
      const { openStore, storeOptionsFromEnv } = await import('@papi/store')
      const store = await openStore(storeOptionsFromEnv(process.env))
      return {
        tableVersion: (frameworkId, year) => store.scores.tableVersion(frameworkId, year),
        importTable: (table, version) => store.scores.importProvinceTable({ ...table, version }, { actorId: null, at: new Date() }),
        close: () => store.close(),
      }
    },
  }
}
