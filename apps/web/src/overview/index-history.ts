// A unit's results as the overview draws them: the domain's figures joined with the framework's
// dimension names. Year-on-year changes, bands and the points to a target rank are the domain's
// (`resultHistory`, `pointsNeeded`, `targetRank`).
import { frameworkById, weakestDimensions, type DimensionResult, type IndexResult } from '@papi/domain'

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
