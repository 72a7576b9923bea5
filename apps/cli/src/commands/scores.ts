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
  openStore: () => Promise<{ importTable: (table: PapiScoreTable) => Promise<ProvinceScoreImport>; close: () => Promise<void> }>
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
  },
  en: {
    noYear: (y: string, years: string) => `no results table for ${y} (there are: ${years})`,
    year: (r: ProvinceScoreImport) => `PAPI ${r.year}: ${r.saved} provinces ranked out of ${r.rankedOf}`,
    notRanked: (names: string) => `; not ranked: ${names}`,
    unmatched: (rows: string) => `; matching no province: ${rows}`,
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
    for (const table of tables) results.push(await store.importTable(table))
    if (options.json) {
      io.stdout(`${JSON.stringify(results, null, 2)}\n`)
      return
    }
    for (const r of results) {
      let line = m.year(r)
      if (r.notRanked.length) line += m.notRanked(r.notRanked.map((n) => n.province).join(', '))
      if (r.unmatched.length) line += m.unmatched(r.unmatched.map((u) => `${u.province} (${u.line})`).join(', '))
      io.stdout(`${line}\n`)
    }
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
        importTable: (table) => store.scores.importProvinceTable(table, { actorId: null, at: new Date() }),
        close: () => store.close(),
      }
    },
  }
}
