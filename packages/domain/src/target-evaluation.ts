import { requirePeriod } from './period'
import { isFiled } from './completeness'
import type { KpiValue, Report } from './report'
import type { IndexResult } from './score'
import type { Target, TargetState } from './target'

/** What was measured for a target: a value, a rank, and the baseline a change is measured from. */
export interface TargetObservation {
  value?: number
  rank?: number
  /** Value in the baseline year; overrides `target.baselineValue` when both are known. */
  baselineValue?: number
}

export interface EvaluateTargetOptions {
  /** Slack allowed in every comparison; {@link TARGET_TOLERANCE} unless given. */
  tolerance?: number
}

/**
 * Half a unit in the fourth decimal place: the finest precision any index publishes (PAPI 2023,
 * Thừa Thiên Huế 46,0415). Two numbers that print the same at four decimals compare equal, and
 * binary rounding (1.1 − 1 = 0.10000000000000009) never flips a result.
 */
export const TARGET_TOLERANCE = 0.00005

/**
 * Whether an observation meets a target.
 *
 * - `gte` / `lte` / `eq`: the value against `target.value`, within the tolerance.
 * - `between`: `target.value` ≤ value ≤ `target.valueMax`, both ends inclusive
 *   ("từ 95% - 100%").
 * - `rank-lte`: rank ≤ `target.value` ("xếp trong tốp 10"); a KPI report carries a single
 *   number, so `value` stands in for a missing `rank`.
 * - `change-vs-baseline`: the change from the baseline reaches `target.value`. Negative asks for a
 *   fall of at least that much (−10: "giảm … so với năm 2015 đạt từ 10% trở lên"), zero or
 *   positive for a rise of at least that much. For a `percent` target the change is relative,
 *   in percent of the baseline; for other units it is absolute, in the target's unit
 *   ("tăng thêm từ 02 đơn vị trở lên so năm trước" is +2 `count`).
 *
 * `unknown` when a number it needs is missing or not finite, when a `between` target has no
 * `valueMax`, or when a relative change has a zero baseline.
 *
 * @example
 * // Lào Cai 165/KH-UBND: "đạt tổng số điểm từ 90 trở lên"; 2019 result 82,85
 * evaluateTarget({ metric: 'par-index-total', comparator: 'gte', value: 90, unit: 'points' }, { value: 82.85 })
 * // 'not-met'
 */
export function evaluateTarget(target: Target, observation: TargetObservation, options: EvaluateTargetOptions = {}): TargetState {
  const tolerance = options.tolerance ?? TARGET_TOLERANCE
  const value = finite(observation.value)
  const goal = target.value
  const verdict = (met: boolean): TargetState => (met ? 'met' : 'not-met')

  switch (target.comparator) {
    case 'gte':
      return value === undefined ? 'unknown' : verdict(value >= goal - tolerance)
    case 'lte':
      return value === undefined ? 'unknown' : verdict(value <= goal + tolerance)
    case 'eq':
      return value === undefined ? 'unknown' : verdict(Math.abs(value - goal) <= tolerance)
    case 'between': {
      const max = finite(target.valueMax)
      if (value === undefined || max === undefined) return 'unknown'
      const [low, high] = goal <= max ? [goal, max] : [max, goal]
      return verdict(value >= low - tolerance && value <= high + tolerance)
    }
    case 'rank-lte': {
      const rank = finite(observation.rank) ?? value
      return rank === undefined ? 'unknown' : verdict(rank <= goal + tolerance)
    }
    case 'change-vs-baseline': {
      const change = changeVsBaseline(target, observation)
      if (change === undefined) return 'unknown'
      return verdict(goal < 0 ? change <= goal + tolerance : change >= goal - tolerance)
    }
  }
}

/**
 * The change a `change-vs-baseline` target measures: relative, in percent of the baseline, for a
 * `percent` target; absolute, in the target's unit, otherwise. Undefined when a number is missing
 * or a relative change has a zero baseline.
 *
 * @example
 * // Lào Cai: staff cut against 2015 (1,000 → 880 posts)
 * changeVsBaseline({ metric: 'staff', comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015 }, { value: 880, baselineValue: 1000 })
 * // -12
 */
export function changeVsBaseline(target: Target, observation: TargetObservation): number | undefined {
  const value = finite(observation.value)
  const baseline = finite(observation.baselineValue) ?? finite(target.baselineValue)
  if (value === undefined || baseline === undefined) return undefined
  if (target.unit !== 'percent') return value - baseline
  if (baseline === 0) return undefined
  return ((value - baseline) / Math.abs(baseline)) * 100
}

function finite(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) ? n : undefined
}

/**
 * The rank a plan aims for: its first "rank ≤ N" target ("xếp trong tốp 10"), if it has one.
 *
 * @example
 * targetRank([{ metric: 'papi-total', comparator: 'gte', value: 40, unit: 'points' }, { metric: 'papi-rank', comparator: 'rank-lte', value: 10, unit: 'rank' }]) // 10
 */
export function targetRank(targets: readonly Target[]): number | undefined {
  return targets.find((t) => t.comparator === 'rank-lte')?.value
}

/** A target's observation with the year of the result it was read from. */
export type ResultObservation = TargetObservation & { year?: number }

/**
 * What a plan's own targets are measured by: the index results of the unit the plan covers (its
 * scope unit, one index), of the year the target is for — its `year`, else the plan's last year.
 * An earlier year's result says nothing about it: the target stays unknown until that year's result
 * is published. The result gives the value (its total) and the rank; a change of rank
 * ("xếp hạng cao hơn năm 2017") is measured in places, so its value is the rank and its baseline
 * the baseline year's rank. The result of the target's baseline year, if any, gives the baseline.
 *
 * @example
 * // Kiên Giang 97/KH-UBND aims to rank higher in 2018 than in 2017 (45th).
 * resultObservation({ metric: 'papi-rank', comparator: 'change-vs-baseline', value: -1, unit: 'rank', baselineYear: 2017, year: 2018 }, [kienGiang2017], 2018)
 * // {} — nothing until PAPI 2018 is out
 */
export function resultObservation(target: Target, results: readonly IndexResult[], lastYear: number): ResultObservation {
  const year = target.year ?? lastYear
  const result = results.find((r) => r.year === year)
  const baseline = target.baselineYear === undefined ? undefined : results.find((r) => r.year === target.baselineYear)
  // A change of rank is counted in places; every other target reads the total (and the rank).
  const byRank = target.unit === 'rank' && target.comparator === 'change-vs-baseline'
  const baselineValue = byRank ? baseline?.rank : baseline?.total
  const value = byRank ? result?.rank : result?.total
  return {
    ...(result !== undefined && {
      ...(value !== undefined && { value }),
      ...(result.rank !== undefined && { rank: result.rank }),
      year: result.year,
    }),
    ...(baselineValue !== undefined && { baselineValue }),
  }
}

/**
 * Whether a reported value is for a target: it names the target's id, or — a value filed without
 * one — the target's metric.
 *
 * @example
 * kpiIsFor({ targetId: 't1', metric: 'Đúng hạn', value: 97 }, { id: 't1', metric: 'Hồ sơ đúng hạn' }) // true
 */
export function kpiIsFor(kpi: KpiValue, target: Pick<Target, 'metric'> & Partial<Pick<Target, 'id'>>): boolean {
  return kpi.targetId !== undefined ? kpi.targetId === target.id : kpi.metric === target.metric
}

/** The calendar year a report's period belongs to ("2020Q3" → 2020). */
function periodYear(periodId: string): number {
  return requirePeriod(periodId).year
}

/**
 * What a task's target is measured by: the values units report for it. A value names its target by
 * id (`targetId`); a value without one (filed before targets had ids) counts for the target whose
 * metric it names. Only filed (submitted or accepted) reports count, and only of periods in the
 * year the target is for, when it says; of those, the latest word wins — the report of the latest
 * period, then the later filing.
 *
 * @example
 * reportedObservation({ id: 't-ontime', metric: 'Hồ sơ TTHC giải quyết đúng hạn', year: 2020 }, reports)
 * // { value: 97.5 }
 */
export function reportedObservation(
  target: Pick<Target, 'metric'> & Partial<Pick<Target, 'id' | 'year'>>,
  reports: readonly Pick<Report, 'status' | 'periodId' | 'submittedAt' | 'kpiValues'>[],
): TargetObservation {
  const isFor = (kpi: KpiValue) => kpiIsFor(kpi, target)
  let found: { value: number; end: string; at: string } | undefined
  for (const report of reports) {
    if (!isFiled(report)) continue
    if (target.year !== undefined && periodYear(report.periodId) !== target.year) continue
    const kpi = report.kpiValues.filter(isFor).at(-1)
    if (kpi === undefined) continue
    const end = requirePeriod(report.periodId).end
    const at = report.submittedAt ?? ''
    if (found === undefined || end > found.end || (end === found.end && at >= found.at)) found = { value: kpi.value, end, at }
  }
  return found === undefined ? {} : { value: found.value }
}
