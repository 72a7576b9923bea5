import { describe, expect, it } from 'vitest'
import { type Framework, frameworkById } from './framework'
import {
  BAND_LABELS,
  type Band,
  bandOf,
  bandOfResult,
  bandSizes,
  compareYears,
  type IndexResult,
  indexYears,
  IndexResultSchema,
  pointsNeeded,
  pointsToRank,
  rankAll,
  resultHistory,
  type ResultIssueCode,
  validateResult,
  weakestDimensions,
} from './score'

const framework = (id: string): Framework => {
  const f = frameworkById(id)
  if (!f) throw new Error(`no framework ${id}`)
  return f
}

// Kiên Giang 97/KH-UBND (18/05/2018), section II: PAPI 2017 as published, and the change against
// 2016 ("tăng 2,51 điểm và 16 bậc"; per dimension "tăng x điểm và y bậc").
const KIEN_GIANG_2017_DIMENSIONS = [
  // key, score 2017, rank 2017, points gained, places gained
  ['participation', 5.2, 45, 0.63, 15],
  ['transparency', 5.26, 54, 0.2, 2],
  ['vertical-accountability', 4.46, 58, 0.33, 5],
  ['corruption-control', 6.27, 32, 0.61, 10],
  ['administrative-procedures', 7.07, 38, 0.35, 24],
  ['public-service-delivery', 7.47, 9, 0.41, 17],
] as const

const kienGiang2017: IndexResult = {
  unitId: 'kien-giang',
  frameworkId: 'papi-2009',
  year: 2017,
  total: 35.71,
  rank: 45,
  rankOf: 63,
  band: 'low-average',
  dimensions: KIEN_GIANG_2017_DIMENSIONS.map(([key, score, rank]) => ({ key, score, rank })),
}

// 2016 derived from the stated changes: 35.71 − 2.51 = 33.20, rank 45 + 16 = 61.
const kienGiang2016: IndexResult = {
  unitId: 'kien-giang',
  frameworkId: 'papi-2009',
  year: 2016,
  total: 33.2,
  rank: 61,
  rankOf: 63,
  dimensions: [
    { key: 'participation', score: 4.57, rank: 60 },
    { key: 'transparency', score: 5.06, rank: 56 },
    { key: 'vertical-accountability', score: 4.13, rank: 63 },
    { key: 'corruption-control', score: 5.66, rank: 42 },
    { key: 'administrative-procedures', score: 6.72, rank: 62 },
    { key: 'public-service-delivery', score: 7.06, rank: 26 },
  ],
}

// Lào Cai 165/KH-UBND (11/06/2020), quoting Decision 330/QĐ-BNV: PAR INDEX 2019 82.85 =
// 52.90 appraisal + 29.95 impact, 15/63, up 4.38 points and 6 places; three areas ranked low.
const laoCai2019: IndexResult = {
  unitId: 'lao-cai',
  frameworkId: 'par-index-2017',
  year: 2019,
  total: 82.85,
  rank: 15,
  rankOf: 63,
  appraisalScore: 52.9,
  surveyScore: 29.95,
  dimensions: [
    { key: 'legal-documents', rank: 52 },
    { key: 'apparatus', rank: 49 },
    { key: 'direction', rank: 48 },
  ],
}
const laoCai2018: IndexResult = {
  unitId: 'lao-cai',
  frameworkId: 'par-index-2017',
  year: 2018,
  total: 78.47,
  rank: 21,
  rankOf: 63,
  dimensions: [],
}

// Thừa Thiên Huế 2024 news: PAPI 2023 46.0415 points, first in the country.
const thuaThienHue2023: IndexResult = {
  unitId: 'thua-thien-hue',
  frameworkId: 'papi-2021',
  year: 2023,
  total: 46.0415,
  rank: 1,
  rankOf: 63,
  dimensions: [],
}

describe('IndexResultSchema', () => {
  it.each([
    ['Kiên Giang PAPI 2017', kienGiang2017],
    ['Lào Cai PAR INDEX 2019', laoCai2019],
    ['Thừa Thiên Huế PAPI 2023', thuaThienHue2023],
  ])('accepts %s as published', (_name, result) => {
    expect(IndexResultSchema.parse(result)).toEqual(result)
  })

  it('keeps the published total, never the sum of the rounded dimensions', () => {
    const parsed = IndexResultSchema.parse(kienGiang2017)
    const sum = parsed.dimensions.reduce((n, d) => n + (d.score ?? 0), 0)
    expect(sum).toBeCloseTo(35.73, 9)
    expect(parsed.total).toBe(35.71)
  })

  it.each([
    ['a rank of 0', { ...kienGiang2017, rank: 0 }],
    ['a fractional rank', { ...kienGiang2017, rank: 4.5 }],
    ['an unknown band', { ...kienGiang2017, band: 'average' }],
    ['no unit', { ...kienGiang2017, unitId: '' }],
  ])('rejects %s', (_what, value) => {
    expect(IndexResultSchema.safeParse(value).success).toBe(false)
  })
})

describe('validateResult', () => {
  const codes = (result: IndexResult, id: string) => validateResult(result, framework(id)).map((i) => i.code)

  it.each([
    ['Kiên Giang PAPI 2017 (35.71 vs 35.73 is rounding)', kienGiang2017, 'papi-2009'],
    ['Kiên Giang PAPI 2016 derived from the changes', kienGiang2016, 'papi-2009'],
  ])('finds nothing wrong with %s', (_name, result, id) => {
    expect(validateResult(result, framework(id))).toEqual([])
  })

  it('accepts Lào Cai 2019 with its 52.90 + 29.95 split, warning only of the areas the plan does not score', () => {
    const issues = validateResult(laoCai2019, framework('par-index-2017'))
    expect(issues.every((i) => i.code === 'missing-dimension' && i.severity === 'warning')).toBe(true)
    expect(issues.map((i) => i.dimensionKey)).toEqual([
      'administrative-procedures',
      'civil-service',
      'public-finance',
      'e-government',
      'impact',
    ])
  })

  it('warns of each missing dimension of Thừa Thiên Huế 2023 (total only)', () => {
    expect(codes(thuaThienHue2023, 'papi-2021')).toEqual(Array(8).fill('missing-dimension'))
  })

  const withDimension = (key: string, score: number, rank?: number): IndexResult => ({
    ...kienGiang2017,
    dimensions: kienGiang2017.dimensions.map((d) => (d.key === key ? { key, score, ...(rank !== undefined ? { rank } : {}) } : d)),
  })

  it.each<[string, IndexResult, string, ResultIssueCode, 'error' | 'warning']>([
    ['another framework', kienGiang2017, 'papi-2018', 'framework-mismatch', 'error'],
    ['a year the framework does not cover', { ...kienGiang2017, year: 2018 }, 'papi-2009', 'year-outside-framework', 'error'],
    [
      'an unknown dimension key',
      { ...kienGiang2017, dimensions: [...kienGiang2017.dimensions, { key: 'e-governance', score: 3 }] },
      'papi-2009',
      'unknown-dimension',
      'error',
    ],
    [
      'a dimension given twice',
      { ...kienGiang2017, dimensions: [...kienGiang2017.dimensions, { key: 'participation', score: 5.2 }] },
      'papi-2009',
      'duplicate-dimension',
      'error',
    ],
    ['a score over the dimension max', withDimension('participation', 12), 'papi-2009', 'score-over-max', 'error'],
    ['a negative score', withDimension('participation', -1), 'papi-2009', 'score-negative', 'error'],
    ['a dimension rank over rankOf', withDimension('participation', 5.2, 64), 'papi-2009', 'rank-out-of-range', 'error'],
    ['a total rank over rankOf', { ...kienGiang2017, rank: 70 }, 'papi-2009', 'rank-out-of-range', 'error'],
    ['a total over the framework max', { ...thuaThienHue2023, total: 81 }, 'papi-2021', 'total-over-max', 'error'],
    ['a negative total', { ...kienGiang2017, total: -35.71 }, 'papi-2009', 'total-negative', 'error'],
    ['a negative survey score', { ...laoCai2019, surveyScore: -28.95 }, 'par-index-2017', 'score-negative', 'error'],
    ['a total the dimensions do not explain', { ...kienGiang2017, total: 35.0 }, 'papi-2009', 'total-mismatch', 'warning'],
    [
      'an appraisal + survey split that misses the total',
      { ...laoCai2019, surveyScore: 28.95 },
      'par-index-2017',
      'split-mismatch',
      'warning',
    ],
    [
      'a score over a provisional PAR INDEX area max',
      { ...laoCai2019, dimensions: [{ key: 'apparatus', score: 10.5 }] },
      'par-index-2017',
      'score-over-max',
      'warning',
    ],
  ])('reports %s', (_what, result, id, code, severity) => {
    const issue = validateResult(result, framework(id)).find((i) => i.code === code)
    expect(issue?.severity).toBe(severity)
  })

  it('points at the offending field so the importer can name the column', () => {
    const [issue] = validateResult(withDimension('transparency', 11), framework('papi-2009'))
    expect(issue).toEqual({
      code: 'score-over-max',
      severity: 'error',
      path: ['dimensions', 1, 'score'],
      dimensionKey: 'transparency',
      value: 11,
      limit: 10,
    })
  })

  it('checks a SIPAS total against the mean of its factors', () => {
    const sipas: IndexResult = {
      unitId: 'x',
      frameworkId: 'sipas-2017',
      year: 2019,
      total: 85.1,
      dimensions: [
        { key: 'access-to-services', score: 86.2 },
        { key: 'administrative-procedures', score: 84.9 },
        { key: 'civil-servants', score: 86.0 },
        { key: 'service-results', score: 84.4 },
        { key: 'feedback-handling', score: 84.0 },
      ],
    }
    expect(codes(sipas, 'sipas-2017')).toEqual([])
    expect(codes({ ...sipas, total: 90 }, 'sipas-2017')).toEqual(['total-mismatch'])
  })
})

describe('compareYears', () => {
  it('Kiên Giang PAPI 2017 vs 2016: +2.51 points, up 16 places', () => {
    const change = compareYears(kienGiang2017, kienGiang2016)
    expect(change).toMatchObject({ year: 2017, previousYear: 2016, frameworkChanged: false })
    expect(change.totalChange).toBe(2.51)
    expect(change.rankChange).toBe(16)
  })

  it.each(KIEN_GIANG_2017_DIMENSIONS)('Kiên Giang 2017 %s: %s (rank %i), +%s points, up %i places', (key, score, rank, points, places) => {
    const d = compareYears(kienGiang2017, kienGiang2016).dimensions.find((x) => x.key === key)
    expect(d).toMatchObject({ score, rank, scoreChange: points, rankChange: places })
  })

  it('Lào Cai PAR INDEX 2019 vs 2018 (78.47, 21st): +4.38 points, up 6 places', () => {
    const change = compareYears(laoCai2019, laoCai2018)
    expect(change.totalChange).toBe(4.38)
    expect(change.rankChange).toBe(6)
  })

  it('reads a fall as a negative change', () => {
    const change = compareYears(kienGiang2016, kienGiang2017)
    expect(change.totalChange).toBe(-2.51)
    expect(change.rankChange).toBe(-16)
  })

  it('leaves changes undefined when a side lacks the figure', () => {
    const change = compareYears(laoCai2019, laoCai2018)
    expect(change.dimensions.find((d) => d.key === 'apparatus')).toEqual({ key: 'apparatus', rank: 49 })
    expect(compareYears({ ...laoCai2019, rank: undefined }, laoCai2018).rankChange).toBeUndefined()
  })

  it('flags a comparison across framework versions (PAPI 2018 added two dimensions)', () => {
    const papi2018: IndexResult = { ...kienGiang2017, frameworkId: 'papi-2018', year: 2018, total: 37.5 }
    expect(compareYears(papi2018, kienGiang2017).frameworkChanged).toBe(true)
  })

  it('keeps the precision of four-decimal totals (PAPI 2023)', () => {
    const previous = { ...thuaThienHue2023, year: 2022, total: 45.12 }
    expect(compareYears(thuaThienHue2023, previous).totalChange).toBe(0.9215)
  })
})

describe('rankAll', () => {
  const result = (unitId: string, total: number, participation?: number): IndexResult => ({
    unitId,
    frameworkId: 'papi-2021',
    year: 2023,
    total,
    dimensions: participation === undefined ? [] : [{ key: 'participation', score: participation }],
  })

  it('ranks by total, highest first, ties sharing a rank (1, 2, 2, 4)', () => {
    const ranked = rankAll([result('thua-thien-hue', 46.0415), result('a', 44.1), result('b', 44.1), result('c', 43)])
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4])
    expect(ranked.every((r) => r.rankOf === 4)).toBe(true)
  })

  it('keeps the order it was given', () => {
    const ranked = rankAll([result('c', 43), result('thua-thien-hue', 46.0415), result('a', 44.1)])
    expect(ranked.map((r) => [r.unitId, r.rank])).toEqual([
      ['c', 3],
      ['thua-thien-hue', 1],
      ['a', 2],
    ])
  })

  it('ranks each dimension by score; a unit without the score gets no rank', () => {
    const ranked = rankAll([result('a', 44, 5.1), result('b', 45, 5.6), result('c', 43, 5.1), result('d', 42)])
    expect(ranked.map((r) => r.dimensions[0]?.rank)).toEqual([2, 1, 2, undefined])
  })

  it('sets the band of each rank among the units ranked', () => {
    const totals = Array.from({ length: 63 }, (_, i) => result(`p${i + 1}`, 50 - i * 0.1))
    const ranked = rankAll(totals)
    expect(ranked[15]?.band).toBe('highest')
    expect(ranked[16]?.band).toBe('high-average')
    expect(ranked[44]?.band).toBe('low-average')
    expect(ranked[47]?.band).toBe('lowest')
  })

  it('answers nothing for no results', () => expect(rankAll([])).toEqual([]))

  it('refuses to rank different years together', () => {
    expect(() => rankAll([result('a', 44), { ...result('b', 45), year: 2022 }])).toThrow(RangeError)
  })
})

describe('bandOf', () => {
  it.each<[number, number, Band]>([
    [1, 63, 'highest'], // Thừa Thiên Huế PAPI 2023
    [16, 63, 'highest'],
    [17, 63, 'high-average'],
    [32, 63, 'high-average'],
    [33, 63, 'low-average'],
    [45, 63, 'low-average'], // Kiên Giang PAPI 2017: "nhóm đạt điểm trung bình thấp"
    [47, 63, 'low-average'],
    [48, 63, 'lowest'],
    [63, 63, 'lowest'],
    [15, 63, 'highest'], // Lào Cai PAR INDEX 2019
    [21, 63, 'high-average'], // Lào Cai PAR INDEX 2018
    [9, 34, 'highest'], // 34 provinces from 1 July 2025: 9/8/8/9
    [10, 34, 'high-average'],
    [17, 34, 'high-average'],
    [18, 34, 'low-average'],
    [25, 34, 'low-average'],
    [26, 34, 'lowest'],
    [1, 4, 'highest'],
    [2, 4, 'high-average'],
    [3, 4, 'low-average'],
    [4, 4, 'lowest'],
    [1, 1, 'highest'],
  ])('rank %i of %i is %s', (rank, count, band) => {
    expect(bandOf(rank, count)).toBe(band)
  })

  it.each<[number, [number, number, number, number]]>([
    [63, [16, 16, 15, 16]], // the PAPI reports' grouping
    [64, [16, 16, 16, 16]],
    [65, [17, 16, 16, 16]],
    [66, [17, 16, 16, 17]],
    [34, [9, 8, 8, 9]],
    [5, [2, 1, 1, 1]],
    [2, [1, 0, 0, 1]],
  ])('splits %i units %j', (count, sizes) => {
    const s = bandSizes(count)
    expect([s.highest, s['high-average'], s['low-average'], s.lowest]).toEqual(sizes)
  })

  it.each(Array.from({ length: 100 }, (_, i) => i + 1))('groups of %i units add up and differ by at most one', (count) => {
    const sizes = Object.values(bandSizes(count))
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(count)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it.each([
    [0, 63],
    [64, 63],
    [2.5, 63],
    [1, 0],
  ])('throws for rank %d of %d', (rank, count) => {
    expect(() => bandOf(rank, count)).toThrow(RangeError)
  })

  it('labels the low-average band as the Kiên Giang plan does', () => {
    expect(BAND_LABELS['low-average']).toEqual({ vi: 'Trung bình thấp', en: 'Low average' })
    expect(Object.keys(BAND_LABELS)).toEqual(['highest', 'high-average', 'low-average', 'lowest'])
  })
})

describe('weakestDimensions', () => {
  it.each([
    [1, ['vertical-accountability']],
    [2, ['vertical-accountability', 'transparency']], // 58/63 and 54/63
    [3, ['vertical-accountability', 'transparency', 'participation']],
    [0, []],
  ])('Kiên Giang PAPI 2017, n = %i → %j', (n, keys) => {
    expect(weakestDimensions(kienGiang2017, n).map((d) => d.key)).toEqual(keys)
  })

  it('gives every dimension when n exceeds them, strongest (09/63) last', () => {
    const all = weakestDimensions(kienGiang2017, 10)
    expect(all).toHaveLength(6)
    expect(all.at(-1)?.key).toBe('public-service-delivery')
  })

  it('orders Lào Cai 2019 areas by rank alone when scores are unknown (52, 49, 48 of 63)', () => {
    expect(weakestDimensions(laoCai2019, 3).map((d) => d.key)).toEqual(['legal-documents', 'apparatus', 'direction'])
  })

  it('breaks equal ranks by the lowest share of the area max', () => {
    // Same rank; 9 of apparatus's 10 is a higher share than 9 of civil-service's 14.
    const result: IndexResult = {
      ...laoCai2019,
      dimensions: [
        { key: 'apparatus', score: 9, rank: 30 },
        { key: 'civil-service', score: 9, rank: 30 },
      ],
    }
    expect(weakestDimensions(result, 1, framework('par-index-2017')).map((d) => d.key)).toEqual(['civil-service'])
    // Without the framework, equal raw scores keep the result's order.
    expect(weakestDimensions(result, 1).map((d) => d.key)).toEqual(['apparatus'])
  })

  it('uses the score when nothing is ranked (SIPAS factors)', () => {
    const sipas: IndexResult = {
      unitId: 'x',
      frameworkId: 'sipas-2017',
      year: 2019,
      total: 85,
      dimensions: [
        { key: 'access-to-services', score: 88 },
        { key: 'feedback-handling', score: 80.5 },
        { key: 'service-results', score: 86 },
      ],
    }
    expect(weakestDimensions(sipas, 2).map((d) => d.key)).toEqual(['feedback-handling', 'service-results'])
  })
})

describe('pointsToRank', () => {
  const year = (totals: Record<string, number>): IndexResult[] =>
    Object.entries(totals).map(([unitId, total]) => ({ unitId, frameworkId: 'papi-2021', year: 2023, total, dimensions: [] }))
  const papi2023 = year({ 'thua-thien-hue': 46.0415, b: 45.2, c: 44.87, d: 44.87, e: 43.5 })

  it.each([
    ['e', 1, 2.5415], // catch Thừa Thiên Huế's 46.0415
    ['e', 2, 1.7],
    ['e', 3, 1.37], // equal c's 44.87 to share third place
    ['e', 4, 1.37], // c and d tie at 44.87: equalling them gives rank 3, which is within 4
    ['e', 5, 0], // already fifth
    ['c', 3, 0], // tied third already
    ['c', 2, 0.33],
    ['thua-thien-hue', 1, 0],
    ['b', 10, 0], // a target past the last place is already met
  ])('%s reaches rank %i with %s more points', (unitId, target, points) => {
    expect(pointsToRank(unitId, target, papi2023)).toBe(points)
  })

  it('reaching the target by the points found gives that rank', () => {
    const needed = pointsToRank('e', 3, papi2023) ?? Number.NaN
    const after = papi2023.map((r) => (r.unitId === 'e' ? { ...r, total: r.total + needed } : r))
    expect(rankAll(after).find((r) => r.unitId === 'e')?.rank).toBe(3)
  })

  it('answers undefined for a unit not in the results', () => {
    expect(pointsToRank('kien-giang', 1, papi2023)).toBeUndefined()
  })

  it.each([0, -1, 1.5])('throws for target rank %d', (target) => {
    expect(() => pointsToRank('e', target, papi2023)).toThrow(RangeError)
  })
})

describe('pointsNeeded', () => {
  const others = (totals: number[]): IndexResult[] =>
    totals.map((total, i) => ({ unitId: `p${i}`, frameworkId: 'papi-2009', year: 2017, total, dimensions: [] }))

  it.each<[string, number | undefined, IndexResult[], number | undefined]>([
    ['measures the gap to the unit holding the target rank', 2, [kienGiang2017, ...others([40, 36.5, 30])], 0.79],
    ['is 0 once the target is reached', 2, [kienGiang2017, ...others([40, 30, 20])], 0],
    ['without the full ranking: 45th is not known to reach the top 44', 44, [kienGiang2017], undefined],
    ['without the full ranking: 45th is within the top 50', 50, [kienGiang2017], 0],
    ['needs a target', undefined, [kienGiang2017], undefined],
    ['needs the unit among the results', 2, others([40, 36.5, 30]), undefined],
  ])('%s', (_case, target, results, expected) => {
    expect(pointsNeeded('kien-giang', target, results)).toBe(expected)
  })
})

describe('bandOfResult', () => {
  it.each<[string, Pick<IndexResult, 'band' | 'rank' | 'rankOf'>, Band | undefined]>([
    ['the published band is kept', { band: 'highest', rank: 45, rankOf: 63 }, 'highest'],
    ['else the rank places it: Kiên Giang 2016, 61st of 63', { rank: 61, rankOf: 63 }, 'lowest'],
    ['Lào Cai PAR INDEX 2019, 15th of 63', { rank: 15, rankOf: 63 }, 'highest'],
    ['no count, no band', { rank: 15 }, undefined],
    ['no rank, no band', { rankOf: 63 }, undefined],
    ['a rank beyond the count places nowhere', { rank: 64, rankOf: 63 }, undefined],
  ])('%s', (_case, result, expected) => {
    expect(bandOfResult(result)).toBe(expected)
  })
})

describe('resultHistory', () => {
  it('reads Kiên Giang 2017: 35,71/60, up 2,51 points and 16 places, low-average band', () => {
    const rows = resultHistory([kienGiang2017, kienGiang2016])
    expect(rows.map((r) => r.year)).toEqual([2016, 2017])
    expect(rows[1]).toMatchObject({
      total: 35.71,
      maxTotal: 60,
      scoreChange: 2.51,
      rankChange: 16,
      band: 'low-average',
      frameworkChanged: false,
    })
    expect(rows[0]).toMatchObject({ band: 'lowest' })
    expect(rows[0]?.scoreChange).toBeUndefined()
  })

  it('compares only with the year just before', () => {
    const rows = resultHistory([laoCai2019, { ...laoCai2018, year: 2017 }])
    expect(rows[1]).toMatchObject({ year: 2019, maxTotal: 100, band: 'highest' })
    expect(rows[1]?.scoreChange).toBeUndefined()
    expect(rows[1]?.rankChange).toBeUndefined()
  })

  it('Lào Cai PAR INDEX 2019: up 4,38 points and 6 places', () => {
    expect(resultHistory([laoCai2018, laoCai2019])[1]).toMatchObject({ scoreChange: 4.38, rankChange: 6 })
  })
})

describe('indexYears', () => {
  // Bắc Giang, PAPI: ranked in 2020, listed but not assessed in 2021 and 2022 (the vendored tables).
  const ranked2020: IndexResult = { unitId: 'bg', frameworkId: 'papi-2019', year: 2020, total: 44.1, rank: 30, rankOf: 63, dimensions: [] }
  const ranked2023: IndexResult = { ...ranked2020, frameworkId: 'papi-2021', year: 2023, total: 43.2, rank: 40, rankOf: 63 }
  const notRanked = (year: number, note?: string) => ({
    unitId: 'bg',
    frameworkId: 'papi-2021',
    year,
    dimensions: [],
    ...(note !== undefined && { note }),
  })

  it.each([
    ['results only', [ranked2020], [], [[2020, 'ranked']]],
    ['not ranked only', [], [notRanked(2022)], [[2022, 'not ranked']]],
    [
      'both, oldest first',
      [ranked2023, ranked2020],
      [notRanked(2022), notRanked(2021, 'not assessed in 2021')],
      [
        [2020, 'ranked'],
        [2021, 'not ranked'],
        [2022, 'not ranked'],
        [2023, 'ranked'],
      ],
    ],
    ['a result and a not-ranked row of one year: the result', [ranked2023], [notRanked(2023)], [[2023, 'ranked']]],
  ])('%s', (_case, results, years, expected) => {
    expect(indexYears(results, years).map((y) => [y.year, 'notRanked' in y ? 'not ranked' : 'ranked'])).toEqual(expected)
  })

  it('keeps the note, and compares 2023 with nothing (2022 had no result)', () => {
    const years = indexYears([ranked2023], [notRanked(2022, 'not assessed in 2022')])
    expect(years[0]).toEqual({ year: 2022, frameworkId: 'papi-2021', notRanked: true, note: 'not assessed in 2022' })
    expect(years[1]).toMatchObject({ year: 2023, total: 43.2 })
    expect((years[1] as { scoreChange?: number }).scoreChange).toBeUndefined()
  })
})
