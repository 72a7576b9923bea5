import { z } from 'zod'
import { frameworkById, type Framework } from './framework'
import type { Label } from './label'

// --- schemas

/**
 * The four performance groups of the PAPI reports (CECODES/UNDP): "nhóm đạt điểm cao nhất",
 * "trung bình cao", "trung bình thấp", "thấp nhất" — quartiles of the ranking.
 */
export const BandSchema = z.enum(['highest', 'high-average', 'low-average', 'lowest'])
export type Band = z.infer<typeof BandSchema>

export const BAND_LABELS: Readonly<Record<Band, Label>> = {
  highest: { vi: 'Cao nhất', en: 'Highest' },
  'high-average': { vi: 'Trung bình cao', en: 'High average' },
  'low-average': { vi: 'Trung bình thấp', en: 'Low average' },
  lowest: { vi: 'Thấp nhất', en: 'Lowest' },
}

const RankSchema = z.number().int().positive()

/**
 * One dimension of a published result. `score` may be missing: plans often quote an area's rank
 * alone (Lào Cai 165/KH-UBND: legal documents 52/63, apparatus 49/63, direction 48/63).
 */
export const DimensionResultSchema = z.object({
  key: z.string().min(1),
  score: z.number().finite().optional(),
  rank: RankSchema.optional(),
})
export type DimensionResult = z.infer<typeof DimensionResultSchema>

/**
 * A unit's result for a framework and year, kept exactly as published: the total is never
 * recomputed from the dimensions (Kiên Giang PAPI 2017: 35.71 while its rounded dimensions add up
 * to 35.73).
 */
export const IndexResultSchema = z.object({
  unitId: z.string().min(1),
  frameworkId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  total: z.number().finite(),
  rank: RankSchema.optional(),
  /** How many units were ranked (63 provinces until 2024). */
  rankOf: RankSchema.optional(),
  dimensions: z.array(DimensionResultSchema).default([]),
  /** PAR INDEX: the Ministry's appraisal points ("điểm thẩm định"), as published. */
  appraisalScore: z.number().finite().optional(),
  /** PAR INDEX: sociological survey / impact points, as published. */
  surveyScore: z.number().finite().optional(),
  band: BandSchema.optional(),
})
export type IndexResult = z.infer<typeof IndexResultSchema>

/**
 * A year a unit was not ranked in: listed in the published table but not assessed (no total),
 * e.g. Bắc Giang and Bắc Ninh in PAPI 2022. Kept as its own kind, never as an
 * {@link IndexResult} without a total, so every rank, band and change is computed over the units
 * ranked that year and nothing reads a missing total as a figure. Dimensions the table still
 * gives (Bắc Giang 2022: four of eight) are kept as published.
 */
export const NotRankedYearSchema = z.object({
  unitId: z.string().min(1),
  frameworkId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  dimensions: z.array(DimensionResultSchema).default([]),
  /** Why, as the table says ("not assessed"). */
  note: z.string().max(500).optional(),
})
export type NotRankedYear = z.infer<typeof NotRankedYearSchema>

// --- validateResult

export const ResultIssueCodeSchema = z.enum([
  'framework-mismatch', // the result names another framework
  'year-outside-framework', // the year is outside the framework's validity
  'unknown-dimension', // a dimension key the framework does not have
  'duplicate-dimension', // the same key twice
  'missing-dimension', // a framework dimension the result does not give
  'score-negative', // a dimension, appraisal or survey score below zero
  'total-negative', // indices score from zero up: a total below zero is a typing mistake
  'score-over-max', // above the dimension's max (a warning when that max is provisional)
  'total-over-max',
  'rank-out-of-range', // rank < 1 or above rankOf
  'total-mismatch', // dimensions disagree with the total by more than rounding explains
  'split-mismatch', // appraisal + survey ≠ total beyond rounding (PAR INDEX)
])
export type ResultIssueCode = z.infer<typeof ResultIssueCodeSchema>

export const IssueSeveritySchema = z.enum(['error', 'warning'])
export type IssueSeverity = z.infer<typeof IssueSeveritySchema>

/** A finding about a result; apps turn the code into a message. `path` points into the result. */
export type ResultIssue = {
  code: ResultIssueCode
  severity: IssueSeverity
  path: (string | number)[]
  dimensionKey?: string
  value?: number
  limit?: number
}

/**
 * Checks a result against its framework and lists what is wrong, as values: errors the importer
 * must reject, warnings it may accept. An empty list means the result fits the framework.
 *
 * The total is never recomputed; it is only compared with the dimensions, allowing for the
 * rounding of published figures (each figure off by at most half its last digit).
 *
 * @example
 * validateResult(
 *   { unitId: 'kien-giang', frameworkId: 'papi-2009', year: 2017, total: 35.71, dimensions: [] },
 *   frameworkById('papi-2009')!,
 * ).map((i) => i.code) // six × 'missing-dimension'
 */
export function validateResult(result: IndexResult, framework: Framework): ResultIssue[] {
  const issues: ResultIssue[] = []
  const error = (issue: Omit<ResultIssue, 'severity'>) => issues.push({ severity: 'error', ...issue })
  const warning = (issue: Omit<ResultIssue, 'severity'>) => issues.push({ severity: 'warning', ...issue })

  if (result.frameworkId !== framework.id) error({ code: 'framework-mismatch', path: ['frameworkId'] })
  if (result.year < framework.validFrom || (framework.validTo !== undefined && result.year > framework.validTo)) {
    error({ code: 'year-outside-framework', path: ['year'], value: result.year })
  }
  if (result.total < 0) error({ code: 'total-negative', path: ['total'], value: result.total })
  if (result.total > framework.maxTotal) {
    error({ code: 'total-over-max', path: ['total'], value: result.total, limit: framework.maxTotal })
  }
  for (const part of ['appraisalScore', 'surveyScore'] as const) {
    const value = result[part]
    if (value !== undefined && value < 0) error({ code: 'score-negative', path: [part], value })
  }
  checkRank(result.rank, result.rankOf, ['rank'], undefined, error)

  const byKey = new Map(framework.dimensions.map((d) => [d.key, d]))
  const seen = new Set<string>()
  result.dimensions.forEach((r, i) => {
    const dimension = byKey.get(r.key)
    if (seen.has(r.key)) error({ code: 'duplicate-dimension', path: ['dimensions', i, 'key'], dimensionKey: r.key })
    seen.add(r.key)
    if (!dimension) {
      error({ code: 'unknown-dimension', path: ['dimensions', i, 'key'], dimensionKey: r.key })
      return
    }
    if (r.score !== undefined && r.score < 0) {
      error({ code: 'score-negative', path: ['dimensions', i, 'score'], dimensionKey: r.key, value: r.score })
    }
    if (r.score !== undefined && r.score > dimension.max) {
      const issue: Omit<ResultIssue, 'severity'> = {
        code: 'score-over-max',
        path: ['dimensions', i, 'score'],
        dimensionKey: r.key,
        value: r.score,
        limit: dimension.max,
      }
      if (dimension.provisional) warning(issue)
      else error(issue)
    }
    checkRank(r.rank, result.rankOf, ['dimensions', i, 'rank'], r.key, error)
  })
  for (const d of framework.dimensions) {
    if (!seen.has(d.key)) warning({ code: 'missing-dimension', path: ['dimensions'], dimensionKey: d.key })
  }

  const scores = framework.dimensions.map((d) => result.dimensions.find((r) => r.key === d.key)?.score)
  if (scores.every((s): s is number => s !== undefined)) {
    const combined = framework.aggregation === 'sum' ? sum(scores) : sum(scores) / scores.length
    // n rounded dimensions can drift by n half-units, plus the total's own half-unit.
    const drift = framework.aggregation === 'sum' ? scores.length : 1
    const tolerance = (drift + 1) * halfUnit([...scores, result.total])
    if (Math.abs(combined - result.total) > tolerance + 1e-9) {
      warning({ code: 'total-mismatch', path: ['total'], value: result.total, limit: round(combined, 6) })
    }
  }

  if (result.appraisalScore !== undefined && result.surveyScore !== undefined) {
    const parts = result.appraisalScore + result.surveyScore
    const tolerance = 3 * halfUnit([result.appraisalScore, result.surveyScore, result.total])
    if (Math.abs(parts - result.total) > tolerance + 1e-9) {
      warning({ code: 'split-mismatch', path: ['total'], value: result.total, limit: round(parts, 6) })
    }
  }
  return issues
}

function checkRank(
  rank: number | undefined,
  rankOf: number | undefined,
  path: (string | number)[],
  dimensionKey: string | undefined,
  error: (issue: Omit<ResultIssue, 'severity'>) => void,
): void {
  if (rank === undefined || (rank >= 1 && (rankOf === undefined || rank <= rankOf))) return
  error({ code: 'rank-out-of-range', path, value: rank, limit: rankOf, ...(dimensionKey ? { dimensionKey } : {}) })
}

// --- compareYears

export type DimensionChange = {
  key: string
  score?: number
  previousScore?: number
  /** Current minus previous score. */
  scoreChange?: number
  rank?: number
  previousRank?: number
  /** Places moved: positive = moved up (previous rank − current rank). */
  rankChange?: number
}

export type YearComparison = {
  year: number
  previousYear: number
  /** The two results were scored under different framework versions; read changes with care. */
  frameworkChanged: boolean
  totalChange: number
  /** Places moved: positive = moved up. Undefined unless both ranks are known. */
  rankChange?: number
  /** One entry per dimension of the current result, in its order. */
  dimensions: DimensionChange[]
}

/**
 * How a result moved against an earlier one: total change, places moved (positive = up) and the
 * same per dimension. Differences are rounded to the precision of the published figures so
 * 35.71 − 33.20 reads 2.51, not 2.5100000000000016.
 *
 * @example
 * const change = compareYears(laoCai2019, laoCai2018) // 82.85 (15th) vs 78.47 (21st)
 * change.totalChange // 4.38
 * change.rankChange // 6
 */
export function compareYears(current: IndexResult, previous: IndexResult): YearComparison {
  const before = new Map(previous.dimensions.map((d) => [d.key, d]))
  return {
    year: current.year,
    previousYear: previous.year,
    frameworkChanged: current.frameworkId !== previous.frameworkId,
    totalChange: difference(current.total, previous.total),
    ...placesMoved(current.rank, previous.rank),
    dimensions: current.dimensions.map((d) => {
      const p = before.get(d.key)
      return {
        key: d.key,
        ...(d.score !== undefined ? { score: d.score } : {}),
        ...(p?.score !== undefined ? { previousScore: p.score } : {}),
        ...(d.score !== undefined && p?.score !== undefined ? { scoreChange: difference(d.score, p.score) } : {}),
        ...(d.rank !== undefined ? { rank: d.rank } : {}),
        ...(p?.rank !== undefined ? { previousRank: p.rank } : {}),
        ...placesMoved(d.rank, p?.rank),
      }
    }),
  }
}

function placesMoved(rank: number | undefined, previousRank: number | undefined): { rankChange?: number } {
  return rank !== undefined && previousRank !== undefined ? { rankChange: previousRank - rank } : {}
}

// --- rankAll

/**
 * Ranks one framework-year's results by total, highest first, and each dimension by score.
 * Ties share a rank and the next rank is skipped (competition ranking: 1, 2, 2, 4). Sets `rank`,
 * `rankOf` (the number of results) and `band`; a dimension without a score gets no rank.
 * Results come back in the order given. Mixing frameworks or years is a bug and throws.
 *
 * @example
 * // totals 46.04, 44.10, 44.10, 43.00
 * rankAll(results).map((r) => r.rank) // [1, 2, 2, 4]
 */
export function rankAll(results: readonly IndexResult[]): IndexResult[] {
  const first = results[0]
  if (!first) return []
  if (results.some((r) => r.frameworkId !== first.frameworkId || r.year !== first.year)) {
    throw new RangeError('rankAll ranks the results of one framework and one year')
  }
  const count = results.length
  const totalRanks = competitionRanks(results.map((r) => r.total))
  const keys = [...new Set(results.flatMap((r) => r.dimensions.map((d) => d.key)))]
  const dimensionRanks = new Map(
    keys.map((key) => [key, competitionRanks(results.map((r) => r.dimensions.find((d) => d.key === key)?.score))]),
  )
  return results.map((r, i) => {
    const rank = totalRanks[i] ?? count
    return {
      ...r,
      rank,
      rankOf: count,
      band: bandOf(rank, count),
      dimensions: r.dimensions.map((d) => {
        const dimensionRank = dimensionRanks.get(d.key)?.[i]
        const unranked: DimensionResult = { key: d.key, ...(d.score !== undefined ? { score: d.score } : {}) }
        return dimensionRank === undefined ? unranked : { ...unranked, rank: dimensionRank }
      }),
    }
  })
}

/** Rank of each value (undefined stays unranked): 1 + how many values are strictly greater. */
function competitionRanks(values: readonly (number | undefined)[]): (number | undefined)[] {
  const present = values.filter((v): v is number => v !== undefined)
  return values.map((v) => (v === undefined ? undefined : 1 + present.filter((o) => o > v).length))
}

// --- bandOf

/** Order in which groups take the units left over when N is not a multiple of four. */
const REMAINDER_ORDER: readonly Band[] = ['highest', 'lowest', 'high-average', 'low-average']
const BANDS_TOP_DOWN: readonly Band[] = ['highest', 'high-average', 'low-average', 'lowest']

/**
 * The sizes of the four groups for N ranked units. Each group gets ⌊N/4⌋; the N mod 4 units left
 * over go one each to highest, then lowest, then high-average. For the 63 provinces this is the
 * PAPI reports' 16/16/15/16; for 34 provinces 9/8/8/9. Groups never differ by more than one.
 *
 * @example
 * bandSizes(63) // { highest: 16, 'high-average': 16, 'low-average': 15, lowest: 16 }
 */
export function bandSizes(count: number): Record<Band, number> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`)
  const base = Math.floor(count / 4)
  const extra = new Set(REMAINDER_ORDER.slice(0, count % 4))
  return {
    highest: base + (extra.has('highest') ? 1 : 0),
    'high-average': base + (extra.has('high-average') ? 1 : 0),
    'low-average': base + (extra.has('low-average') ? 1 : 0),
    lowest: base + (extra.has('lowest') ? 1 : 0),
  }
}

/**
 * The performance group of a rank among `count` units (see {@link bandSizes}): with 63 provinces,
 * ranks 1–16 highest, 17–32 high-average, 33–47 low-average, 48–63 lowest. A tied rank belongs
 * to the group its number falls in. A rank outside 1..count is a bug and throws.
 *
 * @example
 * bandOf(45, 63) // 'low-average' — Kiên Giang PAPI 2017, "nhóm đạt điểm trung bình thấp"
 */
export function bandOf(rank: number, count: number): Band {
  const sizes = bandSizes(count)
  if (!Number.isInteger(rank) || rank < 1 || rank > count) {
    throw new RangeError(`rank must be an integer from 1 to ${count}, got ${rank}`)
  }
  let last = 0
  for (const band of BANDS_TOP_DOWN) {
    last += sizes[band]
    if (rank <= last) return band
  }
  return 'lowest'
}

// --- weakestDimensions

/**
 * The n dimensions most in need of work: worst rank first, then (for equal or unknown ranks) the
 * lowest share of the dimension's max — `framework` supplies the maxes; without it the raw score
 * is used, which orders the same when all maxes are equal (PAPI). Ranked dimensions come before
 * unranked ones; remaining ties keep the result's order.
 *
 * @example
 * weakestDimensions(kienGiang2017, 2).map((d) => d.key)
 * // ['vertical-accountability' (58/63), 'transparency' (54/63)]
 */
export function weakestDimensions(result: IndexResult, n: number, framework?: Framework): DimensionResult[] {
  const maxOf = new Map(framework?.dimensions.map((d) => [d.key, d.max]) ?? [])
  const share = (d: DimensionResult) => (d.score === undefined ? Number.POSITIVE_INFINITY : d.score / (maxOf.get(d.key) ?? 1))
  return result.dimensions
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (b.d.rank ?? 0) - (a.d.rank ?? 0) || share(a.d) - share(b.d) || a.i - b.i)
    .slice(0, Math.max(0, n))
    .map(({ d }) => d)
}

// --- pointsToRank

/**
 * Points a unit must add to its total to reach `targetRank` in that year's results, other units
 * held where they are; 0 when it already ranks there or better. Reaching rank N means equalling
 * the N-th best of the other units: under competition ranking a tie shares that unit's rank, so
 * equalling is enough — but published scores are rounded, so treat the answer as a floor and aim
 * above it. Undefined when the unit is not among the results.
 *
 * @example
 * pointsToRank('kien-giang', 32, papi2017) // points to leave the low-average group
 */
export function pointsToRank(unitId: string, targetRank: number, results: readonly IndexResult[]): number | undefined {
  if (!Number.isInteger(targetRank) || targetRank < 1) {
    throw new RangeError(`targetRank must be a positive integer, got ${targetRank}`)
  }
  const own = results.find((r) => r.unitId === unitId)
  if (!own) return undefined
  const others = results
    .filter((r) => r.unitId !== unitId)
    .map((r) => r.total)
    .sort((a, b) => b - a)
  const bar = others[targetRank - 1]
  if (bar === undefined || own.total >= bar) return 0
  return difference(bar, own.total)
}

/**
 * Points a unit must add to reach a plan's target rank ({@link pointsToRank}), where the year's
 * results can tell. When they hold no more units than the target rank (only the unit's own result
 * was entered, say), nobody marks the bar: the unit's published rank then says 0 once it is there,
 * and nothing can be said otherwise. Undefined without a target.
 *
 * @example
 * pointsNeeded('kien-giang', 44, [kienGiang2017]) // undefined: ranked 45th, the 44th is not known
 * pointsNeeded('kien-giang', 50, [kienGiang2017]) // 0: 45th is within the top 50
 */
export function pointsNeeded(unitId: string, targetRank: number | undefined, results: readonly IndexResult[]): number | undefined {
  if (targetRank === undefined) return undefined
  const own = results.find((r) => r.unitId === unitId)
  if (own !== undefined && results.length <= targetRank) {
    return own.rank !== undefined && own.rank <= targetRank ? 0 : undefined
  }
  return pointsToRank(unitId, targetRank, results)
}

// --- resultHistory

/**
 * A result's performance group: the band as published, else the one its rank falls in among
 * `rankOf` ({@link bandOf}); undefined when the rank or the count is not known (or out of range).
 *
 * @example
 * bandOfResult({ unitId: 'kien-giang', frameworkId: 'papi-2009', year: 2017, total: 35.71, rank: 45, rankOf: 63, dimensions: [] }) // 'low-average'
 */
export function bandOfResult(result: Pick<IndexResult, 'band' | 'rank' | 'rankOf'>): Band | undefined {
  if (result.band !== undefined) return result.band
  const { rank, rankOf } = result
  return rank !== undefined && rankOf !== undefined && rank <= rankOf ? bandOf(rank, rankOf) : undefined
}

/** One year of a unit's results for an index, with its changes against the year before. */
export interface ResultYear {
  year: number
  frameworkId: string
  total: number
  /** The framework's maximum total (60 or 80 for PAPI, 100 for PAR INDEX). */
  maxTotal?: number
  rank?: number
  rankOf?: number
  band?: Band
  /** Places moved since the year before; positive = up. */
  rankChange?: number
  /** Total minus the year before's total. */
  scoreChange?: number
  /** The year before was scored under another framework version. */
  frameworkChanged?: boolean
}

/**
 * A unit's results for one index, oldest first, each compared with the year just before
 * ({@link compareYears}; a gap year compares with nothing) and placed in its band
 * ({@link bandOfResult}).
 *
 * @example
 * resultHistory([kienGiang2017, kienGiang2016])[1]
 * // { year: 2017, total: 35.71, maxTotal: 60, rank: 45, rankOf: 63, band: 'low-average', scoreChange: 2.51, rankChange: 16, frameworkChanged: false, … }
 */
export function resultHistory(results: readonly IndexResult[]): ResultYear[] {
  const sorted = [...results].sort((a, b) => a.year - b.year)
  return sorted.map((r, i) => {
    const previous = sorted[i - 1]
    const change = previous !== undefined && previous.year === r.year - 1 ? compareYears(r, previous) : undefined
    const band = bandOfResult(r)
    const maxTotal = frameworkById(r.frameworkId)?.maxTotal
    return {
      year: r.year,
      frameworkId: r.frameworkId,
      total: r.total,
      ...(maxTotal === undefined ? {} : { maxTotal }),
      ...(r.rank === undefined ? {} : { rank: r.rank }),
      ...(r.rankOf === undefined ? {} : { rankOf: r.rankOf }),
      ...(band === undefined ? {} : { band }),
      ...(change === undefined
        ? {}
        : {
            scoreChange: change.totalChange,
            frameworkChanged: change.frameworkChanged,
            ...(change.rankChange === undefined ? {} : { rankChange: change.rankChange }),
          }),
    }
  })
}

// --- internal arithmetic

function sum(values: readonly number[]): number {
  return values.reduce((a, v) => a + v, 0)
}

/** Decimal places a published figure was written with (46.0415 → 4). */
function decimalsOf(value: number): number {
  const text = String(value)
  if (text.includes('e')) return 10
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

/**
 * Half a unit of the last digit the figures were published with: how far rounding can have moved
 * each. A table is published at one precision, but a number loses its trailing zeros ("5,20" is
 * 5.2), so the most decimals any figure shows is taken as the table's precision.
 */
function halfUnit(values: readonly number[]): number {
  const decimals = Math.max(...values.map(decimalsOf))
  return 0.5 * 10 ** -decimals
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(value * factor) / factor
}

/** a − b at the precision of the finer of the two figures. */
function difference(a: number, b: number): number {
  return round(a - b, Math.max(decimalsOf(a), decimalsOf(b)))
}

/** A year in a unit's history on one index: a result, or a year it was listed but not ranked in. */
export type HistoryYear = ResultYear | { year: number; frameworkId: string; notRanked: true; note?: string }

/**
 * A unit's years on one index, oldest first: its results as {@link resultHistory} gives them and
 * the years it was not ranked in, marked `notRanked` (shown as such, never as a gap or a zero).
 * A result and a not-ranked row of the same year cannot both be stored; if given, the result wins.
 *
 * @example
 * indexYears([bacGiang2021], [bacGiang2022NotRanked]).map((y) => y.year) // [2021, 2022], the second { notRanked: true, … }
 */
export function indexYears(results: readonly IndexResult[], notRanked: readonly NotRankedYear[]): HistoryYear[] {
  const history: HistoryYear[] = resultHistory(results)
  const ranked = new Set(history.map((h) => h.year))
  for (const n of notRanked) {
    if (ranked.has(n.year)) continue
    history.push({ year: n.year, frameworkId: n.frameworkId, notRanked: true, ...(n.note !== undefined && { note: n.note }) })
  }
  return history.sort((a, b) => a.year - b.year)
}
