import type { IndexResult } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { dimensionBars, indexHistory, pointsNeeded, targetRankOf, weakest } from './index-history'

// Kiên Giang PAPI 2016 and 2017, as 97/KH-UBND quotes them.
const dims = ['participation', 'transparency', 'vertical-accountability', 'corruption-control', 'administrative-procedures', 'public-service-delivery']
const kg = (year: number, total: number, rank: number, scores: number[], ranks: number[]): IndexResult => ({
  unitId: 'kg',
  frameworkId: 'papi-2009',
  year,
  total,
  rank,
  rankOf: 63,
  dimensions: dims.map((key, i) => ({ key, score: scores[i] as number, rank: ranks[i] as number })),
})
const kg2016 = kg(2016, 33.2, 61, [4.57, 5.06, 4.13, 5.66, 6.72, 7.06], [60, 56, 63, 42, 62, 26])
const kg2017 = kg(2017, 35.71, 45, [5.2, 5.26, 4.46, 6.27, 7.07, 7.47], [45, 54, 58, 32, 38, 9])

describe('indexHistory', () => {
  it('reads Kiên Giang 2017: 35,71/60, up 2,51 points and 16 places, low-average band', () => {
    const rows = indexHistory([kg2017, kg2016])
    expect(rows.map((r) => r.year)).toEqual([2016, 2017])
    expect(rows[1]).toMatchObject({ total: 35.71, maxTotal: 60, scoreChange: 2.51, rankChange: 16, band: 'low-average' })
    expect(rows[0]?.scoreChange).toBeUndefined()
  })
})

describe('dimensionBars', () => {
  it('puts each dimension beside last year’s, with the framework’s names', () => {
    const bars = dimensionBars(kg2017, kg2016)
    expect(bars[0]).toMatchObject({ key: 'participation', score: 5.2, previousScore: 4.57, max: 10 })
    expect(bars[0]?.name.vi).toBeTruthy()
  })
})

describe('weakest', () => {
  it('names the dimensions ranked worst (accountability 58/63, transparency 54/63)', () => {
    expect(weakest(kg2017, 2).map((d) => d.key)).toEqual(['vertical-accountability', 'transparency'])
  })
})

describe('pointsNeeded', () => {
  const others = (totals: number[]): IndexResult[] => totals.map((total, i) => ({ unitId: `p${i}`, frameworkId: 'papi-2009', year: 2017, total, dimensions: [] }))
  it('measures the gap to the unit holding the target rank', () => {
    expect(pointsNeeded('kg', 2, [kg2017, ...others([40, 36.5, 30])])).toBeCloseTo(0.79, 2)
  })
  it('is 0 once the target is reached', () => {
    expect(pointsNeeded('kg', 2, [kg2017, ...others([40, 30, 20])])).toBe(0)
  })
  it('without the full ranking, says only whether the rank target is met', () => {
    expect(pointsNeeded('kg', 44, [kg2017])).toBeUndefined()
    expect(pointsNeeded('kg', 50, [kg2017])).toBe(0)
  })
  it('needs a target', () => {
    expect(pointsNeeded('kg', undefined, [kg2017])).toBeUndefined()
  })
})

describe('targetRankOf', () => {
  it('reads the first "rank ≤ N" target', () => {
    expect(targetRankOf([{ metric: 'papi-total', comparator: 'gte', value: 40, unit: 'points' }, { metric: 'papi-rank', comparator: 'rank-lte', value: 10, unit: 'rank' }])).toBe(10)
  })
})
