import { describe, expect, it } from 'vitest'
import { matchProvinces, provinceNameKey, rankProvinceRows, readProvinceScoreTable, scoreFigures } from './province-scores'
import type { IndexResult } from './score'
import type { Unit } from './unit'

const HEADER = [
  'province_vi',
  'year',
  'index',
  'total',
  'total_sum_of_dims',
  'rank_in_source',
  'ranked_of',
  'tier_in_source_unverified',
  'd1_participation',
  'd2_transparency',
  'd3_vertical_accountability',
  'd4_control_of_corruption',
  'd5_public_admin_procedures',
  'd6_public_service_delivery',
  'd7_environmental_governance',
  'd8_e_governance',
  'note',
]
const ROWS = [
  ['# PAPI 2022 …'],
  HEADER,
  ['Thừa Thiên Huế', '2022', 'PAPI', '45.38450241088867', '', '5', '61', '', '5.1', '5.2', '4.3', '7.1', '7.4', '7.6', '4.2', '3.5', ''],
  ['Hồ Chí Minh', '2022', 'PAPI', '42.01', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  ['Lào Cai', '2022', 'PAPI', '40.39750671386719', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  ['Bắc Giang', '2022', 'PAPI', '', '', '', '', '', '', '4.396727', '', '', '8.08', '', '', '', 'not assessed in 2022'],
  ['Atlantis', '2022', 'PAPI', '30', '', '', '', '', '', '', '', '', '', '', '', '', ''],
]

const province = (id: string, name: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  code: id,
  name,
  level: 'province',
  kind: 'people-committee',
  parentId: null,
  successorIds: [],
  ...extra,
})
const UNITS = [
  province('hue', 'UBND tỉnh Thừa Thiên Huế', { validTo: '2024-12-31' }),
  province('hcm', 'UBND thành phố Hồ Chí Minh'),
  province('lao-cai', 'UBND tỉnh Lào Cai', { validTo: '2025-06-30' }),
  province('lao-cai-2025', 'UBND tỉnh Lào Cai', { validFrom: '2025-07-01' }),
  province('bac-giang', 'UBND tỉnh Bắc Giang'),
  { ...province('bd', 'Bưu điện tỉnh'), kind: 'state-enterprise' as const, parentId: 'lao-cai' },
]

describe('province score tables', () => {
  const rows = readProvinceScoreTable(ROWS)

  it('reads totals and dimensions at the four decimals the reports publish, and keeps the not assessed', () => {
    expect(rows.map((r) => [r.line, r.province, r.total])).toEqual([
      [3, 'Thừa Thiên Huế', 45.3845],
      [4, 'Hồ Chí Minh', 42.01],
      [5, 'Lào Cai', 40.3975],
      [6, 'Bắc Giang', undefined],
      [7, 'Atlantis', 30],
    ])
    expect(rows[0]?.dimensions.map((d) => d.key)).toHaveLength(8)
    expect(rows[3]?.note).toBe('not assessed in 2022')
  })

  it('match provinces in force that year by folded name, and list the rows that match none', () => {
    const match = matchProvinces(rows, UNITS, '2022-12-31')
    expect(match.matched.map((m) => [m.row.province, m.unit.id])).toEqual([
      ['Thừa Thiên Huế', 'hue'],
      ['Hồ Chí Minh', 'hcm'],
      ['Lào Cai', 'lao-cai'],
      ['Bắc Giang', 'bac-giang'],
    ])
    expect(match.unmatched).toEqual([{ row: rows[4], reason: 'unknown-province' }])
  })

  it('rank over the provinces ranked that year; the not assessed are not ranked', () => {
    const { ranked, notRanked } = rankProvinceRows(matchProvinces(rows, UNITS, '2022-12-31'), 'papi-2021')
    // Atlantis matched no unit but was ranked that year: it still counts in the ranking.
    expect(ranked.map((r) => [r.unitId, r.rank, r.rankOf])).toEqual([
      ['hue', 1, 4],
      ['hcm', 2, 4],
      ['lao-cai', 3, 4],
    ])
    // Bắc Giang is kept as a not-ranked year, with its note and the dimensions the table gives.
    expect(notRanked.map((n) => n.year)).toEqual([
      {
        unitId: 'bac-giang',
        frameworkId: 'papi-2021',
        year: 2022,
        dimensions: [
          { key: 'transparency', score: 4.3967 },
          { key: 'administrative-procedures', score: 8.08 },
        ],
        note: 'not assessed in 2022',
      },
    ])
  })

  it('fold names the way tables and plans write them', () => {
    expect(provinceNameKey('UBND thành phố Hồ Chí Minh')).toBe(provinceNameKey('TP. Hồ Chí Minh'))
    expect(provinceNameKey('Tỉnh Bà Rịa - Vũng Tàu')).toBe(provinceNameKey('Bà Rịa - Vũng Tàu'))
  })
})

describe('scoreFigures', () => {
  const r = (unitId: string, year: number, total: number, rank: number, rankOf = 3) => ({
    unitId,
    frameworkId: 'papi-2021',
    year,
    total,
    rank,
    rankOf,
    dimensions: [],
  })
  const all = [
    r('a', 2021, 44, 1),
    r('b', 2021, 43, 2),
    r('c', 2021, 40, 3),
    r('a', 2024, 42.5, 2),
    r('b', 2024, 43.25, 1),
    r('c', 2024, 41, 3),
  ]

  it('gives the band, the change against the previous published year and the points to a target rank', () => {
    expect(scoreFigures(all[3] as IndexResult, all, { targetRank: 1 })).toEqual({
      band: 'high-average',
      previousYear: 2021,
      scoreChange: -1.5,
      rankChange: -1,
      pointsToRank: 0.75,
    })
    expect(scoreFigures(all[0] as IndexResult, all)).toEqual({ band: 'highest' })
  })
})
