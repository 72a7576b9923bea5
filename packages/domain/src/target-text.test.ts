import { describe, expect, it } from 'vitest'
import type { Locale } from './label'
import type { Target } from './target'
import type { TargetObservation } from './target-evaluation'
import { formatObservation, formatTarget } from './target-text'

describe('formatTarget', () => {
  it('keeps the plan’s wording when it has one', () => {
    expect(formatTarget({ metric: 'x', comparator: 'gte', value: 90, unit: 'points', text: 'Đạt từ 90 điểm trở lên' }, 'vi')).toBe(
      'Đạt từ 90 điểm trở lên',
    )
  })

  it.each<[Target, Locale, string]>([
    [{ metric: 'Chỉ số PAR INDEX', comparator: 'gte', value: 90, unit: 'points' }, 'vi', 'Chỉ số PAR INDEX ≥ 90 điểm'],
    [{ metric: 'Xếp hạng PAPI', comparator: 'rank-lte', value: 10, unit: 'rank' }, 'vi', 'Xếp hạng PAPI ≤ 10'],
    [{ metric: 'Hồ sơ đúng hạn', comparator: 'between', value: 95, valueMax: 100, unit: 'percent' }, 'vi', 'Hồ sơ đúng hạn 95% – 100%'],
    [
      { metric: 'Biên chế', comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015 },
      'vi',
      'Biên chế Δ -10% so với năm 2015',
    ],
    [
      { metric: 'Biên chế', comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015 },
      'en',
      'Biên chế Δ -10% vs 2015',
    ],
    [{ metric: 'PAPI', comparator: 'gte', value: 46.0415, unit: 'points' }, 'vi', 'PAPI ≥ 46,0415 điểm'],
    [{ metric: 'PAPI', comparator: 'gte', value: 46.0415, unit: 'points' }, 'en', 'PAPI ≥ 46.0415 points'],
    [{ metric: 'Sáng kiến', comparator: 'gte', value: 3, unit: 'count', text: '  ' }, 'vi', 'Sáng kiến ≥ 3 số lượng'],
  ])('writes a target without wording from its parts: %j (%s)', (target, locale, words) => {
    expect(formatTarget(target, locale)).toBe(words)
  })
})

describe('formatObservation', () => {
  const points: Target = { metric: 'x', comparator: 'gte', value: 90, unit: 'points' }
  const rank: Target = { metric: 'x', comparator: 'rank-lte', value: 10, unit: 'rank' }
  const percent: Target = { metric: 'x', comparator: 'gte', value: 95, unit: 'percent' }

  it.each<[TargetObservation | undefined, Target, Locale, string]>([
    [{ value: 82.85 }, points, 'vi', '82,85 điểm'],
    [{ rank: 12 }, rank, 'vi', 'hạng 12'],
    [{ rank: 12 }, rank, 'en', 'rank 12'],
    [{ value: 15 }, rank, 'vi', 'hạng 15'],
    [{ rank: 45 }, points, 'vi', 'hạng 45'],
    [{ value: 97.5 }, percent, 'vi', '97,5%'],
    [undefined, points, 'vi', ''],
    [{}, points, 'vi', ''],
  ])('%j of %j in %s → %j', (observation, target, locale, words) => {
    expect(formatObservation(observation, target, locale)).toBe(words)
  })
})
