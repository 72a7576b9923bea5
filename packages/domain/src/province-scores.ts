import type { IsoDate } from './iso-date'
import { areaProperName } from './register'
import { frameworkById } from './framework'
import {
  bandOfResult,
  compareYears,
  pointsNeeded,
  rankAll,
  type Band,
  type DimensionResult,
  type IndexResult,
  type NotRankedYear,
} from './score'
import { foldText } from './text'
import type { Unit } from './unit'
import { isActiveOn } from './unit-tree'

/**
 * Every province's published PAPI results for a year, as the open papi-dashboard project
 * transcribed the official provincial-indicator workbooks (one CSV a year): read, matched to the
 * province units, ranked by papi's own rules over the provinces ranked that year.
 */

/** One row of a province table: the province as written, its total (none when not assessed), its dimensions. */
export interface ProvinceScoreRow {
  /** 1-based line in the file. */
  line: number
  province: string
  /** An official province code, when the table has one. */
  code?: string
  year: number
  total?: number
  dimensions: DimensionResult[]
  note?: string
}

/** Column → PAPI 2018+ dimension key. */
const DIMENSION_COLUMNS: Readonly<Record<string, string>> = {
  d1_participation: 'participation',
  d2_transparency: 'transparency',
  d3_vertical_accountability: 'vertical-accountability',
  d4_control_of_corruption: 'corruption-control',
  d5_public_admin_procedures: 'administrative-procedures',
  d6_public_service_delivery: 'public-service-delivery',
  d7_environmental_governance: 'environmental-governance',
  d8_e_governance: 'e-governance',
}

/**
 * Figures as published: the source keeps float32 noise (41.14698791503906 for 41.1470); the
 * official reports print four decimals, so four decimals is the published figure.
 */
function published(text: string | undefined): number | undefined {
  const t = (text ?? '').trim()
  if (t === '') return undefined
  const n = Number(t)
  return Number.isFinite(n) ? Math.round(n * 10_000) / 10_000 : undefined
}

/**
 * Reads a province table (`province_vi, year, index, total, …, d1_participation … d8_e_governance,
 * note`; `#` lines are comments the caller's CSV reader may keep or drop). A province with no
 * total is kept with its note: it was not assessed that year and is not ranked.
 *
 * @example
 * readProvinceScoreTable(rows).find((r) => r.province === 'Bắc Giang')?.total // undefined (2022: not assessed)
 */
export function readProvinceScoreTable(rows: readonly (readonly string[])[]): ProvinceScoreRow[] {
  const headerAt = rows.findIndex((r) => (r[0] ?? '').trim() === 'province_vi' || (r[0] ?? '').trim() === 'province')
  if (headerAt < 0) return []
  const header = (rows[headerAt] as readonly string[]).map((h) => h.trim())
  const col = (name: string) => header.indexOf(name)
  const out: ProvinceScoreRow[] = []
  rows.slice(headerAt + 1).forEach((row, i) => {
    const province = (row[col(header[0] as string)] ?? '').trim()
    if (province === '' || province.startsWith('#')) return
    const year = Number((row[col('year')] ?? '').trim())
    const total = published(row[col('total')])
    const code = col('code') >= 0 ? (row[col('code')] ?? '').trim() : ''
    const note = col('note') >= 0 ? (row[col('note')] ?? '').trim() : ''
    const dimensions = Object.entries(DIMENSION_COLUMNS).flatMap(([column, key]) => {
      const score = col(column) >= 0 ? published(row[col(column)]) : undefined
      return score === undefined ? [] : [{ key, score }]
    })
    out.push({
      line: headerAt + i + 2,
      province,
      ...(code !== '' && { code }),
      year,
      ...(total !== undefined && { total }),
      dimensions,
      ...(note !== '' && { note }),
    })
  })
  return out
}

/** The key a province name is compared by: folded, without "UBND", "tỉnh", "thành phố", "TP.". */
export function provinceNameKey(name: string): string {
  const folded = foldText(areaProperName(name.replace(/^\s*(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, '')))
  return folded.replace(/^(tp|tinh|thanh pho)\s+/u, '').trim()
}

/**
 * Names a province had before the register's (04/01/2025): Thừa Thiên Huế became the
 * centrally-run city of Huế on 1 January 2025 (Resolution 1314/NQ-UBTVQH15) under the same
 * code, and results tables of earlier years still say "Thừa Thiên Huế".
 */
export const FORMER_PROVINCE_NAMES: Readonly<Record<string, readonly string[]>> = {
  '46': ['Thừa Thiên Huế'],
}

/** A row matched to its province unit, or left unmatched with why. */
export interface ProvinceMatch<T extends ProvinceScoreRow> {
  matched: { row: T; unit: Unit }[]
  unmatched: { row: T; reason: 'unknown-province' | 'ambiguous' }[]
}

/**
 * Matches each row to the province-level People's Committee in force on `on` by official code
 * when the row has one, else by folded name ("Hồ Chí Minh" = "UBND thành phố Hồ Chí Minh",
 * "Bà Rịa - Vũng Tàu" = "UBND tỉnh Bà Rịa - Vũng Tàu"). Rows that match none, or several, are
 * listed — never dropped, never guessed.
 *
 * @example
 * matchProvinces(rows, units, '2022-12-31').unmatched.map((u) => u.row.province) // provinces papi has no unit for
 */
export function matchProvinces<T extends ProvinceScoreRow>(rows: readonly T[], units: readonly Unit[], on: IsoDate): ProvinceMatch<T> {
  const provinces = units.filter((u) => u.level === 'province' && u.kind === 'people-committee' && isActiveOn(u, on))
  const byName = new Map<string, Unit[]>()
  for (const unit of provinces) {
    const former = unit.officialCode !== undefined && unit.validTo !== undefined ? (FORMER_PROVINCE_NAMES[unit.officialCode] ?? []) : []
    for (const key of new Set([provinceNameKey(unit.name), ...former.map(provinceNameKey)])) {
      byName.set(key, [...(byName.get(key) ?? []), unit])
    }
  }
  const result: ProvinceMatch<T> = { matched: [], unmatched: [] }
  for (const row of rows) {
    const candidates =
      row.code !== undefined
        ? provinces.filter((u) => u.officialCode === row.code || u.code === row.code)
        : (byName.get(provinceNameKey(row.province)) ?? [])
    if (candidates.length === 1) result.matched.push({ row, unit: candidates[0] as Unit })
    else result.unmatched.push({ row, reason: candidates.length === 0 ? 'unknown-province' : 'ambiguous' })
  }
  return result
}

/**
 * The year's results of the matched rows, ranked by papi's rules ({@link rankAll}) over every
 * province ranked that year in the table — 61 in 2022, not 63, and 61 still when papi knows only
 * two of them (a province-only server ranks its province among all, not among what it holds) —
 * with rank, `rankOf` and quartile band. Rows without a total (not assessed) are returned apart,
 * as not ranked, each with the {@link NotRankedYear} to keep (its note and the dimensions given).
 *
 * @example
 * const { ranked, notRanked } = rankProvinceRows(matchProvinces(rows, units, '2022-12-31'), 'papi-2021')
 * ranked[0]?.rankOf // 61 in 2022
 */
export function rankProvinceRows<T extends ProvinceScoreRow>(
  match: ProvinceMatch<T>,
  frameworkId: string,
): { ranked: IndexResult[]; notRanked: { row: T; unit: Unit; year: NotRankedYear }[] } {
  const unitOf = new Map(match.matched.map((m) => [m.row, m.unit]))
  const rows = [...match.matched.map((m) => m.row), ...match.unmatched.map((u) => u.row)].filter((r) => r.total !== undefined)
  const results: IndexResult[] = rows.map((row) => ({
    unitId: unitOf.get(row)?.id ?? `unmatched:${row.line}`,
    frameworkId,
    year: row.year,
    total: row.total as number,
    dimensions: row.dimensions,
  }))
  const matchedIds = new Set(match.matched.map((m) => m.unit.id))
  return {
    ranked: rankAll(results).filter((r) => matchedIds.has(r.unitId)),
    notRanked: match.matched
      .filter((m) => m.row.total === undefined)
      .map((m) => ({
        ...m,
        year: {
          unitId: m.unit.id,
          frameworkId,
          year: m.row.year,
          dimensions: m.row.dimensions,
          ...(m.row.note !== undefined && { note: m.row.note }),
        },
      })),
  }
}

/** A published result with what a reader asks of it next, computed by the domain's rules. */
export interface ScoreFigures {
  /** Performance group: as published, else from rank among those ranked ({@link bandOfResult}). */
  band?: Band
  /** The unit's previous published year of the same index, the change is against. */
  previousYear?: number
  /** Total minus that year's total, at the published precision. */
  scoreChange?: number
  /** Places moved since then; positive = up. */
  rankChange?: number
  /** Points to add to reach `targetRank` that year ({@link pointsNeeded}); 0 when already there. */
  pointsToRank?: number
}

/**
 * Band, change against the unit's previous published year (same index; a year with no survey
 * in between is skipped, not invented) and points to a target rank, for one result among all
 * the stored ones.
 *
 * @example
 * scoreFigures(hue2022, allResults, { targetRank: 3 }) // { band: 'highest', previousYear: 2021, scoreChange: …, rankChange: …, pointsToRank: … }
 */
export function scoreFigures(result: IndexResult, all: readonly IndexResult[], options: { targetRank?: number } = {}): ScoreFigures {
  const index = frameworkById(result.frameworkId)?.index
  const previous = all
    .filter((r) => r.unitId === result.unitId && r.year < result.year && frameworkById(r.frameworkId)?.index === index)
    .sort((a, b) => b.year - a.year)[0]
  const change = previous ? compareYears(result, previous) : undefined
  const band = bandOfResult(result)
  const sameYear = all.filter((r) => r.frameworkId === result.frameworkId && r.year === result.year)
  const points = options.targetRank === undefined ? undefined : pointsNeeded(result.unitId, options.targetRank, sameYear)
  return {
    ...(band !== undefined && { band }),
    ...(change && { previousYear: change.previousYear, scoreChange: change.totalChange }),
    ...(change?.rankChange !== undefined && { rankChange: change.rankChange }),
    ...(points !== undefined && { pointsToRank: points }),
  }
}
