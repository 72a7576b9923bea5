import { readFile } from 'node:fs/promises'
import { readProvinceScoreTable, readRegisterTables, type ProvinceScoreRow, type Register } from '@papi/domain'
import { parse } from 'csv-parse/sync'

/**
 * The vendored public tables (see data/*\/README.md): Vietnam's administrative-unit register
 * before and after 1 July 2025, and every province's PAPI results for 2021, 2022 and 2024.
 * Reading them is this package's job; what they mean is `@papi/domain`'s
 * (`readRegisterTables`, `readProvinceScoreTable`).
 */

const dataFile = (path: string) => new URL(`../data/${path}`, import.meta.url)

/** The register tables' files, as vendored. */
export const REGISTER_FILES = {
  before: dataFile('vn-admin-units/communes-before-2025-07-01.csv'),
  conversion: dataFile('vn-admin-units/conversion-2025-07-01.csv'),
} as const

/** The PAPI results tables, one per year. */
export const PAPI_SCORE_FILES: Readonly<Record<number, URL>> = {
  2021: dataFile('papi-scores/papi-2021-63-provinces.csv'),
  2022: dataFile('papi-scores/papi-2022-63-provinces.csv'),
  2024: dataFile('papi-scores/papi-2024-63-provinces.csv'),
}

/**
 * Rows of cells, exactly as in the file: quoted line breaks kept inside their cell, ragged rows
 * allowed. With `comments`, `#` lines read as empty rows, so a row's index stays its line − 1.
 */
export function readCsvRows(text: string, options: { comments?: boolean } = {}): string[][] {
  const body = options.comments ? text.replace(/^#.*$/gmu, '') : text
  return parse(body, { bom: true, relax_column_count: true, skip_empty_lines: !options.comments }) as string[][]
}

let cached: Promise<Register> | undefined

/**
 * The national register: 63 + 34 provinces, 696 districts, ~10,050 + 3,321 communes, each
 * province's standard bodies and the old → new links. Read once per process.
 *
 * @example
 * const register = await readRegister()
 * register.units.filter((u) => u.level === 'province').length // 97
 */
export function readRegister(): Promise<Register> {
  cached ??= (async () => {
    const [before, conversion] = await Promise.all([readFile(REGISTER_FILES.before, 'utf8'), readFile(REGISTER_FILES.conversion, 'utf8')])
    return readRegisterTables(readCsvRows(before), readCsvRows(conversion))
  })()
  return cached
}

/** One year of the vendored PAPI province results. */
export interface PapiScoreTable {
  year: number
  /** `papi-2021`: PAPI's 2018+ framework as revised in 2021 (28 sub-dimensions). */
  frameworkId: string
  rows: ProvinceScoreRow[]
}

/** Every vendored PAPI results table, oldest first. Rows of provinces not assessed have no total. */
export async function readPapiScoreTables(): Promise<PapiScoreTable[]> {
  return Promise.all(
    Object.entries(PAPI_SCORE_FILES).map(async ([year, file]) => ({
      year: Number(year),
      frameworkId: 'papi-2021',
      rows: readProvinceScoreTable(readCsvRows(await readFile(file, 'utf8'), { comments: true })),
    })),
  )
}
