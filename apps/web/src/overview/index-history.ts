import {
  bandOf,
  compareYears,
  evaluateTarget,
  frameworkById,
  pointsToRank,
  weakestDimensions,
  type Band,
  type DimensionResult,
  type IndexResult,
  type Target,
} from '@papi/domain'

/** One year of a unit's index results with the changes the domain computes against the year before. */
export interface IndexYearRow {
  year: number
  frameworkId: string
  total: number
  maxTotal?: number
  rank?: number
  rankOf?: number
  band?: Band
  /** Places moved since the year before; positive = up. */
  rankChange?: number
  scoreChange?: number
  frameworkChanged?: boolean
}

/**
 * A unit's results for one index, oldest first, each compared with the year before
 * (`compareYears`) and placed in its band (`bandOf`, unless the published band is given).
 */
export function indexHistory(results: readonly IndexResult[]): IndexYearRow[] {
  const sorted = [...results].sort((a, b) => a.year - b.year)
  return sorted.map((r, i) => {
    const previous = sorted[i - 1]
    const change = previous !== undefined && previous.year === r.year - 1 ? compareYears(r, previous) : undefined
    const band = r.band ?? (r.rank !== undefined && r.rankOf !== undefined && r.rank <= r.rankOf ? bandOf(r.rank, r.rankOf) : undefined)
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

/** A dimension's score this year and last, with its name from the framework. */
export interface DimensionBar {
  key: string
  name: { vi: string; en: string }
  score?: number
  previousScore?: number
  rank?: number
  max?: number
}

/** The latest result's dimensions beside the year before's, in the framework's order. */
export function dimensionBars(latest: IndexResult, previous?: IndexResult): DimensionBar[] {
  const framework = frameworkById(latest.frameworkId)
  const before = new Map((previous?.dimensions ?? []).map((d) => [d.key, d]))
  return latest.dimensions.map((d) => {
    const def = framework?.dimensions.find((x) => x.key === d.key)
    const p = before.get(d.key)
    return {
      key: d.key,
      name: def?.name ?? { vi: d.key, en: d.key },
      ...(d.score === undefined ? {} : { score: d.score }),
      ...(p?.score === undefined ? {} : { previousScore: p.score }),
      ...(d.rank === undefined ? {} : { rank: d.rank }),
      ...(def === undefined ? {} : { max: def.max }),
    }
  })
}

/** The `n` weakest dimensions of a result (the domain's `weakestDimensions`), with names. */
export function weakest(result: IndexResult, n = 3): (DimensionResult & { name: { vi: string; en: string } })[] {
  const framework = frameworkById(result.frameworkId)
  return weakestDimensions(result, n, framework).map((d) => ({
    ...d,
    name: framework?.dimensions.find((x) => x.key === d.key)?.name ?? { vi: d.key, en: d.key },
  }))
}

/** The rank a plan aims for: its first "rank ≤ N" target. */
export function targetRankOf(targets: readonly Target[]): number | undefined {
  return targets.find((t) => t.comparator === 'rank-lte')?.value
}

/**
 * Points the unit needs on its latest total to reach the plan's target rank among that year's
 * results (`pointsToRank`); undefined without a target or the year's full ranking.
 */
export function pointsNeeded(unitId: string, targetRank: number | undefined, yearResults: readonly IndexResult[]): number | undefined {
  if (targetRank === undefined) return undefined
  const own = yearResults.find((r) => r.unitId === unitId)
  // Without the other units' totals the gap cannot be measured; the rank alone still tells
  // whether the target is met (the domain's evaluateTarget).
  if (own !== undefined && yearResults.length <= targetRank) {
    const met = own.rank !== undefined && evaluateTarget({ metric: 'rank', comparator: 'rank-lte', value: targetRank, unit: 'rank' }, { rank: own.rank }) === 'met'
    return met ? 0 : undefined
  }
  return pointsToRank(unitId, targetRank, yearResults)
}
