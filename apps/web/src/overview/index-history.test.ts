import type { IndexResult } from '@papi/domain'
import { describe, expect, it } from 'vitest'
import { dimensionBars, weakest } from './index-history'

// Kiên Giang PAPI 2016 and 2017, as 97/KH-UBND quotes them.
const dims = [
  'participation',
  'transparency',
  'vertical-accountability',
  'corruption-control',
  'administrative-procedures',
  'public-service-delivery',
]
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
